//! Records exactly as they were written. Oxigraph stores typed literals by
//! value: `"7"^^xsd:nonNegativeInteger` comes back as `"7"^^xsd:integer`,
//! `"01"^^xsd:integer` as `"1"`. That is right for SPARQL, but a catalog
//! must hand out what publishers wrote (DCAT-AP checks `dcat:byteSize` is
//! an `xsd:nonNegativeInteger`). Every version's N-Quads are kept in SQL,
//! written in the same import, so representations come from there; the
//! version number in Oxigraph says which row is current.

use std::collections::HashMap;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, NamedNode, Triple};

use crate::catalog::history::{snapshots, snapshots_with_results, violations_in};
use crate::catalog::record_graph::{CatalogIris, facts_of};
use crate::store::SqlStore;

/// The graph written as `nquads` (one record's named graph).
pub fn graph_of_nquads(nquads: &str) -> Graph {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nquads.as_bytes())
        .filter_map(Result::ok)
        .map(Triple::from)
        .collect()
}

/// The exact graphs of the records in `stored` (graphs as Oxigraph holds
/// them); a record without a snapshot keeps its stored graph.
pub async fn exact_graphs(
    sql: &SqlStore,
    iris: &CatalogIris,
    stored: HashMap<NamedNode, Graph>,
) -> Result<HashMap<NamedNode, Graph>, sqlx::Error> {
    let wanted: Vec<(String, i64)> = stored
        .iter()
        .filter_map(|(iri, graph)| {
            facts_of(iris, iri, graph).map(|facts| (iri.as_str().to_owned(), facts.version))
        })
        .collect();
    let found = snapshots(sql, &wanted).await?;
    Ok(stored
        .into_iter()
        .map(|(iri, graph)| match found.get(iri.as_str()) {
            Some(nquads) => {
                let exact = graph_of_nquads(nquads);
                (iri, exact)
            }
            None => (iri, graph),
        })
        .collect())
}

/// Like [`exact_graphs`], with the number of SHACL violations each record's
/// current version was stored with.
pub async fn exact_graphs_with_violations(
    sql: &SqlStore,
    iris: &CatalogIris,
    stored: HashMap<NamedNode, Graph>,
) -> Result<HashMap<NamedNode, (Graph, usize)>, sqlx::Error> {
    let wanted: Vec<(String, i64)> = stored
        .iter()
        .filter_map(|(iri, graph)| {
            facts_of(iris, iri, graph).map(|facts| (iri.as_str().to_owned(), facts.version))
        })
        .collect();
    let found = snapshots_with_results(sql, &wanted).await?;
    Ok(stored
        .into_iter()
        .map(|(iri, graph)| match found.get(iri.as_str()) {
            Some((nquads, results)) => {
                let exact = graph_of_nquads(nquads);
                (iri, (exact, violations_in(results)))
            }
            None => (iri, (graph, 0)),
        })
        .collect())
}
