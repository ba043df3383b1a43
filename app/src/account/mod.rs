//! The account journey: sign up, sign in (password or the city's provider),
//! reset a password, manage one's account and data; and the administrators'
//! pages for organisations, memberships, roles and the audit log.

mod account_page;
mod admin_page;
mod load;
pub mod messages;
mod notice;
mod notification_load;
#[cfg(feature = "ssr")]
mod notification_service;
mod notification_types;
mod notifications_page;
mod password_field;
mod reset_page;
#[cfg(feature = "ssr")]
mod service;
mod sign_in_page;
mod sign_up_page;
mod types;

pub use account_page::{AccountDeletedPage, AccountPage};
pub use admin_page::{AdminPage, AuditPage};
pub use load::{
    CheckResetLink, LoadAdmin, LoadAudit, LoadSignInOptions, LoadTokens, LoadViewer,
    check_reset_link, load_admin, load_audit, load_sign_in_options, load_tokens, load_viewer,
};
pub use notice::Notice;
pub use notification_load::{
    CheckUnsubscribeLink, LoadNotifications, LoadUnread, check_unsubscribe_link,
    load_notifications, load_unread,
};
#[cfg(feature = "ssr")]
pub use notification_service::Notifications;
pub use notification_types::{
    NOTIFICATIONS_PER_PAGE, NotificationEvent, NotificationView, NotificationsView, UnsubscribeLink,
};
pub use notifications_page::{NotificationsPage, UnreadCount, UnsubscribePage};
pub use reset_page::ResetPage;
#[cfg(feature = "ssr")]
pub use service::Accounts;
pub use sign_in_page::SignInPage;
pub use sign_up_page::SignUpPage;
pub use types::{
    AccountRow, AdminView, AuditRow, OrganisationRow, OrganisationView, ResetLink, SignInOptions,
    TokenRow, TokensView, Viewer,
};
