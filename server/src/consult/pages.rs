//! What the consultation pages show (`app::consult::Consultations`), read
//! from SQL and, for the records cited, from the catalog's search index.

use std::collections::HashMap;

use app::consult::{
    CitingItem, Consultations, GeoPoint, OpenNow, PROCESSES_PER_PAGE, PROPOSALS_PER_PAGE,
    PhaseKind, ProcessHeader, ProcessList, ProcessQuery, ProcessStatus, ProcessSummary,
    ProcessView, ProposalActions, ProposalFormView, ProposalInput, ProposalList, ProposalQuery,
    ProposalState, ProposalSummary, ProposalView, SupportBudget,
};
use app::services::{ServiceError, ServiceFuture};
use sqlx::AnyConnection;

use crate::auth::{AccountId, Caller, Permission, caller_of_session};
use crate::consult::citations::{self, PROCESS_EVIDENCE};
use crate::consult::markdown::{Flavour, render};
use crate::consult::processes::{self, Process};
use crate::consult::proposals::{self, ListFilter, Proposal};
use crate::consult::{drafts, evidence, supports};
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

/// What is open in `process` at `now`.
fn open_now(process: &Process, now: &str) -> OpenNow {
    let timeline = &process.timeline;
    OpenNow {
        status: timeline.status(now),
        phase: timeline.current(now).cloned(),
        next: timeline.next(now).cloned(),
        proposals: timeline.is_open(PhaseKind::Proposals, now),
        supports: timeline.is_open(PhaseKind::Supports, now),
        comments: timeline.comments_open(now),
    }
}

async fn header(
    db: &mut AnyConnection,
    process: &Process,
    caller: &Caller,
    now: &str,
) -> Result<ProcessHeader, sqlx::Error> {
    let budget = match (process.max_supports, caller.person()) {
        (Some(max), Some(person)) => Some(SupportBudget {
            max,
            used: supports::given_in(db, &process.id, &person.account.id).await?,
        }),
        _ => None,
    };
    Ok(ProcessHeader {
        slug: process.slug.clone(),
        title: process.title.clone(),
        open: open_now(process, now),
        support_threshold: process.support_threshold,
        budget,
        signed_in: caller.person().is_some(),
        may_moderate: caller.may(Permission::Moderate),
    })
}

async fn summaries(
    db: &mut AnyConnection,
    process: &Process,
    items: &[Proposal],
) -> Result<Vec<ProposalSummary>, sqlx::Error> {
    let authors: Vec<&AccountId> = items.iter().map(|p| &p.author).collect();
    let names = crate::auth::accounts::pseudonyms(db, &authors).await?;
    Ok(items.iter().map(|p| summary(process, p, &names)).collect())
}

fn summary(
    process: &Process,
    p: &Proposal,
    names: &HashMap<AccountId, Option<String>>,
) -> ProposalSummary {
    ProposalSummary {
        id: p.number,
        title: p.title.clone(),
        author: names.get(&p.author).cloned().flatten(),
        state: p.state,
        supports: p.supports.max(0) as u64,
        comments: p.comments.max(0) as u64,
        located: p.point.is_some(),
        place: p.place.clone(),
        created_at: p.created_at.clone(),
        accepted_for_study: process
            .support_threshold
            .is_some_and(|t| p.supports >= i64::from(t)),
    }
}

/// The seed of the random order: the address's, else one per signed-in
/// account (the same on every visit), else a new one.
fn seed_for(query: &ProposalQuery, caller: &Caller) -> u32 {
    if let Some(seed) = query.seed {
        return seed;
    }
    let text = match caller.person() {
        Some(person) => person.account.id.as_str().to_owned(),
        None => crate::auth::random_id(),
    };
    let digest = <sha2::Sha256 as sha2::Digest>::digest(text.as_bytes());
    u32::from_le_bytes([digest[0], digest[1], digest[2], digest[3]]) % 1_000_000
}

fn page_bounds(page: usize, per_page: usize) -> (i64, i64) {
    (per_page as i64, (page.saturating_sub(1) * per_page) as i64)
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
            let proposal = proposals::get(db, &process.id, id)
                .await
                .map_err(unavailable)?
                .filter(Proposal::is_public)
                .ok_or(ServiceError::NotFound)?;
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
            let me = caller.person().map(|p| &p.account.id);
            let supported = match me {
                Some(me) => supports::supports(db, &process.id, id, me)
                    .await
                    .map_err(unavailable)?,
                None => false,
            };
            let is_author = me == Some(&proposal.author);
            let open_to_supports = header.open.supports
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
                    && proposal.state == ProposalState::Published
                    && proposal.supports == 0
                    && proposal.comments == 0,
                may_withdraw: is_author && proposal.state == ProposalState::Published,
                may_answer: header.may_moderate && proposal.state != ProposalState::Withdrawn,
            };
            let comments = comment_thread(
                db,
                &process,
                id,
                &caller,
                comments,
                header.open.comments && proposal.state != ProposalState::Withdrawn,
            )
            .await
            .map_err(unavailable)?;
            Ok(ProposalView {
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
            let draft = drafts::get(db, me, &process.id, id.unwrap_or(0))
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

/// The comments on proposal `number` (0: on the process) for `caller`.
async fn comment_thread(
    db: &mut AnyConnection,
    process: &Process,
    number: i64,
    caller: &Caller,
    sort: app::consult::CommentSort,
    may_comment: bool,
) -> Result<app::consult::CommentThread, sqlx::Error> {
    let all = crate::consult::comments::thread(db, &process.id, number).await?;
    let authors: Vec<&AccountId> = all.iter().map(|c| &c.author).collect();
    let names = crate::auth::accounts::pseudonyms(db, &authors).await?;
    let me = caller.person().map(|p| &p.account.id);
    let votes = match me {
        Some(me) => crate::consult::comment_votes::votes_in(db, &process.id, number, me).await?,
        None => HashMap::new(),
    };
    Ok(crate::consult::threads::thread(
        &all,
        sort,
        &crate::consult::threads::Reader {
            me,
            votes: &votes,
            names: &names,
            may_comment: may_comment && me.is_some(),
        },
    ))
}
