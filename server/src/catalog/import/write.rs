//! The import's last step: the history rows in one SQL transaction, then
//! every record's graph in one RDF store transaction (the store decides),
//! then the search index.

use std::time::Instant;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Graph, NamedNode};

use crate::catalog::history;
use crate::catalog::import::compare::Changes;
use crate::catalog::import::{ImportError, Importer};
use crate::search::{SearchDocument, add_publisher_names};

impl Importer {
    /// Writes `changes`: history first, then the RDF store, then the search
    /// index (`started` times the import for the logs).
    pub(super) async fn write(
        &self,
        changes: Changes,
        started: Instant,
    ) -> Result<(), ImportError> {
        tracing::info!(
            records = changes.graphs.len(),
            "import: writing the record history and the RDF store"
        );
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis(),
            "import: compared"
        );
        let mut tx = self.sql.begin().await?;
        history::write_versions(&mut tx, &changes.versions).await?;
        tx.commit().await?;
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis(),
            "import: wrote the history"
        );
        self.store.replace_graphs(changes.graphs).await?;
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis(),
            "import: committed the RDF store"
        );
        self.index(changes.documents).await;
        Ok(())
    }

    /// Adds `documents` to the search index, if the importer keeps one. The
    /// store is the truth: a failed index write is repaired by the next
    /// reconciliation, so it does not fail the import.
    async fn index(&self, mut documents: Vec<SearchDocument>) {
        let Some(search) = &self.search else {
            return;
        };
        let indexed = match add_publisher_names(self.store.as_ref(), &mut documents).await {
            Ok(()) => search
                .write(documents, Vec::new())
                .await
                .map_err(|e| e.to_string()),
            Err(err) => Err(err.to_string()),
        };
        if let Err(err) = indexed {
            tracing::error!("the search index missed an import: {err}");
        }
    }
}

/// The N-Quads of `graph` as the named graph `name` (a history row).
pub(in crate::catalog) fn nquads(name: &NamedNode, graph: &Graph) -> String {
    let mut out = Vec::new();
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut out);
    for triple in graph {
        // Writing to a Vec cannot fail.
        let _ = serializer.serialize_quad(triple.in_graph(name.as_ref()));
    }
    let _ = serializer.finish();
    String::from_utf8(out).unwrap_or_default()
}
