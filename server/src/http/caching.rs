//! Who may keep a response, for how long, and how it is revalidated.
//!
//! - A response to someone signed in (a session cookie, or an
//!   `Authorization` header), to an address with a secret in it (a reset
//!   link's `token`), or one that sets a cookie, is `private, no-store`:
//!   no cache keeps it, not even the browser's.
//! - Any other successful `GET` is `public, max-age=page_max_age`, so a
//!   proxy may keep an anonymous page briefly; HTML also varies by
//!   `Cookie` and `Accept-Language` (the language cookie, and a signed-in
//!   reader's page must never be answered from an anonymous copy).
//! - Errors, redirects and form posts are `no-store`; a handler that sets
//!   its own `Cache-Control` keeps it; site files (`static_files`) keep theirs.
//! - Records and feed pages carry validators ([`Validators`]: a weak `ETag`
//!   from the record version, and `Last-Modified`) and answer a matching
//!   `If-None-Match` or `If-Modified-Since` with `304 Not Modified`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::auth::cookies::session_id;
use crate::http::static_files::StaticFile;
use crate::store::Timestamp;

/// What the cache headers depend on.
#[derive(Debug, Clone, Copy)]
pub struct CachePolicy {
    /// How long a shared cache may keep an anonymous page, in seconds.
    pub page_max_age: u64,
    /// Served over TLS: the session cookie has its `__Host-` name.
    pub https: bool,
}

const PERSONAL: &str = "private, no-store";
const NO_STORE: &str = "no-store";

/// Sets `Cache-Control` (and `Vary` for pages) on every response.
pub async fn cache_control(
    State(policy): State<CachePolicy>,
    request: Request,
    next: Next,
) -> Response {
    let personal = is_personal(request.headers(), policy.https) || carries_secret(request.uri());
    let readable = matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = next.run(request).await;
    if response.extensions().get::<StaticFile>().is_some() {
        return response;
    }
    let status = response.status();
    let headers = response.headers_mut();
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        // Also on a signed-in reader's page: a cache that keeps anything
        // for this address then keeps it apart from the anonymous copy.
        vary_by_reader(headers);
    }
    if personal || headers.contains_key(header::SET_COOKIE) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PERSONAL));
    } else if !headers.contains_key(header::CACHE_CONTROL) {
        let value = if readable && matches!(status, StatusCode::OK | StatusCode::NOT_MODIFIED) {
            HeaderValue::from_str(&format!("public, max-age={}", policy.page_max_age))
                .unwrap_or(HeaderValue::from_static(NO_STORE))
        } else {
            HeaderValue::from_static(NO_STORE)
        };
        headers.insert(header::CACHE_CONTROL, value);
    }
    response
}

/// Whether the request comes from someone signed in: a session cookie or
/// an `Authorization` header (RFC 9111 §3.5 would otherwise let a shared
/// cache keep an answer to it that says `public`).
pub fn is_personal(headers: &HeaderMap, https: bool) -> bool {
    headers.contains_key(header::AUTHORIZATION) || session_id(headers, https).is_some()
}

/// Whether the address holds a secret, such as a password reset link's
/// `token`: whoever has the address may see the page, but no cache may
/// keep a copy of it.
pub fn carries_secret(uri: &axum::http::Uri) -> bool {
    uri.query().is_some_and(|query| {
        form_urlencoded::parse(query.as_bytes()).any(|(name, _)| name == "token")
    })
}

/// A page depends on its reader: the language (cookie or
/// `Accept-Language`) and whether they are signed in (cookie).
pub fn vary_by_reader(headers: &mut HeaderMap) {
    append_vary(headers, header::COOKIE);
    append_vary(headers, header::ACCEPT_LANGUAGE);
}

/// Adds `name` to `Vary` unless it is there already.
pub fn append_vary(headers: &mut HeaderMap, name: HeaderName) {
    let present = headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case(name.as_str()));
    if !present {
        headers.append(header::VARY, HeaderValue::from(name));
    }
}

/// A representation's validators: a weak entity tag and when it last
/// changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validators {
    etag: String,
    last_modified: Option<SystemTime>,
}

impl Validators {
    /// Validators for the representation `tag` (e.g. `7-ttl`: version 7 as
    /// Turtle) last changed at `modified`.
    pub fn new(tag: &str, modified: Option<SystemTime>) -> Self {
        Validators {
            etag: format!("W/\"{tag}\""),
            last_modified: modified,
        }
    }

