//! Server functions of the record form: its content (new, edit, draft) and
//! a check of the form as typed so far (errors by field, quality).

use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::catalog::publish::{FormCheck, FormPageData, FormSource, RecordForm};
use crate::error::AppError;

/// The form from `source`, labels in `lang`.
#[server(prefix = "/api/fn", endpoint = "load-form", input = Json)]
pub async fn load_form(lang: String, source: FormSource) -> Result<FormPageData, AppError> {
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::publish::Publishing>()?;
    let headers = crate::services::request_headers().await?;
    service
        .load_form(headers, locale, source)
        .await
        .map_err(crate::services::failed("load_form"))
}

/// Errors by field and quality of `form` as typed so far.
#[server(prefix = "/api/fn", endpoint = "check-form", input = Json)]
pub async fn check_form(form: RecordForm) -> Result<FormCheck, AppError> {
    let service = crate::services::service::<dyn crate::catalog::publish::Publishing>()?;
    let headers = crate::services::request_headers().await?;
    service
        .check_form(headers, form)
        .await
        .map_err(crate::services::failed("check_form"))
}
