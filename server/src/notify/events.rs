//! Who is told what: each function runs inside the transaction of the
//! change it tells about (a proposal published, a comment written, an
//! answer given, a moderator's decision), so a notification exists exactly
//! when its change does. Nobody is told about what they did themselves.

use app::account::NotificationEvent;
use app::consult::ProposalState;
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::notify::follows::{self, Subject};
use crate::notify::inbox::{self, About};

/// Tells everyone in `to` but `actor`, once each.
async fn tell(
    db: &mut AnyConnection,
    to: Vec<AccountId>,
    actor: Option<&AccountId>,
    event: NotificationEvent,
    about: About<'_>,
) -> Result<(), sqlx::Error> {
    let mut told: Vec<AccountId> = Vec::with_capacity(to.len());
    for account in to {
        if Some(&account) == actor || told.contains(&account) {
            continue;
        }
        inbox::add(db, &account, event, about).await?;
        told.push(account);
    }
    Ok(())
}

/// `author` published proposal `number`: they follow it from now on, and
/// the process's followers are told.
pub async fn proposal_published(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    author: &AccountId,
) -> Result<(), sqlx::Error> {
    follows::add(db, author, Subject { process_id, number }).await?;
    let followers = follows::followers(
        db,
        Subject {
            process_id,
            number: 0,
        },
    )
    .await?;
    let about = About {
        process_id,
        number,
        comment_id: None,
    };
    tell(
        db,
        followers,
        Some(author),
        NotificationEvent::NewProposal,
        about,
    )
    .await
}

/// `author` wrote comment `comment_id` on proposal `number` (0: on the
/// process), replying to `parent_author`'s comment if given. The parent's
/// author is told of a reply; the followers of the proposal of a comment;
/// the commenter follows what they commented on.
pub async fn commented(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    comment_id: &str,
    author: &AccountId,
    parent_author: Option<&AccountId>,
) -> Result<(), sqlx::Error> {
    let subject = Subject { process_id, number };
    let about = About {
        process_id,
        number,
        comment_id: Some(comment_id),
    };
    let mut followers = follows::followers(db, subject).await?;
    if let Some(parent_author) = parent_author.filter(|p| *p != author) {
        inbox::add(db, parent_author, NotificationEvent::Reply, about).await?;
        followers.retain(|f| f != parent_author);
    }
    tell(
        db,
        followers,
        Some(author),
        NotificationEvent::Comment,
        about,
    )
    .await?;
    follows::add(db, author, subject).await?;
    Ok(())
}

/// Proposal `number` got an official answer setting `state`: its
/// followers (its author among them) are told.
pub async fn answered(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    state: ProposalState,
    by: &AccountId,
) -> Result<(), sqlx::Error> {
    let followers = follows::followers(db, Subject { process_id, number }).await?;
    let about = About {
        process_id,
        number,
        comment_id: None,
    };
    tell(
        db,
        followers,
        Some(by),
        NotificationEvent::Answered(state),
        about,
    )
    .await
}

/// What moderators decided about an author's proposal or comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Hidden (by a moderator, or by reports pending review).
    Hidden,
    /// Shown again.
    Unhidden,
    /// Reports read, item kept.
    Dismissed,
}

/// Tells `author` of a moderation `decision` on their proposal `number`
/// or their comment `comment_id`.
pub async fn moderated(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    comment_id: Option<&str>,
    author: &AccountId,
    decision: Decision,
) -> Result<(), sqlx::Error> {
    let event = match decision {
        Decision::Hidden => NotificationEvent::Hidden,
        Decision::Unhidden => NotificationEvent::Unhidden,
        Decision::Dismissed => NotificationEvent::ReportsDismissed,
    };
    let about = About {
        process_id,
        number,
        comment_id,
    };
    inbox::add(db, author, event, about).await
}
