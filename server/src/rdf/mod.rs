//! RDF on the wire: which media types and file suffixes name which RDF
//! syntax, HTTP content negotiation between HTML and RDF, and reading and
//! writing RDF bodies.

mod contexts;
mod describe;
mod negotiation;
mod parse;
mod serialize;

pub use describe::describe;
pub use negotiation::{
    OFFERED, Representation, SUFFIXES, negotiate, negotiate_media, rdf_format_for_content_type,
    rdf_format_for_suffix,
};
pub use parse::{ParseError, Strictness, parse_graph};
pub use serialize::{PREFIXES, serialize_graph, serialize_triples};
