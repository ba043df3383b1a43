//! The catalog as the server sees it: records split out of RDF bodies,
//! validated, stored one named graph each with their history, and read back
//! for pages and machines.

mod deletion;
pub(crate) mod history;
mod import;
pub mod import_reports;
mod labels;
mod links;
mod oxigraph_store;
pub mod pages;
mod record_graph;
mod records;
mod snapshot;
mod store;

pub use history::{VersionInfo, list_versions, version_nquads, version_results};
pub use import::{
    ImportError, ImportMode, ImportSummary, Importer, Outcome, RecordOutcome, validate_only,
};
pub use import_reports::IMPORT_REPORTS_PERSONAL_DATA;
pub use labels::pick_literal;
pub use links::{linked_records, record_types};
pub use oxigraph_store::OxigraphCatalogStore;
pub use pages::{CatalogPages, PublishingService};
pub use record_graph::{
    CatalogIris, RecordFacts, description_of, facts_of, same_description, tombstone_graph,
};
pub use records::{
    KindInRdf, RecordDraft, RecordKind, RefusedRecord, SplitBody, boundary_nodes, slug, split,
};
pub use snapshot::{ReadError, current_graphs, current_graphs_with_violations, graph_of_nquads};
pub use store::{CatalogStore, CatalogStoreError, RecordQuery, RecordSlice};
