//! Server function: an import report of the signed-in publisher.

use leptos::prelude::*;

use crate::catalog::publish::ImportReportView;
use crate::error::AppError;

/// The report `id` in `lang`, when it belongs to the publisher signed in.
#[server(prefix = "/api/fn", endpoint = "import-report")]
pub async fn import_report(lang: String, id: String) -> Result<ImportReportView, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::publish::Publishing>()?;
    let headers = crate::services::request_headers().await?;
    service
        .import_report(headers, locale, id)
        .await
        .map_err(crate::services::failed("import_report"))
}
