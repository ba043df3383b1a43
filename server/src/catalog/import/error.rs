//! Why an import stored nothing.

use crate::catalog::import::ImportSummary;
use crate::catalog::store::CatalogStoreError;
use crate::rdf::ParseError;
use crate::shacl::ShaclError;

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The body is not RDF in the declared syntax.
    #[error("The body is not valid RDF: {}", .error.located_message())]
    Parse {
        /// Where and why.
        error: ParseError,
        /// Whether `?mode=lenient` would read it.
        lenient_would_parse: bool,
    },
    /// The body holds no dataset, data service or dataset series.
    #[error("The body holds no dcat:Dataset, dcat:DataService or dcat:DatasetSeries to import.")]
    NoRecords,
    /// Records of another organisation than the writer's.
    #[error("Nothing was stored: {} record(s) are not yours to write. {}", .0.len(), .0.iter().map(|r| format!("{}: {}", r.record, r.reason)).collect::<Vec<_>>().join(" "))]
    OutOfScope(Vec<crate::auth::OutOfScope>),
    /// Strict mode and a record does not conform (the summary says which).
    #[error("Nothing was stored: {} record(s) have SHACL violations or cannot be stored. Fix them, or import with mode=lenient.", .0.records_with_violations + .0.refused.len())]
    Refused(Box<ImportSummary>),
    /// Validation itself failed.
    #[error(transparent)]
    Shacl(#[from] ShaclError),
    /// A store failed; nothing was committed.
    #[error(transparent)]
    Store(#[from] CatalogStoreError),
    /// The history table failed; nothing was committed.
    #[error("Could not write the record history: {0}")]
    History(#[from] sqlx::Error),
    /// The stored records could not be read; nothing was committed.
    #[error(transparent)]
    Read(#[from] crate::catalog::ReadError),
    /// The CPU-bound part panicked or was cancelled.
    #[error("The import task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}