    /// Whether the client's copy is current: `If-None-Match` names this
    /// tag (weak comparison) or `*`; without it, `If-Modified-Since` is no
    /// earlier than the last change (RFC 9110 §13.2.2).
    pub fn client_is_current(&self, request: &HeaderMap) -> bool {
        if let Some(tags) = request.get(header::IF_NONE_MATCH) {
            let tags = tags.to_str().unwrap_or_default();
            let own = weak_opaque(&self.etag);
            return tags
                .split(',')
                .map(str::trim)
                .any(|tag| tag == "*" || weak_opaque(tag) == own);
        }
        let since = request
            .get(header::IF_MODIFIED_SINCE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok());
        match (since, self.last_modified) {
            (Some(since), Some(modified)) => whole_seconds(modified) <= since,
            _ => false,
        }
    }

    /// Adds `ETag` and `Last-Modified` to `response`.
    pub fn apply(&self, response: &mut Response) {
        let headers = response.headers_mut();
        if let Ok(etag) = HeaderValue::from_str(&self.etag) {
            headers.insert(header::ETAG, etag);
        }
        if let Some(modified) = self.last_modified
            && let Ok(value) = HeaderValue::from_str(&httpdate::fmt_http_date(modified))
        {
            headers.insert(header::LAST_MODIFIED, value);
        }
    }

    /// `304 Not Modified` with the validators and the `Vary` the full
    /// response would have had: `vary`, and `Accept-Encoding` (every
    /// validated representation is text the compression layer compresses).
    pub fn not_modified(&self, vary: &[HeaderName]) -> Response {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        self.apply(&mut response);
        for name in vary.iter().chain([&header::ACCEPT_ENCODING]) {
            append_vary(response.headers_mut(), name.clone());
        }
        response
    }
}

/// The opaque part of an entity tag, without `W/`.
fn weak_opaque(tag: &str) -> &str {
    tag.strip_prefix("W/").unwrap_or(tag)
}

fn whole_seconds(time: SystemTime) -> SystemTime {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// The moment a stored `Timestamp` (`2026-01-31T12:00:00Z`) stands for.
pub fn moment(timestamp: &Timestamp) -> Option<SystemTime> {
    timestamp
        .unix_seconds()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

/// This build of Plaza: a short tag that changes with the binary, and
/// when the binary was built. Pages are HTML of this build (links to its
/// hashed assets, its templates), so a page's validators include both.
pub fn build() -> &'static (String, Option<SystemTime>) {
    static BUILD: std::sync::OnceLock<(String, Option<SystemTime>)> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        use sha2::Digest;
        let metadata = std::env::current_exe().and_then(std::fs::metadata).ok();
        let built = metadata.as_ref().and_then(|m| m.modified().ok());
        let mut digest = sha2::Sha256::new();
        digest.update(env!("CARGO_PKG_VERSION"));
        if let Some(metadata) = &metadata {
            digest.update(metadata.len().to_le_bytes());
        }
        if let Some(built) = built.and_then(|b| b.duration_since(UNIX_EPOCH).ok()) {
            digest.update(built.as_nanos().to_le_bytes());
        }
        (hex::encode(&digest.finalize()[..4]), built)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(pairs: &[(HeaderName, &str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(name.clone(), value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn a_matching_tag_or_date_means_the_client_copy_is_current() {
        let modified = UNIX_EPOCH + Duration::from_secs(1_780_000_000);
        let v = Validators::new("7-ttl", Some(modified));
        assert_eq!(v.etag, "W/\"7-ttl\"");
        let date = httpdate::fmt_http_date(modified);
        let earlier = httpdate::fmt_http_date(modified - Duration::from_secs(1));
        assert!(v.client_is_current(&request(&[(header::IF_NONE_MATCH, "W/\"7-ttl\"")])));
        assert!(v.client_is_current(&request(&[(header::IF_NONE_MATCH, "\"6-ttl\", \"7-ttl\"")])));
        assert!(v.client_is_current(&request(&[(header::IF_NONE_MATCH, "*")])));
        assert!(!v.client_is_current(&request(&[(header::IF_NONE_MATCH, "W/\"6-ttl\"")])));
        assert!(v.client_is_current(&request(&[(header::IF_MODIFIED_SINCE, &date)])));
        assert!(!v.client_is_current(&request(&[(header::IF_MODIFIED_SINCE, &earlier)])));
        // If-None-Match wins over If-Modified-Since.
        assert!(!v.client_is_current(&request(&[
            (header::IF_NONE_MATCH, "W/\"6-ttl\""),
            (header::IF_MODIFIED_SINCE, &date),
        ])));
        assert!(!v.client_is_current(&request(&[])));
    }

    #[test]
    fn vary_names_each_header_once() {
        let mut headers = request(&[(header::VARY, "Accept")]);
        vary_by_reader(&mut headers);
        vary_by_reader(&mut headers);
        append_vary(&mut headers, header::ACCEPT);
        let all: Vec<&str> = headers
            .get_all(header::VARY)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect();
        assert_eq!(all, ["Accept", "cookie", "accept-language"]);
    }
}
