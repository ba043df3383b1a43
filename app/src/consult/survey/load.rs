//! Server functions of the survey pages. None changes anything: answers
//! and the builder are form posts (`server/src/http/surveys.rs`).

use leptos::prelude::*;

use crate::consult::survey::{SurveyFormView, SurveyView};
use crate::error::AppError;

/// A survey's page: its questions, the reader's answers, its results when
/// the reader may see them.
#[server(prefix = "/api/fn", endpoint = "survey")]
pub async fn load_survey(slug: String, number: i64) -> Result<SurveyView, AppError> {
    let service = crate::services::service::<dyn crate::consult::survey::Surveys>()?;
    let headers = crate::services::request_headers().await?;
    service
        .survey(headers, slug, number)
        .await
        .map_err(crate::services::failed("load_survey"))
}

/// The survey builder (moderators and administrators).
#[server(prefix = "/api/fn", endpoint = "survey-form")]
pub async fn load_survey_form(
    slug: String,
    number: Option<i64>,
) -> Result<SurveyFormView, AppError> {
    let service = crate::services::service::<dyn crate::consult::survey::Surveys>()?;
    let headers = crate::services::request_headers().await?;
    service
        .survey_form(headers, slug, number)
        .await
        .map_err(crate::services::failed("load_survey_form"))
}
