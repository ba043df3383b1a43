//! Moderation as use cases, each one transaction with its audit entry:
//! anyone signed in reports a proposal or comment; enough distinct reports
//! hide it at once pending review; a moderator hides, shows again or
//! dismisses. Hiding a comment takes it out of its proposal's count.

use app::consult::{ModerationAction, ReportReason};

use crate::auth::{Account, AccountId, audit};
use crate::consult::participation::ConsultError;
use crate::consult::processes::{self, Process};
use crate::consult::reports::{self, Report, Target};
use crate::consult::{comments, proposals};
use crate::notify::events::{self, Decision};
use crate::store::SqlStore;

/// Longest report details.
pub const DETAILS_MAX: usize = 1_000;

/// What became of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Filed.
    Filed,
    /// Filed, and the item is now hidden pending review.
    Hidden,
    /// This person had reported it already.
    Already,
}

/// Why a moderation step was refused.
#[derive(Debug, thiserror::Error)]
pub enum ModerationError {
    /// No such item (or not in this process).
    #[error("no such proposal or comment")]
    NotFound,
    /// "Other" without details, or details too long.
    #[error("say what is wrong (up to 1,000 characters)")]
    Details,
    /// The database failed.
    #[error("moderation failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl From<ConsultError> for ModerationError {
    fn from(error: ConsultError) -> Self {
        match error {
            ConsultError::Sql(err) => ModerationError::Sql(err),
            _ => ModerationError::NotFound,
        }
    }
}

/// Whether the item exists in `process` and is hidden now; its author.
async fn state_of(
    db: &mut sqlx::AnyConnection,
    process: &Process,
    target: &Target,
) -> Result<(bool, bool, AccountId), ModerationError> {
    match target {
        Target::Proposal(number) => {
            let p = proposals::get(db, &process.id, *number)
                .await?
                .filter(|p| !p.erased)
                .ok_or(ModerationError::NotFound)?;
            Ok((p.hidden_at.is_some(), false, p.author))
        }
        Target::Comment(id) => {
            let c = comments::get(db, id)
                .await?
                .filter(|c| c.process_id == process.id && !c.erased)
                .ok_or(ModerationError::NotFound)?;
            Ok((c.hidden_at.is_some(), c.counts(), c.author))
        }
    }
}

/// Hides or shows `target`, keeping its proposal's comment count right.
async fn set_hidden(
    db: &mut sqlx::AnyConnection,
    process: &Process,
    target: &Target,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    match target {
        Target::Proposal(number) => proposals::set_hidden(db, &process.id, *number, reason).await,
        Target::Comment(id) => {
            let Some(comment) = comments::get(db, id).await? else {
                return Ok(());
            };
            let counted = comment.counts();
            comments::set_hidden(db, id, reason).await?;
            let counts_now = comments::get(db, id).await?.is_some_and(|c| c.counts());
            if comment.proposal_number > 0 && counted != counts_now {
                let delta = if counts_now { 1 } else { -1 };
                proposals::count_comment(db, &process.id, comment.proposal_number, delta).await?;
            }
            Ok(())
        }
    }
}

/// The reason reported most among `open`.
fn main_reason(open: &[Report]) -> &'static str {
    ReportReason::ALL
        .into_iter()
        .max_by_key(|r| open.iter().filter(|o| o.reason == *r).count())
        .unwrap_or(ReportReason::Other)
        .code()
}

fn describe(process: &Process, target: &Target) -> String {
    match target {
        Target::Proposal(n) => format!("{}/proposals/{n}", process.slug),
        Target::Comment(id) => format!("{}/comments/{id}", process.slug),
    }
}

/// Tells `author` of `decision` on `target`, in the decision's transaction.
async fn tell_author(
    db: &mut sqlx::AnyConnection,
    process: &Process,
    target: &Target,
    author: &AccountId,
    decision: Decision,
) -> Result<(), sqlx::Error> {
    let (number, comment) = match target {
        Target::Proposal(number) => (*number, None),
        Target::Comment(id) => {
            let number = comments::get(db, id)
                .await?
                .map_or(0, |c| c.proposal_number);
            (number, Some(id.as_str()))
        }
    };
    events::moderated(db, &process.id, number, comment, author, decision).await
}

/// `reporter` reports `target` of process `slug`; with `auto_hide`
/// distinct open reports it is hidden at once.
#[allow(clippy::too_many_arguments)]
pub async fn report(
    sql: &SqlStore,
    slug: &str,
    target: &Target,
    reporter: &Account,
    reason: ReportReason,
    details: &str,
    auto_hide: usize,
) -> Result<(Reported, AccountId), ModerationError> {
    let details = details.trim();
    if details.chars().count() > DETAILS_MAX
        || (reason == ReportReason::Other && details.is_empty())
    {
        return Err(ModerationError::Details);
    }
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(ModerationError::NotFound)?;
    let (hidden, _, author) = state_of(&mut tx, &process, target).await?;
    if !reports::add(&mut tx, &process.id, target, &reporter.id, reason, details).await? {
        return Ok((Reported::Already, author));
    }
    let open = reports::open_on(&mut tx, &process.id, target).await?;
    let mut outcome = Reported::Filed;
    if !hidden && open.len() >= auto_hide {
        set_hidden(&mut tx, &process, target, Some(main_reason(&open))).await?;
        let detail = format!("Hidden pending review after {} reports.", open.len());
        audit::record(
            &mut tx,
            None,
            "moderation.auto_hide",
            &describe(&process, target),
            &detail,
        )
        .await?;
        tell_author(&mut tx, &process, target, &author, Decision::Hidden).await?;
        outcome = Reported::Hidden;
    }
    tx.commit().await?;
    Ok((outcome, author))
}

/// A moderator's decision on `target`; the author, to be told.
pub async fn decide(
    sql: &SqlStore,
    moderator: &Account,
    slug: &str,
    target: &Target,
    action: ModerationAction,
) -> Result<AccountId, ModerationError> {
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(ModerationError::NotFound)?;
    let (hidden, _, author) = state_of(&mut tx, &process, target).await?;
    let open = reports::open_on(&mut tx, &process.id, target).await?;
    let (resolution, decision) = match action {
        ModerationAction::Hide => {
            if !hidden {
                set_hidden(&mut tx, &process, target, Some(main_reason(&open))).await?;
            }
            ("hidden", Decision::Hidden)
        }
        ModerationAction::Unhide => {
            if hidden {
                set_hidden(&mut tx, &process, target, None).await?;
            }
            ("unhidden", Decision::Unhidden)
        }
        ModerationAction::Dismiss => ("dismissed", Decision::Dismissed),
    };
    tell_author(&mut tx, &process, target, &author, decision).await?;
    reports::resolve(&mut tx, &process.id, target, resolution).await?;
    let detail = format!("{} open reports closed.", open.len());
    audit::record(
        &mut tx,
        Some(moderator),
        &format!("moderation.{}", action.code()),
        &describe(&process, target),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(author)
}
