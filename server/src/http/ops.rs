//! Operations endpoints: liveness, readiness and Prometheus metrics.

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::http::request_metrics::prometheus_handle;
use crate::routes::Routes;
use crate::store::Stores;

/// The operations endpoints.
pub fn routes() -> Routes {
    Routes::new()
        .documented(utoipa_axum::routes!(healthz))
        .documented(utoipa_axum::routes!(readyz))
        .get("/metrics", metrics)
        // Probes and metrics are about this moment: never kept.
        .map_router(|router| {
            router.layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("no-store"),
            ))
        })
}

/// How long a store may take to answer a readiness probe.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// `/healthz`: the process is alive and serving.
#[utoipa::path(
    get,
    path = "/healthz",
    summary = "Liveness",
    responses((status = 200, description = "Alive", content_type = "application/json"))
)]
pub async fn healthz() -> Response {
    Json(json!({ "status": "alive" })).into_response()
}

/// `/readyz`: both stores answer; 503 with the failing store otherwise.
#[utoipa::path(
    get,
    path = "/readyz",
    summary = "Readiness of both stores",
    responses(
        (status = 200, description = "Ready", content_type = "application/json"),
        (status = 503, description = "A store does not answer", content_type = "application/json")
    )
)]
pub async fn readyz(State(stores): State<Stores>) -> Response {
    let sql = probe(stores.sql.ping()).await;
    let rdf = probe(stores.rdf.is_empty()).await;
    let ready = sql.is_none() && rdf.is_none();
    let body = json!({
        "status": if ready { "ready" } else { "unavailable" },
        "checks": {
            "sql": sql.unwrap_or_else(|| "ok".into()),
            "rdf": rdf.unwrap_or_else(|| "ok".into()),
        }
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// Runs a store check with a time limit; `None` when it passed.
async fn probe<T, E: std::fmt::Display>(
    check: impl Future<Output = Result<T, E>>,
) -> Option<String> {
    match tokio::time::timeout(PROBE_TIMEOUT, check).await {
        Ok(Ok(_)) => None,
        Ok(Err(err)) => Some(err.to_string()),
        Err(_) => Some(format!("no answer within {} s", PROBE_TIMEOUT.as_secs())),
    }
}

/// `/metrics`: request counts and latencies by route template, store sizes.
pub async fn metrics(State(stores): State<Stores>) -> Response {
    if let Ok(quads) = stores.rdf.quad_count().await {
        metrics::gauge!("plaza_rdf_quads").set(quads as f64);
    }
    if let Ok(bytes) = stores.sql.size_bytes().await {
        metrics::gauge!("plaza_sql_bytes").set(bytes as f64);
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        prometheus_handle().render(),
    )
        .into_response()
}
