//! Notifications as the server stores them and the pages show them: one
//! enum of events, shared, so a stored code the pages do not know does not
//! compile on either side.

use serde::{Deserialize, Serialize};

use crate::consult::{PhaseKind, ProposalState};

/// What happened, as a notification tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum NotificationEvent {
    /// A new proposal in a process the reader follows.
    NewProposal,
    /// A comment on a proposal (or process) the reader follows.
    Comment,
    /// A reply to the reader's comment.
    Reply,
    /// An official answer to a proposal the reader follows.
    Answered(ProposalState),
    /// Moderators hid the reader's proposal or comment.
    Hidden,
    /// Moderators showed it again.
    Unhidden,
    /// Moderators read the reports on it and kept it.
    ReportsDismissed,
    /// A phase of a process the reader follows began.
    PhaseStarted(PhaseKind),
    /// Someone cancelled: the reader, first on a meeting's waiting list,
    /// has a seat.
    SeatGiven,
}

impl NotificationEvent {
    /// The event as stored: its kind and its detail (empty when none).
    pub fn stored(self) -> (&'static str, &'static str) {
        match self {
            NotificationEvent::NewProposal => ("new_proposal", ""),
            NotificationEvent::Comment => ("comment", ""),
            NotificationEvent::Reply => ("reply", ""),
            NotificationEvent::Answered(state) => ("answered", state.code()),
            NotificationEvent::Hidden => ("hidden", ""),
            NotificationEvent::Unhidden => ("unhidden", ""),
            NotificationEvent::ReportsDismissed => ("reports_dismissed", ""),
            NotificationEvent::PhaseStarted(kind) => ("phase_started", kind.code()),
            NotificationEvent::SeatGiven => ("seat_given", ""),
        }
    }

    /// The event stored as `kind` and `detail`.
    pub fn from_stored(kind: &str, detail: &str) -> Option<NotificationEvent> {
        Some(match kind {
            "new_proposal" => NotificationEvent::NewProposal,
            "comment" => NotificationEvent::Comment,
            "reply" => NotificationEvent::Reply,
            "answered" => NotificationEvent::Answered(ProposalState::from_code(detail)?),
            "hidden" => NotificationEvent::Hidden,
            "unhidden" => NotificationEvent::Unhidden,
            "reports_dismissed" => NotificationEvent::ReportsDismissed,
            "phase_started" => NotificationEvent::PhaseStarted(PhaseKind::from_code(detail)?),
            "seat_given" => NotificationEvent::SeatGiven,
            _ => return None,
        })
    }
}

/// One notification on the reader's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NotificationView {
    /// Its id (for "mark as read").
    pub id: String,
    /// What happened.
    pub event: NotificationEvent,
    /// The process's title.
    pub process: String,
    /// The proposal's title, when it is about one that is shown.
    pub proposal: Option<String>,
    /// Where to read about it.
    pub href: String,
    /// When (RFC 3339).
    pub created_at: String,
    /// Whether the reader marked it read.
    pub read: bool,
}

/// How many notifications a page of `/notifications` shows.
pub const NOTIFICATIONS_PER_PAGE: u32 = 30;

/// The reader's `/notifications` page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NotificationsView {
    /// This page's notifications, newest first.
    pub items: Vec<NotificationView>,
    /// The page shown (from 1).
    pub page: u32,
    /// How many pages there are.
    pub pages: u32,
    /// How many are unread, on every page.
    pub unread: u32,
    /// The daily digest by email, when the city's mail server is set.
    pub digest: Option<bool>,
}

/// Whether an unsubscribe link is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum UnsubscribeLink {
    /// Its signature holds: the form may stop the digest.
    Valid,
    /// Altered or made for another instance.
    Invalid,
}
