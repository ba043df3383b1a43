//! People's accounts: creation, password sign-in, profile changes and
//! deletion. Emails are kept in lower case; pseudonyms are public and
//! unique regardless of case.

use std::str::FromStr;

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::auth::passwords::{
    PasswordProblem, check_new_password, hash_password, verify_nothing, verify_password,
};
use crate::store::{SqlStore, now_rfc3339};

/// A site role. Being a publisher is not a role but membership of an
/// organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Takes part in consultations.
    Citizen,
    /// Also moderates contributions.
    Moderator,
    /// Also manages organisations, memberships and roles.
    Admin,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::Citizen, Role::Moderator, Role::Admin];
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| format!("unknown role {s:?}: expected citizen, moderator or admin"))
    }
}

/// An account as the rest of Plaza sees it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Random id.
    pub id: String,
    /// Lower-cased email; `None` once deleted.
    pub email: Option<String>,
    /// Whether the person proved they read this email.
    pub email_verified: bool,
    /// Whether the account can sign in with a password.
    pub has_password: bool,
    /// Public name shown on contributions.
    pub pseudonym: String,
    /// Site role.
    pub role: Role,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Whether it was deleted.
    pub deleted: bool,
}

/// Why an account could not be created or changed. The messages are for
/// logs and the command line; the forms use [`AccountError::code`].
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Not an email address.
    #[error("{0:?} is not an email address (like name@example.org).")]
    BadEmail(String),
    /// The email belongs to another account.
    #[error("An account with this email already exists; sign in or reset its password.")]
    EmailTaken,
    /// The pseudonym is empty, too long or has characters not allowed.
    #[error(
        "A pseudonym has 2 to 40 letters, digits, spaces, dots, hyphens or underscores, and starts with a letter or digit."
    )]
    BadPseudonym,
    /// The pseudonym is someone else's.
    #[error("The pseudonym {0:?} is taken; choose another.")]
    PseudonymTaken(String),
    /// The password breaks a rule.
    #[error("The password is refused ({}).", .0.code())]
    Password(PasswordProblem),
    /// Hashing failed.
    #[error("{0}")]
    Hash(String),
    /// The database failed.
    #[error("Account storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl AccountError {
    /// The code the forms use to show the message (`error=…`).
    pub fn code(&self) -> &'static str {
        match self {
            AccountError::BadEmail(_) => "email_invalid",
            AccountError::EmailTaken => "email_taken",
            AccountError::BadPseudonym => "pseudonym_invalid",
            AccountError::PseudonymTaken(_) => "pseudonym_taken",
            AccountError::Password(problem) => problem.code(),
            AccountError::Hash(_) | AccountError::Sql(_) => "unavailable",
        }
    }
}

/// A new account's details.
#[derive(Debug, Clone, Default)]
pub struct NewAccount<'a> {
    /// Email as typed.
    pub email: &'a str,
    /// Password as typed; `None` for OpenID Connect accounts.
    pub password: Option<&'a str>,
    /// Pseudonym as typed.
    pub pseudonym: &'a str,
    /// Whether the email is already proven (a provider said so).
    pub email_verified: bool,
}

const COLUMNS: &str =
    "id, email, email_verified_at, password_hash, pseudonym, role, created_at, deleted_at";

/// Lower-cases and checks an email address.
pub fn normalise_email(email: &str) -> Result<String, AccountError> {
    let email = email.trim().to_lowercase();
    if email.len() > 320 || lettre::Address::from_str(&email).is_err() {
        return Err(AccountError::BadEmail(email));
    }
    Ok(email)
}

/// Trims and checks a pseudonym.
pub fn normalise_pseudonym(pseudonym: &str) -> Result<String, AccountError> {
    let pseudonym = pseudonym.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = pseudonym.chars().count();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_');
    let first_ok = pseudonym.chars().next().is_some_and(char::is_alphanumeric);
    if !(2..=40).contains(&count) || !first_ok || !pseudonym.chars().all(allowed) {
        return Err(AccountError::BadPseudonym);
    }
    if pseudonym.to_lowercase().starts_with("deleted") {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    Ok(pseudonym)
}

/// Creates an account with role citizen.
pub async fn create_account(sql: &SqlStore, new: NewAccount<'_>) -> Result<Account, AccountError> {
    let email = normalise_email(new.email)?;
    let pseudonym = normalise_pseudonym(new.pseudonym)?;
    let password_hash = match new.password {
        Some(password) => {
            check_new_password(password).map_err(AccountError::Password)?;
            Some(hash_password(password).map_err(AccountError::Hash)?)
        }
        None => None,
    };
    if account_by_email(sql, &email).await?.is_some() {
        return Err(AccountError::EmailTaken);
    }
    if pseudonym_taken(sql, &pseudonym, None).await? {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    let id = random_id();
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO accounts (id, email, email_verified_at, password_hash, pseudonym, role, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'citizen', $6)",
    )
    .bind(&id)
    .bind(&email)
    .bind(new.email_verified.then(|| now.clone()))
    .bind(password_hash)
    .bind(&pseudonym)
    .bind(&now)
    .execute(sql.pool())
    .await
    .map_err(|err| match err {
        // Two sign-ups racing for the same email or pseudonym.
        sqlx::Error::Database(db) if db.is_unique_violation() => AccountError::EmailTaken,
        other => AccountError::Sql(other),
    })?;
    Ok(account(sql, &id)
        .await?
        .expect("the account was just inserted"))
}

/// The account `id`, deleted ones included.
pub async fn account(sql: &SqlStore, id: &str) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
        .bind(id)
        .fetch_optional(sql.pool())
        .await?;
    Ok(row.map(|row| from_row(&row)))
}

