//! Password reset by a one-time link: a random secret in the link, only
//! its hash in the table; valid for an hour and once. Using it proves the
//! email, sets the new password and ends every session of the account.

use sqlx::Row;

use crate::auth::accounts::{AccountError, account_by_email, mark_email_verified, set_password};
use crate::auth::{Account, random_secret, sha256_hex, unix_now};
use crate::store::{SqlStore, now_rfc3339};

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
    /// The code the forms use to show the message (`error=…`).
    pub fn code(&self) -> &'static str {
        match self {
            ResetError::Unknown => "reset_unknown",
            ResetError::Expired => "reset_expired",
            ResetError::Used => "reset_used",
            ResetError::Account(err) => err.code(),
            ResetError::Sql(_) => "unavailable",
        }
    }
}

/// Makes a reset link secret for the account with `email`, when there is
/// one that is not deleted; the caller mails it. `None` says nothing to the
/// person asking (the page answers the same either way).
pub async fn start_reset(
    sql: &SqlStore,
    email: &str,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    let Some(account) = account_by_email(sql, email).await? else {
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
    .bind(&account.id)
    .bind(now_rfc3339())
    .bind(unix_now() + RESET_SECONDS)
    .execute(sql.pool())
    .await?;
    Ok(Some((account, secret)))
}

/// Whether the link with `secret` can still be used: the account id.
pub async fn check_reset(sql: &SqlStore, secret: &str) -> Result<String, ResetError> {
    let row = sqlx::query(
        "SELECT account_id, expires_at, used_at FROM password_resets WHERE token_hash = $1",
    )
    .bind(sha256_hex(secret.trim()))
    .fetch_optional(sql.pool())
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
    Ok(row.get(0))
}

/// Uses the link: sets `password`, proves the email, ends every session
/// and every other reset link of the account. Returns the account id.
pub async fn finish_reset(
    sql: &SqlStore,
    secret: &str,
    password: &str,
) -> Result<String, ResetError> {
    let account_id = check_reset(sql, secret).await?;
    // Claim the link first, so two uses racing cannot both succeed.
    let claimed = sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(now_rfc3339())
    .bind(sha256_hex(secret.trim()))
    .execute(sql.pool())
    .await?;
    if claimed.rows_affected() != 1 {
        return Err(ResetError::Used);
    }
    if let Err(err) = set_password(sql, &account_id, password).await {
        // A refused password leaves the link usable for a better one.
        sqlx::query("UPDATE password_resets SET used_at = NULL WHERE token_hash = $1")
            .bind(sha256_hex(secret.trim()))
            .execute(sql.pool())
            .await?;
        return Err(err.into());
    }
    mark_email_verified(sql, &account_id).await?;
    sqlx::query("DELETE FROM password_resets WHERE account_id = $1 AND used_at IS NULL")
        .bind(&account_id)
        .execute(sql.pool())
        .await?;
    crate::auth::end_account_sessions(sql, &account_id).await?;
    Ok(account_id)
}
