//! Server function: the most recently modified datasets.

use leptos::prelude::*;

use crate::catalog::DatasetList;
use crate::error::AppError;

/// The largest page a caller may ask for.
pub const MAX_PAGE: usize = 100;

/// Lists up to `limit` datasets (at most [`MAX_PAGE`]) with labels in the
/// language `lang` (a locale code such as `en`; unknown codes fall back to
/// the default locale).
#[server(prefix = "/api/fn", endpoint = "list-datasets")]
pub async fn list_datasets(lang: String, limit: usize) -> Result<DatasetList, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let services = use_context::<crate::services::Services>().ok_or_else(|| {
        AppError::Call(ServerFnErrorErr::ServerError(
            "services are missing from the context".into(),
        ))
    })?;
    services
        .catalog
        .list_datasets(locale, limit.min(MAX_PAGE))
        .await
        .map_err(|err| {
            leptos::logging::error!("list_datasets failed: {err}");
            AppError::StoreUnavailable
        })
}
