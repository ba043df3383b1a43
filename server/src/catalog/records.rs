//! Splitting a body of RDF into catalog records: every dataset, data
//! service and dataset series with its own description (distributions,
//! agents, contact points and blank nodes it points to). Records keep their
//! IRIs; a record written as a blank node gets one minted from its
//! `dct:identifier`, or is refused with a reason.

use std::collections::{HashMap, HashSet};

use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    Graph, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef, Triple,
};
use serde::Serialize;

use crate::rdf::describe;

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT_IDENTIFIER: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/identifier");

pub use app::catalog::RecordKind;

/// A record kind in RDF.
pub trait KindInRdf {
    /// The DCAT class.
    fn class(self) -> NamedNode;
    /// The catalog property that lists records of this kind.
    fn catalog_property(self) -> NamedNode;
}

impl KindInRdf for RecordKind {
    fn class(self) -> NamedNode {
        NamedNode::new_unchecked(format!("{DCAT}{}", self.class_name()))
    }

    fn catalog_property(self) -> NamedNode {
        let local = match self {
            RecordKind::DataService => "service",
            RecordKind::Dataset | RecordKind::DatasetSeries => "dataset",
        };
        NamedNode::new_unchecked(format!("{DCAT}{local}"))
    }
}

/// One record found in a body.
#[derive(Debug, Clone)]
pub struct RecordDraft {
    /// The record's resource IRI (kept from the body, or minted).
    pub iri: NamedNode,
    /// What it is.
    pub kind: RecordKind,
    /// Its description: the triples stored in its named graph.
    pub description: Graph,
}

/// A record that cannot be stored, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct RefusedRecord {
    /// How the record was written (`_:…` for a blank node).
    pub node: String,
    /// Why, and what to do.
    pub reason: String,
}

/// Everything a body holds, as records.
#[derive(Debug, Clone)]
pub struct SplitBody {
    /// The records, in IRI order.
    pub records: Vec<RecordDraft>,
    /// Records that cannot be stored.
    pub refused: Vec<RefusedRecord>,
    /// Triples that belong to no record (e.g. the source's own catalog).
    pub unattached_triples: usize,
    /// The body with minted IRIs in place of blank-node records.
    pub graph: Graph,
}

/// The nodes where one record's description stops: every record and catalog.
pub fn boundary_nodes(graph: &Graph) -> HashSet<NamedOrBlankNode> {
    let mut classes: Vec<NamedNode> = RecordKind::ALL.iter().map(|k| k.class()).collect();
    classes.push(NamedNode::new_unchecked(format!("{DCAT}Catalog")));
    classes
        .iter()
        .flat_map(|class| graph.subjects_for_predicate_object(rdf::TYPE, class))
        .map(NamedOrBlankNodeRef::into_owned)
        .collect()
}

/// Finds the records of `graph`, minting IRIs under `base` (which ends with
/// `/`) for blank-node records that carry a `dct:identifier`.
pub fn split(graph: Graph, base: &str) -> SplitBody {
    let mut refused = Vec::new();
    let mut roots: HashMap<NamedOrBlankNode, RecordKind> = HashMap::new();
    for kind in RecordKind::ALL.iter().rev() {
        for node in graph.subjects_for_predicate_object(rdf::TYPE, &kind.class()) {
            // Later (higher-precedence) kinds overwrite earlier ones.
            roots.insert(node.into_owned(), *kind);
        }
    }
    let mut minted: HashMap<NamedOrBlankNode, NamedNode> = HashMap::new();
    for (node, kind) in &roots {
        if let NamedOrBlankNode::BlankNode(blank) = node {
            match identifier_of(&graph, node.as_ref()) {
                Some(identifier) if !slug(&identifier).is_empty() => {
                    let iri = format!("{base}{}/{}", kind.segment(), slug(&identifier));
                    minted.insert(node.clone(), NamedNode::new_unchecked(iri));
                }
                _ => refused.push(RefusedRecord {
                    node: format!("_:{}", blank.as_str()),
                    reason: format!(
                        "This {} has no IRI and no dct:identifier, so Plaza cannot tell it apart \
                         on the next import. Give it an IRI (or a dct:identifier).",
                        kind.class().as_str().trim_start_matches(DCAT)
                    ),
                }),
            }
        }
    }
    let graph = if minted.is_empty() {
        graph
    } else {
        replace_nodes(&graph, &minted)
    };
    let stop = boundary_nodes(&graph);
    let mut attached: HashSet<Triple> = HashSet::new();
    let mut records: Vec<RecordDraft> = Vec::new();
    for (node, kind) in roots {
        let iri = match &node {
            NamedOrBlankNode::NamedNode(iri) => iri.clone(),
            blank => match minted.get(blank) {
                Some(iri) => iri.clone(),
                None => continue,
            },
        };
        let root: NamedOrBlankNode = iri.clone().into();
        let mut description = describe(&graph, root.as_ref(), &stop);
        add_source_catalog_records(&graph, &iri, &mut description);
        attached.extend(description.iter().map(|t| t.into_owned()));
        records.push(RecordDraft {
            iri,
            kind,
            description,
        });
    }
    records.sort_by(|a, b| a.iri.cmp(&b.iri));
    let unattached_triples = graph
        .iter()
        .filter(|t| !attached.contains(&t.into_owned()))
        .count();
    SplitBody {
        records,
        refused,
        unattached_triples,
        graph,
    }
}

