//! `GET /api/openapi.json`: an OpenAPI 3.1 description of every route for
//! machines. Nothing here lists routes: each handler describes itself with
//! `#[utoipa::path]`, its journey declares it with `Routes::documented`,
//! and the document is built from the real router's declarations
//! ([`crate::routes::Routes::openapi`]). This file holds what is common to
//! all of them: the title and the bearer scheme; the server functions,
//! served by Leptos rather than by a journey, are in `server_fns.rs`.

use std::sync::Arc;

use axum::extract::{Extension, State};
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
) -> axum::Json<OpenApi> {
    let mut document = OpenApi::clone(&document);
    document.servers = Some(vec![Server::new(
        state.config.public_url.base_iri().trim_end_matches('/'),
    )]);
    axum::Json(document)
}
