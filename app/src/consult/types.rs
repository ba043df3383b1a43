//! What the consultation pages show, as the server sends it. Every kind and
//! state is an enum both sides share, never a string to be matched.

use serde::{Deserialize, Serialize};

use crate::catalog::RecordKind;
use crate::consult::{Phase, PhaseKind, ProcessStatus, ProposalProblem};

/// HTML the server made from Markdown and sanitised (no raw HTML, scripts,
/// styles or event attributes survive): the one kind of text pages may
/// render with `inner_html`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SafeHtml(pub String);

/// A process's cover image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Cover {
    /// Where the image is served.
    pub href: String,
    /// Its text alternative.
    pub alt: String,
}

/// A process in the list of consultations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessSummary {
    /// Its short name in addresses.
    pub slug: String,
    /// Title.
    pub title: String,
    /// A sentence or two.
    pub summary: String,
    /// Upcoming, open or past, by the clock.
    pub status: ProcessStatus,
    /// The phase running now.
    pub current: Option<Phase>,
    /// The next phase to begin.
    pub next: Option<Phase>,
    /// When its first phase begins.
    pub starts_at: String,
    /// When its last phase ends.
    pub ends_at: String,
    /// The organising organisation's name.
    pub organisation: Option<String>,
    /// Proposals the public sees.
    pub proposals: u64,
}

/// A search among processes: `/consultations?status=open&phase=supports&q=…&page=2`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessQuery {
    /// Only processes of this status.
    pub status: Option<ProcessStatus>,
    /// Only processes whose current phase is of this kind.
    pub phase: Option<PhaseKind>,
    /// Words in the title or summary.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub text: String,
    /// Page, from 1.
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 1000))]
    pub page: usize,
}

/// One page of processes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessList {
    /// The search, as understood.
    pub query: ProcessQuery,
    /// Processes matching it in all.
    pub total: u64,
    /// Processes per page.
    pub per_page: usize,
    /// Open first, then upcoming, then past.
    pub items: Vec<ProcessSummary>,
}

/// What became of a catalog record since a proposal or process cited it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum CitationState {
    /// Still the version cited.
    Current,
    /// Changed since: now at `version`.
    UpdatedSince {
        /// The record's version now.
        version: i64,
    },
    /// Deleted from the catalog since.
    Deleted,
    /// Not in the catalog (cited before Plaza checked, or imported away).
    Unknown,
}

/// A catalog record a process or proposal cites, as the catalog knows it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Citation {
    /// The record's IRI.
    pub iri: String,
    /// Its page on this site (absent when unknown).
    pub page: Option<String>,
    /// Its title now (or the IRI).
    pub title: String,
    /// Its publisher's name.
    pub publisher: Option<String>,
    /// Dataset, data service or series.
    pub kind: Option<RecordKind>,
    /// Metadata quality: points earned.
    pub quality_points: Option<u32>,
    /// Metadata quality: points possible.
    pub quality_max: Option<u32>,
    /// The version cited.
    pub cited_version: i64,
    /// What became of it.
    pub state: CitationState,
}

/// Where a proposal is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProposalState {
    /// Published, no answer yet.
    #[default]
    Published,
    /// The city is studying it.
    Evaluating,
    /// The city accepts it.
    Accepted,
    /// The city does not.
    Rejected,
    /// Its author withdrew it.
    Withdrawn,
}

impl ProposalState {
    /// Every state, in the filter's order.
    pub const ALL: [ProposalState; 5] = [
        ProposalState::Published,
        ProposalState::Evaluating,
        ProposalState::Accepted,
        ProposalState::Rejected,
        ProposalState::Withdrawn,
    ];

    /// The states an official answer may set.
    pub const ANSWERS: [ProposalState; 3] = [
        ProposalState::Evaluating,
        ProposalState::Accepted,
        ProposalState::Rejected,
    ];

    /// The state's code in SQL, forms and addresses.
    pub fn code(self) -> &'static str {
        match self {
            ProposalState::Published => "published",
            ProposalState::Evaluating => "evaluating",
            ProposalState::Accepted => "accepted",
            ProposalState::Rejected => "rejected",
            ProposalState::Withdrawn => "withdrawn",
        }
    }

    /// The state whose code is `code`.
    pub fn from_code(code: &str) -> Option<ProposalState> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The order of a proposal list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProposalSort {
    /// Shuffled by the visitor's seed, the same on every page.
    #[default]
    Random,
    /// Most supports first.
    MostSupported,
    /// Most comments first.
    MostCommented,
    /// Newest first.
    Newest,
}

