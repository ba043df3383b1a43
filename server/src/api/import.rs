//! `POST /api/import`: store every record of a body, all or nothing.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use crate::api::auth::require_token;
use crate::api::body::{body_format, require_body};
use crate::api::error::ApiError;
use crate::auth::ApiToken;
use crate::catalog::{ImportMode, WriteScope};
use crate::http::AppState;

/// Imports the body in `?mode=strict` (default) or `?mode=lenient`.
pub async fn import(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let token = require_token(&state.stores.sql, &headers).await?;
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
    let scope = token_scope(&state, &token).await?;
    let summary = state
        .catalog
        .importer
        .import(body.to_vec(), format, mode, &scope)
        .await?;
    tracing::info!(
        token = %token.name,
        created = summary.created,
        updated = summary.updated,
        unchanged = summary.unchanged,
        "import"
    );
    Ok(axum::Json(summary).into_response())
}

/// The records a token may write: those of its organisation.
async fn token_scope(state: &AppState, token: &ApiToken) -> Result<WriteScope, ApiError> {
    if token.site_wide {
        return Ok(WriteScope::Any);
    }
    let organisation = match &token.organisation {
        Some(id) => crate::auth::organisations::organisation(&state.stores.sql, id)
            .await
            .map_err(ApiError::internal)?,
        None => None,
    };
    match organisation {
        Some(org) => Ok(WriteScope::organisation(&org.id, &org.agent_iri)),
        None => Err(ApiError::forbidden(
            "token_without_organisation",
            "This token belongs to no organisation, so it may not write. Ask an administrator for a token made with `plaza token create --org ORG --name NAME`.",
        )),
    }
}
