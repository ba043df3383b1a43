//! Keeping the index in step with the catalog store: a full rebuild
//! (`plaza reindex`, or at start-up when the index is new), and a
//! reconciliation that re-reads only the records whose version differs.

use std::collections::HashMap;

use oxigraph::model::NamedNode;

use crate::catalog::{
    CatalogIris, CatalogStore, CatalogStoreError, current_graphs_with_violations,
};
use crate::search::{SearchDocument, SearchError, SearchIndex, add_publisher_names};
use crate::store::SqlStore;

/// Records read from the store at a time.
const BATCH: usize = 1_000;

/// What can fail while syncing.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The catalog store failed.
    #[error(transparent)]
    Store(#[from] CatalogStoreError),
    /// The record history (exact snapshots) could not be read.
    #[error("Could not read the record history: {0}")]
    Sql(#[from] sqlx::Error),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] SearchError),
}

impl From<crate::catalog::ReadError> for SyncError {
    fn from(err: crate::catalog::ReadError) -> Self {
        match err {
            crate::catalog::ReadError::Store(err) => SyncError::Store(err),
            crate::catalog::ReadError::History(err) => SyncError::Sql(err),
        }
    }
}

/// Where the records come from.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    /// The catalog store.
    pub store: &'a dyn CatalogStore,
    /// The SQL store (exact snapshots of records).
    pub sql: &'a SqlStore,
    /// The catalog's IRIs.
    pub iris: &'a CatalogIris,
}

/// Replaces the index by the store's records; `progress(done, total)` is
/// called after each batch. Returns how many records were indexed.
pub async fn reindex(
    index: &SearchIndex,
    source: Source<'_>,
    progress: impl Fn(usize, usize),
) -> Result<usize, SyncError> {
    let versions = source.store.record_versions().await?;
    let mut records: Vec<NamedNode> = versions.into_keys().collect();
    records.sort();
    let total = records.len();
    let mut first = true;
    let mut done = 0;
    for batch in records.chunks(BATCH) {
        let documents = documents(source, batch.to_vec()).await?;
        index.add_uncommitted(documents, first).await?;
        first = false;
        done += batch.len();
        progress(done, total);
    }
    if first {
        index.add_uncommitted(Vec::new(), true).await?;
    }
    index.commit().await?;
    Ok(total)
}

/// What a reconciliation changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reconciled {
    /// Records added or re-read because their version differed.
    pub updated: usize,
    /// Records removed because the store no longer has them.
    pub removed: usize,
}

/// Re-reads the records whose version in the index differs from the
/// store's, and removes records the store no longer has.
pub async fn reconcile(index: &SearchIndex, source: Source<'_>) -> Result<Reconciled, SyncError> {
    let in_store = source.store.record_versions().await?;
    let in_index = index.versions().await?;
    let mut stale: Vec<NamedNode> = in_store
        .iter()
        .filter(|(iri, version)| in_index.get(iri.as_str()) != Some(*version))
        .map(|(iri, _)| iri.clone())
        .collect();
    stale.sort();
    let in_store: HashMap<String, i64> = in_store
        .into_iter()
        .map(|(iri, version)| (iri.into_string(), version))
        .collect();
    let removed: Vec<String> = in_index
        .into_keys()
        .filter(|iri| !in_store.contains_key(iri))
        .collect();
    let summary = Reconciled {
        updated: stale.len(),
        removed: removed.len(),
    };
    let mut removed = Some(removed);
    for batch in stale.chunks(BATCH) {
        let documents = documents(source, batch.to_vec()).await?;
        index
            .write(documents, removed.take().unwrap_or_default())
            .await?;
    }
    if let Some(removed) = removed.filter(|r| !r.is_empty()) {
        index.write(Vec::new(), removed).await?;
    }
    Ok(summary)
}

/// The search documents of `records`, from their exact graphs.
async fn documents(
    source: Source<'_>,
    records: Vec<NamedNode>,
) -> Result<Vec<SearchDocument>, SyncError> {
    let exact =
        current_graphs_with_violations(source.store, source.sql, source.iris, records).await?;
    let mut documents: Vec<SearchDocument> = exact
        .iter()
        .filter_map(|(iri, (graph, violations))| {
            SearchDocument::from_graph(source.iris, iri, graph, *violations)
        })
        .collect();
    documents.sort_by(|a, b| a.iri.cmp(&b.iri));
    add_publisher_names(source.store, &mut documents).await?;
    Ok(documents)
}
