//! What the results page shows: the city's summary, answered proposals,
//! supports, the surveys whose results are public, meetings held,
//! engagement figures and the results dataset.

use app::consult::ProposalState;
use app::consult::meeting::MeetingOutcome;
use app::consult::results::{
    AnsweredProposal, HeldMeeting, PublicSurvey, ResultsView, SupportedProposal,
};
use app::consult::{PhaseKind, ProposalSort};
use app::services::ServiceError;

use crate::auth::Caller;
use crate::consult::markdown::{Flavour, render};
use crate::consult::proposals::ListFilter;
use crate::consult::views::header;
use crate::consult::{
    engagement, meeting_outcomes, meeting_pages, meetings, processes, proposals, results,
    survey_pages, surveys,
};
use crate::store::{SqlStore, Timestamp};

/// The most supported proposals the page lists.
const SUPPORTED_SHOWN: usize = 50;
/// The most answered proposals of each state the page shows.
const ANSWERED_SHOWN: i64 = 200;

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

/// The results page's service.
#[derive(Clone)]
pub struct ResultsPages {
    sql: SqlStore,
    https: bool,
}

impl ResultsPages {
    /// The service over `sql`; `https` says which session cookie name is in
    /// use.
    pub fn new(sql: SqlStore, https: bool) -> Self {
        ResultsPages { sql, https }
    }
}

impl app::consult::results::Results for ResultsPages {
    fn results(
        &self,
        headers: http::HeaderMap,
        slug: String,
    ) -> app::services::ServiceFuture<'_, ResultsView> {
        Box::pin(async move {
            let caller: Caller = crate::auth::caller_of_session(&self.sql, &headers, self.https)
                .await
                .map_err(unavailable)?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let process = processes::by_slug(db, &slug)
                .await
                .map_err(unavailable)?
                .ok_or(ServiceError::NotFound)?;
            let now = Timestamp::now();
            let stored = results::get(db, &process.id).await.map_err(unavailable)?;
            let every = ListFilter {
                state: None,
                text: String::new(),
                located: false,
                numbers: None,
            };
            let (total, all) = proposals::list(
                db,
                &process.id,
                &every,
                ProposalSort::MostSupported,
                0,
                (SUPPORTED_SHOWN as i64, 0),
            )
            .await
            .map_err(unavailable)?;
            let supported = all
                .iter()
                .map(|p| SupportedProposal {
                    number: p.number,
                    title: p.title.clone(),
                    state: p.state,
                    supports: p.supports,
                })
                .collect();
            let mut answered = Vec::new();
            for state in [ProposalState::Accepted, ProposalState::Rejected] {
                let filter = ListFilter {
                    state: Some(state),
                    ..every.clone()
                };
                let (_, found) = proposals::list(
                    db,
                    &process.id,
                    &filter,
                    ProposalSort::MostSupported,
                    0,
                    (ANSWERED_SHOWN, 0),
                )
                .await
                .map_err(unavailable)?;
                answered.extend(found.into_iter().map(|p| AnsweredProposal {
                    number: p.number,
                    title: p.title,
                    state: p.state,
                    answer: render(p.answer.as_deref().unwrap_or_default(), Flavour::Full),
                    answered_at: p.answered_at,
                    supports: p.supports,
                }));
            }
            let in_results = process
                .timeline
                .phase(PhaseKind::Results)
                .is_some_and(|p| p.starts_at.as_str() <= now.as_str());
            let mut public_surveys = Vec::new();
            if in_results {
                for survey in surveys::of_process(db, &process.id)
                    .await
                    .map_err(unavailable)?
                {
                    let results =
                        survey_pages::results(db, &process, &survey, false, false).await?;
                    public_surveys.push(PublicSurvey {
                        survey: survey_pages::summary(&process, &survey, now.as_str()),
                        results,
                    });
                }
            }
            let mut held = Vec::new();
            for meeting in meetings::of_process(db, &process.id)
                .await
                .map_err(unavailable)?
            {
                if !meeting.is_over(now.as_str()) {
                    continue;
                }
                let outcomes = meeting_outcomes::of_meeting(db, &process.id, meeting.number)
                    .await
                    .map_err(unavailable)?
                    .into_iter()
                    .map(|o| MeetingOutcome {
                        number: o.number,
                        title: o.title,
                        state: o.state,
                    })
                    .collect();
                held.push(HeldMeeting {
                    meeting: meeting_pages::summary(&meeting, now.as_str()),
                    minutes: meeting
                        .minutes
                        .as_ref()
                        .filter(|m| !m.text.is_empty())
                        .map(|m| render(&m.text, Flavour::Full)),
                    attendance: meeting.minutes.as_ref().and_then(|m| m.attendance),
                    outcomes,
                });
            }
            held.reverse();
            let engagement = engagement::of_process(db, &process)
                .await
                .map_err(unavailable)?;
            let dataset = stored.dataset_iri.as_ref().map(|iri| {
                // The record's page is at its IRI's path.
                iri.split_once("://")
                    .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
                    .unwrap_or_else(|| iri.clone())
            });
            Ok(ResultsView {
                header: header(db, &process, &caller, now.as_str())
                    .await
                    .map_err(unavailable)?,
                results_phase: process.timeline.phase(PhaseKind::Results).cloned(),
                summary: (!stored.summary.trim().is_empty())
                    .then(|| render(&stored.summary, Flavour::Full)),
                summary_source: stored.summary,
                answered,
                supported,
                proposals: total as i64,
                surveys: public_surveys,
                meetings: held,
                engagement,
                dataset,
            })
        })
    }
}
