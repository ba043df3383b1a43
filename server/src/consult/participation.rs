//! What citizens and moderators do in a consultation, each a use case in
//! one transaction whose checks (the phase, the author, the limit) run in
//! the transaction of the change they guard: publish, edit and withdraw a
//! proposal, support or withdraw a support, answer officially.

use app::account::Notice;
use app::consult::{PhaseKind, ProposalContent, ProposalInput, ProposalProblem, ProposalState};

use crate::auth::{AccountId, Caller, Permission};
use crate::consult::citations::{self, Cited};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::processes::{self, Process};
use crate::consult::proposals::{self, Proposal};
use crate::consult::supports;
use crate::search::SearchIndex;
use crate::store::{SqlStore, Timestamp};

/// The longest official answer.
pub const ANSWER_MAX: usize = 10_000;

/// Why a change was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ConsultError {
    /// No process with that short name, or no such proposal in it (or
    /// hidden from the caller).
    #[error("no such consultation or proposal")]
    NotFound,
    /// The phase this needs is not open.
    #[error("the phase for this is not open")]
    PhaseClosed,
    /// Every support the process allows is given.
    #[error("no supports left in this consultation")]
    SupportLimit,
    /// The support is there already.
    #[error("already supported")]
    AlreadySupported,
    /// There is no support to withdraw.
    #[error("not supported")]
    NotSupported,
    /// The proposal has supports or comments.
    #[error("the proposal has supports or comments")]
    Locked,
    /// The proposal is withdrawn or answered.
    #[error("the proposal is withdrawn or answered")]
    Closed,
    /// Only the author may.
    #[error("only the author may")]
    NotTheAuthor,
    /// The form has problems; what was typed is kept as a draft.
    #[error("the proposal form has problems: {0:?}")]
    Refused(Vec<ProposalProblem>),
    /// The answer's state or text is not acceptable.
    #[error("the answer is not acceptable")]
    AnswerInvalid,
    /// The catalog's index did not answer.
    #[error("the catalog did not answer: {0}")]
    Catalog(String),
    /// The database failed.
    #[error("consultation storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl ConsultError {
    /// The notice the form post redirects with.
    pub fn notice(&self) -> Notice {
        match self {
            ConsultError::NotFound | ConsultError::Catalog(_) | ConsultError::Sql(_) => {
                Notice::Unavailable
            }
            ConsultError::PhaseClosed => Notice::PhaseClosed,
            ConsultError::SupportLimit => Notice::SupportLimit,
            ConsultError::AlreadySupported => Notice::AlreadySupported,
            ConsultError::NotSupported => Notice::NotSupported,
            ConsultError::Locked => Notice::ProposalLocked,
            ConsultError::Closed => Notice::ProposalClosed,
            ConsultError::NotTheAuthor => Notice::NotTheAuthor,
            ConsultError::Refused(_) => Notice::ProposalInvalid,
            ConsultError::AnswerInvalid => Notice::AnswerInvalid,
        }
    }
}

async fn process(db: &mut sqlx::AnyConnection, slug: &str) -> Result<Process, ConsultError> {
    processes::by_slug(db, slug)
        .await?
        .ok_or(ConsultError::NotFound)
}

async fn proposal(
    db: &mut sqlx::AnyConnection,
    process: &Process,
    number: i64,
) -> Result<Proposal, ConsultError> {
    proposals::get(db, &process.id, number)
        .await?
        .filter(Proposal::is_public)
        .ok_or(ConsultError::NotFound)
}

fn open(process: &Process, kind: PhaseKind) -> Result<(), ConsultError> {
    if process.timeline.is_open(kind, Timestamp::now().as_str()) {
        Ok(())
    } else {
        Err(ConsultError::PhaseClosed)
    }
}

