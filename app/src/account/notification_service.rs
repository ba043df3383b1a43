//! The notifications' service: what the header, `/notifications` and the
//! unsubscribe page read. The request's headers carry the session cookie.

use crate::account::{NotificationsView, UnsubscribeLink};
use crate::services::ServiceFuture;

/// A person's notifications.
pub trait Notifications: Send + Sync {
    /// How many of the reader's notifications are unread; `None` when no
    /// one is signed in.
    fn unread(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<u32>>;

    /// Page `page` (from 1) of the reader's notifications.
    fn notifications(
        &self,
        headers: http::HeaderMap,
        page: u32,
    ) -> ServiceFuture<'_, NotificationsView>;

    /// Whether `signature` signs `account`'s unsubscribe link.
    fn unsubscribe_link(
        &self,
        account: String,
        signature: String,
    ) -> ServiceFuture<'_, UnsubscribeLink>;
}
