//! Rate limits on sign-in, sign-up and reset posts and on the write API,
//! per client address, kept in memory only (addresses are never stored).
//! Over the limit, the answer is 429 with Retry-After and a sentence saying
//! how long to wait (JSON under /api/).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Method, Request, Response, StatusCode, header};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

/// The client's address: the peer's, or the first X-Forwarded-For entry
/// when a trusted reverse proxy is in front.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress {
    behind_proxy: bool,
}

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        let forwarded = self
            .behind_proxy
            .then(|| request.headers().get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse::<IpAddr>().ok());
        forwarded
            .or_else(|| {
                request
                    .extensions()
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|info| info.0.ip())
            })
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// A limiter of `per_minute` posts per address (bursts up to that many).
/// Addresses not seen for a while are forgotten every minute.
fn config(
    per_minute: u32,
    behind_proxy: bool,
) -> Arc<GovernorConfig<ClientAddress, NoOpMiddleware>> {
    let per_minute = per_minute.max(1);
    let period =
        Duration::from_millis(60_000 / u64::from(per_minute)).max(Duration::from_millis(1));
    let config = Arc::new(
        GovernorConfigBuilder::default()
            .period(period)
            .burst_size(per_minute)
            .methods(vec![
                Method::POST,
                Method::PUT,
                Method::PATCH,
                Method::DELETE,
            ])
            .key_extractor(ClientAddress { behind_proxy })
            .finish()
            .expect("period and burst size are positive"),
    );
    let limiter = Arc::downgrade(config.limiter());
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(async move {
            let mut every_minute = tokio::time::interval(Duration::from_secs(60));
            loop {
                every_minute.tick().await;
                // Ends when the router, and with it the limiter, is gone.
                let Some(limiter) = limiter.upgrade() else {
                    break;
                };
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
    }
    config
}

/// The layer for the sign-in, sign-up and reset forms.
pub fn sign_in_layer(
    per_minute: u32,
    behind_proxy: bool,
) -> GovernorLayer<ClientAddress, NoOpMiddleware, Body> {
    GovernorLayer::new(config(per_minute, behind_proxy)).error_handler(|err| too_many(err, false))
}

/// The layer for the write API.
pub fn write_api_layer(
    per_minute: u32,
    behind_proxy: bool,
) -> GovernorLayer<ClientAddress, NoOpMiddleware, Body> {
    GovernorLayer::new(config(per_minute, behind_proxy)).error_handler(|err| too_many(err, true))
}

fn too_many(err: GovernorError, json: bool) -> Response<Body> {
    let (status, wait, message) = match err {
        GovernorError::TooManyRequests { wait_time, .. } => (
            StatusCode::TOO_MANY_REQUESTS,
            wait_time.max(1),
            format!(
                "Too many attempts from your address. Wait {} second(s), then try again. Nothing was changed.",
                wait_time.max(1)
            ),
        ),
        other => {
            tracing::error!("rate limiter: {other}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                0,
                "Plaza could not tell where the request came from; nothing was changed.".to_owned(),
            )
        }
    };
    let (content_type, body) = if json {
        (
            "application/json",
            serde_json::json!({ "error": "rate_limited", "message": message, "retry_after": wait })
                .to_string(),
        )
    } else {
        ("text/plain; charset=utf-8", message)
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if wait > 0 {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(wait));
    }
    response
}
