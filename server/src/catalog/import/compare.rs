//! The import's steps against what is stored, inside the write lock: the
//! write scope, then each record's outcome and what to write for it, then
//! a strict import's refusal.

use std::collections::HashMap;

use oxigraph::model::{Graph, NamedNode};

use crate::auth::WriteScope;
use crate::catalog::history::NewVersion;
use crate::catalog::import::prepare::{Prepared, PreparedRecord};
use crate::catalog::import::write::nquads;
use crate::catalog::import::{
    ImportError, ImportMode, ImportSummary, Importer, Outcome, RecordOutcome,
};
use crate::catalog::record_graph::{
    CatalogIris, RecordFacts, description_of, facts_of, same_description, stored_graph,
};
use crate::search::SearchDocument;
use crate::shacl::{Severity, ValidationResult};
use crate::store::Timestamp;

/// What an import writes: every created or updated record's new version.
#[derive(Default)]
pub(super) struct Changes {
    /// The history rows, one per new version.
    pub versions: Vec<NewVersion>,
    /// The records' new named graphs.
    pub graphs: Vec<(NamedNode, Graph)>,
    /// Their search documents (none when the importer keeps no index).
    pub documents: Vec<SearchDocument>,
}

/// Refuses the whole body when a record is not `scope`'s to write, as sent
/// or as `stored`.
pub(super) fn check_scope(
    scope: &WriteScope,
    prepared: &Prepared,
    stored: &HashMap<NamedNode, Graph>,
) -> Result<(), ImportError> {
    let out_of_scope: Vec<_> = prepared
        .records
        .iter()
        .filter_map(|r| scope.check(&r.iri, &r.description, stored.get(&r.iri)))
        .collect();
    if out_of_scope.is_empty() {
        Ok(())
    } else {
        Err(ImportError::OutOfScope(out_of_scope))
    }
}

impl Importer {
    /// Compares each record of `prepared` with its `stored` graph: the
    /// summary of what happens to each, and the changes to write.
    pub(super) fn compare(
        &self,
        prepared: Prepared,
        stored: &HashMap<NamedNode, Graph>,
        mode: ImportMode,
    ) -> (ImportSummary, Changes) {
        let now = Timestamp::now();
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
        let mut changes = Changes::default();
        for PreparedRecord {
            iri,
            kind,
            description,
            results,
        } in prepared.records
        {
            if results.iter().any(|r| r.severity == Severity::Violation) {
                summary.records_with_violations += 1;
            }
            let (outcome, facts) =
                outcome_of(&self.iris, &iri, &description, stored.get(&iri), &now);
            match outcome {
                Outcome::Created => summary.created += 1,
                Outcome::Updated => summary.updated += 1,
                _ => summary.unchanged += 1,
            }
            if outcome != Outcome::Unchanged {
                let graph = stored_graph(&self.iris, &iri, kind, &description, &facts);
                changes.versions.push(NewVersion {
                    record: iri.as_str().to_owned(),
                    version: facts.version,
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
                    changes.documents.extend(SearchDocument::from_graph(
                        &self.iris,
                        &iri,
                        &graph,
                        violations(&results),
                    ));
                }
                changes.graphs.push((iri.clone(), graph));
            }
            summary.records.push(RecordOutcome {
                iri: iri.as_str().to_owned(),
                kind,
                outcome,
                version: Some(facts.version),
                results,
            });
        }
        (summary, changes)
    }
}

/// What importing `description` does to the record `iri`, by its `stored`
/// graph, and the record's facts after it (written `now` if it changes).
fn outcome_of(
    iris: &CatalogIris,
    iri: &NamedNode,
    description: &Graph,
    stored: Option<&Graph>,
    now: &Timestamp,
) -> (Outcome, RecordFacts) {
    let facts = stored.and_then(|g| facts_of(iris, iri, g));
    match (facts, stored) {
        (Some(facts), Some(stored))
            if same_description(&description_of(iris, iri, stored), description) =>
        {
            (Outcome::Unchanged, facts)
        }
        (Some(facts), _) => (
            Outcome::Updated,
            RecordFacts {
                version: facts.version + 1,
                issued: facts.issued,
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
    }
}

fn violations(results: &[ValidationResult]) -> usize {
    results
        .iter()
        .filter(|r| r.severity == Severity::Violation)
        .count()
}

/// A strict import stores nothing when a record has a violation or cannot
/// be stored: the summary then says which records would have changed.
pub(super) fn refuse_if_strict(mut summary: ImportSummary) -> Result<ImportSummary, ImportError> {
    let refuse = summary.mode == ImportMode::Strict
        && (summary.records_with_violations > 0 || !summary.refused.is_empty());
    if !refuse {
        return Ok(summary);
    }
    for record in &mut summary.records {
        if record.outcome != Outcome::Unchanged {
            record.outcome = Outcome::Refused;
            record.version = None;
        }
    }
    Err(ImportError::Refused(Box::new(summary)))
}
