//! `POST /api/import`: store every record of a body, all or nothing.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use crate::api::body::{body_format, require_body};
use crate::api::error::ApiError;
use crate::auth::{BearerCaller, Caller, Permission, decide};
use crate::catalog::ImportMode;
use crate::state::AppState;

/// Imports the body in `?mode=strict` (default) or `?mode=lenient`.
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
