//! The JSON API under `/api`: validation, import, record history and the
//! OpenAPI description of all of them.

mod auth;
mod body;
mod error;
mod history;
mod import;
mod openapi;
mod validate;

pub use error::ApiError;
pub use openapi::{JSON_ROUTES, openapi_document};

use axum::Router;
use axum::routing::{get, post};

use crate::http::AppState;

/// The API routes (mounted at the root; every path starts with `/api/`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/validate", post(validate::validate))
        .route("/api/import", post(import::import))
        .route("/api/records/history", get(history::history))
        .route("/api/openapi.json", get(openapi::openapi))
}
