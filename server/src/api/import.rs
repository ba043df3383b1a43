//! `POST /api/import`: store every record of a body, all or nothing.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use crate::api::body::{body_format, require_body};
use crate::api::error::{ApiError, ErrorBody};
use crate::auth::{BearerCaller, Caller, Permission, decide};
use crate::catalog::{ImportMode, ImportSummary};
use crate::state::AppState;

/// Imports the body in `?mode=strict` (default) or `?mode=lenient`.
#[utoipa::path(
    post,
    path = "/api/import",
    summary = "Store every record of the body in one transaction",
    security(("bearer" = [])),
    params(
        ("mode" = Option<ImportMode>, Query, description = "strict (the default) refuses the whole body when a record has a sh:Violation; lenient stores every record with its violations")
    ),
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
        (status = 200, description = "What was created, updated or unchanged", body = ImportSummary),
        (status = 400, description = "The body is not valid RDF, or a parameter is wrong", body = ErrorBody),
        (status = 401, description = "No valid bearer token (missing, unknown or revoked)", body = ErrorBody),
        (status = 403, description = "Nothing stored: records of another organisation than the token's (`not_your_records`, with `records`), or a token of no organisation", body = ErrorBody),
        (status = 413, description = "The body is larger than PLAZA_MAX_BODY_BYTES"),
        (status = 415, description = "The Content-Type is not an RDF syntax", body = ErrorBody),
        (status = 422, description = "Nothing stored: strict mode and violations (the summary is in `summary`), or no record in the body", body = ErrorBody),
        (status = 429, description = "Too many calls from this address (`rate_limited`, with `retry_after` seconds; also the Retry-After header)", body = ErrorBody)
    )
)]
pub async fn import(
    State(state): State<AppState>,
    BearerCaller(caller): BearerCaller,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let mode = match query.get("mode").map(String::as_str) {
        None | Some("strict") => ImportMode::Strict,
        Some("lenient") => ImportMode::Lenient,
        Some(_) => {
            return Err(ApiError::bad_parameter(
                "mode",
                "must be strict or lenient.",
            ));
        }
    };
    let format = body_format(&headers)?;
    require_body(&body)?;
    decide(&caller, Permission::WriteRecords)?;
    let scope = caller.write_scope();
    let summary = state
        .catalog
        .importer
        .import(body.to_vec(), format, mode, &scope)
        .await?;
    let token = match &caller {
        Caller::Token(holder) => holder.token.name.as_str(),
        _ => "",
    };
    tracing::info!(
        token = %token,
        created = summary.created,
        updated = summary.updated,
        unchanged = summary.unchanged,
        "import"
    );
    Ok(axum::Json(summary).into_response())
}
