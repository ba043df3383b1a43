//! The audit log of what administrators and moderators did (who, what,
//! when, to what), readable by administrators. Entries are only added.

use sqlx::Row;

use crate::auth::Account;
use crate::auth::accounts::random_id;
use crate::store::{SqlStore, now_rfc3339};

/// One entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When (RFC 3339).
    pub at: String,
    /// The actor's pseudonym at the time (`plaza` for the command line).
    pub actor: String,
    /// What was done (`organisation.create`, `membership.add`, …).
    pub action: String,
    /// To what (an organisation, an account's pseudonym, a token's name).
    pub target: String,
    /// Details in a sentence.
    pub detail: String,
}

/// Adds an entry. `actor` is `None` for the command line.
pub async fn record(
    sql: &SqlStore,
    actor: Option<&Account>,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, actor_name, action, target, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(random_id())
    .bind(now_rfc3339())
    .bind(actor.map(|a| a.id.clone()))
    .bind(actor.map_or("plaza (command line)".to_owned(), |a| a.pseudonym.clone()))
    .bind(action)
    .bind(target)
    .bind(detail)
    .execute(sql.pool())
    .await?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub async fn entries(sql: &SqlStore, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT at, actor_name, action, target, detail FROM audit_log ORDER BY at DESC, id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(sql.pool())
    .await?;
    Ok(rows
        .iter()
        .map(|row| AuditEntry {
            at: row.get(0),
            actor: row.get(1),
            action: row.get(2),
            target: row.get(3),
            detail: row.get(4),
        })
        .collect())
}
