//! Server function: a catalog search with facet counts.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::catalog::{SearchPage, SearchParams};
use crate::error::AppError;

/// Runs the search `params` with labels in the language `lang` (a locale
/// code such as `en`; unknown codes fall back to the default locale).
#[server(prefix = "/api/fn", endpoint = "search-catalog", input = Json)]
pub async fn search_catalog(lang: String, params: SearchParams) -> Result<SearchPage, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::CatalogReader>()?;
    service
        .search(locale, params.normalised())
        .await
        .map_err(crate::services::failed("search_catalog"))
}
