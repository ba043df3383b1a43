//! Server function: who is signed in as a publisher on this browser.

use leptos::prelude::*;

use crate::catalog::publish::PublisherInfo;
use crate::error::AppError;

/// The publisher signed in with this request's session cookie, if any.
#[server(prefix = "/api/fn", endpoint = "publisher-session")]
pub async fn publisher_session() -> Result<Option<PublisherInfo>, AppError> {
    let service = crate::services::service::<dyn crate::catalog::publish::Publishing>()?;
    let headers = crate::services::request_headers().await?;
    service
        .publisher(headers)
        .await
        .map_err(crate::services::failed("publisher_session"))
}
