//! Server functions of the meeting pages. None changes anything:
//! registration, the meeting form and the minutes are form posts
//! (`server/src/http/meetings.rs`).

use leptos::prelude::*;

use crate::consult::meeting::{MeetingFormView, MeetingView};
use crate::error::AppError;

/// A meeting's page: when and where, its agenda, the reader's
/// registration, and once it is over its minutes and outcomes.
#[server(prefix = "/api/fn", endpoint = "meeting")]
pub async fn load_meeting(slug: String, number: i64) -> Result<MeetingView, AppError> {
    let service = crate::services::service::<dyn crate::consult::meeting::Meetings>()?;
    let headers = crate::services::request_headers().await?;
    service
        .meeting(headers, slug, number)
        .await
        .map_err(crate::services::failed("load_meeting"))
}

/// The meeting form (moderators and administrators).
#[server(prefix = "/api/fn", endpoint = "meeting-form")]
pub async fn load_meeting_form(
    slug: String,
    number: Option<i64>,
) -> Result<MeetingFormView, AppError> {
    let service = crate::services::service::<dyn crate::consult::meeting::Meetings>()?;
    let headers = crate::services::request_headers().await?;
    service
        .meeting_form(headers, slug, number)
        .await
        .map_err(crate::services::failed("load_meeting_form"))
}
