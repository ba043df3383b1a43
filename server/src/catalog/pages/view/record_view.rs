//! Building a record page's content from the record's graph, its history
//! rows and its SHACL results.

use app::catalog::{Alternate, Distribution, Problem, RecordView, Value, Version};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, TermRef, TripleRef};

use crate::catalog::KindInRdf;
use crate::catalog::pages::view::diff::changes;
use crate::catalog::pages::view::labels::property_label;
use crate::catalog::pages::view::schema_org::dataset_json_ld;
use crate::catalog::pages::view::values::{name_of, properties_of, value_of, values_of};
use crate::catalog::{RecordKind, VersionInfo};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
/// The newest versions whose changes the page lists.
pub const DIFFED_VERSIONS: usize = 10;

/// Everything a record page is built from.
pub struct RecordSource<'a> {
    /// The record's resource IRI.
    pub resource: &'a NamedNode,
    /// The page's path (`/datasets/…`).
    pub path: &'a str,
    /// The graph of the version shown.
    pub graph: &'a Graph,
    /// The version shown and the current one.
    pub version: i64,
    /// The current version.
    pub current_version: i64,
    /// Every version, oldest first.
    pub versions: &'a [VersionInfo],
    /// The graphs of the newest versions, to compare: (version, graph).
    pub recent_graphs: &'a [(i64, Graph)],
    /// The SHACL results stored with the version shown (JSON values).
    pub results: &'a [serde_json::Value],
    /// The reader's language.
    pub lang: &'a str,
    /// The public base (for absolute links).
    pub base: &'a str,
}

/// The page content, or `None` when the graph describes no record.
pub fn record_view(source: &RecordSource<'_>) -> Option<RecordView> {
    let RecordSource {
        resource,
        graph,
        lang,
        ..
    } = *source;
    let node: NamedOrBlankNodeRef<'_> = resource.as_ref().into();
    let kind = RecordKind::ALL
        .into_iter()
        .find(|k| graph.contains(TripleRef::new(node, rdf::TYPE, k.class().as_ref())))?;
    let text = |property: &str| {
        values_of(graph, node, property, lang)
            .into_iter()
            .find_map(|v| match v {
                Value::Text(t) => Some(t),
                Value::Link { .. } => None,
            })
    };
    let distribution_nodes: Vec<NamedOrBlankNodeRef<'_>> = graph
        .objects_for_subject_predicate(
            node,
            NamedNodeRef::new_unchecked(&format!("{DCAT}distribution")),
        )
        .filter_map(as_node)
        .collect();
    let distributions: Vec<Distribution> = distribution_nodes
        .iter()
        .map(|d| distribution(graph, *d, lang))
        .collect();
    let publisher = graph
        .object_for_subject_predicate(
            node,
            NamedNodeRef::new_unchecked(&format!("{DCT}publisher")),
        )
        .map(|term| match value_of(graph, term, lang) {
            Value::Text(t) => t,
            Value::Link { label, .. } => label,
        });
    let violations = source
        .results
        .iter()
        .filter(|r| r["severity"] == "Violation")
        .count();
    let distribution_word = property_label(&format!("{DCAT}distribution"), lang);
    let history = history(source, &distribution_word);
    let page = format!("{}{}", source.base.trim_end_matches('/'), source.path);
    let version_query = if source.version == source.current_version {
        String::new()
    } else {
        format!("?version={}", source.version)
    };
    let alternates = crate::rdf::SUFFIXES
        .iter()
        .map(|(suffix, media_type)| Alternate {
            media_type: (*media_type).to_owned(),
            href: format!("{}.{suffix}{version_query}", source.path),
        })
        .collect();
    Some(RecordView {
        iri: resource.as_str().to_owned(),
        path: source.path.to_owned(),
        kind,
        title: text(&format!("{DCT}title")).unwrap_or_else(|| resource.as_str().to_owned()),
        description: text(&format!("{DCT}description")),
        publisher,
        version: source.version,
        current_version: source.current_version,
        properties: properties_of(
            graph,
            node,
            lang,
            &[
                &format!("{DCT}title"),
                &format!("{DCT}description"),
                &format!("{DCAT}distribution"),
            ],
        ),
        distributions,
        quality: crate::quality::assess(graph, resource.as_ref(), violations),
        problems: problems(source),
        history,
        alternates,
        schema_org: (kind == RecordKind::Dataset)
            .then(|| dataset_json_ld(graph, resource.as_ref(), &page, lang)),
    })
}

