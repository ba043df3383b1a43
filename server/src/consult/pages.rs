//! What the consultation pages show (`app::consult::Consultations`), read
//! from SQL and, for the records cited, from the catalog's search index.

use std::collections::HashMap;

use app::consult::{
    CitingItem, Consultations, GeoPoint, PROCESSES_PER_PAGE, PROPOSALS_PER_PAGE, ProcessList,
    ProcessQuery, ProcessStatus, ProcessSummary, ProcessView, ProposalActions, ProposalFormView,
    ProposalInput, ProposalList, ProposalQuery, ProposalState, ProposalView,
};
use app::services::{ServiceError, ServiceFuture};
use sqlx::AnyConnection;

use crate::auth::{Caller, Permission, caller_of_session};
use crate::consult::citations::{self, PROCESS_EVIDENCE};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::markdown::{Flavour, render};
use crate::consult::processes::{self, Process};
use crate::consult::proposals::{self, ListFilter, Proposal};
use crate::consult::views::{comment_thread, header, page_bounds, seed_for, summaries, summary};
use crate::consult::{evidence, supports};
use crate::notify::follows::{self, Subject};
use crate::search::SearchIndex;
use crate::store::{SqlStore, Timestamp};

/// The consultation pages' service.
#[derive(Clone)]
pub struct ConsultationPages {
    sql: SqlStore,
    search: SearchIndex,
    https: bool,
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

impl ConsultationPages {
    /// The service over `sql` and the catalog's `search` index; `https`
    /// says which session cookie name is in use.
    pub fn new(sql: SqlStore, search: SearchIndex, https: bool) -> Self {
        ConsultationPages { sql, search, https }
    }

    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }

    async fn process(&self, db: &mut AnyConnection, slug: &str) -> Result<Process, ServiceError> {
        processes::by_slug(db, slug)
            .await
            .map_err(unavailable)?
            .ok_or(ServiceError::NotFound)
    }
}

