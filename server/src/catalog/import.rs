//! Importing a body of RDF into the catalog: parse, split into records,
//! validate, compare with what is stored, then write every changed record
//! in one transaction (history rows first, then the RDF store).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Graph, NamedNode, NamedOrBlankNode, Term};
use serde::Serialize;

use crate::auth::WriteScope;
use crate::catalog::history::{self, NewVersion};
use crate::catalog::record_graph::{
    CatalogIris, RecordFacts, description_of, facts_of, same_description, stored_graph,
};
use crate::catalog::records::{RecordKind, RefusedRecord, split};
use crate::catalog::snapshot::current_graphs;
use crate::catalog::store::{CatalogStore, CatalogStoreError};
use crate::rdf::{ParseError, Strictness, parse_graph};
use crate::search::{SearchDocument, SearchIndex, add_publisher_names};
use crate::shacl::{
    Severity, ShaclError, ValidationReport, ValidationResult, validate_body, validate_body_with,
};
use crate::store::{SqlStore, now_rfc3339};

/// How an import treats SHACL violations.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ImportMode {
    /// Refuse the whole body if any record has a violation (the default).
    #[default]
    Strict,
    /// Store every record that parses, with its violations.
    Lenient,
}

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// New in the catalog.
    Created,
    /// Stored before, now changed (a new version).
    Updated,
    /// Stored before with the same description.
    Unchanged,
    /// Would have been created (strict import refused).
    Refused,
}

/// One record of an import summary.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RecordOutcome {
    /// The record's IRI.
    pub iri: String,
    /// Dataset, data service or series.
    pub kind: RecordKind,
    /// What happened.
    pub outcome: Outcome,
    /// Its version after the import (absent when nothing was stored).
    pub version: Option<i64>,
    /// Its SHACL results.
    pub results: Vec<ValidationResult>,
}

