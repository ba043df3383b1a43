//! Importing a body of RDF into the catalog: parse, split into records,
//! validate (`prepare.rs`), check the write scope and compare with what is
//! stored (`compare.rs`), then write every changed record in one
//! transaction, history rows first, then the RDF store (`write.rs`).

mod compare;
mod error;
mod prepare;
mod summary;
mod write;

use std::sync::Arc;
use std::time::Instant;

use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;

use crate::auth::WriteScope;
use crate::catalog::record_graph::CatalogIris;
use crate::catalog::records::boundary_nodes;
use crate::catalog::snapshot::current_graphs;
use crate::catalog::store::CatalogStore;
use crate::rdf::Strictness;
use crate::search::SearchIndex;
use crate::shacl::{ValidationReport, validate_body};
use crate::store::SqlStore;

use compare::{check_scope, refuse_if_strict};
pub use error::ImportError;
pub use summary::{ImportMode, ImportSummary, Outcome, RecordOutcome};
pub(super) use write::nquads;

/// The catalog's write side.
#[derive(Clone)]
pub struct Importer {
    pub(super) store: Arc<dyn CatalogStore>,
    pub(super) sql: SqlStore,
    pub(super) iris: CatalogIris,
    /// The search index, written after the store.
    pub(super) search: Option<SearchIndex>,
    /// One write at a time in this process, so version numbers never race.
    pub(super) write_lock: Arc<tokio::sync::Mutex<()>>,
}

impl Importer {
    /// An importer writing to `store` and the history in `sql`.
    pub fn new(store: Arc<dyn CatalogStore>, sql: SqlStore, iris: CatalogIris) -> Self {
        Importer {
            store,
            sql,
            iris,
            search: None,
            write_lock: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    /// The same importer, also keeping `search` in step with every write.
    pub fn with_search(mut self, search: SearchIndex) -> Self {
        self.search = Some(search);
        self
    }

    /// The catalog's IRIs.
    pub fn iris(&self) -> &CatalogIris {
        &self.iris
    }

    /// Imports `body` (in `format`) in `mode`, writing only records that
    /// `scope` allows (all or nothing).
    pub async fn import(
        &self,
        body: Vec<u8>,
        format: RdfFormat,
        mode: ImportMode,
        scope: &WriteScope,
    ) -> Result<ImportSummary, ImportError> {
        self.import_with_progress(body, format, mode, scope, |_| {})
            .await
    }

    /// [`Importer::import`], telling `progress` which stage it is in.
    pub async fn import_with_progress(
        &self,
        body: Vec<u8>,
        format: RdfFormat,
        mode: ImportMode,
        scope: &WriteScope,
        progress: impl Fn(&str),
    ) -> Result<ImportSummary, ImportError> {
        progress("parsing and validating");
        let started = Instant::now();
        let prepared = self.prepare(body, format, mode).await?;
        log_elapsed(started, "import: parsed, split and validated");

        progress("comparing with the stored records");
        let _guard = self.write_lock.lock().await;
        let iris: Vec<NamedNode> = prepared.records.iter().map(|r| r.iri.clone()).collect();
        let stored = current_graphs(self.store.as_ref(), &self.sql, &self.iris, iris).await?;
        check_scope(scope, &prepared, &stored)?;
        log_elapsed(started, "import: read the stored records");
        let (summary, changes) = self.compare(prepared, &stored, mode);
        let mut summary = refuse_if_strict(summary)?;

        if !changes.graphs.is_empty() {
            progress("writing");
            self.write(changes, started).await?;
            summary.stored = true;
        }
        Ok(summary)
    }
}

fn log_elapsed(started: Instant, step: &str) {
    tracing::debug!(elapsed_ms = started.elapsed().as_millis(), "{step}");
}

/// Validates a body without storing anything.
pub fn validate_only(
    body: &[u8],
    format: RdfFormat,
    base: &str,
) -> Result<ValidationReport, ImportError> {
    let graph = prepare::parse(body, format, base, Strictness::Strict)?;
    let stop = boundary_nodes(&graph);
    Ok(validate_body(&graph, &stop)?)
}
