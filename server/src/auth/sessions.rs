//! Sessions in SQL (SQLite and PostgreSQL alike), so they survive restarts
//! and several Plaza instances share them. The cookie carries a random id;
//! the table keeps only its SHA-256 hash. Every session belongs to an
//! account (`account_id` refers to `accounts`, migration 0008).

use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::personal_data::{Erase, Export, PersonalData, execute_for};
use crate::auth::{AccountId, random_secret, sha256_hex as hash, unix_now};
use crate::store::Timestamp;

/// How long a session lasts.
pub const SESSION_SECONDS: i64 = 8 * 3600;

/// Starts a session for `account` and returns the id for the cookie.
pub async fn start_session(
    db: &mut AnyConnection,
    account: &AccountId,
) -> Result<String, sqlx::Error> {
    let id = random_secret();
    // Expired sessions are removed as new ones start.
    sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
        .bind(unix_now())
        .execute(&mut *db)
        .await?;
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash(&id))
    .bind(account.as_str())
    .bind(Timestamp::now().as_str())
    .bind(unix_now() + SESSION_SECONDS)
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// The account of the unexpired session `id` (as in the cookie), if any.
pub async fn session_account(
    db: &mut AnyConnection,
    id: &str,
) -> Result<Option<AccountId>, sqlx::Error> {
    if id.len() != 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let row =
        sqlx::query("SELECT account_id FROM sessions WHERE id_hash = $1 AND expires_at >= $2")
            .bind(hash(id))
            .bind(unix_now())
            .fetch_optional(&mut *db)
            .await?;
    Ok(row.map(|row| AccountId::from_stored(row.get::<String, _>(0))))
}

/// Ends the session `id` (as in the cookie).
pub async fn end_session(db: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(hash(id))
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Ends every session of the account (sign out everywhere).
pub async fn end_account_sessions(
    db: &mut AnyConnection,
    account: &AccountId,
) -> Result<(), sqlx::Error> {
    execute_for(db, END_ACCOUNT_SESSIONS, account).await
}

const END_ACCOUNT_SESSIONS: &str = "DELETE FROM sessions WHERE account_id = $1";

/// Sessions as personal data: when each started and ends; erased with
/// the account (every device is signed out).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "sessions",
    table: "sessions",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT created_at, expires_at FROM sessions WHERE account_id = $1 ORDER BY created_at",
        row: |r| json!({ "started": r.get::<String, _>(0), "expires_unix": r.get::<i64, _>(1) }),
    },
    erase: Erase::Statement(END_ACCOUNT_SESSIONS),
};
