//! Secrets shown once (a new API token): kept for the next page of the same
//! session, removed when shown or after ten minutes.

use sqlx::{AnyConnection, Row};

use crate::auth::{random_id, unix_now};

const REVEAL_SECONDS: i64 = 600;

/// Keeps `secret` for the session whose id hashes to `session_hash`;
/// returns the reveal's id for the next page's address.
pub async fn keep(
    db: &mut AnyConnection,
    session_hash: &str,
    secret: &str,
) -> Result<String, sqlx::Error> {
    sqlx::query("DELETE FROM one_time_reveals WHERE expires_at < $1")
        .bind(unix_now())
        .execute(&mut *db)
        .await?;
    let id = random_id();
    sqlx::query(
        "INSERT INTO one_time_reveals (id, session_hash, secret, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(session_hash)
    .bind(secret)
    .bind(unix_now() + REVEAL_SECONDS)
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// The secret `id` of this session, removed as it is read; `None` when it
/// was shown already, expired or belongs to another session.
pub async fn take(
    db: &mut AnyConnection,
    session_hash: &str,
    id: &str,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT secret FROM one_time_reveals WHERE id = $1 AND session_hash = $2 AND expires_at >= $3",
    )
    .bind(id)
    .bind(session_hash)
    .bind(unix_now())
    .fetch_optional(&mut *db)
    .await?;
    sqlx::query("DELETE FROM one_time_reveals WHERE id = $1 AND session_hash = $2")
        .bind(id)
        .bind(session_hash)
        .execute(&mut *db)
        .await?;
    Ok(row.map(|row| row.get(0)))
}
