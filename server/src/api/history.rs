//! `GET /api/records/history?iri=…`: the versions of one record.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use oxigraph::model::NamedNode;
use serde::Serialize;

use crate::api::error::{ApiError, ErrorBody};
use crate::catalog::{VersionInfo, facts_of, list_versions};
use crate::state::AppState;

/// A record's history.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct History {
    /// The record's IRI.
    pub iri: String,
    /// The current version.
    pub current_version: i64,
    /// Every version, oldest first; each is served as RDF at `{iri}?version=N`.
    pub versions: Vec<VersionInfo>,
}

/// The versions of the record named by `?iri=`.
#[utoipa::path(
    get,
    path = "/api/records/history",
    summary = "The versions of a record; each is served as RDF at {iri}?version=N",
    params(("iri" = String, Query, description = "The record's IRI")),
    responses(
        (status = 200, description = "The history", body = History),
        (status = 400, description = "Missing or invalid iri", body = ErrorBody),
        (status = 404, description = "No such record", body = ErrorBody)
    )
)]
pub async fn history(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<axum::Json<History>, ApiError> {
    let iri = query
        .get("iri")
        .ok_or_else(|| ApiError::bad_parameter("iri", "is required: the IRI of a record."))?;
    let node = NamedNode::new(iri)
        .map_err(|e| ApiError::bad_parameter("iri", &format!("is not a valid IRI ({e}).")))?;
    let graphs = state
        .catalog
        .store
        .record_graphs(vec![node.clone()])
        .await
        .map_err(ApiError::internal)?;
    let facts = graphs
        .get(&node)
        .and_then(|g| facts_of(state.catalog.importer.iris(), &node, g))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_record",
                format!("The catalog has no record {iri}."),
            )
        })?;
    let mut db = state.stores.sql.conn().await.map_err(ApiError::internal)?;
    let versions = list_versions(&mut db, iri, facts.version)
        .await
        .map_err(ApiError::internal)?;
    Ok(axum::Json(History {
        iri: iri.clone(),
        current_version: facts.version,
        versions,
    }))
}
