//! The catalog as the server sees it: reading records out of the RDF store
//! for the pages. (Import, validation and the machine endpoints follow.)

mod labels;
mod reader;

pub use labels::pick_literal;
pub use reader::StoreCatalogReader;
