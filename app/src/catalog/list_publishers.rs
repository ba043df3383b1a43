//! Server function: every publisher with its records' figures.

use leptos::prelude::*;

use crate::catalog::PublisherSummary;
use crate::error::AppError;

/// The publishers, most records first, names in `lang`.
#[server(prefix = "/api/fn", endpoint = "list-publishers")]
pub async fn list_publishers(lang: String) -> Result<Vec<PublisherSummary>, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let services = use_context::<crate::services::Services>().ok_or_else(|| {
        AppError::Call(ServerFnErrorErr::ServerError(
            "services are missing from the context".into(),
        ))
    })?;
    services.catalog.publishers(locale).await.map_err(|err| {
        leptos::logging::error!("list_publishers failed: {err}");
        AppError::StoreUnavailable
    })
}
