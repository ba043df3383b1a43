//! What the survey pages show: a survey with the reader's answers (or
//! their refused attempt), and its results when the reader may see them —
//! moderators always, citizens from the results phase, or once they
//! answered when the survey says so. Free-text answers are shown to
//! moderators; citizens see only those an administrator published.

use app::consult::PhaseKind;
use app::consult::survey::{
    Answer, AnswerError, Bar, MatrixRow, QuestionKind, QuestionResult, Rank, ResultChart,
    SCALE_POINTS, SurveyFormView, SurveyInput, SurveyProblem, SurveyResults, SurveySummary,
    SurveyView, TextShown, field, rank_field, row_field,
};
use app::services::ServiceError;
use sqlx::AnyConnection;

use crate::auth::{Caller, Permission};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::markdown::{Flavour, render};
use crate::consult::processes::Process;
use crate::consult::survey_responses;
use crate::consult::survey_tallies::{self, Tally};
use crate::consult::surveying;
use crate::consult::surveys::Survey;
use crate::consult::views::header;
use crate::store::Timestamp;

/// The most free-text answers shown per survey.
const TEXTS_SHOWN: i64 = 500;

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

/// `survey` of `process` as a list or page shows it at `now`.
pub fn summary(process: &Process, survey: &Survey, now: &str) -> SurveySummary {
    let phase = process.timeline.phase(survey.content.phase);
    SurveySummary {
        number: survey.number,
        title: survey.content.title.clone(),
        phase: survey.content.phase,
        open: surveying::is_open(process, survey, now),
        opens_at: phase
            .filter(|p| now < p.starts_at.as_str())
            .map(|p| p.starts_at.clone()),
        closes_at: phase.map(|p| p.ends_at.clone()),
        responses: survey.responses,
        questions: survey.content.definition.len(),
        results_after_answer: survey.content.results_after_answer,
    }
}

/// The form's name–value pairs for stored `answers`.
fn pairs_of(survey: &Survey, rows: &[app::consult::survey::AnswerRow]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (number, question) in survey.content.definition.questions() {
        let mine: Vec<_> = rows
            .iter()
            .filter(|r| r.question as usize == number)
            .cloned()
            .collect();
        let Some(answer) = Answer::from_rows(&question.kind, &mine) else {
            continue;
        };
        match answer {
            Answer::Choice(c) => pairs.push((field(number), c.to_string())),
            Answer::Choices(cs) => {
                pairs.extend(cs.iter().map(|c| (field(number), c.to_string())));
            }
            Answer::Text(t) => pairs.push((field(number), t)),
            Answer::Scale(p) => pairs.push((field(number), p.to_string())),
            Answer::Ranking(order) => {
                pairs.extend(order.iter().enumerate().map(|(rank, option)| {
                    (rank_field(number, *option as usize), (rank + 1).to_string())
                }))
            }
            Answer::Matrix(points) => pairs.extend(
                points
                    .iter()
                    .enumerate()
                    .filter_map(|(row, p)| p.map(|p| (row_field(number, row), p.to_string()))),
            ),
        }
    }
    pairs
}

/// Survey `number` of `process` for `caller`.
pub async fn survey_view(
    db: &mut AnyConnection,
    process: &Process,
    survey: &Survey,
    caller: &Caller,
) -> Result<SurveyView, ServiceError> {
    let now = Timestamp::now();
    let header = header(db, process, caller, now.as_str())
        .await
        .map_err(unavailable)?;
    let summary = summary(process, survey, now.as_str());
    let me = caller.person().map(|p| &p.account.id);
    let mut chosen = Vec::new();
    let mut problems: Vec<AnswerError> = Vec::new();
    let mut answered = false;
    if let Some(me) = me {
        if let Some((_, rows)) = survey_responses::of_account(db, &process.id, survey.number, me)
            .await
            .map_err(unavailable)?
        {
            answered = true;
            chosen = pairs_of(survey, &rows);
        }
        let draft = Draft::Response {
            process_id: &process.id,
            number: survey.number,
        };
        if let Some((input, refused)) = form_drafts::get(db, me, &draft)
            .await
            .map_err(unavailable)?
        {
            chosen = input;
            problems = refused;
        }
    }
    let moderated = caller.may(Permission::Moderate);
    let results_phase = process.timeline.phase(PhaseKind::Results);
    let in_results = results_phase.is_some_and(|p| p.starts_at.as_str() <= now.as_str());
    let shows_results =
        moderated || in_results || (answered && survey.content.results_after_answer);
    let results = if shows_results {
        let may_publish = caller.may(Permission::Administer);
        Some(results(db, process, survey, moderated, may_publish).await?)
    } else {
        None
    };
    Ok(SurveyView {
        may_answer: me.is_some() && summary.open,
        header,
        survey: summary,
        intro: render(&survey.content.intro, Flavour::Full),
        section_intros: survey
            .content
            .definition
            .sections
            .iter()
            .map(|s| render(&s.intro, Flavour::Lite))
            .collect(),
        definition: survey.content.definition.clone(),
        chosen,
        problems,
        answered,
        results,
    })
}

