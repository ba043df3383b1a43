//! What the meeting pages show, as the server sends it.

use serde::{Deserialize, Serialize};

use crate::consult::meeting::{
    MeetingFormat, MeetingInput, MeetingProblem, MinutesInput, MinutesProblem,
};
use crate::consult::{GeoPoint, ProcessHeader, ProposalState, SafeHtml};

/// Where a citizen's registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RegistrationStatus {
    /// Has a seat.
    Registered,
    /// Waits for one; gets it when someone with a seat cancels.
    Waiting,
}

impl RegistrationStatus {
    /// Its code in SQL.
    pub fn code(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Waiting => "waiting",
        }
    }

    /// The status whose code is `code`.
    pub fn from_code(code: &str) -> Option<RegistrationStatus> {
        [RegistrationStatus::Registered, RegistrationStatus::Waiting]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// What the registration form asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegistrationAction {
    /// Take a seat, or a place on the waiting list.
    Register,
    /// Give it up.
    Cancel,
}

impl RegistrationAction {
    /// Its code in the form.
    pub fn code(self) -> &'static str {
        match self {
            RegistrationAction::Register => "register",
            RegistrationAction::Cancel => "cancel",
        }
    }

    /// The action whose code is `code`.
    pub fn from_code(code: &str) -> Option<RegistrationAction> {
        [RegistrationAction::Register, RegistrationAction::Cancel]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// A meeting as lists show it. Times are UTC (`2026-05-01T17:00:00Z`);
/// `local_*` are the same moments in the meeting's own time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    /// Its number in the process.
    pub number: i64,
    /// Title.
    pub title: String,
    /// In person, online or hybrid.
    pub format: MeetingFormat,
    /// When it begins, UTC.
    pub starts_at: String,
    /// When it ends, UTC.
    pub ends_at: String,
    /// Its time zone (IANA name).
    pub time_zone: String,
    /// Its day there, `YYYY-MM-DD`.
    pub local_date: String,
    /// When it begins there, `HH:MM`.
    pub local_start: String,
    /// When it ends there, `HH:MM`.
    pub local_end: String,
    /// The zone's offset from UTC then, `+01:00`.
    pub utc_offset: String,
    /// Where, in words.
    pub address: Option<String>,
    /// Seats, if limited.
    pub capacity: Option<i64>,
    /// Seats taken.
    pub registered: i64,
    /// People on the waiting list.
    pub waiting: i64,
    /// It is over.
    pub held: bool,
    /// Its minutes are published.
    pub has_minutes: bool,
}

/// The reader's registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Registration {
    /// Seat or waiting list.
    pub status: RegistrationStatus,
    /// Place on the waiting list, from 1.
    pub position: Option<i64>,
}

/// A proposal a meeting led to or discussed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingOutcome {
    /// The proposal's number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: ProposalState,
}

/// A meeting's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The meeting.
    pub meeting: MeetingSummary,
    /// Its agenda, from Markdown.
    pub agenda: SafeHtml,
    /// The video room's address.
    pub online_url: Option<String>,
    /// The place on the map.
    pub point: Option<GeoPoint>,
    /// Its minutes, from Markdown, once written.
    pub minutes: Option<SafeHtml>,
    /// How many came.
    pub attendance: Option<i64>,
    /// The proposals it led to or discussed.
    pub outcomes: Vec<MeetingOutcome>,
    /// The reader's registration.
    pub mine: Option<Registration>,
    /// Registration is open (the meeting has not begun).
    pub registration_open: bool,
}

/// The meeting form's page (moderators and administrators).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingFormView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The meeting edited, or `None` for a new one.
    pub editing: Option<i64>,
    /// The fields, as stored or as last typed.
    pub input: MeetingInput,
    /// The problems of the last attempt.
    pub problems: Vec<MeetingProblem>,
    /// The minutes form, once the meeting has begun.
    pub minutes: Option<MinutesForm>,
}

/// The minutes form as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MinutesForm {
    /// The fields, as stored or as last typed.
    pub input: MinutesInput,
    /// The problems of the last attempt.
    pub problems: Vec<MinutesProblem>,
}
