//! Running one read-only SPARQL query on the store with a time limit and a
//! row cap, and serialising its answer in the negotiated format.

use std::time::Duration;

use oxigraph::io::RdfFormat;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::Query;

use crate::rdf::serialize_triples;

/// Limits for one query.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall-clock time the evaluation may take.
    pub timeout: Duration,
    /// Most solutions or triples in the answer.
    pub max_rows: usize,
}

/// The dataset a query runs on (SPARQL protocol parameters).
#[derive(Debug, Clone, Default)]
pub struct DatasetSpec {
    /// `default-graph-uri`: the default graph is their merge (else the
    /// union of all graphs).
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri`: the named graphs `GRAPH` sees (else all).
    pub named_graphs: Vec<NamedNode>,
}

/// What a query produced, or a table for the HTML page.
#[derive(Debug)]
pub enum Answer {
    /// Serialised bytes with their media type.
    Bytes(&'static str, Vec<u8>),
    /// Variables and rows, for the HTML editor.
    Table(Vec<String>, Vec<Vec<Option<Term>>>),
}

/// Why a query gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum EvaluateError {
    /// The time limit was hit.
    #[error(
        "The query ran longer than the limit of {0} ms and was stopped. Make it more selective or add a LIMIT."
    )]
    Timeout(u128),
    /// The answer would hold more rows than allowed.
    #[error(
        "The answer has more than {0} rows, the most this endpoint returns. Add a LIMIT (and OFFSET to page through)."
    )]
    TooManyRows(usize),
    /// Evaluation failed.
    #[error("The query could not be evaluated: {0}")]
    Evaluation(String),
}

/// Evaluates `query` within `limits`; the caller cancels `token` when the
/// time limit passes. `results_format` picks the serialisation of solutions
/// and booleans (`None` asks for a table), `graph_format` that of graphs.
pub fn evaluate(
    store: &Store,
    query: Query,
    dataset: &DatasetSpec,
    limits: Limits,
    token: CancellationToken,
    results_format: Option<QueryResultsFormat>,
    graph_format: RdfFormat,
) -> Result<Answer, EvaluateError> {
    let cancelled = |err: &QueryEvaluationError| matches!(err, QueryEvaluationError::Cancelled);
    let timeout = || EvaluateError::Timeout(limits.timeout.as_millis());
    let mut prepared = SparqlEvaluator::new()
        .without_default_http_service_handler()
        .with_cancellation_token(token)
        .for_query(query);
    {
        let spec = prepared.dataset_mut();
        if dataset.default_graphs.is_empty() {
            spec.set_default_graph_as_union();
        } else {
            spec.set_default_graph(
                dataset
                    .default_graphs
                    .iter()
                    .cloned()
                    .map(Into::into)
                    .collect(),
            );
        }
        if !dataset.named_graphs.is_empty() {
            spec.set_available_named_graphs(
                dataset
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(Into::into)
                    .collect(),
            );
        }
    }
    let failed = |e: QueryEvaluationError| {
        if cancelled(&e) {
            timeout()
        } else {
            evaluation(e)
        }
    };
    let results = prepared.on_store(store).execute().map_err(failed)?;
    let answer = match results {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<_> = solutions.variables().to_vec();
            let rows = collect_capped(solutions, limits.max_rows, failed)?;
            match results_format {
                None => Answer::Table(
                    variables.iter().map(|v| v.as_str().to_owned()).collect(),
                    rows.iter()
                        .map(|s| variables.iter().map(|v| s.get(v).cloned()).collect())
                        .collect(),
                ),
                Some(format) => {
                    let mut writer = QueryResultsSerializer::from_format(format)
                        .serialize_solutions_to_writer(Vec::new(), variables)
                        .map_err(evaluation)?;
                    for solution in &rows {
                        writer.serialize(solution).map_err(evaluation)?;
                    }
                    let bytes = writer.finish().map_err(evaluation)?;
                    Answer::Bytes(format.media_type(), bytes)
                }
            }
        }
        QueryResults::Boolean(value) => match results_format {
            None => Answer::Table(
                vec!["result".into()],
                vec![vec![Some(oxigraph::model::Literal::from(value).into())]],
            ),
            Some(format) => {
                let bytes = QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(Vec::new(), value)
                    .map_err(evaluation)?;
                Answer::Bytes(format.media_type(), bytes)
            }
        },
        QueryResults::Graph(triples) => {
            let all = collect_capped(triples, limits.max_rows, failed)?;
            match results_format {
                None => Answer::Table(
                    vec!["subject".into(), "predicate".into(), "object".into()],
                    all.into_iter()
                        .map(|t| {
                            vec![
                                Some(t.subject.into()),
                                Some(t.predicate.into()),
                                Some(t.object),
                            ]
                        })
                        .collect(),
                ),
                Some(_) => {
                    let bytes = serialize_triples(all, graph_format);
                    Answer::Bytes(graph_format.media_type(), bytes)
                }
            }
        }
    };
    Ok(answer)
}

fn evaluation(err: impl std::fmt::Display) -> EvaluateError {
    EvaluateError::Evaluation(err.to_string())
}

/// Every item of `items`, or `TooManyRows` past `max_rows`.
fn collect_capped<T>(
    items: impl Iterator<Item = Result<T, QueryEvaluationError>>,
    max_rows: usize,
    failed: impl Fn(QueryEvaluationError) -> EvaluateError,
) -> Result<Vec<T>, EvaluateError> {
    let mut all = Vec::new();
    for item in items {
        let item = item.map_err(&failed)?;
        if all.len() == max_rows {
            return Err(EvaluateError::TooManyRows(max_rows));
        }
        all.push(item);
    }
    Ok(all)
}