/// The account with `email` (lower-cased), if any.
pub async fn account_by_email(sql: &SqlStore, email: &str) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE email = $1"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(sql.pool())
        .await?;
    Ok(row.map(|row| from_row(&row)))
}

/// The account whose email and password match. Takes as long for an
/// unknown email as for a wrong password, and says nothing about which.
pub async fn authenticate(
    sql: &SqlStore,
    email: &str,
    password: &str,
) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE email = $1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(sql.pool())
        .await?;
    let found = row.map(|row| (row.get::<String, _>(0), row.get::<Option<String>, _>(1)));
    let password = password.to_owned();
    let matched = tokio::task::spawn_blocking(move || match found {
        Some((id, Some(hash))) => verify_password(&password, &hash).then_some(id),
        _ => {
            verify_nothing(&password);
            None
        }
    })
    .await
    .unwrap_or(None);
    match matched {
        Some(id) => account(sql, &id).await,
        None => Ok(None),
    }
}

/// Sets a new password (checked against the rules).
pub async fn set_password(sql: &SqlStore, id: &str, password: &str) -> Result<(), AccountError> {
    check_new_password(password).map_err(AccountError::Password)?;
    let owned = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&owned))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))?
        .map_err(AccountError::Hash)?;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(hash)
        .bind(id)
        .execute(sql.pool())
        .await?;
    Ok(())
}

/// Marks the email as proven (a reset link was used, a provider said so).
pub async fn mark_email_verified(sql: &SqlStore, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
    )
    .bind(now_rfc3339())
    .bind(id)
    .execute(sql.pool())
    .await?;
    Ok(())
}

/// Removes the password, so the account signs in through its provider only.
pub async fn remove_password(sql: &SqlStore, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = NULL WHERE id = $1")
        .bind(id)
        .execute(sql.pool())
        .await?;
    Ok(())
}

/// Changes the public pseudonym.
pub async fn set_pseudonym(sql: &SqlStore, id: &str, pseudonym: &str) -> Result<(), AccountError> {
    let pseudonym = normalise_pseudonym(pseudonym)?;
    if pseudonym_taken(sql, &pseudonym, Some(id)).await? {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    sqlx::query("UPDATE accounts SET pseudonym = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(&pseudonym)
        .bind(id)
        .execute(sql.pool())
        .await?;
    Ok(())
}

/// Sets the site role.
pub async fn set_role(sql: &SqlStore, id: &str, role: Role) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(role.as_str())
        .bind(id)
        .execute(sql.pool())
        .await?;
    Ok(())
}

/// Every account that is not deleted, by pseudonym.
pub async fn list_accounts(sql: &SqlStore) -> Result<Vec<Account>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM accounts WHERE deleted_at IS NULL ORDER BY lower(pseudonym)"
    ))
    .fetch_all(sql.pool())
    .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// Erases the account's personal data at once: email, password, pseudonym
/// (replaced by `deleted-…`), provider links, memberships, sessions, reset
/// links, form drafts and import reports, all in one transaction. The row stays so that public
/// contributions can say "a deleted participant".
pub async fn delete_account(sql: &SqlStore, id: &str) -> Result<(), sqlx::Error> {
    let mut tx = sql.pool().begin().await?;
    sqlx::query(
        "UPDATE accounts SET email = NULL, email_verified_at = NULL, password_hash = NULL, \
         pseudonym = $1, role = 'citizen', deleted_at = $2 WHERE id = $3",
    )
    .bind(format!("deleted-{id}"))
    .bind(now_rfc3339())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    for table in ["oidc_identities", "memberships", "password_resets"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE account_id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    // Unsaved form drafts and import reports were only ever theirs.
    for table in ["record_drafts", "import_reports"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE subject = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM sessions WHERE subject_kind = 'account' AND subject = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE api_tokens SET created_by = NULL WHERE created_by = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

async fn pseudonym_taken(
    sql: &SqlStore,
    pseudonym: &str,
    except: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM accounts WHERE lower(pseudonym) = lower($1)")
        .bind(pseudonym)
        .fetch_optional(sql.pool())
        .await?;
    Ok(row.is_some_and(|row| Some(row.get::<String, _>(0).as_str()) != except))
}

fn from_row(row: &AnyRow) -> Account {
    Account {
        id: row.get(0),
        email: row.get(1),
        email_verified: row.get::<Option<String>, _>(2).is_some(),
        has_password: row.get::<Option<String>, _>(3).is_some(),
        pseudonym: row.get(4),
        role: row.get::<String, _>(5).parse().unwrap_or(Role::Citizen),
        created_at: row.get(6),
        deleted: row.get::<Option<String>, _>(7).is_some(),
    }
}

/// A random 128-bit id as hex.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    hex::encode(bytes)
}
