//! Deleting a record: its named graph becomes a tombstone (Plaza's catalog
//! record with a new version and the status "withdrawn"), the history gains
//! a "deleted" version, and the record leaves the search index.

use oxigraph::model::NamedNode;

use crate::auth::{OutOfScope, WriteScope};
use crate::catalog::history::{self, NewVersion};
use crate::catalog::import::{ImportError, Importer, nquads};
use crate::catalog::record_graph::{RecordFacts, description_of, facts_of, tombstone_graph};
use crate::store::Timestamp;

impl Importer {
    /// Deletes the record `iri`: its graph becomes a tombstone (Plaza's
    /// catalog record with a new version, status withdrawn), its history
    /// gains a "deleted" version, and it leaves the search index. Returns
    /// false when there is no such record (or it was deleted already), and
    /// [`ImportError::OutOfScope`] when `scope` does not cover its publisher.
    pub async fn delete(&self, iri: &NamedNode, scope: &WriteScope) -> Result<bool, ImportError> {
        let _guard = self.write_lock.lock().await;
        let stored = self.store.record_graphs(vec![iri.clone()]).await?;
        let Some((graph, facts)) = stored
            .get(iri)
            .and_then(|g| facts_of(&self.iris, iri, g).map(|f| (g, f)))
        else {
            return Ok(false);
        };
        if description_of(&self.iris, iri, graph).is_empty() {
            return Ok(false);
        }
        if !scope.covers(iri, graph) {
            return Err(ImportError::OutOfScope(vec![OutOfScope {
                record: iri.as_str().to_owned(),
                reason: "The record belongs to another organisation; you may not delete it."
                    .to_owned(),
            }]));
        }
        let now = Timestamp::now();
        let facts = RecordFacts {
            version: facts.version + 1,
            issued: facts.issued,
            modified: now.clone(),
        };
        let tombstone = tombstone_graph(&self.iris, iri, &facts);
        let mut tx = self.sql.begin().await?;
        history::write_versions(
            &mut tx,
            &[NewVersion {
                record: iri.as_str().to_owned(),
                version: facts.version,
                created_at: now,
                change: "deleted",
                nquads: nquads(iri, &tombstone),
                results: "[]".to_owned(),
            }],
        )
        .await?;
        tx.commit().await?;
        self.store
            .replace_graphs(vec![(iri.clone(), tombstone)])
            .await?;
        tracing::info!(record = %iri, version = facts.version, "record deleted");
        if let Some(search) = &self.search
            && let Err(err) = search
                .write(Vec::new(), vec![iri.as_str().to_owned()])
                .await
        {
            tracing::error!("the search index missed a deletion: {err}");
        }
        Ok(true)
    }
}
