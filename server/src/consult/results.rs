//! What came out of a process: the table `consult_results` — the city's
//! summary, and the results dataset last published in the catalog with
//! the hash of its graph.

use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// A process's results as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    /// The city's summary, Markdown.
    pub summary: String,
    /// The results dataset's IRI, once published.
    pub dataset_iri: Option<String>,
    /// The hash of the graph last published.
    pub published_hash: Option<String>,
}

/// Process `process_id`'s results (empty when nothing was written).
pub async fn get(db: &mut AnyConnection, process_id: &str) -> Result<Stored, sqlx::Error> {
    let row = sqlx::query(
        "SELECT summary, dataset_iri, published_hash FROM consult_results WHERE process_id = $1",
    )
    .bind(process_id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.map_or_else(Stored::default, |r| Stored {
        summary: r.get(0),
        dataset_iri: r.get(1),
        published_hash: r.get(2),
    }))
}

async fn ensure(db: &mut AnyConnection, process_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consult_results (process_id) VALUES ($1) ON CONFLICT (process_id) DO NOTHING",
    )
    .bind(process_id)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Writes the city's summary of process `process_id`.
pub async fn set_summary(
    db: &mut AnyConnection,
    process_id: &str,
    summary: &str,
) -> Result<(), sqlx::Error> {
    ensure(&mut *db, process_id).await?;
    sqlx::query("UPDATE consult_results SET summary = $1, summary_at = $2 WHERE process_id = $3")
        .bind(summary)
        .bind(Timestamp::now().as_str())
        .bind(process_id)
        .execute(&mut *db)
        .await
        .map(|_| ())
}

/// Records that the results dataset `iri` was published with `hash`.
pub async fn set_published(
    db: &mut AnyConnection,
    process_id: &str,
    iri: &str,
    hash: &str,
) -> Result<(), sqlx::Error> {
    ensure(&mut *db, process_id).await?;
    sqlx::query(
        "UPDATE consult_results SET dataset_iri = $1, published_hash = $2, published_at = $3 \
         WHERE process_id = $4",
    )
    .bind(iri)
    .bind(hash)
    .bind(Timestamp::now().as_str())
    .bind(process_id)
    .execute(&mut *db)
    .await
    .map(|_| ())
}
