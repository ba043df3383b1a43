//! The surveys' service: what their server functions read. The request's
//! headers carry the session cookie and the reader's language.

use crate::consult::survey::{SurveyFormView, SurveyView};
use crate::services::ServiceFuture;

/// Surveys as the pages need them.
pub trait Surveys: Send + Sync {
    /// Survey `number` of process `slug`, for the reader.
    fn survey(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: i64,
    ) -> ServiceFuture<'_, SurveyView>;

    /// The survey builder for a new survey of `slug` (`number` = `None`)
    /// or for survey `number`, with the reader's refused attempt if there
    /// is one (moderators and administrators only).
    fn survey_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: Option<i64>,
    ) -> ServiceFuture<'_, SurveyFormView>;
}
