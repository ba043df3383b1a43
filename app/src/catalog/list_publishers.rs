//! Server function: every publisher with its records' figures.

use leptos::prelude::*;

use crate::catalog::PublisherSummary;
use crate::error::AppError;

/// The publishers, most records first, names in `lang`.
#[server(prefix = "/api/fn", endpoint = "list-publishers")]
pub async fn list_publishers(lang: String) -> Result<Vec<PublisherSummary>, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::CatalogReader>()?;
    service
        .publishers(locale)
        .await
        .map_err(crate::services::failed("list_publishers"))
}
