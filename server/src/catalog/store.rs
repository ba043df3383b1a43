//! The catalog-store interface: what the catalog needs from an RDF store,
//! in operations any SPARQL 1.1 Protocol + Graph Store endpoint can also
//! offer (read a named graph, replace named graphs atomically, query).
//! The embedded Oxigraph implementation is in `oxigraph_store`.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use oxigraph::model::{Graph, NamedNode};

use crate::store::Timestamp;

/// A boxed future of a store operation.
pub type StoreFuture<'a, T> =
    Pin<Box<dyn Future<Output = Result<T, CatalogStoreError>> + Send + 'a>>;

/// What can fail in a catalog store.
#[derive(Debug, thiserror::Error)]
pub enum CatalogStoreError {
    /// The store failed or cannot be reached.
    #[error("The catalog store failed: {0}")]
    Store(String),
}

impl From<crate::store::RdfStoreError> for CatalogStoreError {
    fn from(err: crate::store::RdfStoreError) -> Self {
        CatalogStoreError::Store(err.to_string())
    }
}

/// Which records a feed page lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordQuery {
    /// Records to skip (newest first).
    pub offset: usize,
    /// Most records to return.
    pub limit: usize,
    /// Only records modified at or after this `xsd:dateTime` (lexical form).
    pub modified_since: Option<String>,
    /// Only records whose title, description or keywords contain this text
    /// (case-insensitive).
    pub text: Option<String>,
}

/// One slice of the record list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSlice {
    /// How many records match in all.
    pub total: usize,
    /// The records of this slice, newest modification first.
    pub records: Vec<NamedNode>,
}

/// Names of agents: (language tag, name) pairs by agent.
pub type AgentNames = HashMap<NamedNode, Vec<(Option<String>, String)>>;

/// The RDF side of the catalog.
pub trait CatalogStore: Send + Sync {
    /// The stored named graph of each record of `iris` that exists.
    fn record_graphs(&self, iris: Vec<NamedNode>) -> StoreFuture<'_, HashMap<NamedNode, Graph>>;

    /// Replaces each named graph by the graph given, all in one
    /// transaction: either every graph is replaced or none is.
    fn replace_graphs(&self, graphs: Vec<(NamedNode, Graph)>) -> StoreFuture<'_, ()>;

    /// The record (its graph's name) that Plaza's catalog record
    /// `catalog_record` is about.
    fn record_of_catalog_record(
        &self,
        catalog_record: NamedNode,
    ) -> StoreFuture<'_, Option<NamedNode>>;

    /// The records matching `query`, newest modification first.
    fn list_records(&self, query: RecordQuery) -> StoreFuture<'_, RecordSlice>;

    /// The `foaf:name`s of each agent of `agents`, wherever it is described
    /// (a record's graph or the catalog's): (language tag, name) pairs.
    fn agent_names(&self, agents: Vec<NamedNode>) -> StoreFuture<'_, AgentNames>;

    /// When the catalog last changed: the latest `dct:modified` of Plaza's
    /// catalog records, deleted records' tombstones included (`None` for an
    /// empty catalog).
    fn last_change(&self) -> StoreFuture<'_, Option<Timestamp>>;

    /// Every record with its current version (`dcat:version` of Plaza's
    /// catalog record), to check derived data such as the search index.
    fn record_versions(&self) -> StoreFuture<'_, HashMap<NamedNode, i64>>;
}
