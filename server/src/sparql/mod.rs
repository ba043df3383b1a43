//! `/sparql`: the SPARQL 1.1 Protocol, query only. GET `?query=`, POST
//! form and `application/sparql-query`; results in the format the client
//! accepts; updates refused with 400 and the store untouched; a time limit
//! and a row cap; CORS open for reads; an HTML editor for browsers.

mod editor;
mod evaluate;

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::NamedNode;
use oxigraph::sparql::CancellationToken;
use oxigraph::sparql::results::QueryResultsFormat;
use serde_json::json;
use spargebra::{Query, SparqlParser};
use tower_http::cors::{Any, CorsLayer};

use crate::api::{ApiError, ErrorBody};
use crate::rdf::negotiate_media;
use crate::routes::Routes;
use crate::state::AppState;
pub use evaluate::{Answer, DatasetSpec, EvaluateError, Limits};

const RESULT_TYPES: &[&str] = &[
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
    "text/html",
];

const GRAPH_TYPES: &[&str] = &[
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "text/html",
];

/// The `/sparql` routes with their CORS layer.
pub fn routes() -> Routes {
    Routes::new()
        .documented(utoipa_axum::routes!(query_by_get, query_by_post))
        .map_router(|router| {
            router.layer(
                CorsLayer::new()
                    .allow_origin(Any)
                    .allow_methods([Method::GET, Method::POST])
                    .allow_headers([header::CONTENT_TYPE, header::ACCEPT]),
            )
        })
}

/// The request's protocol parameters.
#[derive(Debug, Default)]
struct Request {
    query: Option<String>,
    update: bool,
    dataset: DatasetSpec,
}

/// `GET /sparql`.
#[utoipa::path(
    get,
    path = "/sparql",
    summary = "SPARQL 1.1 Protocol query (read-only); HTML editor for browsers",
    params(
        ("query" = Option<String>, Query, description = "The query; without it browsers get the editor"),
        ("default-graph-uri" = Option<Vec<String>>, Query, description = "The default graph's named graphs"),
        ("named-graph-uri" = Option<Vec<String>>, Query, description = "The named graphs the query sees")
    ),
    responses(
        (status = 200, description = "Results by Accept: SPARQL JSON, XML, CSV, TSV; graphs as Turtle, JSON-LD, N-Triples, RDF/XML; without a query, the editor (HTML)", content(
            ("application/sparql-results+json"), ("application/sparql-results+xml"), ("text/csv"),
            ("text/tab-separated-values"), ("application/json"), ("application/xml"), ("text/turtle"),
            ("application/ld+json"), ("application/n-triples"), ("application/rdf+xml"), ("text/html")
        )),
        (status = 400, description = "Not a query (updates are refused), or the query does not parse", body = ErrorBody),
        (status = 406, description = "No acceptable result format", body = ErrorBody),
        (status = 503, description = "The query hit the time limit or the row cap", body = ErrorBody)
    )
)]
async fn query_by_get(
    state: State<AppState>,
    uri: OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    sparql(state, Method::GET, uri, headers, body).await
}

/// `POST /sparql`.
#[utoipa::path(
    post,
    path = "/sparql",
    summary = "SPARQL 1.1 Protocol query by POST (form or application/sparql-query)",
    request_body(content(
        (String = "application/sparql-query"),
        (String = "application/x-www-form-urlencoded")
    )),
    responses(
        (status = 200, description = "As for GET"),
        (status = 400, description = "Not a query", body = ErrorBody),
        (status = 415, description = "Unsupported body", body = ErrorBody)
    )
)]
async fn query_by_post(
    state: State<AppState>,
    uri: OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    sparql(state, Method::POST, uri, headers, body).await
}

