//! Server functions of the notifications: the header's unread count, the
//! `/notifications` page and the unsubscribe page. None changes anything:
//! marking read, following and the digest are form posts
//! (`server/src/http/notifications.rs`).

use leptos::prelude::*;

use crate::account::{NotificationsView, UnsubscribeLink};
use crate::error::AppError;

/// How many of the reader's notifications are unread (`None`: signed out).
#[server(prefix = "/api/fn", endpoint = "unread")]
pub async fn load_unread() -> Result<Option<u32>, AppError> {
    let service = crate::services::service::<dyn crate::account::Notifications>()?;
    let headers = crate::services::request_headers().await?;
    service
        .unread(headers)
        .await
        .map_err(crate::services::failed("load_unread"))
}

/// A page of the reader's notifications.
#[server(prefix = "/api/fn", endpoint = "notifications")]
pub async fn load_notifications(page: u32) -> Result<NotificationsView, AppError> {
    let service = crate::services::service::<dyn crate::account::Notifications>()?;
    let headers = crate::services::request_headers().await?;
    service
        .notifications(headers, page)
        .await
        .map_err(crate::services::failed("load_notifications"))
}

/// Whether an unsubscribe link is signed.
#[server(prefix = "/api/fn", endpoint = "unsubscribe-link")]
pub async fn check_unsubscribe_link(
    account: String,
    signature: String,
) -> Result<UnsubscribeLink, AppError> {
    let service = crate::services::service::<dyn crate::account::Notifications>()?;
    service
        .unsubscribe_link(account, signature)
        .await
        .map_err(crate::services::failed("check_unsubscribe_link"))
}
