//! The pieces of the consultation pages' answers that several pages share:
//! what is open now, the process header with the reader's budget, proposal
//! summaries with their authors' pseudonyms, the random order's seed, and
//! a comment thread for the reader.

use std::collections::HashMap;

use app::consult::{
    OpenNow, PhaseKind, ProcessHeader, ProposalQuery, ProposalSummary, SupportBudget,
};
use sqlx::AnyConnection;

use crate::auth::{AccountId, Caller, Permission};
use crate::consult::processes::Process;
use crate::consult::proposals::Proposal;
use crate::consult::supports;
use crate::notify::follows::{self, Subject};

/// What is open in `process` at `now`.
pub(crate) fn open_now(process: &Process, now: &str) -> OpenNow {
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

pub(crate) async fn header(
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
    let following = match caller.person() {
        Some(person) => {
            let subject = Subject {
                process_id: &process.id,
                number: 0,
            };
            follows::follows(db, &person.account.id, subject).await?
        }
        None => false,
    };
    Ok(ProcessHeader {
        slug: process.slug.clone(),
        title: process.title.clone(),
        open: open_now(process, now),
        support_threshold: process.support_threshold,
        budget,
        signed_in: caller.person().is_some(),
        following,
        may_moderate: caller.may(Permission::Moderate),
    })
}

pub(crate) async fn summaries(
    db: &mut AnyConnection,
    process: &Process,
    items: &[Proposal],
) -> Result<Vec<ProposalSummary>, sqlx::Error> {
    let authors: Vec<&AccountId> = items.iter().map(|p| &p.author).collect();
    let names = crate::auth::accounts::pseudonyms(db, &authors).await?;
    Ok(items.iter().map(|p| summary(process, p, &names)).collect())
}

pub(crate) fn summary(
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
pub(crate) fn seed_for(query: &ProposalQuery, caller: &Caller) -> u32 {
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

pub(crate) fn page_bounds(page: usize, per_page: usize) -> (i64, i64) {
    (per_page as i64, (page.saturating_sub(1) * per_page) as i64)
}

/// The comments on proposal `number` (0: on the process) for `caller`.
pub(crate) async fn comment_thread(
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
