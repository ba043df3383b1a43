//! The reports of imports made on the publishers' import page, kept so that
//! a report has an address (post, redirect, get) and only its author reads
//! it. This module owns the `import_reports` table.

use app::catalog::publish::{ImportFailure, Outcome, ReportOutcome, Severity};
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::catalog::{ImportMode, RefusedRecord};
use crate::store::Timestamp;

/// A kept report.
#[derive(Debug, Clone)]
pub struct StoredReport {
    /// The uploaded file's name.
    pub file_name: String,
    /// Strict or lenient.
    pub mode: ImportMode,
    /// When.
    pub created_at: Timestamp,
    /// What the import gave.
    pub outcome: ReportOutcome,
    /// What the report says.
    pub report: ReportBody,
}

/// A kept report's JSON as the report page reads it: the importer's
/// summary, or why the import failed. Reports kept by earlier versions
/// (a `message` sentence instead of `failure`) read too; what cannot be
/// read is empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReportBody {
    /// The importer's summary, when the file was read.
    pub summary: Option<SummaryBody>,
    /// Why nothing was stored, when the file was not read or refused.
    pub failure: Option<ImportFailure>,
    /// The parser's words about where the file breaks (for `not_rdf`).
    pub detail: Option<String>,
    /// A sentence kept by earlier versions instead of `failure`.
    pub message: Option<String>,
    /// Whether lenient mode would read a file that failed to parse.
    pub lenient_would_parse: bool,
}

/// The summary part of a kept report (what `ImportSummary` wrote).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SummaryBody {
    /// Records created, updated, unchanged.
    pub created: u64,
    /// See `created`.
    pub updated: u64,
    /// See `created`.
    pub unchanged: u64,
    /// Records with at least one violation.
    pub records_with_violations: u64,
    /// Triples that belong to no record.
    pub unattached_triples: u64,
    /// Nodes that could not become records.
    pub refused: Vec<RefusedRecord>,
    /// Every record.
    pub records: Vec<RecordBody>,
}

/// One record of a kept summary.
#[derive(Debug, Clone, Deserialize)]
pub struct RecordBody {
    /// The record's IRI.
    pub iri: String,
    /// What happened to it.
    pub outcome: Outcome,
    /// Its SHACL results.
    #[serde(default)]
    pub results: Vec<ResultBody>,
}

/// One SHACL result of a kept record.
#[derive(Debug, Clone, Deserialize)]
pub struct ResultBody {
    /// The property path, when there is one.
    #[serde(default)]
    pub path: Option<String>,
    /// The node the result is about.
    #[serde(default)]
    pub focus_node: String,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong and what to do.
    #[serde(default)]
    pub message: String,
}

/// Keeps the report of `author`'s import and returns its id.
pub async fn save_report(
    db: &mut AnyConnection,
    author: &AccountId,
    file_name: &str,
    mode: ImportMode,
    outcome: ReportOutcome,
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
    .bind(mode.code())
    .bind(outcome.code())
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
        mode: ImportMode::from_code(&row.get::<String, _>(1)).unwrap_or_default(),
        created_at: Timestamp::from_stored(row.get::<String, _>(2)),
        outcome: ReportOutcome::from_code(&row.get::<String, _>(3))
            .unwrap_or(ReportOutcome::Failed),
        report: serde_json::from_str(&row.get::<String, _>(4)).unwrap_or_default(),
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
