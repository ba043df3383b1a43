//! What the results page and the engagement figures show, as the server
//! sends them.

use serde::{Deserialize, Serialize};

use crate::consult::meeting::{MeetingOutcome, MeetingSummary};
use crate::consult::survey::{SurveyResults, SurveySummary};
use crate::consult::{PhaseKind, ProcessHeader, ProposalState, SafeHtml};

/// A proposal the city answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AnsweredProposal {
    /// Its number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Accepted, rejected or being evaluated.
    pub state: ProposalState,
    /// The official answer, from Markdown.
    pub answer: SafeHtml,
    /// When it was answered.
    pub answered_at: Option<String>,
    /// Its supports.
    pub supports: i64,
}

/// A proposal's supports, for the table of supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SupportedProposal {
    /// Its number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: ProposalState,
    /// Its supports.
    pub supports: i64,
}

/// A meeting held, with what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HeldMeeting {
    /// The meeting.
    pub meeting: MeetingSummary,
    /// Its minutes, from Markdown.
    pub minutes: Option<SafeHtml>,
    /// How many came.
    pub attendance: Option<i64>,
    /// The proposals it led to or discussed.
    pub outcomes: Vec<MeetingOutcome>,
}

/// A survey's public results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublicSurvey {
    /// The survey.
    pub survey: SurveySummary,
    /// Its results.
    pub results: SurveyResults,
}

/// Contributions of each kind, counted from the participation tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Counts {
    /// Proposals published.
    pub proposals: i64,
    /// Supports given.
    pub supports: i64,
    /// Comments written.
    pub comments: i64,
    /// Survey responses.
    pub responses: i64,
    /// Meeting registrations.
    pub registrations: i64,
}

impl Counts {
    /// All contributions.
    pub fn total(&self) -> i64 {
        self.proposals + self.supports + self.comments + self.responses + self.registrations
    }
}

/// Contributions during one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PhaseCounts {
    /// The phase.
    pub phase: PhaseKind,
    /// Its contributions.
    pub counts: Counts,
}

/// Contributions in one week (Monday, UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WeekCounts {
    /// The Monday that begins it, `YYYY-MM-DD`.
    pub week: String,
    /// Its contributions.
    pub counts: Counts,
}

/// How many took part, and how: counted from what people did (proposals,
/// supports, comments, responses, registrations), never from page views,
/// cookies or addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Engagement {
    /// Different people who contributed anything.
    pub participants: i64,
    /// Everything, in all.
    pub counts: Counts,
    /// Per phase of the process.
    pub phases: Vec<PhaseCounts>,
    /// Per week, oldest first.
    pub weeks: Vec<WeekCounts>,
    /// Proposals with a point, and how many of them lie in the area.
    pub located: (i64, i64),
}

/// A process's results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResultsView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The results phase, if the process has one.
    pub results_phase: Option<crate::consult::Phase>,
    /// The city's summary, from Markdown.
    pub summary: Option<SafeHtml>,
    /// The summary as written (for the moderators' form).
    pub summary_source: String,
    /// Accepted and rejected proposals with their answers.
    pub answered: Vec<AnsweredProposal>,
    /// The most supported public proposals (all are in the export).
    pub supported: Vec<SupportedProposal>,
    /// Public proposals in all.
    pub proposals: i64,
    /// Surveys whose results are public.
    pub surveys: Vec<PublicSurvey>,
    /// Meetings held.
    pub meetings: Vec<HeldMeeting>,
    /// Engagement figures.
    pub engagement: Engagement,
    /// The results dataset in the catalog, once published (its page).
    pub dataset: Option<String>,
}
