//! Writing a graph in the syntax a client asked for, with the usual DCAT-AP
//! prefixes so that Turtle, JSON-LD and RDF/XML stay readable.

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Graph, NamedOrBlankNode, Term, Triple};

/// Prefixes written into Turtle, JSON-LD and RDF/XML.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("dcatap", "http://data.europa.eu/r5r/"),
    ("hydra", "http://www.w3.org/ns/hydra/core#"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("sh", "http://www.w3.org/ns/shacl#"),
];

/// `graph` in `format` (quad formats get the default graph), triples in a
/// stable order so the same graph always gives the same bytes.
pub fn serialize_graph(graph: &Graph, format: RdfFormat) -> Vec<u8> {
    serialize_triples(graph.iter().map(|t| t.into_owned()).collect(), format)
}

/// [`serialize_graph`] for a list of triples.
pub fn serialize_triples(mut triples: Vec<Triple>, format: RdfFormat) -> Vec<u8> {
    if format == RdfFormat::NTriples {
        // The sort key is the N-Triples line itself: write the sorted keys.
        let mut lines: Vec<String> = triples.iter().map(Triple::to_string).collect();
        lines.sort_unstable();
        let mut out = Vec::with_capacity(lines.iter().map(|l| l.len() + 3).sum());
        for line in lines {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(b" .\n");
        }
        return out;
    }
    // Each triple's N-Triples form is computed once, not per comparison.
    triples.sort_by_cached_key(Triple::to_string);
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(
        format,
        RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml | RdfFormat::JsonLd { .. }
    ) {
        for (prefix, iri) in PREFIXES {
            if uses_namespace(&triples, iri) {
                serializer = serializer
                    .with_prefix(*prefix, *iri)
                    .expect("the built-in prefixes are valid IRIs");
            }
        }
    }
    let mut writer = serializer.for_writer(Vec::new());
    for triple in &triples {
        // Writing into a Vec cannot fail; a triple RDF/XML cannot express
        // (a predicate IRI without a local name) is the only error left.
        if let Err(err) = writer.serialize_triple(triple) {
            tracing::warn!(error = %err, "a triple could not be written in the requested syntax");
        }
    }
    writer.finish().unwrap_or_default()
}

fn uses_namespace(triples: &[Triple], namespace: &str) -> bool {
    triples.iter().any(|t| {
        let in_ns = |term: &Term| {
            matches!(term, Term::NamedNode(n) if n.as_str().starts_with(namespace))
                || matches!(term, Term::Literal(l) if l.datatype().as_str().starts_with(namespace))
        };
        matches!(&t.subject, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(namespace))
            || t.predicate.as_str().starts_with(namespace)
            || in_ns(&t.object)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};

    #[test]
    fn every_syntax_reads_back_to_the_same_graph() {
        let graph = parse_graph(
            br#"@prefix dct: <http://purl.org/dc/terms/> .
            <https://x.example/d> dct:title "Trees"@en , "Arbres"@fr ; dct:publisher [ dct:title "City" ] ."#,
            RdfFormat::Turtle,
            "https://x.example/",
            Strictness::Strict,
        )
        .unwrap();
        for format in [
            RdfFormat::Turtle,
            RdfFormat::NTriples,
            RdfFormat::RdfXml,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ] {
            let bytes = serialize_graph(&graph, format);
            let back = parse_graph(&bytes, format, "https://x.example/", Strictness::Strict)
                .unwrap_or_else(|e| panic!("{format}: {e}"));
            assert!(
                crate::catalog::same_description(&graph, &back),
                "{format}:\n{}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
}
