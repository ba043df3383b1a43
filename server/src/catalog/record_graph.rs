//! What a record's named graph holds besides the record's own description:
//! Plaza's `dcat:CatalogRecord` (issued, modified, version) and the
//! catalog's links to the record. Reading them back and stripping them off
//! again for comparisons lives here too.

use oxigraph::model::dataset::CanonicalizationAlgorithm;
use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{
    Graph, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef, Triple,
};

use crate::catalog::KindInRdf;
use crate::catalog::records::RecordKind;
use crate::store::Timestamp;

const DCAT_CATALOG_RECORD: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/dcat#CatalogRecord");
const DCAT_RECORD: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/dcat#record");
const DCAT_VERSION: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/dcat#version");
const DCT_ISSUED: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://purl.org/dc/terms/issued");
const DCT_MODIFIED: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/modified");
const FOAF_PRIMARY_TOPIC: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/primaryTopic");

/// Where the catalog and its records live.
#[derive(Debug, Clone)]
pub struct CatalogIris {
    /// The public base, ending with `/`.
    pub base: String,
    /// The city's `dcat:Catalog`.
    pub catalog: NamedNode,
}

impl CatalogIris {
    /// The IRIs for a public base URL ending with `/`.
    pub fn new(base: &str) -> Self {
        CatalogIris {
            base: base.to_owned(),
            catalog: NamedNode::new_unchecked(format!("{base}catalog")),
        }
    }

    /// The IRI of Plaza's catalog record about `resource`: readable for
    /// resources under the base, a stable hash for imported ones.
    pub fn catalog_record(&self, resource: &NamedNode) -> NamedNode {
        let iri = match resource.as_str().strip_prefix(&self.base) {
            Some(local) if !local.is_empty() && !local.contains(['#', '?']) => {
                format!("{}records/{local}", self.base)
            }
            _ => {
                use sha2::Digest;
                let digest = sha2::Sha256::digest(resource.as_str().as_bytes());
                format!(
                    "{}records/external/{}",
                    self.base,
                    hex::encode(&digest[..12])
                )
            }
        };
        NamedNode::new_unchecked(iri)
    }
}

/// Plaza's facts about a stored record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFacts {
    /// Current version number.
    pub version: i64,
    /// When the record was first stored (`xsd:dateTime` lexical form).
    pub issued: Timestamp,
    /// When it last changed.
    pub modified: Timestamp,
}

/// The full named graph of a record: its description plus Plaza's triples.
pub fn stored_graph(
    iris: &CatalogIris,
    resource: &NamedNode,
    kind: RecordKind,
    description: &Graph,
    facts: &RecordFacts,
) -> Graph {
    let mut graph = description.clone();
    let record = insert_catalog_record(&mut graph, iris, resource, facts);
    graph.insert(&Triple::new(
        iris.catalog.clone(),
        kind.catalog_property(),
        resource.clone(),
    ));
    graph.insert(&Triple::new(iris.catalog.clone(), DCAT_RECORD, record));
    graph
}

/// The named graph of a deleted record: only Plaza's catalog record, with
/// the new version and the EU status "withdrawn", so the history goes on
/// and a record created again at the same IRI continues its numbering. The
/// catalog no longer links to it, so feeds, search and SPARQL lists of
/// datasets leave it out.
pub fn tombstone_graph(iris: &CatalogIris, resource: &NamedNode, facts: &RecordFacts) -> Graph {
    let mut graph = Graph::new();
    let record = insert_catalog_record(&mut graph, iris, resource, facts);
    graph.insert(&Triple::new(
        record,
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/adms#status"),
        NamedNodeRef::new_unchecked(
            "http://publications.europa.eu/resource/authority/dataset-status/WITHDRAWN",
        ),
    ));
    graph
}

