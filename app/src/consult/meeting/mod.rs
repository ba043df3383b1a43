//! Meetings of a process — in person, online or both — with registration
//! and a waiting list, calendar files, and after the meeting its minutes,
//! attendance and outcomes.

mod form;
mod load;
mod meeting_form_page;
mod meeting_page;
mod meetings_section;
#[cfg(feature = "ssr")]
mod service;
mod view_types;

pub use form::*;
pub use load::*;
pub use meeting_form_page::MeetingFormPage;
pub use meeting_page::{MeetingPage, MeetingWhen};
pub use meetings_section::MeetingsSection;
#[cfg(feature = "ssr")]
pub use service::Meetings;
pub use view_types::*;
