//! RDF on the wire: which media types and file suffixes name which RDF
//! syntax, and HTTP content negotiation between HTML and RDF.

mod negotiation;

pub use negotiation::{
    Representation, negotiate, rdf_format_for_content_type, rdf_format_for_suffix,
};
