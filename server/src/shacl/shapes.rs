//! The official shapes Plaza validates against, loaded and compiled once.
//!
//! Before compiling, `sh:property` references to shapes that the file never
//! defines are dropped and logged: the DCAT-AP 3.0.1 release has two, and a
//! validator that gives up on every data service because of it is no use to
//! a publisher.

use std::collections::HashSet;
use std::sync::LazyLock;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use rudof_rdf::rdf_core::RDFFormat;
use shacl::ir::IRSchema;
use shacl::validator::store::ShaclDataManager;

const SH_PROPERTY: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#property");

/// One compiled set of shapes with the graph it came from (for messages).
pub struct ShapeSet {
    /// A short name for logs and reports, e.g. "DCAT-AP 3.0.1".
    pub name: &'static str,
    /// The shapes as RDF, after dropping dangling references.
    pub graph: Graph,
    /// The compiled form the validator runs.
    pub schema: IRSchema,
    /// The `sh:property` references that were dropped.
    pub dangling: Vec<String>,
}

/// Why a bundled shapes file could not be loaded (a build defect).
#[derive(Debug, thiserror::Error)]
#[error("Could not load the {name} shapes: {reason}")]
pub struct ShapesError {
    name: &'static str,
    reason: String,
}

static DCAT_AP: LazyLock<Result<ShapeSet, ShapesError>> =
    LazyLock::new(|| load("DCAT-AP 3.0.1", include_str!("shapes/dcat-ap-3.0.1.ttl")));

static HVD: LazyLock<Result<ShapeSet, ShapesError>> = LazyLock::new(|| {
    load(
        "DCAT-AP HVD 3.0.0",
        include_str!("shapes/dcat-ap-hvd-3.0.0.ttl"),
    )
});

/// The DCAT-AP 3.0.1 shapes (compiled on first use).
pub fn dcat_ap() -> Result<&'static ShapeSet, &'static ShapesError> {
    DCAT_AP.as_ref()
}

/// The DCAT-AP HVD 3.0.0 shapes (compiled on first use).
pub fn hvd() -> Result<&'static ShapeSet, &'static ShapesError> {
    HVD.as_ref()
}

fn load(name: &'static str, turtle: &str) -> Result<ShapeSet, ShapesError> {
    let error = |reason: String| ShapesError { name, reason };
    let mut graph = Graph::new();
    for triple in RdfParser::from_format(RdfFormat::Turtle).for_slice(turtle.as_bytes()) {
        graph.insert(&Triple::from(triple.map_err(|e| error(e.to_string()))?));
    }
    let dangling = drop_dangling_property_references(&mut graph);
    for reference in &dangling {
        tracing::warn!(
            shapes = name,
            reference = %reference,
            "shapes defect: sh:property names a shape the file never defines; the reference is ignored"
        );
    }
    let mut ntriples = Vec::new();
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut ntriples);
    for triple in &graph {
        serializer
            .serialize_triple(triple)
            .map_err(|e| error(e.to_string()))?;
    }
    serializer.finish().map_err(|e| error(e.to_string()))?;
    let schema = ShaclDataManager::load(&mut ntriples.as_slice(), name, &RDFFormat::NTriples, None)
        .map_err(|e| error(e.to_string()))?;
    Ok(ShapeSet {
        name,
        graph,
        schema,
        dangling,
    })
}

/// Removes `?shape sh:property ?p` where `?p` is an IRI with no triple of
/// its own; returns the IRIs removed.
fn drop_dangling_property_references(graph: &mut Graph) -> Vec<String> {
    let dangling: Vec<Triple> = graph
        .triples_for_predicate(SH_PROPERTY)
        .filter(|t| match t.object {
            oxigraph::model::TermRef::NamedNode(node) => graph
                .triples_for_subject(NamedOrBlankNode::from(node.into_owned()).as_ref())
                .next()
                .is_none(),
            _ => false,
        })
        .map(|t| t.into_owned())
        .collect();
    let mut names = HashSet::new();
    for triple in &dangling {
        graph.remove(triple);
        if let Term::NamedNode(node) = &triple.object {
            names.insert(node.as_str().to_owned());
        }
    }
    let mut names: Vec<String> = names.into_iter().collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dcat_ap_shapes_compile_without_their_two_dangling_references() {
        let shapes = dcat_ap().expect("compiles");
        let base = "https://semiceu.github.io/DCAT-AP/releases/3.0.1#dcat:DataServiceShape/";
        assert_eq!(
            shapes.dangling,
            vec![
                format!("{base}dc08f4dca4377fade57f89454e3fa06a8389d314"),
                format!("{base}eb3ac4e4fdde2e2588a9502c5956060a18c5c99f"),
            ]
        );
    }

    #[test]
    fn the_hvd_shapes_compile() {
        let shapes = hvd().expect("compiles");
        assert!(shapes.graph.len() > 100);
    }
}