/// The results of `survey`, counted in SQL; every free-text answer when
/// `moderated`, else only the published ones; `may_publish` for an
/// administrator.
pub async fn results(
    db: &mut AnyConnection,
    process: &Process,
    survey: &Survey,
    moderated: bool,
    may_publish: bool,
) -> Result<SurveyResults, ServiceError> {
    let (tallies, answered) = survey_tallies::of_survey(db, &process.id, survey.number)
        .await
        .map_err(unavailable)?;
    let texts = survey_responses::texts(db, &process.id, survey.number, !moderated, TEXTS_SHOWN)
        .await
        .map_err(unavailable)?;
    let count = |question: usize, row: u32, choice: u32| -> &Tally {
        static NONE: Tally = Tally {
            question: 0,
            row: 0,
            choice: 0,
            count: 0,
            rank_sum: 0,
        };
        tallies
            .iter()
            .find(|t| t.question as usize == question && t.row == row && t.choice == choice)
            .unwrap_or(&NONE)
    };
    let points = || 1..=u32::from(SCALE_POINTS);
    let mut questions = Vec::new();
    for (number, question) in survey.content.definition.questions() {
        let answered = answered
            .iter()
            .find(|(q, _)| *q as usize == number)
            .map_or(0, |(_, n)| *n);
        let chart = match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options, .. } => {
                ResultChart::Bars(
                    options
                        .iter()
                        .enumerate()
                        .map(|(i, label)| Bar {
                            label: label.clone(),
                            count: count(number, 0, i as u32).count,
                        })
                        .collect(),
                )
            }
            QuestionKind::Scale { low, high } => ResultChart::Bars(
                points()
                    .map(|p| Bar {
                        label: scale_label(p, low, high),
                        count: count(number, 0, p).count,
                    })
                    .collect(),
            ),
            QuestionKind::Ranking { options } => ResultChart::Ranks(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        let t = count(number, 0, i as u32);
                        Rank {
                            label: label.clone(),
                            average: (t.count > 0).then(|| t.rank_sum as f64 / t.count as f64),
                        }
                    })
                    .collect(),
            ),
            QuestionKind::Matrix { rows, low, high } => ResultChart::Matrix {
                rows: rows
                    .iter()
                    .enumerate()
                    .map(|(r, label)| MatrixRow {
                        label: label.clone(),
                        counts: points().map(|p| count(number, r as u32, p).count).collect(),
                    })
                    .collect(),
                low: low.clone(),
                high: high.clone(),
            },
            QuestionKind::Text { .. } => ResultChart::Texts {
                written: answered,
                shown: texts
                    .iter()
                    .filter(|t| t.question as usize == number)
                    .map(|t| TextShown {
                        response: t.response.clone(),
                        text: t.text.clone(),
                        published: t.published,
                    })
                    .collect(),
            },
        };
        questions.push(QuestionResult {
            number,
            prompt: question.prompt.clone(),
            answered,
            chart,
        });
    }
    Ok(SurveyResults {
        responses: survey.responses,
        questions,
        moderated,
        may_publish,
    })
}

/// A scale point's label: "1 – low", "5 – high", or the number alone.
fn scale_label(point: u32, low: &str, high: &str) -> String {
    match point {
        1 if !low.is_empty() => format!("1 – {low}"),
        p if p == u32::from(SCALE_POINTS) && !high.is_empty() => format!("{p} – {high}"),
        p => p.to_string(),
    }
}

/// The survey pages' service.
#[derive(Clone)]
pub struct SurveyPages {
    sql: crate::store::SqlStore,
    https: bool,
}

impl SurveyPages {
    /// The service over `sql`; `https` says which session cookie name is in
    /// use.
    pub fn new(sql: crate::store::SqlStore, https: bool) -> Self {
        SurveyPages { sql, https }
    }

    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        crate::auth::caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }
}

impl app::consult::survey::Surveys for SurveyPages {
    fn survey(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: i64,
    ) -> app::services::ServiceFuture<'_, SurveyView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let (process, survey) = surveying::find(db, &slug, number)
                .await
                .map_err(unavailable)?
                .ok_or(ServiceError::NotFound)?;
            survey_view(db, &process, &survey, &caller).await
        })
    }

    fn survey_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: Option<i64>,
    ) -> app::services::ServiceFuture<'_, SurveyFormView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let person = caller.person_who_may(Permission::Moderate)?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let process = crate::consult::processes::by_slug(db, &slug)
                .await
                .map_err(unavailable)?
                .ok_or(ServiceError::NotFound)?;
            let stored = match number {
                Some(number) => Some(
                    crate::consult::surveys::get(db, &process.id, number)
                        .await
                        .map_err(unavailable)?
                        .ok_or(ServiceError::NotFound)?,
                ),
                None => None,
            };
            let draft = Draft::Survey {
                process_id: &process.id,
                number: number.unwrap_or(0),
            };
            let kept: Option<(SurveyInput, Vec<SurveyProblem>)> =
                form_drafts::get(db, &person.account.id, &draft)
                    .await
                    .map_err(unavailable)?;
            let (input, problems) = match (kept, &stored) {
                (Some(kept), _) => kept,
                (None, Some(survey)) => {
                    let c = &survey.content;
                    let input = SurveyInput::of(
                        &c.title,
                        &c.intro,
                        c.phase,
                        c.results_after_answer,
                        &c.definition,
                    );
                    (input, Vec::new())
                }
                (None, None) => {
                    let mut input = SurveyInput {
                        phase: process
                            .timeline
                            .phases()
                            .first()
                            .map(|p| p.kind.code().to_owned())
                            .unwrap_or_default(),
                        ..SurveyInput::default()
                    };
                    input.apply(app::consult::survey::BuilderAction::AddQuestion);
                    (input, Vec::new())
                }
            };
            let now = Timestamp::now();
            Ok(SurveyFormView {
                header: header(db, &process, &caller, now.as_str())
                    .await
                    .map_err(unavailable)?,
                number,
                input,
                problems,
                phases: process.timeline.phases().iter().map(|p| p.kind).collect(),
                responses: stored.map_or(0, |s| s.responses),
            })
        })
    }
}
