//! Every version of every record, in SQL (`record_versions`). Rows are
//! written before the RDF store commits; the RDF store's `dcat:version` on
//! the catalog record says which rows are real (see the migration).

use serde::Serialize;
use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// One version about to be written.
#[derive(Debug, Clone)]
pub struct NewVersion {
    /// The record's resource IRI.
    pub record: String,
    /// Its version number (1 for a new record).
    pub version: i64,
    /// When.
    pub created_at: Timestamp,
    /// "created" or "updated".
    pub change: &'static str,
    /// The record's named graph as N-Quads.
    pub nquads: String,
    /// The record's SHACL results as JSON.
    pub results: String,
}

/// One line of a record's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VersionInfo {
    /// The version number.
    pub version: i64,
    /// When it was written.
    pub created_at: String,
    /// "created" or "updated".
    pub change: String,
}

/// Writes `versions` (run it in a transaction: all rows or none), replacing
/// rows at or above each version (left by a write that never reached the
/// RDF store).
pub async fn write_versions(
    db: &mut AnyConnection,
    versions: &[NewVersion],
) -> Result<(), sqlx::Error> {
    for version in versions {
        sqlx::query("DELETE FROM record_versions WHERE record_iri = $1 AND version >= $2")
            .bind(&version.record)
            .bind(version.version)
            .execute(&mut *db)
            .await?;
        sqlx::query(
            "INSERT INTO record_versions (record_iri, version, created_at, change, nquads, results) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&version.record)
        .bind(version.version)
        .bind(version.created_at.as_str())
        .bind(version.change)
        .bind(&version.nquads)
        .bind(&version.results)
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// The versions of `record` up to `current`, oldest first.
pub async fn list_versions(
    db: &mut AnyConnection,
    record: &str,
    current: i64,
) -> Result<Vec<VersionInfo>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT version, created_at, change FROM record_versions \
         WHERE record_iri = $1 AND version <= $2 ORDER BY version",
    )
    .bind(record)
    .bind(current)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| VersionInfo {
            version: row.get(0),
            created_at: row.get(1),
            change: row.get(2),
        })
        .collect())
}

/// The N-Quads of one version of `record`, if it exists and is not above
/// `current`.
pub async fn version_nquads(
    db: &mut AnyConnection,
    record: &str,
    version: i64,
    current: i64,
) -> Result<Option<String>, sqlx::Error> {
    if version > current {
        return Ok(None);
    }
    version_column(db, "nquads", record, version).await
}

/// The SHACL results (JSON) stored with one version of `record`.
pub async fn version_results(
    db: &mut AnyConnection,
    record: &str,
    version: i64,
) -> Result<Option<String>, sqlx::Error> {
    version_column(db, "results", record, version).await
}

/// One text column (`nquads` or `results`) of one version's row.
async fn version_column(
    db: &mut AnyConnection,
    column: &'static str,
    record: &str,
    version: i64,
) -> Result<Option<String>, sqlx::Error> {
    let query =
        format!("SELECT {column} FROM record_versions WHERE record_iri = $1 AND version = $2");
    let row = sqlx::query(&query)
        .bind(record)
        .bind(version)
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.map(|r| r.get(0)))
}

/// The N-Quads of the given versions, by record IRI (records without a row
/// are absent).
pub async fn snapshots(
    db: &mut AnyConnection,
    wanted: &[(String, i64)],
) -> Result<std::collections::HashMap<String, String>, sqlx::Error> {
    Ok(snapshots_with_results(db, wanted)
        .await?
        .into_iter()
        .map(|(iri, (nquads, _))| (iri, nquads))
        .collect())
}

/// The N-Quads and SHACL results (JSON) of the given versions, by record
/// IRI (records without a row are absent).
pub async fn snapshots_with_results(
    db: &mut AnyConnection,
    wanted: &[(String, i64)],
) -> Result<std::collections::HashMap<String, (String, String)>, sqlx::Error> {
    let mut out = std::collections::HashMap::with_capacity(wanted.len());
    for chunk in wanted.chunks(200) {
        let placeholders: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql_text = format!(
            "SELECT record_iri, nquads, results FROM record_versions WHERE (record_iri, version) IN (VALUES {})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql_text);
        for (iri, version) in chunk {
            query = query.bind(iri).bind(*version);
        }
        for row in query.fetch_all(&mut *db).await? {
            out.insert(
                row.get::<String, _>(0),
                (row.get::<String, _>(1), row.get::<String, _>(2)),
            );
        }
    }
    Ok(out)
}

/// How many `sh:Violation`s a stored results column holds.
pub fn violations_in(results: &str) -> usize {
    serde_json::from_str::<Vec<serde_json::Value>>(results)
        .map(|all| all.iter().filter(|r| r["severity"] == "Violation").count())
        .unwrap_or(0)
}