impl Consultations for ConsultationPages {
    fn processes(&self, query: ProcessQuery) -> ServiceFuture<'_, ProcessList> {
        Box::pin(async move {
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let now = Timestamp::now();
            let now = now.as_str();
            let all = processes::all(db).await.map_err(unavailable)?;
            let counts = proposals::public_counts(db).await.map_err(unavailable)?;
            let organisations = crate::auth::organisations::list_organisations(db)
                .await
                .map_err(unavailable)?;
            let words = query.text.to_lowercase();
            let mut items: Vec<ProcessSummary> = all
                .iter()
                .map(|p| {
                    let phases = p.timeline.phases();
                    ProcessSummary {
                        slug: p.slug.clone(),
                        title: p.title.clone(),
                        summary: p.summary.clone(),
                        status: p.timeline.status(now),
                        current: p.timeline.current(now).cloned(),
                        next: p.timeline.next(now).cloned(),
                        starts_at: phases[0].starts_at.clone(),
                        ends_at: phases[phases.len() - 1].ends_at.clone(),
                        organisation: p.organisation.as_ref().and_then(|id| {
                            organisations
                                .iter()
                                .find(|o| &o.id == id)
                                .map(|o| o.name.clone())
                        }),
                        proposals: counts.get(&p.id).copied().unwrap_or(0),
                    }
                })
                .filter(|s| query.status.is_none_or(|status| s.status == status))
                .filter(|s| {
                    query
                        .phase
                        .is_none_or(|kind| s.current.as_ref().is_some_and(|c| c.kind == kind))
                })
                .filter(|s| {
                    words.is_empty()
                        || s.title.to_lowercase().contains(&words)
                        || s.summary.to_lowercase().contains(&words)
                })
                .collect();
            let rank = |s: ProcessStatus| ProcessStatus::ALL.iter().position(|x| *x == s);
            items.sort_by(|a, b| {
                rank(a.status)
                    .cmp(&rank(b.status))
                    .then_with(|| match a.status {
                        ProcessStatus::Past => b.ends_at.cmp(&a.ends_at),
                        _ => a.starts_at.cmp(&b.starts_at),
                    })
                    .then_with(|| a.slug.cmp(&b.slug))
            });
            let total = items.len() as u64;
            let skip = (query.page - 1) * PROCESSES_PER_PAGE;
            let items = items
                .into_iter()
                .skip(skip)
                .take(PROCESSES_PER_PAGE)
                .collect();
            Ok(ProcessList {
                query,
                total,
                per_page: PROCESSES_PER_PAGE,
                items,
            })
        })
    }

    fn process(
        &self,
        headers: http::HeaderMap,
        slug: String,
        query: ProposalQuery,
        comments: app::consult::CommentSort,
    ) -> ServiceFuture<'_, ProcessView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let lang = crate::http::lang::locale_of(&headers);
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let process = self.process(db, &slug).await?;
            let now = Timestamp::now();
            let header = header(db, &process, &caller, now.as_str())
                .await
                .map_err(unavailable)?;
            let cited = citations::of(db, &process.id, PROCESS_EVIDENCE)
                .await
                .map_err(unavailable)?;
            let evidence = evidence::citations(db, &self.search, app::locale::code(lang), cited)
                .await
                .map_err(unavailable)?;
            let mut query = query;
            query.seed = Some(seed_for(&query, &caller));
            let numbers = match &query.cites {
                Some(iri) => Some(
                    citations::proposals_citing(db, &process.id, iri)
                        .await
                        .map_err(unavailable)?,
                ),
                None => None,
            };
            let filter = ListFilter {
                state: query.state,
                text: query.text.clone(),
                located: query.located,
                numbers,
            };
            let (total, items) = proposals::list(
                db,
                &process.id,
                &filter,
                query.sort,
                query.seed.unwrap_or_default(),
                page_bounds(query.page, PROPOSALS_PER_PAGE),
            )
            .await
            .map_err(unavailable)?;
            let items = summaries(db, &process, &items).await.map_err(unavailable)?;
            let comments = comment_thread(
                db,
                &process,
                PROCESS_EVIDENCE,
                &caller,
                comments,
                header.open.comments,
            )
            .await
            .map_err(unavailable)?;
            let organisation = match &process.organisation {
                Some(id) => crate::auth::organisations::list_organisations(db)
                    .await
                    .map_err(unavailable)?
                    .into_iter()
                    .find(|o| &o.id == id)
                    .map(|o| o.name),
                None => None,
            };
            let mut surveys = Vec::new();
            let mut polls = Vec::new();
            for survey in crate::consult::surveys::of_process(db, &process.id)
                .await
                .map_err(unavailable)?
            {
                if survey.content.definition.is_poll() {
                    let view =
                        crate::consult::survey_pages::survey_view(db, &process, &survey, &caller)
                            .await?;
                    polls.extend(app::consult::survey::PollView::of(view));
                } else {
                    surveys.push(crate::consult::survey_pages::summary(
                        &process,
                        &survey,
                        now.as_str(),
                    ));
                }
            }
            let meetings = crate::consult::meetings::of_process(db, &process.id)
                .await
                .map_err(unavailable)?
                .iter()
                .map(|m| crate::consult::meeting_pages::summary(m, now.as_str()))
                .collect();
            let engagement = if caller.may(crate::auth::Permission::Moderate) {
                Some(
                    crate::consult::engagement::of_process(db, &process)
                        .await
                        .map_err(unavailable)?,
                )
            } else {
                None
            };
            Ok(ProcessView {
                header,
                summary: process.summary.clone(),
                body: render(&process.body, Flavour::Full),
                cover: process
                    .cover
                    .as_ref()
                    .map(|(file, alt)| app::consult::Cover {
                        href: format!("/consultations/{}/cover/{file}", process.slug),
                        alt: alt.clone(),
                    }),
                area: process.area.as_ref().map(|a| a.describe()),
                organisation,
                phases: process.timeline.phases().to_vec(),
                evidence,
                proposals: ProposalList {
                    query,
                    total,
                    per_page: PROPOSALS_PER_PAGE,
                    items,
                },
                comments,
                surveys,
                polls,
                meetings,
                engagement,
            })
        })
    }

    fn proposal(
        &self,
        headers: http::HeaderMap,
        slug: String,
        id: i64,
        comments: app::consult::CommentSort,
    ) -> ServiceFuture<'_, ProposalView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let lang = crate::http::lang::locale_of(&headers);
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let process = self.process(db, &slug).await?;
            let me = caller.person().map(|p| &p.account.id);
            // Hidden: only its author reads it. Erased: the page stays, its
            // text gone, so that its comments keep their place.
            let proposal = proposals::get(db, &process.id, id)
                .await
                .map_err(unavailable)?
                .filter(|p| p.hidden_at.is_none() || me == Some(&p.author))
                .ok_or(ServiceError::NotFound)?;
            let public = proposal.is_public();
            let now = Timestamp::now();
            let header = header(db, &process, &caller, now.as_str())
                .await
                .map_err(unavailable)?;
            let names = crate::auth::accounts::pseudonyms(db, &[&proposal.author])
                .await
                .map_err(unavailable)?;
            let cited = citations::of(db, &process.id, id)
                .await
                .map_err(unavailable)?;
            let citations = evidence::citations(db, &self.search, app::locale::code(lang), cited)
                .await
                .map_err(unavailable)?;
            let supported = match me {
                Some(me) => supports::supports(db, &process.id, id, me)
                    .await
                    .map_err(unavailable)?,
                None => false,
            };
            let is_author = me == Some(&proposal.author);
            let open_to_supports = header.open.supports
                && public
                && !matches!(
                    proposal.state,
                    ProposalState::Withdrawn | ProposalState::Rejected
                );
            let budget_left = header.budget.is_none_or(|b| b.left() > 0);
            let actions = ProposalActions {
                supported,
                may_support: me.is_some() && open_to_supports && !supported && budget_left,
                may_unsupport: supported && open_to_supports,
                may_edit: is_author
                    && public
                    && proposal.state == ProposalState::Published
                    && proposal.supports == 0
                    && proposal.comments == 0,
                may_withdraw: is_author && public && proposal.state == ProposalState::Published,
                may_report: me.is_some() && !is_author && public,
                may_answer: header.may_moderate
                    && public
                    && proposal.state != ProposalState::Withdrawn,
                following: match me {
                    Some(me) => {
                        let subject = Subject {
                            process_id: &process.id,
                            number: id,
                        };
                        follows::follows(db, me, subject)
                            .await
                            .map_err(unavailable)?
                    }
                    None => false,
                },
            };
            let comments = comment_thread(
                db,
                &process,
                id,
                &caller,
                comments,
                header.open.comments && public && proposal.state != ProposalState::Withdrawn,
            )
            .await
            .map_err(unavailable)?;
            Ok(ProposalView {
                hidden: proposal.hidden_at.as_ref().map(|_| {
                    proposal
                        .hidden_reason
                        .as_deref()
                        .and_then(app::consult::ReportReason::from_code)
                        .unwrap_or(app::consult::ReportReason::Other)
                }),
                erased: proposal.erased,
                comments,
                summary: summary(&process, &proposal, &names),
                body: render(&proposal.body, Flavour::Full),
                edited_at: proposal.edited_at.clone(),
                point: proposal.point.map(|(latitude, longitude)| GeoPoint {
                    latitude,
                    longitude,
                }),
                answer: proposal
                    .answer
                    .as_deref()
                    .filter(|a| !a.is_empty())
                    .map(|a| render(a, Flavour::Full)),
                answered_at: proposal.answered_at.clone(),
                citations,
                actions,
                header,
            })
        })
    }

    fn proposal_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        id: Option<i64>,
    ) -> ServiceFuture<'_, ProposalFormView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let person = caller.person().ok_or(ServiceError::SignInRequired)?;
            let me = &person.account.id;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let process = self.process(db, &slug).await?;
            let now = Timestamp::now();
            let header = header(db, &process, &caller, now.as_str())
                .await
                .map_err(unavailable)?;
            let stored = match id {
                Some(number) => {
                    let proposal = proposals::get(db, &process.id, number)
                        .await
                        .map_err(unavailable)?
                        .filter(Proposal::is_public)
                        .ok_or(ServiceError::NotFound)?;
                    if &proposal.author != me {
                        return Err(ServiceError::Forbidden);
                    }
                    let cited = citations::of(db, &process.id, number)
                        .await
                        .map_err(unavailable)?;
                    Some(ProposalInput {
                        title: proposal.title,
                        body: proposal.body,
                        latitude: proposal.point.map(|p| p.0.to_string()).unwrap_or_default(),
                        longitude: proposal.point.map(|p| p.1.to_string()).unwrap_or_default(),
                        place: proposal.place.unwrap_or_default(),
                        citations: cited
                            .into_iter()
                            .map(|c| c.iri)
                            .collect::<Vec<_>>()
                            .join("\n"),
                    })
                }
                None => None,
            };
            let number = id.unwrap_or(0);
            let draft = form_drafts::get(
                db,
                me,
                &Draft::Proposal {
                    process_id: &process.id,
                    number,
                },
            )
            .await
            .map_err(unavailable)?;
            let (input, problems) = match draft {
                Some((input, problems)) => (input, problems),
                None => (stored.unwrap_or_default(), Vec::new()),
            };
            Ok(ProposalFormView {
                header,
                id,
                input,
                problems,
            })
        })
    }

    fn process_form(
        &self,
        headers: http::HeaderMap,
        slug: Option<String>,
    ) -> ServiceFuture<'_, app::consult::ProcessFormView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let person = caller.person_who_may(Permission::Moderate)?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            crate::consult::process_form_view::form_view(db, &person.account.id, slug.as_deref())
                .await
        })
    }

    fn moderation(
        &self,
        headers: http::HeaderMap,
    ) -> ServiceFuture<'_, Vec<app::consult::QueueItem>> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            crate::auth::decide(&caller, Permission::Moderate)?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            crate::consult::queue::queue(db).await.map_err(unavailable)
        })
    }

    fn cited_by(&self, iri: String) -> ServiceFuture<'_, Vec<CitingItem>> {
        Box::pin(async move {
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let citing = citations::citing(db, &iri).await.map_err(unavailable)?;
            let mut items = Vec::new();
            let mut known: HashMap<String, Option<Process>> = HashMap::new();
            for (process_id, number) in citing {
                if !known.contains_key(&process_id) {
                    let found = processes::by_id(db, &process_id)
                        .await
                        .map_err(unavailable)?;
                    known.insert(process_id.clone(), found);
                }
                let Some(Some(process)) = known.get(&process_id) else {
                    continue;
                };
                if number == PROCESS_EVIDENCE {
                    items.push(CitingItem {
                        process: process.title.clone(),
                        proposal: None,
                        page: format!("/consultations/{}", process.slug),
                    });
                } else if let Some(p) = proposals::get(db, &process_id, number)
                    .await
                    .map_err(unavailable)?
                    .filter(Proposal::is_public)
                {
                    items.push(CitingItem {
                        process: process.title.clone(),
                        proposal: Some(p.title),
                        page: format!("/consultations/{}/proposals/{number}", process.slug),
                    });
                }
            }
            Ok(items)
        })
    }
}
