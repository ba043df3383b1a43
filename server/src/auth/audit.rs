//! The audit log of what administrators and moderators did (who, what,
//! when, to what), readable by administrators. Entries are only added.

use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::auth::{Account, random_id};
use crate::store::Timestamp;

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
    db: &mut AnyConnection,
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
    .bind(Timestamp::now().as_str())
    .bind(actor.map(|a| a.id.as_str().to_owned()))
    .bind(actor.map_or("plaza (command line)".to_owned(), |a| a.pseudonym.clone()))
    .bind(action)
    .bind(target)
    .bind(detail)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub async fn entries(db: &mut AnyConnection, limit: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT at, actor_name, action, target, detail FROM audit_log ORDER BY at DESC, id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&mut *db)
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

/// The audit log as personal data: the account's own actions are
/// exported; erasure keeps them, because what an administrator or
/// moderator did must stay accountable after they leave (the entry keeps
/// the pseudonym they had then, not their email).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "moderation_and_administration",
    table: "audit_log",
    columns: &["actor", "actor_name"],
    export: Export::Rows {
        query: "SELECT at, action, target, detail FROM audit_log WHERE actor = $1 ORDER BY at",
        row: |r| {
            json!({
                "at": r.get::<String, _>(0),
                "action": r.get::<String, _>(1),
                "target": r.get::<String, _>(2),
                "detail": r.get::<String, _>(3),
            })
        },
    },
    erase: Erase::Kept("what an administrator or moderator did stays accountable"),
};
