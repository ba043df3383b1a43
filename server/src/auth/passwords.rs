//! Passwords: the rules a new one must meet, and Argon2id hashes (the
//! crate's defaults: Argon2id v19, 19 MiB, 2 passes, as OWASP advises).

use std::collections::HashSet;
use std::sync::LazyLock;

use app::account::Notice;
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted (hashing cost grows with length).
pub const MAX_PASSWORD_CHARS: usize = 200;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    TooShort,
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    TooLong,
    /// In the common-password list, or one of its entries dressed up.
    Common,
}

impl PasswordProblem {
    /// The answer the forms redirect with (`error=…`).
    pub fn code(self) -> Notice {
        match self {
            PasswordProblem::TooShort => Notice::PasswordShort,
            PasswordProblem::TooLong => Notice::PasswordLong,
            PasswordProblem::Common => Notice::PasswordCommon,
        }
    }
}

/// Checks a new password against the rules.
pub fn check_new_password(password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    if is_common(password) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

/// Whether `password` is a common password, also with digits or
/// punctuation around it (`Password2024!`) or repeated (`dragondragon`).
fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return true;
    }
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    if core.is_empty() {
        // No letters: few distinct characters, or digits counting up or down.
        return lower.chars().collect::<HashSet<_>>().len() < 6 || is_run(&lower);
    }
    if COMMON.contains(core) {
        return true;
    }
    // The same word twice or more.
    let len = core.chars().count();
    (1..=len / 2).any(|part| {
        len % part == 0 && {
            let unit: String = core.chars().take(part).collect();
            unit.repeat(len / part) == core && COMMON.contains(unit.as_str())
        }
    })
}

/// Whether `text` is digits counting up or down (`123456789012`).
fn is_run(text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != text.chars().count() {
        return false;
    }
    let step = |d: i32| {
        digits
            .windows(2)
            .all(|w| (w[0] as i32 + d).rem_euclid(10) == w[1] as i32)
    };
    step(1) || step(-1)
}

/// The Argon2id hash of `password`, as a PHC string.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| format!("could not hash the password: {e}"))
}

/// Whether `password` matches `hash` (a PHC string). An unreadable hash
/// never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time a verification takes, so that an unknown email answers
/// as slowly as a wrong password.
pub fn verify_nothing(password: &str) {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash_password("not a real password at all").unwrap_or_default());
    let _ = verify_password(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_common_passwords_are_refused() {
        assert_eq!(
            check_new_password("eleven char"),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_new_password(&"x".repeat(201)),
            Err(PasswordProblem::TooLong)
        );
        assert_eq!(
            check_new_password("qwerty123456"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("Password2024!!"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("dragondragon"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("123456789012"),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("111111222222"),
            Err(PasswordProblem::Common)
        );
    }

    #[test]
    fn long_unusual_passwords_are_accepted() {
        assert_eq!(check_new_password("correct horse battery staple"), Ok(()));
        assert_eq!(check_new_password("Gent-fietsstraat-2031"), Ok(()));
        assert_eq!(check_new_password("äöü straße 12"), Ok(()));
    }

    #[test]
    fn the_list_is_loaded() {
        assert!(COMMON.len() > 19_000, "{}", COMMON.len());
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let hash = hash_password("correct horse battery staple").unwrap();
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert!(verify_password("correct horse battery staple", &hash));
        assert!(!verify_password("correct horse battery stapler", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }
}
