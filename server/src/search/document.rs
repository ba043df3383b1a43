//! What the search index knows about one record, read from the record's
//! named graph: its texts in every language, the values it is filtered by
//! (facets), the dates it is sorted by, and a summary to list it without
//! reading the store.

use oxigraph::model::vocab::rdf;
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use serde::{Deserialize, Serialize};

use crate::catalog::KindInRdf;
use crate::catalog::{CatalogIris, CatalogStore, CatalogStoreError, RecordKind, facts_of};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const FOAF_NAME: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/name");

/// A text with its language tag (lower case), if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The language tag, e.g. `en` or `fr-be`.
    pub lang: Option<String>,
    /// The text itself.
    pub value: String,
}

/// One record as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// The record's resource IRI.
    pub iri: String,
    /// Where its page is on this site (the IRI itself for local records).
    pub page: String,
    /// `dataset`, `service` or `series` ([`RecordKind::name`]; the index's
    /// stored form, so it stays a string).
    pub kind: String,
    /// Plaza's version number of the record.
    pub version: i64,
    /// Titles in every language.
    pub titles: Vec<Text>,
    /// Descriptions in every language.
    pub descriptions: Vec<Text>,
    /// Keywords in every language.
    pub keywords: Vec<Text>,
    /// `dcat:theme` IRIs.
    pub themes: Vec<String>,
    /// The publisher: its IRI, or its name when it is a blank node.
    pub publisher: Option<String>,
    /// The publisher's names.
    pub publisher_names: Vec<Text>,
    /// Formats of the distributions (`dct:format` IRIs or literals).
    pub formats: Vec<String>,
    /// Licences of the record and its distributions.
    pub licences: Vec<String>,
    /// `dct:language` IRIs.
    pub languages: Vec<String>,
    /// `dct:accessRights` IRIs.
    pub access_rights: Vec<String>,
    /// The record's own `dct:modified` (else Plaza's), as written.
    pub modified: Option<String>,
    /// SHACL violations of the current version.
    #[serde(default)]
    pub violations: usize,
    /// Metadata quality points earned.
    #[serde(default)]
    pub quality_points: u32,
    /// Metadata quality points possible.
    #[serde(default)]
    pub quality_max: u32,
    /// The quality checks that miss points.
    #[serde(default)]
    pub quality_missing: Vec<String>,
}

impl SearchDocument {
    /// The document for the record `iri` whose named graph is `graph` and
    /// whose SHACL report had `violations` violations, or `None` when the
    /// graph does not describe a dataset, service or series.
    pub fn from_graph(
        iris: &CatalogIris,
        iri: &NamedNode,
        graph: &Graph,
        violations: usize,
    ) -> Option<Self> {
        let subject = NamedOrBlankNodeRef::from(iri.as_ref());
        let kind = RecordKind::ALL.into_iter().find(|kind| {
            graph.contains(oxigraph::model::TripleRef::new(
                subject,
                rdf::TYPE,
                kind.class().as_ref(),
            ))
        })?;
        let facts = facts_of(iris, iri, graph);
        let texts = |local: &str| texts_of(graph, subject, &format!("{DCT}{local}"));
        let iri_values =
            |node: NamedOrBlankNodeRef<'_>, property: &str| values_of(graph, node, property);

        let distributions: Vec<NamedOrBlankNodeRef<'_>> = graph
            .objects_for_subject_predicate(
                subject,
                NamedNodeRef::new_unchecked(&format!("{DCAT}distribution")),
            )
            .filter_map(as_node)
            .collect();
        let mut formats = Vec::new();
        let mut licences = iri_values(subject, &format!("{DCT}license"));
        for distribution in &distributions {
            formats.extend(iri_values(*distribution, &format!("{DCT}format")));
            licences.extend(iri_values(*distribution, &format!("{DCT}license")));
        }
        let publisher_node = graph.object_for_subject_predicate(
            subject,
            NamedNodeRef::new_unchecked(&format!("{DCT}publisher")),
        );
        let publisher_names = publisher_node
            .and_then(as_node)
            .map(|agent| texts_of(graph, agent, FOAF_NAME.as_str()))
            .unwrap_or_default();
        let publisher = match publisher_node {
            Some(TermRef::NamedNode(agent)) => Some(agent.as_str().to_owned()),
            Some(_) => publisher_names.first().map(|name| name.value.clone()),
            None => None,
        };
        let own_modified = texts("modified").into_iter().map(|t| t.value).max();
        let quality = crate::quality::assess(graph, iri.as_ref(), violations);
        Some(SearchDocument {
            iri: iri.as_str().to_owned(),
            page: page_of(iris, iri),
            kind: kind.name().to_owned(),
            version: facts.as_ref().map_or(0, |f| f.version),
            titles: texts("title"),
            descriptions: texts("description"),
            keywords: texts_of(graph, subject, &format!("{DCAT}keyword")),
            themes: sorted(iri_values(subject, &format!("{DCAT}theme"))),
            publisher,
            publisher_names,
            formats: sorted(formats),
            licences: sorted(licences),
            languages: sorted(iri_values(subject, &format!("{DCT}language"))),
            access_rights: sorted(iri_values(subject, &format!("{DCT}accessRights"))),
            modified: own_modified.or(facts.map(|f| f.modified.into_string())),
            violations,
            quality_points: quality.points(),
            quality_max: quality.max(),
            quality_missing: quality
                .missing()
                .into_iter()
                .map(|(check, _)| check.to_owned())
                .collect(),
        })
    }

