//! Who is who and who may do what: accounts and passwords, reset links,
//! sessions, organisations and memberships, API tokens, and the audit log.

pub mod accounts;
pub mod audit;
pub mod oidc;
pub mod organisations;
mod pages;
pub mod passwords;
pub mod personal_data;
pub mod resets;
pub mod reveals;
mod sessions;
mod tokens;

pub use accounts::{Account, Role};
pub use organisations::Organisation;
pub use pages::AccountPages;
pub use sessions::{
    SESSION_SECONDS, Session, end_account_sessions, end_session, session, start_session,
};
pub use tokens::{
    ApiToken, TokenError, TokenScope, create_token, organisation_tokens, revoke_token,
    revoke_token_named, token_by_hash, verify_token,
};

use sha2::{Digest, Sha256};

/// The SHA-256 of `text` as hex: how secrets (session ids, tokens, reset
/// links) are stored.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A random 256-bit secret as hex.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    hex::encode(bytes)
}

/// Seconds since 1970.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
