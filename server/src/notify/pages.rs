//! What the notification pages show (`app::account::Notifications`).

use app::account::{
    NOTIFICATIONS_PER_PAGE, NotificationView, Notifications, NotificationsView, UnsubscribeLink,
};
use app::services::{ServiceError, ServiceFuture};

use crate::auth::{AccountId, Caller, Permission, caller_of_session};
use crate::notify::{digest, inbox};
use crate::store::SqlStore;

/// The notification pages' service.
#[derive(Clone)]
pub struct NotificationPages {
    sql: SqlStore,
    https: bool,
    /// Whether mail can be sent (the digest is offered only then).
    mail: bool,
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

impl NotificationPages {
    /// The service over `sql`; `https` says which session cookie name is in
    /// use, `mail` whether the city's mail server is set.
    pub fn new(sql: SqlStore, https: bool, mail: bool) -> Self {
        NotificationPages { sql, https, mail }
    }

    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }
}

/// The reader's account, if they may read notifications.
fn reader(caller: &Caller) -> Result<AccountId, ServiceError> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    Ok(person.account.id.clone())
}

impl Notifications for NotificationPages {
    fn unread(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<u32>> {
        Box::pin(async move {
            let Ok(account) = reader(&self.caller(&headers).await?) else {
                return Ok(None);
            };
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            inbox::unread(db, &account)
                .await
                .map(Some)
                .map_err(unavailable)
        })
    }

    fn notifications(
        &self,
        headers: http::HeaderMap,
        page: u32,
    ) -> ServiceFuture<'_, NotificationsView> {
        Box::pin(async move {
            let account = reader(&self.caller(&headers).await?)?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let (total, unread) = inbox::counts(db, &account).await.map_err(unavailable)?;
            let pages = total.div_ceil(NOTIFICATIONS_PER_PAGE).max(1);
            let page = page.clamp(1, pages);
            let offset = (page - 1) * NOTIFICATIONS_PER_PAGE;
            let stored = inbox::page(db, &account, offset, NOTIFICATIONS_PER_PAGE)
                .await
                .map_err(unavailable)?;
            let items = stored
                .iter()
                .map(|item| NotificationView {
                    id: item.id.clone(),
                    event: item.event,
                    process: item.process_title.clone(),
                    proposal: item.proposal_title.clone(),
                    href: crate::notify::href(item),
                    created_at: item.created_at.clone(),
                    read: item.read,
                })
                .collect();
            let digest = match self.mail {
                true => Some(digest::enabled(db, &account).await.map_err(unavailable)?),
                false => None,
            };
            Ok(NotificationsView {
                items,
                page,
                pages,
                unread,
                digest,
            })
        })
    }

    fn unsubscribe_link(
        &self,
        account: String,
        signature: String,
    ) -> ServiceFuture<'_, UnsubscribeLink> {
        Box::pin(async move {
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let account = AccountId::from_stored(account);
            let signed = digest::signed(db, &account, &signature)
                .await
                .map_err(unavailable)?;
            Ok(match signed {
                true => UnsubscribeLink::Valid,
                false => UnsubscribeLink::Invalid,
            })
        })
    }
}
