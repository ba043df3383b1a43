//! Records a body links to without describing them (a data service's
//! `dcat:servesDataset`, a dataset's `dcat:inSeries`): the shapes want them
//! typed as datasets or series, and the catalog holds their descriptions.
//! Those descriptions are background knowledge for validation (results
//! about them do not count against the body), never stored with the body.

use oxigraph::model::vocab::rdf;
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, TermRef, Triple, TripleRef};

use crate::catalog::KindInRdf;
use crate::catalog::{CatalogStore, CatalogStoreError, RecordKind};

const LINKS: &[&str] = &[
    "http://www.w3.org/ns/dcat#servesDataset",
    "http://www.w3.org/ns/dcat#inSeries",
];

/// The IRIs `graph` links to as records but does not describe.
pub fn linked_records(graph: &Graph) -> Vec<NamedNode> {
    let mut linked: Vec<NamedNode> = LINKS
        .iter()
        .flat_map(|p| graph.triples_for_predicate(NamedNodeRef::new_unchecked(p)))
        .filter_map(|t| match t.object {
            TermRef::NamedNode(n) if graph.triples_for_subject(n).next().is_none() => {
                Some(n.into_owned())
            }
            _ => None,
        })
        .collect();
    linked.sort();
    linked.dedup();
    linked
}

/// The `rdf:type` of each record of `linked` that the catalog holds.
pub async fn record_types(
    store: &dyn CatalogStore,
    linked: Vec<NamedNode>,
) -> Result<Vec<Triple>, CatalogStoreError> {
    if linked.is_empty() {
        return Ok(Vec::new());
    }
    let graphs = store.record_graphs(linked).await?;
    Ok(graphs
        .into_iter()
        .filter_map(|(iri, graph)| {
            RecordKind::ALL
                .into_iter()
                .find(|k| {
                    graph.contains(TripleRef::new(iri.as_ref(), rdf::TYPE, k.class().as_ref()))
                })
                .map(|kind| Triple::new(iri, rdf::TYPE, kind.class()))
        })
        .collect())
}
