//! The catalog records processes and proposals cite: the table
//! `consult_citations`. Each keeps the record's version when it was first
//! cited, so pages can say when the record changed since.

use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// The proposal number under which a process's own evidence is kept.
pub const PROCESS_EVIDENCE: i64 = 0;

/// A record cited, with its version when first cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The record's IRI.
    pub iri: String,
    /// Its version when first cited.
    pub version: i64,
}

/// Makes `cited` (in order) the citations of proposal `number` (or of the
/// process, [`PROCESS_EVIDENCE`]): records cited before keep the version
/// they were first cited at, the others get theirs.
pub async fn replace(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    cited: &[Cited],
) -> Result<(), sqlx::Error> {
    let before = of(&mut *db, process_id, number).await?;
    sqlx::query("DELETE FROM consult_citations WHERE process_id = $1 AND proposal_number = $2")
        .bind(process_id)
        .bind(number)
        .execute(&mut *db)
        .await?;
    let now = Timestamp::now();
    for (position, citation) in cited.iter().enumerate() {
        let version = before
            .iter()
            .find(|b| b.iri == citation.iri)
            .map_or(citation.version, |b| b.version);
        sqlx::query(
            "INSERT INTO consult_citations (process_id, proposal_number, record_iri, \
             record_version, position, cited_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(process_id)
        .bind(number)
        .bind(&citation.iri)
        .bind(version)
        .bind(position as i64)
        .bind(now.as_str())
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// The records proposal `number` (or the process) cites, in order.
pub async fn of(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Vec<Cited>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT record_iri, record_version FROM consult_citations \
         WHERE process_id = $1 AND proposal_number = $2 ORDER BY position",
    )
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| Cited {
            iri: r.get(0),
            version: r.get(1),
        })
        .collect())
}

/// Who cites the record `iri`: (process id, proposal number or
/// [`PROCESS_EVIDENCE`]) pairs.
pub async fn citing(db: &mut AnyConnection, iri: &str) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT process_id, proposal_number FROM consult_citations WHERE record_iri = $1 \
         ORDER BY process_id, proposal_number",
    )
    .bind(iri)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// The proposals of process `process_id` that cite `iri`.
pub async fn proposals_citing(
    db: &mut AnyConnection,
    process_id: &str,
    iri: &str,
) -> Result<Vec<i64>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT proposal_number FROM consult_citations \
         WHERE process_id = $1 AND record_iri = $2 AND proposal_number <> 0",
    )
    .bind(process_id)
    .bind(iri)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Every citation of process `process_id`'s proposals: per proposal
/// number, the IRIs it cites in order (the process's own evidence left
/// out).
pub async fn of_proposals(
    db: &mut AnyConnection,
    process_id: &str,
) -> Result<std::collections::HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT proposal_number, record_iri FROM consult_citations \
         WHERE process_id = $1 AND proposal_number <> $2 ORDER BY proposal_number, position",
    )
    .bind(process_id)
    .bind(PROCESS_EVIDENCE)
    .fetch_all(&mut *db)
    .await?;
    let mut cited: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for row in &rows {
        cited.entry(row.get(0)).or_default().push(row.get(1));
    }
    Ok(cited)
}
