//! The import's first steps, before anything stored is read: parse the
//! body, split it into records, validate it, and give each record its own
//! SHACL results.

use std::collections::{HashMap, HashSet};

use oxigraph::io::RdfFormat;
use oxigraph::model::{Graph, NamedNode, NamedOrBlankNode, Term, Triple};

use crate::catalog::import::{ImportError, ImportMode, Importer};
use crate::catalog::record_graph::{CatalogIris, description_of};
use crate::catalog::records::{RecordDraft, RecordKind, RefusedRecord, boundary_nodes, split};
use crate::rdf::{Strictness, parse_graph};
use crate::shacl::{ValidationResult, validate_body_with};

/// One record of a body, with its own SHACL results.
pub(super) struct PreparedRecord {
    /// The record's IRI.
    pub iri: NamedNode,
    /// Dataset, data service or series.
    pub kind: RecordKind,
    /// Its description as sent, without Plaza's own catalog record.
    pub description: Graph,
    /// The results about the nodes it describes.
    pub results: Vec<ValidationResult>,
}

/// A parsed, split and validated body, ready to compare and write.
pub(super) struct Prepared {
    /// Its records, in IRI order.
    pub records: Vec<PreparedRecord>,
    /// Records that cannot be stored at all.
    pub refused: Vec<RefusedRecord>,
    /// Triples that belong to no record.
    pub unattached_triples: usize,
    /// Results about nodes outside every record.
    pub other_results: Vec<ValidationResult>,
}

impl Importer {
    /// Parses `body`, splits it into records and validates it, with the
    /// records it links to as background (the CPU-bound parts on the
    /// blocking pool).
    pub(super) async fn prepare(
        &self,
        body: Vec<u8>,
        format: RdfFormat,
        mode: ImportMode,
    ) -> Result<Prepared, ImportError> {
        let base = self.iris.base.clone();
        let graph = {
            let base = base.clone();
            tokio::task::spawn_blocking(move || parse_body(&body, format, &base, mode)).await??
        };
        let known = crate::catalog::record_types(
            self.store.as_ref(),
            crate::catalog::linked_records(&graph),
        )
        .await?;
        tokio::task::spawn_blocking(move || split_and_validate(graph, &base, &known)).await?
    }
}

/// `body` as a graph, or where and why it is not RDF (and whether a lenient
/// reading would do).
pub(super) fn parse(
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

/// Splits `graph` into records, validates it with `known` as background
/// and gives each record its results.
fn split_and_validate(graph: Graph, base: &str, known: &[Triple]) -> Result<Prepared, ImportError> {
    let started = std::time::Instant::now();
    let split = split(graph, base);
    tracing::debug!(elapsed_ms = started.elapsed().as_millis(), "import: split");
    if split.records.is_empty() && split.refused.is_empty() {
        return Err(ImportError::NoRecords);
    }
    let stop = boundary_nodes(&split.graph);
    let report = validate_body_with(&split.graph, &stop, known)?;
    tracing::debug!(
        elapsed_ms = started.elapsed().as_millis(),
        "import: validated"
    );
    let (per_record, other_results) = results_by_record(&split.records, report.results);
    // Plaza's own catalog record and catalog links in a body (a record
    // exported from here and imported again) are Plaza's to write: they
    // are dropped, or a stale `dcat:version` would come back with them.
    let iris = CatalogIris::new(base);
    let records = split
        .records
        .into_iter()
        .zip(per_record)
        .map(|(record, results)| PreparedRecord {
            description: description_of(&iris, &record.iri, &record.description),
            iri: record.iri,
            kind: record.kind,
            results,
        })
        .collect();
    Ok(Prepared {
        records,
        refused: split.refused,
        unattached_triples: split.unattached_triples,
        other_results,
    })
}

/// `results` on the records that describe their focus nodes (a node
/// several records describe gets its results on each), and the results
/// about nodes no record describes.
fn results_by_record(
    records: &[RecordDraft],
    results: Vec<ValidationResult>,
) -> (Vec<Vec<ValidationResult>>, Vec<ValidationResult>) {
    let mut owners: HashMap<NamedOrBlankNode, Vec<usize>> = HashMap::new();
    for (index, record) in records.iter().enumerate() {
        let subjects: HashSet<NamedOrBlankNode> = record
            .description
            .iter()
            .map(|t| t.subject.into_owned())
            .collect();
        for subject in subjects {
            owners.entry(subject).or_default().push(index);
        }
    }
    let mut per_record: Vec<Vec<ValidationResult>> = vec![Vec::new(); records.len()];
    let mut other_results = Vec::new();
    for result in results {
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
    (per_record, other_results)
}
