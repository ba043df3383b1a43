//! What the survey page shows: the survey, the reader's answers (or their
//! refused attempt with its problems) and, when they may see them, the
//! results counted by the server.

use serde::{Deserialize, Serialize};

use crate::consult::survey::{AnswerError, SurveyDefinition};
use crate::consult::{PhaseKind, ProcessHeader, SafeHtml};

/// A survey's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveyView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The survey.
    pub survey: SurveySummary,
    /// Its introduction, from Markdown.
    pub intro: SafeHtml,
    /// Its sections' introductions, from Markdown, in order.
    pub section_intros: Vec<SafeHtml>,
    /// Its questions.
    pub definition: SurveyDefinition,
    /// What the form shows as chosen: the reader's response, or their
    /// refused attempt, as the form's name–value pairs.
    pub chosen: Vec<(String, String)>,
    /// The refused attempt's problems.
    pub problems: Vec<AnswerError>,
    /// Whether the reader answered already.
    pub answered: bool,
    /// Whether the reader may answer now (signed in, survey open).
    pub may_answer: bool,
    /// The results, when the reader may see them.
    pub results: Option<SurveyResults>,
}

/// A survey in a list, and at the top of its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveySummary {
    /// Its number in the process.
    pub number: i64,
    /// Title.
    pub title: String,
    /// The phase during which it takes answers.
    pub phase: PhaseKind,
    /// Whether it takes answers now.
    pub open: bool,
    /// When it opens, if it has not yet.
    pub opens_at: Option<String>,
    /// When it closes (or closed).
    pub closes_at: Option<String>,
    /// Responses so far.
    pub responses: i64,
    /// How many questions it asks.
    pub questions: usize,
    /// Whether citizens see the results as soon as they answered.
    pub results_after_answer: bool,
}

/// A survey's results, counted by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveyResults {
    /// Responses in all.
    pub responses: i64,
    /// One result per question, in order.
    pub questions: Vec<QuestionResult>,
    /// Whether the reader sees every free-text answer (moderators and
    /// administrators).
    pub moderated: bool,
    /// Whether the reader may publish free-text answers with the results
    /// and download the responses (administrators).
    pub may_publish: bool,
}

/// One question's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    /// The question's number, from 0.
    pub number: usize,
    /// What was asked.
    pub prompt: String,
    /// How many responses answered it.
    pub answered: i64,
    /// What the answers say.
    pub chart: ResultChart,
}

/// A question's result, drawn as a chart with its data table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ResultChart {
    /// Choices and scale points: how many gave each.
    Bars(Vec<Bar>),
    /// A ranking: each option's average rank (1 is first).
    Ranks(Vec<Rank>),
    /// A matrix: per row, how many gave each point.
    Matrix {
        /// The rows.
        rows: Vec<MatrixRow>,
        /// What 1 means.
        low: String,
        /// What 5 means.
        high: String,
    },
    /// Free text: how many wrote one, and those the reader may read.
    Texts {
        /// How many wrote one.
        written: i64,
        /// The answers shown.
        shown: Vec<TextShown>,
    },
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Bar {
    /// The option or point.
    pub label: String,
    /// How many gave it.
    pub count: i64,
}

/// One option's average rank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Rank {
    /// The option.
    pub label: String,
    /// Its average rank, 1 the best; `None` when no one ranked it.
    pub average: Option<f64>,
}

/// One matrix row's points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MatrixRow {
    /// The row.
    pub label: String,
    /// How many gave each point, 1 to 5.
    pub counts: Vec<i64>,
}

/// A free-text answer as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TextShown {
    /// Its response's pseudonymous id (for publishing it).
    pub response: String,
    /// What was written.
    pub text: String,
    /// Whether it is published with the results.
    pub published: bool,
}

/// Percent of `part` in `whole`, rounded, 0 for an empty whole.
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 100 + whole / 2) / whole
    }
}

/// A quick poll (a one-question survey) as its process's page shows it,
/// answered in place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PollView {
    /// The survey.
    pub survey: SurveySummary,
    /// Its one question.
    pub question: crate::consult::survey::Question,
    /// What the form shows as chosen.
    pub chosen: Vec<(String, String)>,
    /// The refused attempt's problem.
    pub problem: Option<crate::consult::survey::AnswerProblem>,
    /// Whether the reader answered.
    pub answered: bool,
    /// Whether the reader may answer now.
    pub may_answer: bool,
    /// Its result, when the reader may see it.
    pub result: Option<QuestionResult>,
}

impl PollView {
    /// The poll of a one-question survey's page view; `None` for a survey
    /// with more questions.
    pub fn of(view: SurveyView) -> Option<PollView> {
        if !view.definition.is_poll() {
            return None;
        }
        let question = view.definition.questions().next()?.1.clone();
        Some(PollView {
            survey: view.survey,
            question,
            chosen: view.chosen,
            problem: view.problems.first().map(|p| p.problem),
            answered: view.answered,
            may_answer: view.may_answer,
            result: view.results.and_then(|r| r.questions.into_iter().next()),
        })
    }
}