    /// Quality in thousandths of the points possible.
    pub fn quality_permille(&self) -> i64 {
        i64::from(self.quality_points) * 1000 / i64::from(self.quality_max.max(1))
    }

    /// The quality rating (`excellent`, `good`, `sufficient`, `bad`).
    pub fn quality_rating(&self) -> &'static str {
        app::catalog::rating(self.quality_points, self.quality_max)
    }

    /// Every text of the record (titles, descriptions, keywords, publisher
    /// names), for the full-text fields.
    pub fn all_texts(&self) -> impl Iterator<Item = &Text> {
        self.titles
            .iter()
            .chain(&self.descriptions)
            .chain(&self.keywords)
            .chain(&self.publisher_names)
    }
}

/// Fills in the publisher names of `documents` whose record graph names
/// the publisher by IRI only, from wherever the store describes it.
pub async fn add_publisher_names(
    store: &dyn CatalogStore,
    documents: &mut [SearchDocument],
) -> Result<(), CatalogStoreError> {
    let mut agents: Vec<NamedNode> = documents
        .iter()
        .filter(|d| d.publisher_names.is_empty())
        .filter_map(|d| d.publisher.as_deref())
        .filter_map(|iri| NamedNode::new(iri).ok())
        .collect();
    agents.sort();
    agents.dedup();
    if agents.is_empty() {
        return Ok(());
    }
    let names = store.agent_names(agents).await?;
    for document in documents
        .iter_mut()
        .filter(|d| d.publisher_names.is_empty())
    {
        let Some(found) = document
            .publisher
            .as_deref()
            .and_then(|iri| names.get(&NamedNode::new_unchecked(iri)))
        else {
            continue;
        };
        document.publisher_names = found
            .iter()
            .map(|(lang, value)| Text {
                lang: lang.clone(),
                value: value.clone(),
            })
            .collect();
    }
    Ok(())
}

/// The text to show a reader of `lang`: an exact language match, then
/// English, then an untagged text, then the first one.
pub fn pick_text<'a>(texts: &'a [Text], lang: &str) -> Option<&'a Text> {
    let tagged = |wanted: &str| {
        texts.iter().find(|t| {
            t.lang.as_deref().is_some_and(|tag| {
                tag.eq_ignore_ascii_case(wanted) || tag.starts_with(&format!("{wanted}-"))
            })
        })
    };
    tagged(lang)
        .or_else(|| tagged("en"))
        .or_else(|| texts.iter().find(|t| t.lang.is_none()))
        .or_else(|| texts.first())
}