async fn sparql(
    State(state): State<AppState>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let request = read_request(&method, uri.query().unwrap_or(""), &headers, &body)?;
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    if request.update {
        return Err(read_only());
    }
    let Some(text) = request.query.filter(|q| !q.trim().is_empty()) else {
        if negotiate_media(accept, &["text/html", "application/sparql-results+json"])
            == Some("text/html")
        {
            return Ok(Html(editor::page("", None)).into_response());
        }
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "missing_query",
            "Send a SPARQL query as ?query=…, as a form field `query`, or as an application/sparql-query body.",
        ));
    };
    let base = state.config.public_url.base_iri();
    let parser = || {
        SparqlParser::new()
            .with_base_iri(base.as_str())
            .map_err(ApiError::internal)
    };
    let query = match parser()?.parse_query(&text) {
        Ok(query) => query,
        Err(_) if parser()?.parse_update(&text).is_ok() => return Err(read_only()),
        Err(err) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_query",
                format!("The query does not parse: {err}"),
            ));
        }
    };
    let is_graph = matches!(query, Query::Construct { .. } | Query::Describe { .. });
    let offered = if is_graph { GRAPH_TYPES } else { RESULT_TYPES };
    let chosen =
        negotiate_media(accept, offered).ok_or_else(|| ApiError::not_acceptable(offered))?;
    let (results_format, graph_format) = formats(chosen);
    let limits = Limits {
        timeout: Duration::from_millis(state.config.sparql_timeout_ms),
        max_rows: state.config.sparql_max_rows,
    };
    // At most a few queries evaluate at once; the rest wait their turn, so
    // a burst of heavy queries cannot take every core.
    static RUNNING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);
    let _permit = RUNNING.acquire().await.map_err(ApiError::internal)?;
    let token = CancellationToken::new();
    let dataset = request.dataset;
    let store = state.stores.rdf.clone();
    let evaluation = {
        let token = token.clone();
        async move {
            store
                .run(move |store| {
                    Ok::<_, crate::store::RdfStoreError>(evaluate::evaluate(
                        store,
                        query,
                        &dataset,
                        limits,
                        token,
                        results_format,
                        graph_format,
                    ))
                })
                .await
        }
    };
    // Oxigraph checks the token between steps; some steps (building a large
    // join) take long between checks. The client gets its answer at the
    // limit either way; the evaluation stops at its next check.
    let answer = tokio::select! {
        answer = evaluation => answer,
        () = tokio::time::sleep(limits.timeout) => {
            token.cancel();
            Ok(Err(EvaluateError::Timeout(limits.timeout.as_millis())))
        }
    };
    let answer = answer
        .map_err(ApiError::internal)?
        .map_err(|err| match err {
            EvaluateError::Timeout(_) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "query_timeout",
                err.to_string(),
            ),
            EvaluateError::TooManyRows(_) => {
                ApiError::new(StatusCode::BAD_REQUEST, "too_many_rows", err.to_string())
            }
            EvaluateError::Evaluation(_) => ApiError::new(
                StatusCode::BAD_REQUEST,
                "evaluation_failed",
                err.to_string(),
            ),
        })?;
    Ok(match answer {
        Answer::Bytes(media_type, bytes) => (
            [
                (header::CONTENT_TYPE, format!("{media_type}; charset=utf-8")),
                (header::VARY, "Accept".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Answer::Table(variables, rows) => {
            Html(editor::page(&text, Some((&variables, &rows)))).into_response()
        }
    })
}

fn read_only() -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "read_only",
        "This endpoint only answers queries; SPARQL updates are refused and nothing was changed. \
         Publishers change the catalog through /api/import.",
    )
}

/// The serialisations for a negotiated media type (`None` = HTML table).
fn formats(chosen: &str) -> (Option<QueryResultsFormat>, RdfFormat) {
    match chosen {
        "text/html" => (None, RdfFormat::Turtle),
        "application/sparql-results+xml" | "application/xml" => {
            (Some(QueryResultsFormat::Xml), RdfFormat::Turtle)
        }
        "text/csv" => (Some(QueryResultsFormat::Csv), RdfFormat::Turtle),
        "text/tab-separated-values" => (Some(QueryResultsFormat::Tsv), RdfFormat::Turtle),
        "application/ld+json" => (
            Some(QueryResultsFormat::Json),
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ),
        "application/n-triples" => (Some(QueryResultsFormat::Json), RdfFormat::NTriples),
        "application/rdf+xml" => (Some(QueryResultsFormat::Json), RdfFormat::RdfXml),
        _ => (Some(QueryResultsFormat::Json), RdfFormat::Turtle),
    }
}

/// Reads the protocol parameters from the URL and, for POST, the body.
fn read_request(
    method: &Method,
    url_query: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Request, ApiError> {
    let mut request = Request::default();
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(url_query.as_bytes())
        .into_owned()
        .collect();
    if method == Method::POST {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match content_type.as_str() {
            "application/x-www-form-urlencoded" => {
                pairs.extend(form_urlencoded::parse(body).into_owned());
            }
            "application/sparql-query" => {
                let text = std::str::from_utf8(body).map_err(|_| {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_query",
                        "The query is not UTF-8 text.",
                    )
                })?;
                request.query = Some(text.to_owned());
            }
            "application/sparql-update" => request.update = true,
            other => {
                return Err(ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    format!(
                        "POST the query as application/sparql-query or as a form (application/x-www-form-urlencoded); got {}.",
                        if other.is_empty() { "no Content-Type" } else { other }
                    ),
                )
                .with(json!({ "accepted": ["application/sparql-query", "application/x-www-form-urlencoded"] })));
            }
        }
    }
    for (name, value) in pairs {
        match name.as_str() {
            "query" if request.query.is_none() => request.query = Some(value),
            "update" => request.update = true,
            "default-graph-uri" | "named-graph-uri" => {
                let iri = NamedNode::new(&value).map_err(|e| {
                    ApiError::bad_parameter(&name, &format!("is not a valid IRI ({e})."))
                })?;
                if name == "default-graph-uri" {
                    request.dataset.default_graphs.push(iri);
                } else {
                    request.dataset.named_graphs.push(iri);
                }
            }
            _ => {}
        }
    }
    Ok(request)
}
