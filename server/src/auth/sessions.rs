//! Sessions in SQL (SQLite and PostgreSQL alike), so they survive restarts
//! and several Plaza instances share them. The cookie carries a random id;
//! the table keeps only its SHA-256 hash.

use sqlx::Row;

use crate::auth::{random_secret, sha256_hex as hash, unix_now};
use crate::store::{SqlStore, now_rfc3339};

/// How long a session lasts.
pub const SESSION_SECONDS: i64 = 8 * 3600;

/// Who a session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// What kind of subject: `account`.
    pub kind: String,
    /// The subject: the account id.
    pub subject: String,
}

/// Starts a session for `subject` and returns the id for the cookie.
pub async fn start_session(
    sql: &SqlStore,
    kind: &str,
    subject: &str,
) -> Result<String, sqlx::Error> {
    let id = random_secret();
    // Expired sessions are removed as new ones start.
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(unix_now())
        .execute(sql.pool())
        .await?;
    sqlx::query(
        "INSERT INTO sessions (id_hash, subject_kind, subject, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash(&id))
    .bind(kind)
    .bind(subject)
    .bind(now_rfc3339())
    .bind(unix_now() + SESSION_SECONDS)
    .execute(sql.pool())
    .await?;
    Ok(id)
}

/// The session with cookie id `id`, if it exists and has not expired.
pub async fn session(sql: &SqlStore, id: &str) -> Result<Option<Session>, sqlx::Error> {
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT subject_kind, subject FROM sessions WHERE id_hash = $1 AND expires_at >= $2",
    )
    .bind(hash(id))
    .bind(unix_now())
    .fetch_optional(sql.pool())
    .await?;
    Ok(row.map(|row| Session {
        kind: row.get(0),
        subject: row.get(1),
    }))
}

/// Ends the session with cookie id `id`.
pub async fn end_session(sql: &SqlStore, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(hash(id))
        .execute(sql.pool())
        .await?;
    Ok(())
}

/// Ends every session of the account `account_id` (sign out everywhere,
/// a new password, deletion).
pub async fn end_account_sessions(sql: &SqlStore, account_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE subject_kind = 'account' AND subject = $1")
        .bind(account_id)
        .execute(sql.pool())
        .await?;
    Ok(())
}
