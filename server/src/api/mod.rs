//! The JSON API under `/api`: validation, import, record history, the
//! read-only consultations API (`/api/v1`) and the OpenAPI description of
//! all of them.

mod auth;
mod body;
mod error;
mod history;
mod import;
mod openapi;
mod server_fns;
pub mod v1;
mod validate;

pub use error::ApiError;
pub use error::ErrorBody;
pub use openapi::{ApiDocument, base as openapi_base, served_by_leptos};

use axum::extract::OriginalUri;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::routes::Routes;
use utoipa_axum::routes;

/// The API routes (mounted at the root; every path starts with `/api/`),
/// limited to `writes_per_minute` requests per client address; unknown API
/// paths answer JSON, not the HTML not-found page.
pub fn routes(writes_per_minute: u32, behind_proxy: bool) -> Routes {
    Routes::new()
        .documented(routes!(validate::validate))
        .documented(routes!(import::import))
        .documented(routes!(history::history))
        .documented(routes!(openapi::openapi))
        .map_router(|router| {
            router.layer(crate::rate_limit::write_api_layer(
                writes_per_minute,
                behind_proxy,
            ))
        })
        .merge(read_api())
        .merge(Routes::new().any("/api/{*rest}", not_found))
}

/// The read-only consultations API, open to every origin (CORS) for GET.
fn read_api() -> Routes {
    Routes::new()
        .documented(routes!(v1::list))
        .documented(routes!(v1::one))
        .documented(routes!(v1::proposals_of))
        .documented(routes!(v1::meetings_of))
        .documented(routes!(v1::surveys_of))
        .map_router(|router| {
            router.layer(
                tower_http::cors::CorsLayer::new()
                    .allow_origin(tower_http::cors::Any)
                    .allow_methods([axum::http::Method::GET]),
            )
        })
}

/// `404` in JSON for a path under `/api/` that is no endpoint.
async fn not_found(OriginalUri(uri): OriginalUri) -> Response {
    let body = serde_json::json!({
        "error": "not_found",
        "message": format!("There is no API endpoint at {}.", uri.path()),
    });
    (StatusCode::NOT_FOUND, axum::Json(body)).into_response()
}