/// Adds Plaza's catalog record about `resource` (type, topic, issued,
/// modified, version) to `graph`, and returns its IRI.
fn insert_catalog_record(
    graph: &mut Graph,
    iris: &CatalogIris,
    resource: &NamedNode,
    facts: &RecordFacts,
) -> NamedNode {
    let record = iris.catalog_record(resource);
    let date = |value: &Timestamp| Literal::new_typed_literal(value.as_str(), xsd::DATE_TIME);
    graph.insert(&Triple::new(record.clone(), rdf::TYPE, DCAT_CATALOG_RECORD));
    graph.insert(&Triple::new(
        record.clone(),
        FOAF_PRIMARY_TOPIC,
        resource.clone(),
    ));
    graph.insert(&Triple::new(
        record.clone(),
        DCT_ISSUED,
        date(&facts.issued),
    ));
    graph.insert(&Triple::new(
        record.clone(),
        DCT_MODIFIED,
        date(&facts.modified),
    ));
    graph.insert(&Triple::new(
        record.clone(),
        DCAT_VERSION,
        Literal::new_simple_literal(facts.version.to_string()),
    ));
    record
}

/// Plaza's facts read back from a stored graph.
pub fn facts_of(iris: &CatalogIris, resource: &NamedNode, stored: &Graph) -> Option<RecordFacts> {
    let record = iris.catalog_record(resource);
    let subject = NamedOrBlankNodeRef::from(record.as_ref());
    let text = |predicate| match stored.object_for_subject_predicate(subject, predicate) {
        Some(TermRef::Literal(literal)) => Some(literal.value().to_owned()),
        _ => None,
    };
    Some(RecordFacts {
        version: text(DCAT_VERSION)?.parse().ok()?,
        issued: Timestamp::from_stored(text(DCT_ISSUED)?),
        modified: Timestamp::from_stored(text(DCT_MODIFIED)?),
    })
}

/// The record's own description: the stored graph without Plaza's triples.
pub fn description_of(iris: &CatalogIris, resource: &NamedNode, stored: &Graph) -> Graph {
    let record = iris.catalog_record(resource);
    stored
        .iter()
        .filter(|t| {
            let subject = t.subject;
            subject != NamedOrBlankNodeRef::from(record.as_ref())
                && subject != NamedOrBlankNodeRef::from(iris.catalog.as_ref())
        })
        .collect()
}

/// Whether two descriptions are the same graph (blank nodes may differ).
pub fn same_description(a: &Graph, b: &Graph) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut a = a.clone();
    let mut b = b.clone();
    a.canonicalize(CanonicalizationAlgorithm::Unstable);
    b.canonicalize(CanonicalizationAlgorithm::Unstable);
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_records_are_readable_under_the_base_and_hashed_elsewhere() {
        let iris = CatalogIris::new("https://plaza.example/");
        let local = NamedNode::new_unchecked("https://plaza.example/datasets/trees");
        let remote = NamedNode::new_unchecked("https://data.gent.be/id/dataset/1");
        assert_eq!(
            iris.catalog_record(&local).as_str(),
            "https://plaza.example/records/datasets/trees"
        );
        assert!(
            iris.catalog_record(&remote)
                .as_str()
                .starts_with("https://plaza.example/records/external/")
        );
        assert_eq!(
            iris.catalog_record(&remote),
            iris.catalog_record(&remote.clone())
        );
    }

    #[test]
    fn facts_and_description_round_trip_through_the_stored_graph() {
        let iris = CatalogIris::new("https://plaza.example/");
        let resource = NamedNode::new_unchecked("https://plaza.example/datasets/trees");
        let mut description = Graph::new();
        description.insert(&Triple::new(
            resource.clone(),
            NamedNode::new_unchecked("http://purl.org/dc/terms/title"),
            Literal::new_simple_literal("Trees"),
        ));
        let facts = RecordFacts {
            version: 3,
            issued: Timestamp::from_stored("2026-01-01T00:00:00Z"),
            modified: Timestamp::from_stored("2026-11-25T10:00:00Z"),
        };
        let stored = stored_graph(&iris, &resource, RecordKind::Dataset, &description, &facts);
        assert_eq!(facts_of(&iris, &resource, &stored), Some(facts));
        assert!(same_description(
            &description_of(&iris, &resource, &stored),
            &description
        ));
    }
}
