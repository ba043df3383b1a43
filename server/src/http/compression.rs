//! Responses compressed on the fly by `Accept-Encoding`: zstd, brotli or
//! gzip, for what Plaza writes as it answers (pages, JSON, RDF, the feed,
//! SPARQL results). The built WASM, JS and CSS are compressed once at build
//! time and served as they are (`static_files`); a response that already
//! has a `Content-Encoding` is never compressed again.
//!
//! Streaming-safe: the encoder is flushed whenever the body it reads has
//! nothing more for the moment, so what a streamed page has rendered so far
//! reaches the browser at once instead of waiting for the whole page
//! (`tests::a_streamed_body_is_flushed_chunk_by_chunk`).

use axum::http::{Extensions, HeaderMap, StatusCode, Version, header};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Below this many bytes compression gains less than its own headers cost.
const SMALLEST_COMPRESSED: u16 = 256;

/// The compression layer: every encoding at its fast default level (brotli
/// 4, gzip 6, zstd 3), for the compressible types of [`is_compressible`].
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .no_deflate()
        .quality(CompressionLevel::Default)
        .compress_when(SizeAbove::new(SMALLEST_COMPRESSED).and(compressible_type))
}

fn compressible_type(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_compressible)
}

/// Whether a body of `content_type` is text worth compressing: HTML, CSS,
/// JavaScript, JSON (JSON-LD, SPARQL results), XML (RDF/XML, the sitemap,
/// SVG) and the line-based RDF syntaxes. Images, fonts, WASM (compressed
/// at build time) and event streams (which must not wait for a block) are not.
pub fn is_compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "text/event-stream" {
        return false;
    }
    essence.starts_with("text/")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
        || matches!(
            essence.as_str(),
            "application/json"
                | "application/xml"
                | "application/javascript"
                | "application/n-triples"
                | "application/n-quads"
                | "application/trig"
                | "application/sparql-results+xml"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::response::IntoResponse;
    use std::time::{Duration, Instant};
    use tower::ServiceExt;

    #[test]
    fn text_formats_are_compressed_and_binary_ones_are_not() {
        for compressible in [
            "text/html; charset=utf-8",
            "text/turtle",
            "application/ld+json",
            "application/rdf+xml",
            "application/n-triples",
            "application/json",
            "application/sparql-results+json",
            "image/svg+xml",
            "text/css",
        ] {
            assert!(is_compressible(compressible), "{compressible}");
        }
        for not in [
            "application/wasm",
            "image/png",
            "font/woff2",
            "text/event-stream",
            "application/octet-stream",
        ] {
            assert!(!is_compressible(not), "{not}");
        }
    }

    /// A page whose first part is ready at once and whose rest comes
    /// `delay` later, like a streamed SSR page waiting on data, behind the
    /// compression layer.
    async fn streamed_page(encoding: &str, delay: Duration) -> axum::response::Response {
        let page = tower::service_fn(move |_: axum::http::Request<Body>| async move {
            let first = "<!DOCTYPE html><html><head><title>Plaza</title></head><body>".repeat(20);
            let chunks = futures_util::stream::unfold(0, move |step| {
                let first = first.clone();
                async move {
                    match step {
                        0 => Some((Ok::<_, std::io::Error>(first), 1)),
                        1 => {
                            tokio::time::sleep(delay).await;
                            Some((Ok("</body></html>".to_owned()), 2))
                        }
                        _ => None,
                    }
                }
            });
            let response = (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                Body::from_stream(chunks),
            )
                .into_response();
            Ok::<_, std::convert::Infallible>(response)
        });
        let request = axum::http::Request::get("/")
            .header(header::ACCEPT_ENCODING, encoding)
            .body(Body::empty())
            .unwrap();
        let response = tower::Layer::layer(&layer(), page)
            .oneshot(request)
            .await
            .unwrap();
        response.map(Body::new)
    }

    #[tokio::test]
    async fn a_streamed_body_is_flushed_chunk_by_chunk() {
        let delay = Duration::from_millis(800);
        for encoding in ["br", "gzip", "zstd"] {
            let started = Instant::now();
            let response = streamed_page(encoding, delay).await;
            assert_eq!(response.headers()[header::CONTENT_ENCODING], encoding);
            let mut body = response.into_body();
            let first = http_body_util::BodyExt::frame(&mut body)
                .await
                .expect("a first frame")
                .expect("no error");
            assert!(
                started.elapsed() < delay / 2,
                "{encoding}: the first part came after {:?}, not before the rest",
                started.elapsed()
            );
            assert!(!first.into_data().unwrap().is_empty());
        }
    }
}
