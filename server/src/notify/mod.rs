//! Notifications: what people follow (`follows`), what they are told
//! (`inbox`), who is told what when something changes (`events`, called
//! inside the transaction of the change), phase starts (`phases`, a task:
//! a phase begins by the clock), the daily digest by email (`digest`) and
//! what the pages read (`pages`).

pub mod digest;
pub mod events;
pub mod follows;
pub mod inbox;
pub mod pages;
pub mod phases;

pub use pages::NotificationPages;

/// Where a notification's reader reads about it.
pub fn href(item: &inbox::Stored) -> String {
    if item.event == app::account::NotificationEvent::SeatGiven {
        return format!("/consultations/{}#meetings", item.slug);
    }
    let page = if item.number > 0 {
        format!("/consultations/{}/proposals/{}", item.slug, item.number)
    } else {
        format!("/consultations/{}", item.slug)
    };
    match &item.comment_id {
        Some(comment) => format!("{page}#comment-{comment}"),
        None => page,
    }
}
