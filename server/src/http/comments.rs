//! The comment form posts: write or reply, edit and delete one's own,
//! vote. Each redirects to the comment in its page (`#comment-{id}`) with
//! `done=` or `error=`; writing too fast answers 429 with a sentence.

use app::account::Notice;
use app::consult::Alignment;
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission};
use crate::consult::comments::Comment;
use crate::consult::discussion::{self, CommentError};
use crate::consult::participation::ConsultError;
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The comment form posts.
pub fn routes() -> Routes {
    Routes::new()
        .post("/consultations/{slug}/comments", write)
        .post("/consultations/{slug}/comments/{id}/edit", edit)
        .post("/consultations/{slug}/comments/{id}/delete", delete)
        .post("/consultations/{slug}/comments/{id}/vote", vote)
}

/// The page a comment is on: its proposal's, or its process's.
fn page_of(slug: &str, proposal: i64) -> String {
    if proposal > 0 {
        format!("/consultations/{slug}/proposals/{proposal}")
    } else {
        format!("/consultations/{slug}")
    }
}

/// Back to `page` with `notice`, at `anchor`.
fn back_at(page: &str, notice: Notice, anchor: &str) -> Response {
    let key = if notice.is_error() { "error" } else { "done" };
    axum::response::IntoResponse::into_response(axum::response::Redirect::to(&format!(
        "{page}?{key}={}#{anchor}",
        notice.code()
    )))
}

fn refused(error: CommentError, page: &str, anchor: &str) -> Response {
    match error {
        CommentError::TooFast => {
            crate::html::form_failure(StatusCode::TOO_MANY_REQUESTS, FormFailure::TooManyComments)
        }
        CommentError::Invalid => back_at(page, Notice::CommentInvalid, anchor),
        CommentError::TooDeep => back_at(page, Notice::CommentTooDeep, anchor),
        CommentError::Consult(ConsultError::NotFound) => {
            crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal)
        }
        CommentError::Consult(ConsultError::NotTheAuthor) => {
            crate::html::form_failure(StatusCode::FORBIDDEN, FormFailure::NotTheAuthor)
        }
        CommentError::Consult(error) => {
            if error.notice() == Notice::Unavailable {
                tracing::error!("comment failed: {error}");
            }
            back_at(page, error.notice(), anchor)
        }
    }
}

/// The comment form: on proposal `proposal` (0 or absent: the process),
/// replying to `parent` if given.
#[derive(Debug, Deserialize)]
pub struct WriteForm {
    #[serde(default)]
    proposal: i64,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    alignment: String,
}

/// `POST /consultations/{slug}/comments`.
pub async fn write(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(form): Form<WriteForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let page = page_of(&slug, form.proposal);
    let parent = form.parent.as_deref().filter(|p| !p.is_empty());
    let anchor = parent.map_or("comments".to_owned(), |p| format!("comment-{p}"));
    let done = discussion::comment(
        &state.stores.sql,
        &slug,
        form.proposal.max(0),
        parent,
        &person.account.id,
        &form.body,
        Alignment::from_code(&form.alignment).unwrap_or_default(),
    )
    .await;
    Ok(match done {
        Ok(id) => back_at(&page, Notice::CommentPosted, &format!("comment-{id}")),
        Err(error) => refused(error, &page, &anchor),
    })
}

/// The edit form.
#[derive(Debug, Deserialize)]
pub struct EditForm {
    #[serde(default)]
    body: String,
}

fn after(found: &Comment, slug: &str, notice: Notice) -> Response {
    back_at(
        &page_of(slug, found.proposal_number),
        notice,
        &format!("comment-{}", found.id),
    )
}

/// `POST /consultations/{slug}/comments/{id}/edit`: its author only.
pub async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<EditForm>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Participate)?;
    Ok(
        match discussion::edit(&state.stores.sql, &slug, &id, &caller, &form.body).await {
            Ok(found) => after(&found, &slug, Notice::CommentSaved),
            Err(error) => refused(error, &format!("/consultations/{slug}"), "comments"),
        },
    )
}

/// `POST /consultations/{slug}/comments/{id}/delete`: its author only.
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Participate)?;
    Ok(
        match discussion::delete(&state.stores.sql, &slug, &id, &caller).await {
            Ok(found) => after(&found, &slug, Notice::CommentDeleted),
            Err(error) => refused(error, &format!("/consultations/{slug}"), "comments"),
        },
    )
}

/// The vote form: `vote` is `up`, `down` or `none`.
#[derive(Debug, Deserialize)]
pub struct VoteForm {
    #[serde(default)]
    vote: String,
}

/// `POST /consultations/{slug}/comments/{id}/vote`.
pub async fn vote(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<VoteForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let value = match form.vote.as_str() {
        "up" => 1,
        "down" => -1,
        "none" => 0,
        _ => {
            return Ok(back(
                &format!("/consultations/{slug}"),
                Notice::ActionUnknown,
            ));
        }
    };
    Ok(
        match discussion::vote(&state.stores.sql, &slug, &id, &person.account.id, value).await {
            Ok(found) => after(&found, &slug, Notice::Voted),
            Err(error) => refused(error, &format!("/consultations/{slug}"), "comments"),
        },
    )
}
