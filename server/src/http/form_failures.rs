//! Form posts that fail with a status of their own carry an
//! `app::form_failure::FormFailure` (see `crate::html::form_failure`); this
//! layer writes its sentence in the reader's language, the one the pages
//! would show them.

use app::form_failure::FormFailure;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

use crate::http::lang::locale_of;

/// Renders a failed form post's sentence in the request's language.
pub async fn translate(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    let response = next.run(request).await;
    let Some(failure) = response.extensions().get::<FormFailure>().copied() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, failure.sentence(locale).into())
}