impl ProposalSort {
    /// Every order, as the sort links list them.
    pub const ALL: [ProposalSort; 4] = [
        ProposalSort::Random,
        ProposalSort::MostSupported,
        ProposalSort::MostCommented,
        ProposalSort::Newest,
    ];

    /// The order's code in addresses.
    pub fn code(self) -> &'static str {
        match self {
            ProposalSort::Random => "random",
            ProposalSort::MostSupported => "supports",
            ProposalSort::MostCommented => "comments",
            ProposalSort::Newest => "newest",
        }
    }

    /// The order whose code is `code`.
    pub fn from_code(code: &str) -> Option<ProposalSort> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A search among a process's proposals:
/// `?state=accepted&q=…&located=1&cites=IRI&sort=random&seed=42&page=2`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalQuery {
    /// Only proposals in this state (withdrawn ones only when asked for).
    pub state: Option<ProposalState>,
    /// Words in the title or body.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub text: String,
    /// Only proposals with a location.
    pub located: bool,
    /// Only proposals citing this record IRI.
    pub cites: Option<String>,
    /// The order.
    pub sort: ProposalSort,
    /// The shuffle's seed (random order); the server picks one when absent
    /// and every link of the list carries it.
    pub seed: Option<u32>,
    /// Page, from 1.
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 1000))]
    pub page: usize,
}

/// A proposal in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalSummary {
    /// Its number in the process.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The author's pseudonym; `None` for a deleted participant.
    pub author: Option<String>,
    /// Where it is in its life.
    pub state: ProposalState,
    /// Supports.
    pub supports: u64,
    /// Comments the public sees.
    pub comments: u64,
    /// Whether it has a point on the map.
    pub located: bool,
    /// The place typed, if any.
    pub place: Option<String>,
    /// When it was published (RFC 3339).
    pub created_at: String,
    /// Whether its supports reached the process's threshold.
    pub accepted_for_study: bool,
}

/// One page of proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalList {
    /// The search, as understood (with the seed used).
    pub query: ProposalQuery,
    /// Proposals matching it in all.
    pub total: u64,
    /// Proposals per page.
    pub per_page: usize,
    /// This page's proposals.
    pub items: Vec<ProposalSummary>,
}

/// A citizen's supports in a process with a maximum per citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SupportBudget {
    /// Supports a citizen may give in the process.
    pub max: u32,
    /// Supports this citizen gave.
    pub used: u32,
}

impl SupportBudget {
    /// Supports left.
    pub fn left(self) -> u32 {
        self.max.saturating_sub(self.used)
    }
}

/// What citizens may do in a process now, by the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OpenNow {
    /// Upcoming, open or past.
    pub status: ProcessStatus,
    /// The phase running now (and until when).
    pub phase: Option<Phase>,
    /// The next phase to begin.
    pub next: Option<Phase>,
    /// Proposals may be written.
    pub proposals: bool,
    /// Proposals may be supported.
    pub supports: bool,
    /// Comments may be written.
    pub comments: bool,
}

/// What every page of a process shows about it and about the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessHeader {
    /// Its short name in addresses.
    pub slug: String,
    /// Title.
    pub title: String,
    /// What is open now.
    pub open: OpenNow,
    /// Supports that make a proposal "accepted for study".
    pub support_threshold: Option<u32>,
    /// The reader's supports, when the process has a maximum and the
    /// reader is signed in.
    pub budget: Option<SupportBudget>,
    /// Whether the reader is signed in.
    pub signed_in: bool,
    /// Whether the reader follows the process.
    pub following: bool,
    /// Whether the reader moderates (answers, hides).
    pub may_moderate: bool,
}

