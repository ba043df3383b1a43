//! Reading an RDF request body: the syntax comes from Content-Type.

use axum::http::{HeaderMap, StatusCode, header};
use oxigraph::io::RdfFormat;
use serde_json::json;

use crate::api::error::ApiError;
use crate::rdf::rdf_format_for_content_type;

/// The media types accepted for RDF bodies.
pub const ACCEPTED_BODY_TYPES: &[&str] = &[
    "text/turtle",
    "application/rdf+xml",
    "application/ld+json",
    "application/n-triples",
    "application/n-quads",
];

/// The RDF syntax of the request body, or 415 naming what is accepted.
pub fn body_format(headers: &HeaderMap) -> Result<RdfFormat, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    rdf_format_for_content_type(content_type)
        .filter(|f| !matches!(f, RdfFormat::TriG))
        .ok_or_else(|| {
            let given = if content_type.is_empty() { "no Content-Type".to_owned() } else { content_type.to_owned() };
            ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!(
                    "The body must be RDF; got {given}. Send it with one of these Content-Types: {}.",
                    ACCEPTED_BODY_TYPES.join(", ")
                ),
            )
            .with(json!({ "accepted": ACCEPTED_BODY_TYPES }))
        })
}

/// 400 when the body is empty.
pub fn require_body(body: &[u8]) -> Result<(), ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "empty_body",
            "The request body is empty; send the RDF to check or import.",
        ));
    }
    Ok(())
}
