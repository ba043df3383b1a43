//! The catalog for the pages: the adapters between the catalog's domain
//! (records, import, history, store, in `catalog/`) and the app's service
//! traits. `reader.rs` serves the search and record pages, `publishing.rs`
//! the publishers' side; `view/` puts a record in words, `forms/` maps the
//! record form to and from RDF and keeps its drafts.

pub mod forms;
mod publishing;
mod reader;
pub mod view;

pub use publishing::PublishingService;
pub use reader::CatalogPages;