/// A process's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// A sentence or two.
    pub summary: String,
    /// The plan, from Markdown.
    pub body: SafeHtml,
    /// Its cover image.
    pub cover: Option<Cover>,
    /// The area it is about, in words (a place IRI, a box, a polygon).
    pub area: Option<String>,
    /// The organising organisation's name.
    pub organisation: Option<String>,
    /// Its phases, in order.
    pub phases: Vec<Phase>,
    /// The catalog records it rests on.
    pub evidence: Vec<Citation>,
    /// Its proposals, as the address asks.
    pub proposals: ProposalList,
    /// Comments on the consultation itself.
    pub comments: crate::consult::CommentThread,
    /// Its surveys of more than one question.
    pub surveys: Vec<crate::consult::survey::SurveySummary>,
    /// Its quick polls, answered on this page.
    pub polls: Vec<crate::consult::survey::PollView>,
    /// Its meetings, by start.
    pub meetings: Vec<crate::consult::meeting::MeetingSummary>,
    /// Engagement figures, for moderators and administrators.
    pub engagement: Option<crate::consult::results::Engagement>,
}

/// What the reader may do with a proposal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalActions {
    /// The reader supports it.
    pub supported: bool,
    /// The reader may support it now.
    pub may_support: bool,
    /// The reader may withdraw their support now.
    pub may_unsupport: bool,
    /// The reader is its author and may still edit it.
    pub may_edit: bool,
    /// The reader is its author and may withdraw it.
    pub may_withdraw: bool,
    /// The reader may give the official answer.
    pub may_answer: bool,
    /// The reader follows it.
    pub following: bool,
    /// The reader may report it to the moderators (signed in, not its
    /// author).
    pub may_report: bool,
}

/// A point, WGS 84 decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GeoPoint {
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// A proposal's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The proposal as a list shows it.
    pub summary: ProposalSummary,
    /// Its text, from Markdown.
    pub body: SafeHtml,
    /// When its author last edited it.
    pub edited_at: Option<String>,
    /// Its point on the map.
    pub point: Option<GeoPoint>,
    /// The official answer, from Markdown.
    pub answer: Option<SafeHtml>,
    /// When it was answered.
    pub answered_at: Option<String>,
    /// The catalog records it cites.
    pub citations: Vec<Citation>,
    /// What the reader may do.
    pub actions: ProposalActions,
    /// Why moderators hid it (shown to its author only: nobody else gets
    /// the page).
    pub hidden: Option<crate::consult::ReportReason>,
    /// Its author erased it with their account: title and text are gone,
    /// the comments stay.
    pub erased: bool,
    /// Its comments.
    pub comments: crate::consult::CommentThread,
}

/// The new-proposal or edit form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalFormView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The proposal edited; `None` for a new one.
    pub id: Option<i64>,
    /// What the fields hold: the reader's refused attempt, or the proposal.
    pub input: crate::consult::ProposalInput,
    /// Why the last attempt was refused.
    pub problems: Vec<ProposalProblem>,
}

/// A process or proposal citing a catalog record, for the record's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CitingItem {
    /// The process's title.
    pub process: String,
    /// The proposal's title, when a proposal cites it.
    pub proposal: Option<String>,
    /// The page of the process or proposal.
    pub page: String,
}

/// What a support form asks: give a support or take it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportAction {
    /// Support the proposal.
    Support,
    /// Withdraw the support given.
    Withdraw,
}

impl SupportAction {
    /// Every action.
    pub const ALL: [SupportAction; 2] = [SupportAction::Support, SupportAction::Withdraw];

    /// The action's code in the form.
    pub fn code(self) -> &'static str {
        match self {
            SupportAction::Support => "support",
            SupportAction::Withdraw => "withdraw",
        }
    }

    /// The action whose code is `code`.
    pub fn from_code(code: &str) -> Option<SupportAction> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// What a follow form asks: follow a process or proposal, or stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowAction {
    /// Start following.
    Follow,
    /// Stop following.
    Unfollow,
}

impl FollowAction {
    /// Every action.
    pub const ALL: [FollowAction; 2] = [FollowAction::Follow, FollowAction::Unfollow];

    /// The action's code in the form.
    pub fn code(self) -> &'static str {
        match self {
            FollowAction::Follow => "follow",
            FollowAction::Unfollow => "unfollow",
        }
    }

    /// The action whose code is `code`.
    pub fn from_code(code: &str) -> Option<FollowAction> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}
