//! What an import answers: its mode, and what happened to each record.

use serde::Serialize;

use crate::catalog::records::{RecordKind, RefusedRecord};
use crate::shacl::ValidationResult;

pub use app::catalog::publish::{ImportMode, Outcome};

/// One record of an import summary.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecordOutcome {
    /// The record's IRI.
    pub iri: String,
    /// Dataset, data service or series.
    pub kind: RecordKind,
    /// What happened.
    pub outcome: Outcome,
    /// Its version after the import (absent when nothing was stored).
    pub version: Option<i64>,
    /// Its SHACL results.
    pub results: Vec<ValidationResult>,
}

/// The answer to an import.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportSummary {
    /// Strict or lenient.
    pub mode: ImportMode,
    /// Whether anything was written.
    pub stored: bool,
    /// Records created.
    pub created: usize,
    /// Records updated.
    pub updated: usize,
    /// Records unchanged.
    pub unchanged: usize,
    /// Records with at least one `sh:Violation`.
    pub records_with_violations: usize,
    /// Triples of the body that belong to no record (e.g. the source catalog).
    pub unattached_triples: usize,
    /// Records that cannot be stored at all.
    pub refused: Vec<RefusedRecord>,
    /// Every record, in IRI order.
    pub records: Vec<RecordOutcome>,
    /// SHACL results about nodes outside every record.
    pub other_results: Vec<ValidationResult>,
}
