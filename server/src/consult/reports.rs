//! Reports of proposals and comments: the table `consult_reports`, one per
//! person and item (its unique key refuses a second).

use app::consult::{ItemKind, ReportReason};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// What is reported.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// Proposal number …
    Proposal(i64),
    /// Comment id …
    Comment(String),
}

impl Target {
    /// The target of `kind` whose key is `key` (a form's or a row's), if
    /// the key can be one.
    pub fn of(kind: ItemKind, key: &str) -> Option<Target> {
        match kind {
            ItemKind::Proposal => key.parse().ok().map(Target::Proposal),
            ItemKind::Comment if !key.is_empty() && key.len() <= 40 => {
                Some(Target::Comment(key.to_owned()))
            }
            ItemKind::Comment => None,
        }
    }

    /// Its kind.
    pub fn kind(&self) -> ItemKind {
        match self {
            Target::Proposal(_) => ItemKind::Proposal,
            Target::Comment(_) => ItemKind::Comment,
        }
    }

    /// Its kind and key as stored.
    pub fn stored(&self) -> (&'static str, String) {
        match self {
            Target::Proposal(n) => (self.kind().code(), n.to_string()),
            Target::Comment(id) => (self.kind().code(), id.clone()),
        }
    }

    fn from_stored(kind: &str, key: String) -> Option<Target> {
        Target::of(ItemKind::from_code(kind)?, &key)
    }
}

/// An open report.
#[derive(Debug, Clone)]
pub struct Report {
    /// Its process.
    pub process_id: String,
    /// What it reports.
    pub target: Target,
    /// Why.
    pub reason: ReportReason,
    /// What the reporter added.
    pub details: String,
    /// When.
    pub created_at: String,
}

/// Files `account`'s report; `false` if they reported the item before.
pub async fn add(
    db: &mut AnyConnection,
    process_id: &str,
    target: &Target,
    account: &AccountId,
    reason: ReportReason,
    details: &str,
) -> Result<bool, sqlx::Error> {
    let (kind, key) = target.stored();
    let done = sqlx::query(
        "INSERT INTO consult_reports (id, process_id, target_kind, target, account_id, reason, \
         details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
    )
    .bind(crate::auth::random_id())
    .bind(process_id)
    .bind(kind)
    .bind(key)
    .bind(account.as_str())
    .bind(reason.code())
    .bind(details)
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The open reports of one item, oldest first.
pub async fn open_on(
    db: &mut AnyConnection,
    process_id: &str,
    target: &Target,
) -> Result<Vec<Report>, sqlx::Error> {
    let (kind, key) = target.stored();
    let rows = sqlx::query(
        "SELECT process_id, target_kind, target, reason, details, created_at FROM consult_reports \
         WHERE process_id = $1 AND target_kind = $2 AND target = $3 AND resolved_at IS NULL \
         ORDER BY created_at",
    )
    .bind(process_id)
    .bind(kind)
    .bind(key)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().filter_map(report_of).collect())
}

fn report_of(r: &sqlx::any::AnyRow) -> Option<Report> {
    Some(Report {
        process_id: r.get(0),
        target: Target::from_stored(&r.get::<String, _>(1), r.get(2))?,
        reason: ReportReason::from_code(&r.get::<String, _>(3))?,
        details: r.get(4),
        created_at: r.get(5),
    })
}

/// Every open report, oldest first.
pub async fn all_open(db: &mut AnyConnection) -> Result<Vec<Report>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT process_id, target_kind, target, reason, details, created_at FROM consult_reports \
         WHERE resolved_at IS NULL ORDER BY created_at",
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().filter_map(report_of).collect())
}

/// Closes the open reports of one item with `resolution`.
pub async fn resolve(
    db: &mut AnyConnection,
    process_id: &str,
    target: &Target,
    resolution: &str,
) -> Result<(), sqlx::Error> {
    let (kind, key) = target.stored();
    sqlx::query(
        "UPDATE consult_reports SET resolved_at = $4, resolution = $5 \
         WHERE process_id = $1 AND target_kind = $2 AND target = $3 AND resolved_at IS NULL",
    )
    .bind(process_id)
    .bind(kind)
    .bind(key)
    .bind(Timestamp::now().as_str())
    .bind(resolution)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// A person's reports: exported; erased with the account (the
/// moderators' decisions stay in the audit log).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "reports",
    table: "consult_reports",
    columns: &["account_id", "details"],
    export: Export::Rows {
        query: "SELECT target_kind, target, reason, details, created_at, resolution \
                FROM consult_reports WHERE account_id = $1 ORDER BY created_at",
        row: |r| {
            json!({
                "kind": r.get::<String, _>(0),
                "target": r.get::<String, _>(1),
                "reason": r.get::<String, _>(2),
                "details": r.get::<String, _>(3),
                "reported": r.get::<String, _>(4),
                "resolution": r.get::<Option<String>, _>(5),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM consult_reports WHERE account_id = $1"),
};