/// A source catalog's own `dcat:CatalogRecord` about the resource belongs
/// with it (it points at the resource, so `describe` does not reach it).
fn add_source_catalog_records(graph: &Graph, iri: &NamedNode, description: &mut Graph) {
    let primary_topic = NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/primaryTopic");
    let record_class = NamedNode::new_unchecked(format!("{DCAT}CatalogRecord"));
    let records: Vec<NamedOrBlankNode> = graph
        .subjects_for_predicate_object(primary_topic, iri)
        .filter(|r| {
            graph.contains(oxigraph::model::TripleRef::new(
                *r,
                rdf::TYPE,
                &record_class,
            ))
        })
        .map(NamedOrBlankNodeRef::into_owned)
        .collect();
    for record in records {
        for triple in graph.triples_for_subject(record.as_ref()) {
            description.insert(triple);
        }
    }
}

fn identifier_of(graph: &Graph, node: NamedOrBlankNodeRef<'_>) -> Option<String> {
    match graph.object_for_subject_predicate(node, DCT_IDENTIFIER)? {
        TermRef::Literal(literal) => Some(literal.value().to_owned()),
        TermRef::NamedNode(iri) => Some(iri.as_str().to_owned()),
        _ => None,
    }
}

/// A URL path segment from free text: lower-case ASCII letters, digits and
/// single dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(80).collect()
}

fn replace_nodes(graph: &Graph, minted: &HashMap<NamedOrBlankNode, NamedNode>) -> Graph {
    let subject = |s: NamedOrBlankNode| match minted.get(&s) {
        Some(iri) => iri.clone().into(),
        None => s,
    };
    let object = |o: Term| match &o {
        Term::BlankNode(b) => match minted.get(&NamedOrBlankNode::from(b.clone())) {
            Some(iri) => iri.clone().into(),
            None => o,
        },
        _ => o,
    };
    graph
        .iter()
        .map(|t| {
            let t = t.into_owned();
            Triple::new(subject(t.subject), t.predicate, object(t.object))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    const BASE: &str = "https://plaza.example/";

    fn body(turtle: &str) -> Graph {
        let prefixes = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n";
        parse_graph(
            format!("{prefixes}{turtle}").as_bytes(),
            RdfFormat::Turtle,
            BASE,
            Strictness::Strict,
        )
        .expect("test body parses")
    }

    #[test]
    fn every_dataset_service_and_series_is_a_record_with_its_own_description() {
        let split = split(
            body(
                r#"<cat> a dcat:Catalog ; dcat:dataset <d>, <s> ; dct:title "Source" .
                <d> a dcat:Dataset ; dct:title "D" ; dcat:distribution <d/csv> ; dcat:inSeries <s> .
                <d/csv> a dcat:Distribution ; dcat:accessService <api> .
                <api> a dcat:DataService ; dct:title "API" .
                <s> a dcat:DatasetSeries , dcat:Dataset ; dct:title "S" ."#,
            ),
            BASE,
        );
        let kinds: Vec<(String, RecordKind)> = split
            .records
            .iter()
            .map(|r| (r.iri.as_str().trim_start_matches(BASE).to_owned(), r.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("api".into(), RecordKind::DataService),
                ("d".into(), RecordKind::Dataset),
                ("s".into(), RecordKind::DatasetSeries),
            ]
        );
        let dataset = &split.records[1];
        assert_eq!(dataset.description.len(), 6, "{}", dataset.description);
        assert_eq!(
            split.unattached_triples, 4,
            "the source catalog's own triples"
        );
    }

    #[test]
    fn a_blank_node_record_gets_an_iri_from_its_identifier_or_is_refused() {
        let split = split(
            body(
                r#"[] a dcat:Dataset ; dct:identifier "Trees 2026!" ; dct:title "T" .
                [] a dcat:Dataset ; dct:title "Anonymous" ."#,
            ),
            BASE,
        );
        assert_eq!(split.records.len(), 1);
        assert_eq!(
            split.records[0].iri.as_str(),
            "https://plaza.example/datasets/trees-2026"
        );
        assert_eq!(split.refused.len(), 1);
        assert!(
            split.refused[0].reason.contains("no IRI"),
            "{:?}",
            split.refused
        );
    }
}
