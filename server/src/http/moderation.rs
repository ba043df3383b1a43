//! Reports and moderators' decisions as form posts: anyone signed in
//! reports a proposal or comment; moderators hide, show again or dismiss
//! from `/moderation`. Each redirects back with `done=` or `error=`.

use app::account::Notice;
use app::consult::{ItemKind, ModerationAction, ReportReason};
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission};
use crate::consult::moderation::{self, ModerationError, Reported};
use crate::consult::reports::Target;
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The moderation journey's form posts.
pub fn routes() -> Routes {
    Routes::new()
        .post("/consultations/{slug}/reports", report)
        .post("/moderation", decide)
}

fn target_of(kind: &str, target: &str) -> Option<Target> {
    Target::of(ItemKind::from_code(kind)?, target)
}

fn failed(error: ModerationError, page: &str) -> Response {
    match error {
        ModerationError::NotFound => {
            crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal)
        }
        ModerationError::Details => back(page, Notice::ReportDetails),
        ModerationError::Sql(err) => {
            tracing::error!("moderation failed: {err}");
            back(page, Notice::Unavailable)
        }
    }
}

/// The report form.
#[derive(Debug, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    target: String,
    /// The page to go back to (the proposal's or the process's).
    #[serde(default)]
    proposal: i64,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    details: String,
}

/// `POST /consultations/{slug}/reports`.
pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let page = if form.proposal > 0 {
        format!("/consultations/{slug}/proposals/{}", form.proposal)
    } else {
        format!("/consultations/{slug}")
    };
    let (Some(target), Some(reason)) = (
        target_of(&form.kind, &form.target),
        ReportReason::from_code(&form.reason),
    ) else {
        return Ok(back(&page, Notice::ReportDetails));
    };
    let done = moderation::report(
        &state.stores.sql,
        &slug,
        &target,
        &person.account,
        reason,
        &form.details,
        state.config.auto_hide_reports,
    )
    .await;
    Ok(match done {
        Ok((Reported::Already, _)) => back(&page, Notice::AlreadyReported),
        Ok((_, _)) => back(&page, Notice::Reported),
        Err(error) => failed(error, &page),
    })
}

/// A moderator's decision.
#[derive(Debug, Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    process: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    action: String,
}

/// `POST /moderation`: moderators and administrators.
pub async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<DecisionForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let (Some(target), Some(action)) = (
        target_of(&form.kind, &form.target),
        ModerationAction::from_code(&form.action),
    ) else {
        return Ok(back("/moderation", Notice::ActionUnknown));
    };
    let done = moderation::decide(
        &state.stores.sql,
        &person.account,
        &form.process,
        &target,
        action,
    )
    .await;
    Ok(match done {
        Ok(_author) => back("/moderation", Notice::Moderated),
        Err(error) => failed(error, "/moderation"),
    })
}
