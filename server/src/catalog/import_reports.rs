//! The reports of imports made on the publishers' import page, kept so that
//! a report has an address (post, redirect, get) and only its author reads
//! it. This module owns the `import_reports` table.

use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::catalog::ImportMode;
use crate::store::Timestamp;

/// A kept report.
#[derive(Debug, Clone)]
pub struct StoredReport {
    /// The uploaded file's name.
    pub file_name: String,
    /// `strict` or `lenient`.
    pub mode: String,
    /// When.
    pub created_at: Timestamp,
    /// `stored`, `unchanged`, `refused` or `failed`.
    pub outcome: String,
    /// The report as JSON.
    pub report: Value,
}

/// Keeps the report of `author`'s import and returns its id.
pub async fn save_report(
    db: &mut AnyConnection,
    author: &AccountId,
    file_name: &str,
    mode: ImportMode,
    outcome: &str,
    report: &Value,
) -> Result<String, sqlx::Error> {
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let id = hex::encode(random);
    sqlx::query(
        "INSERT INTO import_reports (id, subject, created_at, file_name, mode, outcome, report) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(author.as_str())
    .bind(Timestamp::now().as_str())
    .bind(file_name)
    .bind(if mode == ImportMode::Lenient { "lenient" } else { "strict" })
    .bind(outcome)
    .bind(report.to_string())
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// The report `id`, when `author` made it.
pub async fn report(
    db: &mut AnyConnection,
    author: &AccountId,
    id: &str,
) -> Result<Option<StoredReport>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT file_name, mode, created_at, outcome, report FROM import_reports WHERE id = $1 AND subject = $2",
    )
    .bind(id)
    .bind(author.as_str())
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.map(|row| StoredReport {
        file_name: row.get(0),
        mode: row.get(1),
        created_at: Timestamp::from_stored(row.get::<String, _>(2)),
        outcome: row.get(3),
        report: serde_json::from_str(&row.get::<String, _>(4)).unwrap_or(Value::Null),
    }))
}

/// Import reports as personal data: which files were imported, when and
/// how it went; erased with the account (only its author ever read them).
pub const IMPORT_REPORTS_PERSONAL_DATA: PersonalData = PersonalData {
    key: "import_reports",
    table: "import_reports",
    columns: &["subject", "file_name"],
    export: Export::Rows {
        query: "SELECT id, created_at, file_name, mode, outcome FROM import_reports WHERE subject = $1 ORDER BY created_at",
        row: |r| {
            json!({
                "id": r.get::<String, _>(0),
                "created": r.get::<String, _>(1),
                "file": r.get::<String, _>(2),
                "mode": r.get::<String, _>(3),
                "outcome": r.get::<String, _>(4),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM import_reports WHERE subject = $1"),
};
