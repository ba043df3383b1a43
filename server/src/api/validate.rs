//! `POST /api/validate`: the SHACL report of a body, nothing stored.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use oxigraph::io::RdfFormat;

use crate::api::body::{body_format, require_body};
use crate::api::error::{ApiError, ErrorBody};
use crate::catalog::validate_only;
use crate::html::{escape, page};
use crate::rdf::{negotiate_media, serialize_graph};
use crate::shacl::{ValidationReport, compact};
use crate::state::AppState;

const OFFERED: &[&str] = &["application/json", "text/turtle", "text/html"];

/// Validates the body against the DCAT-AP (and, where declared, HVD) shapes.
#[utoipa::path(
    post,
    path = "/api/validate",
    summary = "Validate DCAT-AP records against the official SHACL shapes without storing them",
    request_body(
        description = "RDF in one of these syntaxes, chosen by Content-Type.",
        content(
            (String = "text/turtle"),
            (String = "application/rdf+xml"),
            (String = "application/ld+json"),
            (String = "application/n-triples"),
            (String = "application/n-quads")
        )
    ),
    responses(
        (status = 200, description = "The SHACL report (also as text/turtle or text/html by Accept)", body = ValidationReport),
        (status = 400, description = "The body is not valid RDF (line and column given)", body = ErrorBody),
        (status = 406, description = "No acceptable report format", body = ErrorBody),
        (status = 413, description = "The body is larger than PLAZA_MAX_BODY_BYTES"),
        (status = 415, description = "The Content-Type is not an RDF syntax", body = ErrorBody),
        (status = 429, description = "Too many calls from this address (`rate_limited`, with `retry_after` seconds; also the Retry-After header)", body = ErrorBody)
    )
)]
pub async fn validate(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let format = body_format(&headers)?;
    let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
    let answer =
        negotiate_media(accept, OFFERED).ok_or_else(|| ApiError::not_acceptable(OFFERED))?;
    require_body(&body)?;
    let base = state.config.public_url.base_iri();
    let report = tokio::task::spawn_blocking(move || validate_only(&body, format, &base))
        .await
        .map_err(ApiError::internal)??;
    Ok(match answer {
        "text/turtle" => (
            [(header::CONTENT_TYPE, "text/turtle; charset=utf-8")],
            serialize_graph(&report.to_graph(), RdfFormat::Turtle),
        )
            .into_response(),
        "text/html" => Html(report_page(&report)).into_response(),
        _ => axum::Json(report).into_response(),
    })
}

fn report_page(report: &ValidationReport) -> String {
    let verdict = if report.conforms {
        "The data conforms to the shapes.".to_owned()
    } else {
        format!(
            "The data does not conform: {} violation(s), {} warning(s).",
            report.violations, report.warnings
        )
    };
    let mut rows = String::new();
    for result in &report.results {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{:?}</td><td>{}</td></tr>\n",
            escape(&result.focus_node),
            escape(&result.path.as_deref().map(compact).unwrap_or_default()),
            result.severity,
            escape(&result.message),
        ));
    }
    let table = if rows.is_empty() {
        String::new()
    } else {
        format!(
            "<table><caption>Results</caption><thead><tr><th scope=\"col\">Node</th>\
             <th scope=\"col\">Property</th><th scope=\"col\">Severity</th><th scope=\"col\">Message</th>\
             </tr></thead><tbody>\n{rows}</tbody></table>"
        )
    };
    page(
        "Validation report",
        &format!(
            "<h1>Validation report</h1>\n<p>Shapes: {}.</p>\n<p role=\"status\">{}</p>\n{table}",
            escape(&report.shapes.join(", ")),
            escape(&verdict)
        ),
        &[],
    )
}
