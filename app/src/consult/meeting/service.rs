//! The meetings' service: what their server functions read. The request's
//! headers carry the session cookie and the reader's language.

use crate::consult::meeting::{MeetingFormView, MeetingView};
use crate::services::ServiceFuture;

/// Meetings as the pages need them.
pub trait Meetings: Send + Sync {
    /// Meeting `number` of process `slug`, for the reader.
    fn meeting(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: i64,
    ) -> ServiceFuture<'_, MeetingView>;

    /// The meeting form for a new meeting of `slug` (`number` = `None`) or
    /// for meeting `number` with its minutes form, with the reader's
    /// refused attempts if there are any (moderators and administrators).
    fn meeting_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: Option<i64>,
    ) -> ServiceFuture<'_, MeetingFormView>;
}
