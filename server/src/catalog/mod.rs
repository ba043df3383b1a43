//! The catalog as the server sees it: records split out of RDF bodies,
//! stored one named graph each, and read back for pages and machines.

mod labels;
mod reader;
mod records;

pub use labels::pick_literal;
pub use reader::StoreCatalogReader;
pub use records::{RecordDraft, RecordKind, RefusedRecord, SplitBody, boundary_nodes, slug, split};
