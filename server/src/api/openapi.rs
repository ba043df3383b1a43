//! `GET /api/openapi.json`: an OpenAPI 3.1 description of every route for
//! machines. Nothing here lists routes: each handler describes itself with
//! `#[utoipa::path]`, its journey declares it with `Routes::documented`,
//! and the document is built from the real router's declarations
//! ([`crate::routes::Routes::openapi`]). This file holds what is common to
//! all of them: the title and the bearer scheme; the server functions,
//! served by Leptos rather than by a journey, are in `server_fns.rs`.

use std::sync::Arc;

use axum::extract::{Extension, State};
use serde_json::Value;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi, Server};
use utoipa::{Modify, OpenApi as _};

use crate::state::AppState;

/// The document as the router was built, before the server's own URL.
#[derive(Clone)]
pub struct ApiDocument(pub Arc<OpenApi>);

/// What every Plaza API document says besides its paths.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Plaza API",
        description = "The machine side of a Plaza catalog: DCAT-AP 3 validation and import, record history, the harvestable feed and SPARQL.",
        license(name = "Apache-2.0", identifier = "Apache-2.0")
    ),
    components(schemas(crate::api::error::ErrorBody)),
    modifiers(&BearerScheme)
)]
struct PlazaApi;

/// The `bearer` security scheme the write API's operations name.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build();
        scheme.description = Some(
            "An organisation's token, made on /publish/tokens or with `plaza token create --org ORG --name NAME`; it writes only that organisation's records.".to_owned(),
        );
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The document's common part; [`crate::routes::Routes::openapi`] adds the
/// paths.
pub fn base() -> OpenApi {
    PlazaApi::openapi()
}

/// Routes served outside the journeys' routers that machines may call:
/// Leptos' server functions.
pub fn served_by_leptos() -> OpenApi {
    crate::api::server_fns::document()
}

/// Serves the document with this server's public URL.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    summary = "This document",
    responses((status = 200, description = "OpenAPI 3.1", content_type = "application/json"))
)]
pub async fn openapi(
    State(state): State<AppState>,
    Extension(ApiDocument(document)): Extension<ApiDocument>,
) -> Result<axum::Json<Value>, crate::api::ApiError> {
    let mut document = OpenApi::clone(&document);
    document.servers = Some(vec![Server::new(
        state.config.public_url.base_iri().trim_end_matches('/'),
    )]);
    let mut document = serde_json::to_value(document).map_err(crate::api::ApiError::internal)?;
    require_whole_tuples(&mut document);
    Ok(axum::Json(document))
}

/// utoipa writes a tuple such as `(String, u64)` as `prefixItems` with
/// `items: false` but without `minItems`, which would let `[]` and
/// `["a"]` pass; every tuple gets its length as `minItems`.
fn require_whole_tuples(schema: &mut Value) {
    match schema {
        Value::Object(members) => {
            if let Some(length) = members
                .get("prefixItems")
                .and_then(Value::as_array)
                .map(Vec::len)
            {
                members.entry("minItems").or_insert(length.into());
            }
            members.values_mut().for_each(require_whole_tuples);
        }
        Value::Array(items) => items.iter_mut().for_each(require_whole_tuples),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tuple_needs_all_its_items() {
        let mut schema = serde_json::json!({ "properties": { "pair": {
            "type": "array", "items": false, "prefixItems": [{ "type": "string" }, { "type": "integer" }]
        } } });
        require_whole_tuples(&mut schema);
        assert_eq!(schema["properties"]["pair"]["minItems"], 2);
    }
}
