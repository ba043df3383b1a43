//! Server function: who is signed in as a publisher on this browser.

use leptos::prelude::*;

use crate::catalog::publish::PublisherInfo;
use crate::error::AppError;

/// The publisher signed in with this request's session cookie, if any.
#[server(prefix = "/api/fn", endpoint = "publisher-session")]
pub async fn publisher_session() -> Result<Option<PublisherInfo>, AppError> {
    let services = crate::services::services()?;
    let headers = crate::services::request_headers().await?;
    services
        .publishing
        .publisher(headers)
        .await
        .map_err(crate::services::unavailable("publisher_session"))
}
