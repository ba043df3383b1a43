//! Server function: a record page's content.

use leptos::prelude::*;

use crate::catalog::RecordView;
use crate::error::AppError;

/// The record whose page is at `path`, at `version` (current when `None`),
/// with labels in `lang`.
#[server(prefix = "/api/fn", endpoint = "load-record")]
pub async fn load_record(
    lang: String,
    path: String,
    version: Option<i64>,
) -> Result<RecordView, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::CatalogReader>()?;
    service
        .record(locale, path, version)
        .await
        .map_err(crate::services::failed("load_record"))
}
