//! Comments as use cases, each one transaction: write (or reply), edit and
//! delete one's own, vote. The checks (comments open, the proposal public,
//! the depth, the author, the posting limit) run in the transaction of the
//! change.

use app::consult::{Alignment, COMMENT_MAX, MAX_DEPTH};

use crate::auth::{AccountId, Caller, Permission};
use crate::consult::comments::{self, Comment, NewComment};
use crate::consult::participation::ConsultError;
use crate::consult::processes::{self, Process};
use crate::consult::{comment_votes, proposals};
use crate::store::{SqlStore, Timestamp};

/// Comments one account may write in a minute.
pub const COMMENTS_PER_MINUTE: i64 = 10;

/// Why a comment was refused, besides what `ConsultError` says.
#[derive(Debug, thiserror::Error)]
pub enum CommentError {
    /// Refused for a reason a proposal change can have too.
    #[error(transparent)]
    Consult(#[from] ConsultError),
    /// Empty, or longer than [`COMMENT_MAX`].
    #[error("a comment has 1 to 5,000 characters")]
    Invalid,
    /// A reply to a reply of a reply.
    #[error("replies go three levels deep at most")]
    TooDeep,
    /// More than [`COMMENTS_PER_MINUTE`] in the last minute.
    #[error("too many comments in a minute")]
    TooFast,
}

impl From<sqlx::Error> for CommentError {
    fn from(err: sqlx::Error) -> Self {
        CommentError::Consult(ConsultError::Sql(err))
    }
}

fn checked_body(body: &str) -> Result<String, CommentError> {
    let body = body.trim().replace("\r\n", "\n");
    let chars = body.chars().count();
    if chars == 0 || chars > COMMENT_MAX {
        Err(CommentError::Invalid)
    } else {
        Ok(body)
    }
}

/// The process `slug` and, for `number` > 0, checks its proposal is public.
async fn place(
    db: &mut sqlx::AnyConnection,
    slug: &str,
    number: i64,
) -> Result<Process, CommentError> {
    let process = processes::by_slug(db, slug)
        .await?
        .ok_or(ConsultError::NotFound)?;
    if number > 0 {
        proposals::get(db, &process.id, number)
            .await?
            .filter(proposals::Proposal::is_public)
            .ok_or(ConsultError::NotFound)?;
    }
    Ok(process)
}

/// Writes `author`'s comment on proposal `number` of `slug` (0: on the
/// process), replying to `parent` if given; its id.
pub async fn comment(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    parent: Option<&str>,
    author: &AccountId,
    body: &str,
    alignment: Alignment,
) -> Result<String, CommentError> {
    let body = checked_body(body)?;
    let mut tx = sql.begin().await?;
    let process = place(&mut tx, slug, number).await?;
    if !process.timeline.comments_open(Timestamp::now().as_str()) {
        return Err(ConsultError::PhaseClosed.into());
    }
    let parent = match parent {
        Some(id) => {
            let parent = comments::get(&mut tx, id)
                .await?
                .filter(|c| {
                    c.process_id == process.id && c.proposal_number == number && c.is_public()
                })
                .ok_or(ConsultError::NotFound)?;
            if parent.depth >= MAX_DEPTH {
                return Err(CommentError::TooDeep);
            }
            Some(parent)
        }
        None => None,
    };
    // One transaction at a time per account counts its recent comments.
    crate::auth::accounts::hold(&mut tx, author).await?;
    let minute_ago = Timestamp::from_unix(
        Timestamp::now()
            .unix_seconds()
            .unwrap_or_default()
            .saturating_sub(60),
    );
    if comments::written_since(&mut tx, author, &minute_ago).await? >= COMMENTS_PER_MINUTE {
        return Err(CommentError::TooFast);
    }
    let id = comments::create(
        &mut tx,
        &NewComment {
            process_id: &process.id,
            proposal_number: number,
            parent: parent.as_ref(),
            author,
            body: &body,
            alignment,
        },
    )
    .await?;
    if number > 0 {
        proposals::count_comment(&mut tx, &process.id, number, 1).await?;
    }
    let parent_author = parent.as_ref().map(|p| &p.author);
    crate::notify::events::commented(&mut tx, &process.id, number, &id, author, parent_author)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// The comment `id` in process `slug`, if `caller` wrote it.
async fn own(
    db: &mut sqlx::AnyConnection,
    slug: &str,
    id: &str,
    caller: &Caller,
) -> Result<(Process, Comment), CommentError> {
    let process = processes::by_slug(db, slug)
        .await?
        .ok_or(ConsultError::NotFound)?;
    let found = comments::get(db, id)
        .await?
        .filter(|c| c.process_id == process.id && c.deleted_at.is_none() && !c.erased)
        .ok_or(ConsultError::NotFound)?;
    crate::auth::decide(
        caller,
        Permission::ChangeContribution {
            author: &found.author,
        },
    )
    .map_err(|_| ConsultError::NotTheAuthor)?;
    Ok((process, found))
}

/// Replaces the text of `caller`'s comment `id` (shown as edited).
pub async fn edit(
    sql: &SqlStore,
    slug: &str,
    id: &str,
    caller: &Caller,
    body: &str,
) -> Result<Comment, CommentError> {
    let body = checked_body(body)?;
    let mut tx = sql.begin().await?;
    let (_, found) = own(&mut tx, slug, id, caller).await?;
    comments::edit(&mut tx, id, &body).await?;
    tx.commit().await?;
    Ok(found)
}

/// Deletes the text of `caller`'s comment `id`; its replies stay.
pub async fn delete(
    sql: &SqlStore,
    slug: &str,
    id: &str,
    caller: &Caller,
) -> Result<Comment, CommentError> {
    let mut tx = sql.begin().await?;
    let (process, found) = own(&mut tx, slug, id, caller).await?;
    comments::delete(&mut tx, id).await?;
    if found.proposal_number > 0 && found.counts() {
        proposals::count_comment(&mut tx, &process.id, found.proposal_number, -1).await?;
    }
    tx.commit().await?;
    Ok(found)
}

/// Sets `voter`'s vote on comment `id`: 1 up, -1 down, 0 none.
pub async fn vote(
    sql: &SqlStore,
    slug: &str,
    id: &str,
    voter: &AccountId,
    vote: i64,
) -> Result<Comment, CommentError> {
    let vote = vote.clamp(-1, 1);
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(ConsultError::NotFound)?;
    let found = comments::get(&mut tx, id)
        .await?
        .filter(|c| c.process_id == process.id && c.counts())
        .ok_or(ConsultError::NotFound)?;
    if !process.timeline.comments_open(Timestamp::now().as_str()) {
        return Err(ConsultError::PhaseClosed.into());
    }
    // One vote change at a time per account: the old vote read here is
    // the one replaced.
    crate::auth::accounts::hold(&mut tx, voter).await?;
    let old = comment_votes::vote_of(&mut tx, id, voter).await?;
    if old != vote {
        comment_votes::set(&mut tx, id, voter, vote).await?;
        let up = i64::from(vote == 1) - i64::from(old == 1);
        let down = i64::from(vote == -1) - i64::from(old == -1);
        comments::count_votes(&mut tx, id, up, down).await?;
    }
    tx.commit().await?;
    Ok(found)
}
