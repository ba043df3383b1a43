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
use crate::catalog::{CatalogStore, CatalogStoreError};
use crate::store::SqlStore;

/// Why records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The RDF store failed.
    #[error(transparent)]
    Store(#[from] CatalogStoreError),
    /// The history table failed.
    #[error("Could not read the record history: {0}")]
    History(#[from] sqlx::Error),
}

/// The one way to read records' current graphs exactly as written: the
/// graphs of `records` in the store (whose version says which history row
/// is current), each replaced by that row's N-Quads. Records that do not
/// exist are missing from the answer.
pub async fn current_graphs(
    store: &dyn CatalogStore,
    sql: &SqlStore,
    iris: &CatalogIris,
    records: Vec<NamedNode>,
) -> Result<HashMap<NamedNode, Graph>, ReadError> {
    let stored = store.record_graphs(records).await?;
    Ok(exact_graphs(sql, iris, stored).await?)
}

/// Like [`current_graphs`], with the number of SHACL violations each
/// record's current version was stored with.
pub async fn current_graphs_with_violations(
    store: &dyn CatalogStore,
    sql: &SqlStore,
    iris: &CatalogIris,
    records: Vec<NamedNode>,
) -> Result<HashMap<NamedNode, (Graph, usize)>, ReadError> {
    let stored = store.record_graphs(records).await?;
    Ok(exact_graphs_with_violations(sql, iris, stored).await?)
}

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
async fn exact_graphs(
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
    let found = snapshots(&mut *sql.conn().await?, &wanted).await?;
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
async fn exact_graphs_with_violations(
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
    let found = snapshots_with_results(&mut *sql.conn().await?, &wanted).await?;
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
