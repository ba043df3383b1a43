//! Password reset by a one-time link: a random secret in the link, only
//! its hash in the table; valid for an hour and once. Using it proves the
//! email, sets the new password and ends every session of the account.

use app::account::Notice;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::accounts::{AccountError, account_by_email, mark_email_verified, set_password};
use crate::auth::personal_data::{Erase, Export, PersonalData, execute_for};
use crate::auth::{Account, AccountId, random_secret, sha256_hex, unix_now};
use crate::store::{SqlStore, Timestamp};

/// How long a reset link works.
pub const RESET_SECONDS: i64 = 3600;

/// Why a reset link does not work, or why the new password was refused.
#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    /// No such link (mistyped, or from another site).
    #[error("This reset link is not valid.")]
    Unknown,
    /// Older than an hour.
    #[error("This reset link has expired.")]
    Expired,
    /// Already used once.
    #[error("This reset link has already been used.")]
    Used,
    /// The new password breaks a rule, or storage failed.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// The database failed.
    #[error("Reset storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl ResetError {
    /// The answer the forms redirect with (`error=…`).
    pub fn code(&self) -> Notice {
        match self {
            ResetError::Unknown => Notice::ResetUnknown,
            ResetError::Expired => Notice::ResetExpired,
            ResetError::Used => Notice::ResetUsed,
            ResetError::Account(err) => err.code(),
            ResetError::Sql(_) => Notice::Unavailable,
        }
    }
}

/// Makes a reset link secret for the account with `email`, when there is
/// one that is not deleted; the caller mails it. `None` says nothing to the
/// person asking (the page answers the same either way).
pub async fn start_reset(
    db: &mut AnyConnection,
    email: &str,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    let Some(account) = account_by_email(db, email).await? else {
        return Ok(None);
    };
    if account.deleted {
        return Ok(None);
    }
    let secret = random_secret();
    sqlx::query(
        "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(sha256_hex(&secret))
    .bind(account.id.as_str())
    .bind(Timestamp::now().as_str())
    .bind(unix_now() + RESET_SECONDS)
    .execute(&mut *db)
    .await?;
    Ok(Some((account, secret)))
}

/// Whether the link with `secret` can still be used: the account id.
pub async fn check_reset(db: &mut AnyConnection, secret: &str) -> Result<AccountId, ResetError> {
    let row = sqlx::query(
        "SELECT account_id, expires_at, used_at FROM password_resets WHERE token_hash = $1",
    )
    .bind(sha256_hex(secret.trim()))
    .fetch_optional(&mut *db)
    .await?;
    let Some(row) = row else {
        return Err(ResetError::Unknown);
    };
    if row.get::<Option<String>, _>(2).is_some() {
        return Err(ResetError::Used);
    }
    if row.get::<i64, _>(1) < unix_now() {
        return Err(ResetError::Expired);
    }
    Ok(AccountId::from_stored(row.get::<String, _>(0)))
}

/// Uses the link `secret` to set `password`: proves the email, ends every
/// session of the account, and forgets the account's other links; all in
/// one transaction, so a refused password leaves the link usable.
pub async fn finish_reset(
    sql: &SqlStore,
    secret: &str,
    password: &str,
) -> Result<AccountId, ResetError> {
    let mut tx = sql.begin().await?;
    let account_id = check_reset(&mut tx, secret).await?;
    // Claim the link first, so two uses racing cannot both succeed.
    let claimed = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(Timestamp::now().as_str())
    .bind(sha256_hex(secret.trim()))
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(ResetError::Used);
    }
    set_password(&mut tx, &account_id, password).await?;
    mark_email_verified(&mut tx, &account_id).await?;
    execute_for(
        &mut tx,
        "DELETE FROM password_resets WHERE account_id = $1 AND used_at IS NULL",
        &account_id,
    )
    .await?;
    crate::auth::end_account_sessions(&mut tx, &account_id).await?;
    tx.commit().await?;
    Ok(account_id)
}

/// Reset links as personal data: when each was asked for and used;
/// erased with the account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "password_resets",
    table: "password_resets",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT created_at, used_at FROM password_resets WHERE account_id = $1 ORDER BY created_at",
        row: |r| json!({ "asked": r.get::<String, _>(0), "used": r.get::<Option<String>, _>(1) }),
    },
    erase: Erase::Statement("DELETE FROM password_resets WHERE account_id = $1"),
};