/// The page of a record on this site: a local record's IRI is its page;
/// an imported one is shown at its catalog record.
pub fn page_of(iris: &CatalogIris, iri: &NamedNode) -> String {
    if iri.as_str().starts_with(&iris.base) {
        iri.as_str().to_owned()
    } else {
        iris.catalog_record(iri).as_str().to_owned()
    }
}

fn as_node(term: TermRef<'_>) -> Option<NamedOrBlankNodeRef<'_>> {
    match term {
        TermRef::NamedNode(node) => Some(node.into()),
        TermRef::BlankNode(node) => Some(node.into()),
        _ => None,
    }
}

fn texts_of(graph: &Graph, subject: NamedOrBlankNodeRef<'_>, property: &str) -> Vec<Text> {
    let mut texts: Vec<Text> = graph
        .objects_for_subject_predicate(subject, NamedNodeRef::new_unchecked(property))
        .filter_map(|term| match term {
            TermRef::Literal(literal) => Some(Text {
                lang: literal.language().map(str::to_ascii_lowercase),
                value: literal.value().trim().to_owned(),
            }),
            _ => None,
        })
        .filter(|text| !text.value.is_empty())
        .collect();
    texts.sort_by(|a, b| (&a.lang, &a.value).cmp(&(&b.lang, &b.value)));
    texts.dedup();
    texts
}

/// IRIs (or literal values) of `property`; a blank node is skipped.
fn values_of(graph: &Graph, subject: NamedOrBlankNodeRef<'_>, property: &str) -> Vec<String> {
    graph
        .objects_for_subject_predicate(subject, NamedNodeRef::new_unchecked(property))
        .filter_map(|term| match term {
            TermRef::NamedNode(node) => Some(node.as_str().to_owned()),
            TermRef::Literal(literal) if !literal.value().trim().is_empty() => {
                Some(literal.value().trim().to_owned())
            }
            _ => None,
        })
        .collect()
}

fn sorted(mut values: Vec<String>) -> Vec<String> {
    values.sort();
    values.dedup();
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    const BASE: &str = "https://city.example/";

    fn document(turtle: &str) -> Option<SearchDocument> {
        let graph = parse_graph(
            turtle.as_bytes(),
            RdfFormat::Turtle,
            BASE,
            Strictness::Strict,
        )
        .expect("test Turtle parses");
        let iris = CatalogIris::new(BASE);
        SearchDocument::from_graph(
            &iris,
            &NamedNode::new_unchecked("https://city.example/datasets/trees"),
            &graph,
            0,
        )
    }

    #[test]
    fn a_dataset_gives_its_texts_facets_and_dates() {
        let doc = document(
            r#"@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
            @prefix foaf: <http://xmlns.com/foaf/0.1/> .
            <https://city.example/datasets/trees> a dcat:Dataset ;
              dct:title "Street trees"@en, "Arbres"@FR ; dct:description "Every tree."@en ;
              dcat:keyword "trees"@en, "nature" ;
              dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
              dct:publisher [ foaf:name "Parks department"@en ] ;
              dct:modified "2024-03-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
              dcat:distribution [ dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
                                  dct:license <http://publications.europa.eu/resource/authority/licence/CC0> ] ."#,
        )
        .expect("a dataset");
        assert_eq!(doc.kind, "dataset");
        assert_eq!(doc.page, "https://city.example/datasets/trees");
        assert_eq!(doc.titles.len(), 2);
        assert!(doc.titles.iter().any(|t| t.lang.as_deref() == Some("fr")));
        assert_eq!(doc.keywords.len(), 2);
        assert_eq!(doc.publisher.as_deref(), Some("Parks department"));
        assert_eq!(
            doc.formats,
            ["http://publications.europa.eu/resource/authority/file-type/CSV"]
        );
        assert_eq!(doc.licences.len(), 1);
        assert_eq!(doc.modified.as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn a_graph_without_a_record_gives_no_document() {
        assert_eq!(
            document(
                "<https://city.example/datasets/trees> <http://purl.org/dc/terms/title> \"x\" ."
            ),
            None
        );
    }
}
