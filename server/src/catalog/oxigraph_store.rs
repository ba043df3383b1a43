//! The catalog store on the embedded Oxigraph: every operation runs on the
//! blocking pool through `RdfStore::run`.

use std::collections::HashMap;

use oxigraph::model::vocab::xsd;
use oxigraph::model::{
    Graph, GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term, Triple,
    TripleRef, Variable,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::catalog::store::{AgentNames, CatalogStore, RecordQuery, RecordSlice, StoreFuture};
use crate::store::{RdfStore, RdfStoreError, Timestamp};

/// The catalog store in the local Oxigraph database.
#[derive(Clone)]
pub struct OxigraphCatalogStore {
    rdf: RdfStore,
    catalog: NamedNode,
}

impl OxigraphCatalogStore {
    /// A catalog store for the catalog `catalog` in `rdf`.
    pub fn new(rdf: RdfStore, catalog: NamedNode) -> Self {
        OxigraphCatalogStore { rdf, catalog }
    }
}

impl CatalogStore for OxigraphCatalogStore {
    fn record_graphs(&self, iris: Vec<NamedNode>) -> StoreFuture<'_, HashMap<NamedNode, Graph>> {
        Box::pin(async move {
            let graphs = self
                .rdf
                .run(move |store| -> Result<_, RdfStoreError> {
                    let mut out = HashMap::new();
                    for iri in iris {
                        let graph = read_graph(store, &iri)?;
                        if !graph.is_empty() {
                            out.insert(iri, graph);
                        }
                    }
                    Ok(out)
                })
                .await?;
            Ok(graphs)
        })
    }

    fn replace_graphs(&self, graphs: Vec<(NamedNode, Graph)>) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            self.rdf
                .run(move |store| replace_graphs(store, &graphs))
                .await?;
            Ok(())
        })
    }

    fn record_of_catalog_record(
        &self,
        catalog_record: NamedNode,
    ) -> StoreFuture<'_, Option<NamedNode>> {
        Box::pin(async move {
            let found = self
                .rdf
                .run(move |store| -> Result<_, RdfStoreError> {
                    let primary_topic =
                        NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/primaryTopic");
                    for quad in store.quads_for_pattern(
                        Some(catalog_record.as_ref().into()),
                        Some(primary_topic),
                        None,
                        None,
                    ) {
                        let quad = quad?;
                        if let (Term::NamedNode(topic), GraphName::NamedNode(graph)) =
                            (quad.object, quad.graph_name)
                            && topic == graph
                        {
                            return Ok(Some(graph));
                        }
                    }
                    Ok(None)
                })
                .await?;
            Ok(found)
        })
    }

    fn list_records(&self, query: RecordQuery) -> StoreFuture<'_, RecordSlice> {
        let catalog = self.catalog.clone();
        Box::pin(async move {
            let slice = self
                .rdf
                .run(move |store| list_records(store, &catalog, &query))
                .await?;
            Ok(slice)
        })
    }

    fn agent_names(&self, agents: Vec<NamedNode>) -> StoreFuture<'_, AgentNames> {
        Box::pin(async move {
            let names = self
                .rdf
                .run(move |store| -> Result<_, RdfStoreError> {
                    let foaf_name = NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/name");
                    let mut out = HashMap::new();
                    for agent in agents {
                        let mut names: Vec<(Option<String>, String)> = Vec::new();
                        for quad in store.quads_for_pattern(
                            Some(agent.as_ref().into()),
                            Some(foaf_name),
                            None,
                            None,
                        ) {
                            if let Term::Literal(name) = quad?.object {
                                names.push((
                                    name.language().map(str::to_ascii_lowercase),
                                    name.value().to_owned(),
                                ));
                            }
                        }
                        names.sort();
                        names.dedup();
                        if !names.is_empty() {
                            out.insert(agent, names);
                        }
                    }
                    Ok(out)
                })
                .await?;
            Ok(names)
        })
    }

    fn last_change(&self) -> StoreFuture<'_, Option<Timestamp>> {
        Box::pin(async move { Ok(self.rdf.run(last_change).await?) })
    }

    fn record_versions(&self) -> StoreFuture<'_, HashMap<NamedNode, i64>> {
        let catalog = self.catalog.clone();
        Box::pin(async move {
            let versions = self
                .rdf
                .run(move |store| record_versions(store, &catalog))
                .await?;
            Ok(versions)
        })
    }
}

