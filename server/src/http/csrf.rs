//! Cross-site request forgery: every unsafe request (POST, PUT, PATCH,
//! DELETE), server functions included, must come from Plaza's own pages.
//! Browsers say where a request comes from (`Sec-Fetch-Site`, `Origin`);
//! a request from another site is refused with 403 before any handler
//! runs. Requests with an `Authorization` header (the API's bearer tokens
//! carry no ambient credentials) and the read-only `/sparql` protocol
//! endpoint (open to every origin by design) are not concerned.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses unsafe cross-site requests; `own` is the public origin
/// (`scheme://host[:port]`).
pub async fn refuse_cross_site(
    State(own): State<Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    let exempt =
        request.headers().contains_key(header::AUTHORIZATION) || request.uri().path() == "/sparql";
    if unsafe_method && !exempt && is_cross_site(request.headers(), &own) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        let message = "This request came from another site, so Plaza refused it. Send the form from Plaza's own page.";
        if request.uri().path().starts_with("/api/") {
            let body = serde_json::json!({ "error": "cross_site", "message": message });
            return (StatusCode::FORBIDDEN, axum::Json(body)).into_response();
        }
        return (StatusCode::FORBIDDEN, message).into_response();
    }
    next.run(request).await
}

/// Whether the browser says the request comes from another site. An
/// `Origin` matches when it is the public origin or the host the request
/// was sent to (so `localhost` and `127.0.0.1` both work in development).
pub fn is_cross_site(headers: &HeaderMap, own: &str) -> bool {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if matches!(site, Some("cross-site" | "same-site")) {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin.split_once("://").map(|(_, h)| h);
    origin != own && (host.is_none() || origin_host != host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn only_requests_the_browser_marks_as_foreign_are_cross_site() {
        let own = "https://plaza.city.example";
        assert!(
            !is_cross_site(&headers(&[]), own),
            "no browser headers: a script or curl"
        );
        assert!(!is_cross_site(
            &headers(&[("origin", "https://plaza.city.example")]),
            own
        ));
        assert!(!is_cross_site(
            &headers(&[
                ("origin", "http://localhost:3000"),
                ("host", "localhost:3000")
            ]),
            own
        ));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            own
        ));
        assert!(is_cross_site(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "plaza.city.example")
            ]),
            own
        ));
        assert!(is_cross_site(&headers(&[("origin", "null")]), own));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            own
        ));
    }
}