fn as_node(term: TermRef<'_>) -> Option<NamedOrBlankNodeRef<'_>> {
    match term {
        TermRef::NamedNode(n) => Some(n.into()),
        TermRef::BlankNode(b) => Some(b.into()),
        _ => None,
    }
}

fn distribution(graph: &Graph, node: NamedOrBlankNodeRef<'_>, lang: &str) -> Distribution {
    let iri = |property: &str| {
        graph
            .object_for_subject_predicate(node, NamedNodeRef::new_unchecked(property))
            .and_then(|t| match t {
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                TermRef::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
    };
    let first_value = |property: &str| values_of(graph, node, property, lang).into_iter().next();
    let format = first_value(&format!("{DCT}format")).map(|v| match v {
        Value::Text(t) => t,
        Value::Link { label, .. } => label,
    });
    let description = first_value(&format!("{DCT}description")).and_then(|v| match v {
        Value::Text(t) => Some(t),
        Value::Link { .. } => None,
    });
    Distribution {
        title: name_of(graph, node, lang)
            .or_else(|| format.clone())
            .unwrap_or_else(|| "—".to_owned()),
        description,
        format,
        licence: first_value(&format!("{DCT}license")),
        download_url: iri(&format!("{DCAT}downloadURL")),
        access_url: iri(&format!("{DCAT}accessURL")),
        properties: properties_of(
            graph,
            node,
            lang,
            &[&format!("{DCT}title"), &format!("{DCT}description")],
        ),
    }
}

/// The stored SHACL results, with property labels and the distribution
/// they concern.
fn problems(source: &RecordSource<'_>) -> Vec<Problem> {
    let mut problems: Vec<Problem> = source
        .results
        .iter()
        .filter_map(|result| {
            let focus = result["focus_node"].as_str()?;
            let message = result["message"].as_str()?.to_owned();
            let severity = result["severity"]
                .as_str()
                .unwrap_or("Violation")
                .to_owned();
            let path = result["path"]
                .as_str()
                .map(|p| property_label(p, source.lang));
            let property = if focus == source.resource.as_str() {
                path
            } else {
                // A node the record points to (a distribution, the
                // publisher, …): name it by the property that leads there.
                let via = linking_property(source.graph, source.resource, focus)
                    .map(|p| property_label(&p, source.lang));
                match (via, path) {
                    (Some(via), Some(path)) => Some(format!("{via}: {path}")),
                    (via, path) => via.or(path),
                }
            };
            Some(Problem {
                severity,
                property,
                message,
            })
        })
        .collect();
    let rank = |s: &str| match s {
        "Violation" => 0,
        "Warning" => 1,
        _ => 2,
    };
    problems.sort_by(|a, b| {
        rank(&a.severity)
            .cmp(&rank(&b.severity))
            .then(a.property.cmp(&b.property))
    });
    problems.dedup();
    problems
}

/// The property by which `resource` points to the node written `focus`
/// (an IRI, or `_:id` for a blank node).
fn linking_property(graph: &Graph, resource: &NamedNode, focus: &str) -> Option<String> {
    graph
        .triples_for_subject(resource.as_ref())
        .find(|t| match t.object {
            TermRef::NamedNode(n) => n.as_str() == focus,
            TermRef::BlankNode(b) => format!("_:{}", b.as_str()) == focus,
            _ => false,
        })
        .map(|t| t.predicate.as_str().to_owned())
}

fn history(source: &RecordSource<'_>, distribution_word: &str) -> Vec<Version> {
    let graph_of = |version: i64| {
        source
            .recent_graphs
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, g)| g)
    };
    source
        .versions
        .iter()
        .rev()
        .map(|info| {
            let changes = match (graph_of(info.version - 1), graph_of(info.version)) {
                (Some(old), Some(new)) => changes(
                    old,
                    new,
                    source.resource.as_ref(),
                    source.lang,
                    distribution_word,
                ),
                _ => Vec::new(),
            };
            Version {
                version: info.version,
                created_at: info.created_at.clone(),
                change: info.change.clone(),
                changes,
            }
        })
        .collect()
}