fn last_change(store: &Store) -> Result<Option<Timestamp>, RdfStoreError> {
    let sparql = "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dct: <http://purl.org/dc/terms/>\n\
         PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n\
         SELECT (MAX(?modified) AS ?latest) WHERE { GRAPH ?record {\
           ?entry a dcat:CatalogRecord ; foaf:primaryTopic ?record ; dct:modified ?modified . } }";
    let QueryResults::Solutions(mut solutions) = SparqlEvaluator::new()
        .without_default_http_service_handler()
        .parse_query(sparql)
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
        .on_store(store)
        .execute()
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
    else {
        return Ok(None);
    };
    let Some(solution) = solutions.next() else {
        return Ok(None);
    };
    let solution = solution.map_err(|e| RdfStoreError::Query(e.to_string()))?;
    Ok(match solution.get("latest") {
        Some(Term::Literal(latest)) => Some(Timestamp::from_stored(latest.value())),
        _ => None,
    })
}

fn record_versions(
    store: &Store,
    catalog: &NamedNode,
) -> Result<HashMap<NamedNode, i64>, RdfStoreError> {
    let sparql = format!(
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\n\
         SELECT ?record ?version WHERE {{ GRAPH ?record {{ {catalog} dcat:record ?entry . ?entry dcat:version ?version . }} }}"
    );
    let QueryResults::Solutions(solutions) = SparqlEvaluator::new()
        .without_default_http_service_handler()
        .parse_query(&sparql)
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
        .on_store(store)
        .execute()
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
    else {
        return Ok(HashMap::new());
    };
    let mut versions = HashMap::new();
    for solution in solutions {
        let solution = solution.map_err(|e| RdfStoreError::Query(e.to_string()))?;
        if let (Some(Term::NamedNode(record)), Some(Term::Literal(version))) =
            (solution.get("record"), solution.get("version"))
            && let Ok(version) = version.value().parse::<i64>()
        {
            let entry = versions.entry(record.clone()).or_insert(version);
            *entry = (*entry).max(version);
        }
    }
    Ok(versions)
}

/// Below this many quads a transaction is fast enough, and it leaves no new
/// files behind for a read-only reader (`plaza export`) to race with.
const BULK_LOAD_FROM_QUADS: usize = 100_000;

/// Replaces the graphs atomically. When none of them exists yet (a first
/// import), Oxigraph's bulk loader writes them: it builds sorted files and
/// adds them to the database in one atomic step, much faster than a
/// transaction. Otherwise one transaction removes the quads that went away
/// and inserts the new graphs.
fn replace_graphs(store: &Store, graphs: &[(NamedNode, Graph)]) -> Result<(), RdfStoreError> {
    let quads: usize = graphs.iter().map(|(_, g)| g.len()).sum();
    let exists = |name: &NamedNode| {
        let graph = GraphNameRef::NamedNode(name.as_ref());
        store
            .quads_for_pattern(None, None, None, Some(graph))
            .next()
            .is_some()
    };
    let bulk = quads >= BULK_LOAD_FROM_QUADS && !graphs.iter().any(|(name, _)| exists(name));
    if bulk {
        let mut loader = store
            .bulk_loader()
            .with_num_threads(2)
            .with_max_memory_size_in_megabytes(512);
        loader.load_quads(graphs.iter().flat_map(|(name, graph)| {
            graph
                .iter()
                .map(move |t| t.in_graph(name.as_ref()).into_owned())
        }))?;
        loader.commit()?;
        return Ok(());
    }
    let mut transaction = store.start_transaction()?;
    for (name, graph) in graphs {
        let graph_name = GraphNameRef::NamedNode(name.as_ref());
        let old: Vec<Quad> = transaction
            .quads_for_pattern(None, None, None, Some(graph_name))
            .collect::<Result<_, _>>()?;
        for quad in &old {
            let triple = TripleRef::new(
                quad.subject.as_ref(),
                quad.predicate.as_ref(),
                quad.object.as_ref(),
            );
            if !graph.contains(triple) {
                transaction.remove(quad);
            }
        }
        for triple in graph {
            transaction.insert(triple.in_graph(graph_name));
        }
    }
    transaction.commit()?;
    Ok(())
}