/// The answer to an import.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportSummary {
    /// Strict or lenient.
    pub mode: ImportMode,
    /// Whether anything was written.
    pub stored: bool,
    /// Records created.
    pub created: usize,
    /// Records updated.
    pub updated: usize,
    /// Records unchanged.
    pub unchanged: usize,
    /// Records with at least one `sh:Violation`.
    pub records_with_violations: usize,
    /// Triples of the body that belong to no record (e.g. the source catalog).
    pub unattached_triples: usize,
    /// Records that cannot be stored at all.
    pub refused: Vec<RefusedRecord>,
    /// Every record, in IRI order.
    pub records: Vec<RecordOutcome>,
    /// SHACL results about nodes outside every record.
    pub other_results: Vec<ValidationResult>,
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The body is not RDF in the declared syntax.
    #[error("The body is not valid RDF: {}", .error.located_message())]
    Parse {
        /// Where and why.
        error: ParseError,
        /// Whether `?mode=lenient` would read it.
        lenient_would_parse: bool,
    },
    /// The body holds no dataset, data service or dataset series.
    #[error("The body holds no dcat:Dataset, dcat:DataService or dcat:DatasetSeries to import.")]
    NoRecords,
    /// Records of another organisation than the writer's.
    #[error("Nothing was stored: {} record(s) are not yours to write. {}", .0.len(), .0.iter().map(|r| format!("{}: {}", r.record, r.reason)).collect::<Vec<_>>().join(" "))]
    OutOfScope(Vec<crate::auth::OutOfScope>),
    /// Strict mode and a record does not conform (the summary says which).
    #[error("Nothing was stored: {} record(s) have SHACL violations or cannot be stored. Fix them, or import with mode=lenient.", .0.records_with_violations + .0.refused.len())]
    Refused(Box<ImportSummary>),
    /// Validation itself failed.
    #[error(transparent)]
    Shacl(#[from] ShaclError),
    /// A store failed; nothing was committed.
    #[error(transparent)]
    Store(#[from] CatalogStoreError),
    /// The history table failed; nothing was committed.
    #[error("Could not write the record history: {0}")]
    History(#[from] sqlx::Error),
    /// The stored records could not be read; nothing was committed.
    #[error(transparent)]
    Read(#[from] crate::catalog::ReadError),
    /// The CPU-bound part panicked or was cancelled.
    #[error("The import task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

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

/// A parsed, split and validated body, ready to compare and write.
struct Prepared {
    records: Vec<(NamedNode, RecordKind, Graph, Vec<ValidationResult>)>,
    refused: Vec<RefusedRecord>,
    unattached_triples: usize,
    other_results: Vec<ValidationResult>,
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
        let base = self.iris.base.clone();
        progress("parsing and validating");
        let started = std::time::Instant::now();
        let graph = {
            let base = base.clone();
            tokio::task::spawn_blocking(move || parse_body(&body, format, &base, mode)).await??
        };
        let known = crate::catalog::record_types(
            self.store.as_ref(),
            crate::catalog::linked_records(&graph),
        )
        .await?;
        let prepared = tokio::task::spawn_blocking(move || prepare(graph, &base, &known)).await??;
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis(),
            "import: parsed, split and validated"
        );
        progress("comparing with the stored records");
        let _guard = self.write_lock.lock().await;
        let iris: Vec<NamedNode> = prepared.records.iter().map(|r| r.0.clone()).collect();
        let current = current_graphs(self.store.as_ref(), &self.sql, &self.iris, iris).await?;
        let out_of_scope: Vec<_> = prepared
            .records
            .iter()
            .filter_map(|(iri, _, description, _)| scope.check(iri, description, current.get(iri)))
            .collect();
        if !out_of_scope.is_empty() {
            return Err(ImportError::OutOfScope(out_of_scope));
        }
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis(),
            "import: read the stored records"
        );
        let now = now_rfc3339();
        let mut summary = ImportSummary {
            mode,
            stored: false,
            created: 0,
            updated: 0,
            unchanged: 0,
            records_with_violations: 0,
            unattached_triples: prepared.unattached_triples,
            refused: prepared.refused,
            records: Vec::new(),
            other_results: prepared.other_results,
        };
        let mut writes = Vec::new();
        let mut versions = Vec::new();
        let mut documents: Vec<SearchDocument> = Vec::new();
        for (iri, kind, description, results) in prepared.records {
            if results.iter().any(|r| r.severity == Severity::Violation) {
                summary.records_with_violations += 1;
            }
            let stored = current.get(&iri);
            let facts = stored.and_then(|g| facts_of(&self.iris, &iri, g));
            let (outcome, new_facts) = match (&facts, stored) {
                (Some(facts), Some(stored))
                    if same_description(
                        &description_of(&self.iris, &iri, stored),
                        &description,
                    ) =>
                {
                    (Outcome::Unchanged, facts.clone())
                }
                (Some(facts), _) => (
                    Outcome::Updated,
                    RecordFacts {
                        version: facts.version + 1,
                        issued: facts.issued.clone(),
                        modified: now.clone(),
                    },
                ),
                (None, _) => (
                    Outcome::Created,
                    RecordFacts {
                        version: 1,
                        issued: now.clone(),
                        modified: now.clone(),
                    },
                ),
            };
            match outcome {
                Outcome::Created => summary.created += 1,
                Outcome::Updated => summary.updated += 1,
                _ => summary.unchanged += 1,
            }
            if outcome != Outcome::Unchanged {
                let graph = stored_graph(&self.iris, &iri, kind, &description, &new_facts);
                versions.push(NewVersion {
                    record: iri.as_str().to_owned(),
                    version: new_facts.version,
                    created_at: now.clone(),
                    change: if outcome == Outcome::Created {
                        "created"
                    } else {
                        "updated"
                    },
                    nquads: nquads(&iri, &graph),
                    results: serde_json::to_string(&results).unwrap_or_else(|_| "[]".into()),
                });
                if self.search.is_some() {
                    let violations = results
                        .iter()
                        .filter(|r| r.severity == Severity::Violation)
                        .count();
                    documents.extend(SearchDocument::from_graph(
                        &self.iris, &iri, &graph, violations,
                    ));
                }
                writes.push((iri.clone(), graph));
            }
            summary.records.push(RecordOutcome {
                iri: iri.as_str().to_owned(),
                kind,
                outcome,
                version: Some(new_facts.version),
                results,
            });
        }
        let refuse = mode == ImportMode::Strict
            && (summary.records_with_violations > 0 || !summary.refused.is_empty());
        if refuse {
            for record in &mut summary.records {
                if record.outcome != Outcome::Unchanged {
                    record.outcome = Outcome::Refused;
                    record.version = None;
                }
            }
            return Err(ImportError::Refused(Box::new(summary)));
        }
        if !writes.is_empty() {
            progress("writing");
            tracing::info!(
                records = writes.len(),
                "import: writing the record history and the RDF store"
            );
            tracing::debug!(
                elapsed_ms = started.elapsed().as_millis(),
                "import: compared"
            );
            let mut tx = self.sql.begin().await?;
            history::write_versions(&mut tx, &versions).await?;
            tx.commit().await?;
            tracing::debug!(
                elapsed_ms = started.elapsed().as_millis(),
                "import: wrote the history"
            );
            self.store.replace_graphs(writes).await?;
            tracing::debug!(
                elapsed_ms = started.elapsed().as_millis(),
                "import: committed the RDF store"
            );
            if let Some(search) = &self.search {
                // The store is the truth: a failed index write is repaired
                // by the next reconciliation, so it does not fail the import.
                let mut documents = documents;
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
            summary.stored = true;
        }
        Ok(summary)
    }
}

/// Validates a body without storing anything.
pub fn validate_only(
    body: &[u8],
    format: RdfFormat,
    base: &str,
) -> Result<ValidationReport, ImportError> {
    let graph = parse(body, format, base, Strictness::Strict)?;
    let stop = crate::catalog::records::boundary_nodes(&graph);
    Ok(validate_body(&graph, &stop)?)
}

fn parse(
    body: &[u8],
    format: RdfFormat,
    base: &str,
    strictness: Strictness,
) -> Result<Graph, ImportError> {
    parse_graph(body, format, base, strictness).map_err(|error| ImportError::Parse {
        lenient_would_parse: strictness == Strictness::Strict
            && parse_graph(body, format, base, Strictness::Lenient).is_ok(),
        error,
    })
}

fn parse_body(
    body: &[u8],
    format: RdfFormat,
    base: &str,
    mode: ImportMode,
) -> Result<Graph, ImportError> {
    let strictness = match mode {
        ImportMode::Strict => Strictness::Strict,
        ImportMode::Lenient => Strictness::Lenient,
    };
    let started = std::time::Instant::now();
    let graph = parse(body, format, base, strictness)?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis(),
        triples = graph.len(),
        "import: parsed"
    );
    Ok(graph)
}

fn prepare(
    graph: Graph,
    base: &str,
    known: &[oxigraph::model::Triple],
) -> Result<Prepared, ImportError> {
    let started = std::time::Instant::now();
    let split = split(graph, base);
    tracing::debug!(elapsed_ms = started.elapsed().as_millis(), "import: split");
    if split.records.is_empty() && split.refused.is_empty() {
        return Err(ImportError::NoRecords);
    }
    let stop = crate::catalog::records::boundary_nodes(&split.graph);
    let report = validate_body_with(&split.graph, &stop, known)?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis(),
        "import: validated"
    );
    // Which records describe each node, so results land on their records.
    let mut owners: HashMap<NamedOrBlankNode, Vec<usize>> = HashMap::new();
    for (index, record) in split.records.iter().enumerate() {
        let subjects: HashSet<NamedOrBlankNode> = record
            .description
            .iter()
            .map(|t| t.subject.into_owned())
            .collect();
        for subject in subjects {
            owners.entry(subject).or_default().push(index);
        }
    }
    let mut per_record: Vec<Vec<ValidationResult>> = vec![Vec::new(); split.records.len()];
    let mut other_results = Vec::new();
    for result in report.results {
        let node: Option<NamedOrBlankNode> = match &result.focus_term {
            Term::NamedNode(n) => Some(n.clone().into()),
            Term::BlankNode(b) => Some(b.clone().into()),
            _ => None,
        };
        match node.and_then(|n| owners.get(&n)) {
            Some(indexes) => {
                for index in indexes {
                    per_record[*index].push(result.clone());
                }
            }
            None => other_results.push(result),
        }
    }
    // Plaza's own catalog record and catalog links in a body (a record
    // exported from here and imported again) are Plaza's to write: they
    // are dropped, or a stale `dcat:version` would come back with them.
    let iris = CatalogIris::new(base);
    let records = split
        .records
        .into_iter()
        .zip(per_record)
        .map(|(record, results)| {
            let description = description_of(&iris, &record.iri, &record.description);
            (record.iri, record.kind, description, results)
        })
        .collect();
    Ok(Prepared {
        records,
        refused: split.refused,
        unattached_triples: split.unattached_triples,
        other_results,
    })
}

pub(super) fn nquads(name: &NamedNode, graph: &Graph) -> String {
    let mut out = Vec::new();
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut out);
    for triple in graph {
        // Writing to a Vec cannot fail.
        let _ = serializer.serialize_quad(triple.in_graph(name.as_ref()));
    }
    let _ = serializer.finish();
    String::from_utf8(out).unwrap_or_default()
}
