//! Server function: an import report of the signed-in publisher.

use leptos::prelude::*;

use crate::catalog::publish::ImportReportView;
use crate::error::AppError;

/// The report `id` in `lang`, when it belongs to the publisher signed in.
#[server(prefix = "/api/fn", endpoint = "import-report")]
pub async fn import_report(lang: String, id: String) -> Result<Option<ImportReportView>, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let services = crate::services::services()?;
    let headers: http::HeaderMap = leptos_axum::extract()
        .await
        .map_err(|e| AppError::Call(ServerFnErrorErr::ServerError(e.to_string())))?;
    services
        .publishing
        .import_report(headers, locale, id)
        .await
        .map_err(|err| {
            leptos::logging::error!("import_report failed: {err}");
            AppError::StoreUnavailable
        })
}