/// Gives (`give`) or withdraws `account`'s support of proposal `number`.
pub async fn support(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    account: &AccountId,
    give: bool,
) -> Result<(), ConsultError> {
    let mut tx = sql.begin().await?;
    let process = process(&mut tx, slug).await?;
    open(&process, PhaseKind::Supports)?;
    let proposal = proposal(&mut tx, &process, number).await?;
    if matches!(
        proposal.state,
        ProposalState::Withdrawn | ProposalState::Rejected
    ) {
        return Err(ConsultError::Closed);
    }
    if give {
        if let Some(max) = process.max_supports {
            // One transaction at a time per account checks and uses its budget.
            crate::auth::accounts::hold(&mut tx, account).await?;
            if supports::given_in(&mut tx, &process.id, account).await? >= max {
                return Err(ConsultError::SupportLimit);
            }
        }
        if !supports::add(&mut tx, &process.id, number, account).await? {
            return Err(ConsultError::AlreadySupported);
        }
        proposals::count_support(&mut tx, &process.id, number, 1).await?;
    } else {
        if !supports::remove(&mut tx, &process.id, number, account).await? {
            return Err(ConsultError::NotSupported);
        }
        proposals::count_support(&mut tx, &process.id, number, -1).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The form's content, or its problems (the form's own, the area, and
/// citations the catalog does not have), with the cited records' versions.
async fn checked(
    search: &SearchIndex,
    process: &Process,
    input: &ProposalInput,
) -> Result<(ProposalContent, Vec<Cited>), ConsultError> {
    let (content, mut problems) = match input.check() {
        Ok(content) => (Some(content), Vec::new()),
        Err(problems) => (None, problems),
    };
    let Some(content) = content else {
        return Err(ConsultError::Refused(problems));
    };
    if let (Some((lat, lon)), Some(area)) = (content.point, &process.area)
        && !area.holds(lat, lon)
    {
        problems.push(ProposalProblem::OutsideArea);
    }
    let found = search
        .documents_by_iri(content.citations.clone())
        .await
        .map_err(|e| ConsultError::Catalog(e.to_string()))?;
    let mut cited = Vec::new();
    for iri in &content.citations {
        match found.iter().find(|d| &d.iri == iri) {
            Some(doc) => cited.push(Cited {
                iri: iri.clone(),
                version: doc.version,
            }),
            None => problems.push(ProposalProblem::CitationUnknown { iri: iri.clone() }),
        }
    }
    if problems.is_empty() {
        Ok((content, cited))
    } else {
        Err(ConsultError::Refused(problems))
    }
}

/// Keeps a refused attempt, so that the form shows it again.
async fn keep_draft(
    sql: &SqlStore,
    account: &AccountId,
    process: &Process,
    target: i64,
    input: &ProposalInput,
    error: ConsultError,
) -> ConsultError {
    if let ConsultError::Refused(problems) = &error {
        let kept = async {
            let mut db = sql.conn().await?;
            form_drafts::save(
                &mut db,
                account,
                &Draft::Proposal {
                    process_id: &process.id,
                    number: target,
                },
                input,
                problems,
            )
            .await
        };
        if let Err(err) = kept.await {
            return ConsultError::Sql(err);
        }
    }
    error
}

/// Publishes `author`'s proposal in process `slug`; its number.
pub async fn publish(
    sql: &SqlStore,
    search: &SearchIndex,
    slug: &str,
    author: &AccountId,
    input: &ProposalInput,
) -> Result<i64, ConsultError> {
    let found = process(&mut *sql.conn().await?, slug).await?;
    open(&found, PhaseKind::Proposals)?;
    let (content, cited) = match checked(search, &found, input).await {
        Ok(checked) => checked,
        Err(error) => return Err(keep_draft(sql, author, &found, 0, input, error).await),
    };
    let mut tx = sql.begin().await?;
    // Again inside the transaction: the phase may have closed meanwhile.
    let process = process(&mut tx, slug).await?;
    open(&process, PhaseKind::Proposals)?;
    let number = processes::next_proposal_number(&mut tx, &process.id).await?;
    proposals::create(&mut tx, &process.id, number, author, &content).await?;
    citations::replace(&mut tx, &process.id, number, &cited).await?;
    form_drafts::discard(
        &mut tx,
        author,
        &Draft::Proposal {
            process_id: &process.id,
            number: 0,
        },
    )
    .await?;
    crate::notify::events::proposal_published(&mut tx, &process.id, number, author).await?;
    tx.commit().await?;
    Ok(number)
}

/// Whether `caller` may change `proposal` (`auth::decide` says who).
fn authored_by(proposal: &Proposal, caller: &Caller) -> Result<(), ConsultError> {
    crate::auth::decide(
        caller,
        Permission::ChangeContribution {
            author: &proposal.author,
        },
    )
    .map_err(|_| ConsultError::NotTheAuthor)
}

/// Checks that `caller` may still change `proposal`.
fn editable_by(proposal: &Proposal, caller: &Caller) -> Result<(), ConsultError> {
    authored_by(proposal, caller)?;
    if proposal.state != ProposalState::Published {
        Err(ConsultError::Closed)
    } else if proposal.supports > 0 || proposal.comments > 0 {
        Err(ConsultError::Locked)
    } else {
        Ok(())
    }
}

/// Replaces proposal `number` with `caller`'s edit: only its author, and
/// only until its first support or comment.
pub async fn edit(
    sql: &SqlStore,
    search: &SearchIndex,
    slug: &str,
    number: i64,
    caller: &Caller,
    input: &ProposalInput,
) -> Result<(), ConsultError> {
    let author = &caller
        .person()
        .ok_or(ConsultError::NotTheAuthor)?
        .account
        .id;
    let mut db = sql.conn().await?;
    let found = process(&mut db, slug).await?;
    editable_by(&proposal(&mut db, &found, number).await?, caller)?;
    drop(db);
    let (content, cited) = match checked(search, &found, input).await {
        Ok(checked) => checked,
        Err(error) => return Err(keep_draft(sql, author, &found, number, input, error).await),
    };
    let mut tx = sql.begin().await?;
    let process = process(&mut tx, slug).await?;
    // Again inside the transaction: a support may have come meanwhile.
    editable_by(&proposal(&mut tx, &process, number).await?, caller)?;
    proposals::update(&mut tx, &process.id, number, &content).await?;
    citations::replace(&mut tx, &process.id, number, &cited).await?;
    form_drafts::discard(
        &mut tx,
        author,
        &Draft::Proposal {
            process_id: &process.id,
            number,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Withdraws proposal `number`: only its author, before an answer.
pub async fn withdraw(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    caller: &Caller,
) -> Result<(), ConsultError> {
    let mut tx = sql.begin().await?;
    let process = process(&mut tx, slug).await?;
    let found = proposal(&mut tx, &process, number).await?;
    authored_by(&found, caller)?;
    if found.state != ProposalState::Published {
        return Err(ConsultError::Closed);
    }
    proposals::set_state(&mut tx, &process.id, number, ProposalState::Withdrawn).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives the official answer to proposal `number` (the caller moderates:
/// the handler asked `auth::decide`).
pub async fn answer(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    by: &AccountId,
    state: &str,
    text: &str,
) -> Result<(), ConsultError> {
    let state = ProposalState::from_code(state)
        .filter(|s| ProposalState::ANSWERS.contains(s))
        .ok_or(ConsultError::AnswerInvalid)?;
    let text = text.trim().replace("\r\n", "\n");
    if text.chars().count() > ANSWER_MAX {
        return Err(ConsultError::AnswerInvalid);
    }
    let mut tx = sql.begin().await?;
    let process = process(&mut tx, slug).await?;
    let found = proposal(&mut tx, &process, number).await?;
    if found.state == ProposalState::Withdrawn {
        return Err(ConsultError::Closed);
    }
    proposals::answer(&mut tx, &process.id, number, state, &text, by).await?;
    crate::notify::events::answered(&mut tx, &process.id, number, state, by).await?;
    tx.commit().await?;
    Ok(())
}