fn read_graph(store: &Store, name: &NamedNode) -> Result<Graph, RdfStoreError> {
    let mut graph = Graph::new();
    for quad in store.quads_for_pattern(
        None,
        None,
        None,
        Some(GraphNameRef::NamedNode(name.as_ref())),
    ) {
        graph.insert(&Triple::from(quad?));
    }
    Ok(graph)
}

/// The record list as one SPARQL query; the search text and date are bound
/// as values, never spliced into the query text.
fn list_records(
    store: &Store,
    catalog: &NamedNode,
    query: &RecordQuery,
) -> Result<RecordSlice, RdfStoreError> {
    let mut filters = String::new();
    if query.modified_since.is_some() {
        filters.push_str("FILTER(?modified >= ?since)\n");
    }
    if query.text.is_some() {
        filters.push_str(
            "FILTER EXISTS { GRAPH ?record { ?record dct:title|dct:description|dcat:keyword ?text . \
             FILTER(CONTAINS(LCASE(STR(?text)), ?needle)) } }\n",
        );
    }
    // Oxigraph substitutes only variables of the projection.
    let mut bound = String::new();
    if query.modified_since.is_some() {
        bound.push_str(" ?since");
    }
    if query.text.is_some() {
        bound.push_str(" ?needle");
    }
    let sparql = format!(
        "PREFIX dcat: <http://www.w3.org/ns/dcat#>\nPREFIX dct: <http://purl.org/dc/terms/>\n\
         SELECT ?record ?modified {bound} WHERE {{\n\
           GRAPH ?record {{ {catalog} dcat:record ?entry . ?entry dct:modified ?modified . }}\n\
           {filters}}} ORDER BY DESC(?modified) ?record"
    );
    let mut prepared = SparqlEvaluator::new()
        .without_default_http_service_handler()
        .parse_query(&sparql)
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
        .on_store(store);
    if let Some(since) = &query.modified_since {
        prepared = prepared.substitute_variable(
            Variable::new_unchecked("since"),
            Literal::new_typed_literal(since, xsd::DATE_TIME),
        );
    }
    if let Some(text) = &query.text {
        prepared = prepared.substitute_variable(
            Variable::new_unchecked("needle"),
            Literal::new_simple_literal(text.to_lowercase()),
        );
    }
    let QueryResults::Solutions(solutions) = prepared
        .execute()
        .map_err(|e| RdfStoreError::Query(e.to_string()))?
    else {
        return Ok(RecordSlice {
            total: 0,
            records: Vec::new(),
        });
    };
    let mut total = 0;
    let mut records = Vec::new();
    let mut last: Option<NamedNode> = None;
    for solution in solutions {
        let solution = solution.map_err(|e| RdfStoreError::Query(e.to_string()))?;
        let Some(Term::NamedNode(record)) = solution.get("record").cloned() else {
            continue;
        };
        // A record has one modification date; guard against duplicates anyway.
        if last.as_ref() == Some(&record) {
            continue;
        }
        last = Some(record.clone());
        if total >= query.offset && records.len() < query.limit {
            records.push(record);
        }
        total += 1;
    }
    Ok(RecordSlice { total, records })
}
