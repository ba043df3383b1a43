//! Security headers on every response, and the per-response CSP nonce that
//! lets exactly the hydration script run inline.

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::use_context;

/// The Content-Security-Policy: everything from this origin only; inline
/// script only with the response's nonce; WASM compilation allowed
/// (`wasm-unsafe-eval`, which does not allow JavaScript `eval`); no framing.
/// Forms post to this origin only, and to `form_action` (the sign-in
/// provider's origin, where the start form is redirected) when given.
pub fn content_security_policy(nonce: Option<&str>, form_action: Option<&str>) -> String {
    let script = match nonce {
        Some(nonce) => format!("script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "script-src 'self' 'wasm-unsafe-eval'".to_owned(),
    };
    [
        "default-src 'self'",
        &script,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        &match form_action {
            Some(origin) => format!("form-action 'self' {origin}"),
            None => "form-action 'self'".to_owned(),
        },
        "frame-ancestors 'none'",
    ]
    .join("; ")
}

/// Called at the start of each Leptos render, after leptos_axum has made
/// the nonce it puts on its inline scripts: sends the matching policy.
pub fn send_policy_with_nonce(form_action: Option<&str>) {
    let nonce = leptos::nonce::use_nonce();
    let response = use_context::<leptos_axum::ResponseOptions>();
    if let (Some(nonce), Some(response)) = (nonce, response)
        && let Ok(value) =
            HeaderValue::from_str(&content_security_policy(Some(&nonce), form_action))
    {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

/// What the security headers depend on.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Served over TLS: HSTS.
    pub https: bool,
    /// The sign-in provider's origin, for `form-action`.
    pub form_action: Option<std::sync::Arc<str>>,
}

/// The origin (`scheme://host[:port]`) of an absolute URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.contains(['\'', ' ', ';'])).then(|| format!("{scheme}://{host}"))
}

/// Adds the security headers; keeps a CSP a page already set (with nonce).
pub async fn headers(State(policy): State<Policy>, request: Request, next: Next) -> Response {
    let https = policy.https;
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&content_security_policy(
            None,
            policy.form_action.as_deref(),
        ))
    {
        headers.insert(CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), payment=()"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if https {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_nonce_inline() {
        let policy = content_security_policy(Some("abc"), None);
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("form-action 'self';"));
        let with_provider = content_security_policy(None, Some("https://login.example.org"));
        assert!(with_provider.contains("form-action 'self' https://login.example.org;"));
        assert_eq!(
            origin_of("https://login.example.org:8443/realms/city").as_deref(),
            Some("https://login.example.org:8443")
        );
    }
}
