//! Catalog search: an embedded tantivy index derived from the catalog
//! store (the one source of truth), written after every store write and
//! rebuildable from the store (`plaza reindex`).

mod document;
mod facets;
mod index;
mod query;
pub(crate) mod reader;
mod schema;
mod sort;
mod stats;
mod sync;

pub use document::{SearchDocument, Text, add_publisher_names, page_of, pick_text};
pub use facets::FacetKind;
pub use index::{SearchError, SearchIndex};
pub use query::{FacetCounts, SearchRequest, SearchResponse, SortOrder, words};
pub use reader::{SearchCatalogReader, request_of, summary};
pub use sort::sort_keys;
pub use stats::PublisherStats;
pub use sync::{Reconciled, Source, SyncError, reconcile, reindex};
