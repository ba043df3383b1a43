//! The notification form posts, plain HTML forms that work without
//! JavaScript: follow or unfollow a process or proposal, mark
//! notifications read, turn the daily digest on or off, and stop it from
//! the signed link in the mail (no sign-in needed). Each redirects back
//! with `done=` or `error=`.

use app::account::Notice;
use app::consult::FollowAction;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{AccountId, Caller, Denied, Permission};
use crate::consult::processes;
use crate::consult::proposals;
use crate::http::account::back;
use crate::notify::follows::{self, Subject};
use crate::notify::{digest, inbox};
use crate::routes::Routes;
use crate::state::AppState;

/// The notifications' form posts.
pub fn routes() -> Routes {
    Routes::new()
        .post("/consultations/{slug}/follow", follow_process)
        .post(
            "/consultations/{slug}/proposals/{id}/follow",
            follow_proposal,
        )
        .post("/notifications/read", mark_read)
        .post("/notifications/digest", set_digest)
        .post("/notifications/unsubscribe", unsubscribe)
}

/// The follow form: `action` is a [`FollowAction`]'s code.
#[derive(Debug, Deserialize)]
pub struct FollowForm {
    #[serde(default)]
    action: String,
}

/// Back to `page`, saying Plaza could not do it (the cause is logged).
fn failed(err: sqlx::Error, page: &str) -> Response {
    tracing::error!("notification change failed: {err}");
    back(page, Notice::Unavailable)
}

fn not_found() -> Response {
    crate::html::form_failure(
        StatusCode::NOT_FOUND,
        app::form_failure::FormFailure::NoSuchProposal,
    )
}

/// Follows or unfollows proposal `number` (0: the process) of `slug`.
async fn set_follow(
    state: &AppState,
    account: &AccountId,
    slug: &str,
    number: i64,
    action: FollowAction,
) -> Result<bool, sqlx::Error> {
    let mut tx = state.stores.sql.begin().await?;
    let Some(process) = processes::by_slug(&mut tx, slug).await? else {
        return Ok(false);
    };
    if number > 0
        && proposals::get(&mut tx, &process.id, number)
            .await?
            .filter(proposals::Proposal::is_public)
            .is_none()
    {
        return Ok(false);
    }
    let subject = Subject {
        process_id: &process.id,
        number,
    };
    match action {
        FollowAction::Follow => {
            follows::add(&mut tx, account, subject).await?;
        }
        FollowAction::Unfollow => follows::remove(&mut tx, account, subject).await?,
    }
    tx.commit().await?;
    Ok(true)
}

async fn follow(
    state: &AppState,
    caller: &Caller,
    slug: &str,
    number: i64,
    action: &str,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let page = match number {
        0 => format!("/consultations/{slug}"),
        n => format!("/consultations/{slug}/proposals/{n}"),
    };
    let Some(action) = FollowAction::from_code(action) else {
        return Ok(back(&page, Notice::ActionUnknown));
    };
    Ok(
        match set_follow(state, &person.account.id, slug, number, action).await {
            Ok(true) => match action {
                FollowAction::Follow => back(&page, Notice::Followed),
                FollowAction::Unfollow => back(&page, Notice::Unfollowed),
            },
            Ok(false) => not_found(),
            Err(err) => failed(err, &page),
        },
    )
}

/// `POST /consultations/{slug}/follow`.
pub async fn follow_process(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(form): Form<FollowForm>,
) -> Result<Response, Denied> {
    follow(&state, &caller, &slug, 0, &form.action).await
}

/// `POST /consultations/{slug}/proposals/{id}/follow`.
pub async fn follow_proposal(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<FollowForm>,
) -> Result<Response, Denied> {
    if id <= 0 {
        return Ok(not_found());
    }
    follow(&state, &caller, &slug, id, &form.action).await
}

/// The mark-read form: one notification, or all when `id` is absent.
#[derive(Debug, Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    id: Option<String>,
    /// The page to go back to.
    #[serde(default)]
    page: Option<u32>,
}

/// `POST /notifications/read`.
pub async fn mark_read(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<ReadForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    let page = match form.page.filter(|p| *p > 1) {
        Some(p) => format!("/notifications?page={p}"),
        None => "/notifications".to_owned(),
    };
    let id = form.id.as_deref().filter(|id| !id.is_empty());
    let done = async {
        let mut db = state.stores.sql.conn().await?;
        inbox::mark_read(&mut db, &person.account.id, id).await
    };
    Ok(match done.await {
        Ok(_) => back(&page, Notice::MarkedRead),
        Err(err) => failed(err, &page),
    })
}

/// The digest form.
#[derive(Debug, Deserialize)]
pub struct DigestForm {
    /// `true` to receive it.
    daily: bool,
}

/// `POST /notifications/digest`.
pub async fn set_digest(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<DigestForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    let done = async {
        let mut db = state.stores.sql.conn().await?;
        match form.daily {
            true => digest::enable(&mut db, &person.account.id).await,
            false => digest::disable(&mut db, &person.account.id).await,
        }
    };
    Ok(match done.await {
        Ok(()) if form.daily => back("/notifications", Notice::DigestOn),
        Ok(()) => back("/notifications", Notice::DigestOff),
        Err(err) => failed(err, "/notifications"),
    })
}

/// The unsubscribe form, from the link in a digest.
#[derive(Debug, Deserialize)]
pub struct UnsubscribeForm {
    account: String,
    signature: String,
}

/// `POST /notifications/unsubscribe`: stops the digest of the account the
/// link was signed for; no sign-in needed.
pub async fn unsubscribe(
    State(state): State<AppState>,
    Form(form): Form<UnsubscribeForm>,
) -> Response {
    let page = "/notifications/unsubscribe";
    let account = AccountId::from_stored(form.account);
    let done = async {
        let mut tx = state.stores.sql.begin().await?;
        if !digest::signed(&mut tx, &account, &form.signature).await? {
            return Ok(false);
        }
        digest::disable(&mut tx, &account).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    };
    match done.await {
        Ok(true) => back(page, Notice::Unsubscribed),
        Ok(false) => back(page, Notice::UnsubscribeInvalid),
        Err(err) => failed(err, page),
    }
}
