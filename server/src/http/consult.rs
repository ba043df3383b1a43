//! The consultation form posts, plain HTML forms that work without
//! JavaScript: publish, edit and withdraw a proposal, support it or
//! withdraw the support, and the official answer. Each states the
//! permission it needs, runs one use case of `consult::participation` and
//! redirects to the page, with `error=` or `done=`. A refused proposal
//! form keeps what was typed as a draft, which the form shows again.

use app::account::Notice;
use app::consult::{ProposalInput, SupportAction};
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission};
use crate::consult::participation::{self, ConsultError};
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The consult journey's form posts.
pub fn routes() -> Routes {
    Routes::new()
        .post("/consultations/{slug}/proposals", publish)
        .post("/consultations/{slug}/proposals/{id}", edit)
        .post("/consultations/{slug}/proposals/{id}/withdraw", withdraw)
        .post("/consultations/{slug}/proposals/{id}/support", support)
        .post("/consultations/{slug}/proposals/{id}/answer", answer)
}

fn proposal_page(slug: &str, id: i64) -> String {
    format!("/consultations/{slug}/proposals/{id}")
}

/// The answer to a refused or failed change: nothing was changed.
fn refused(error: ConsultError, page: &str) -> Response {
    match error {
        ConsultError::NotFound => {
            crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal)
        }
        ConsultError::NotTheAuthor => {
            crate::html::form_failure(StatusCode::FORBIDDEN, FormFailure::NotTheAuthor)
        }
        error => {
            if error.notice() == Notice::Unavailable {
                tracing::error!("consultation change failed: {error}");
            }
            back(page, error.notice())
        }
    }
}

/// `POST /consultations/{slug}/proposals`: a new proposal.
pub async fn publish(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(input): Form<ProposalInput>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let done = participation::publish(
        &state.stores.sql,
        &state.catalog.search,
        &slug,
        &person.account.id,
        &input,
    )
    .await;
    Ok(match done {
        Ok(number) => {
            tracing::info!(consultation = %slug, proposal = number, "proposal published");
            back(&proposal_page(&slug, number), Notice::ProposalPublished)
        }
        Err(error) => refused(error, &format!("/consultations/{slug}/new")),
    })
}

/// `POST /consultations/{slug}/proposals/{id}`: its author's edit.
pub async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<ProposalInput>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Participate)?;
    let done = participation::edit(
        &state.stores.sql,
        &state.catalog.search,
        &slug,
        id,
        &caller,
        &input,
    )
    .await;
    Ok(match done {
        Ok(()) => back(&proposal_page(&slug, id), Notice::ProposalSaved),
        Err(error @ ConsultError::Refused(_)) => {
            refused(error, &format!("{}/edit", proposal_page(&slug, id)))
        }
        Err(error) => refused(error, &proposal_page(&slug, id)),
    })
}

/// `POST /consultations/{slug}/proposals/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, i64)>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Participate)?;
    Ok(
        match participation::withdraw(&state.stores.sql, &slug, id, &caller).await {
            Ok(()) => back(&proposal_page(&slug, id), Notice::ProposalWithdrawn),
            Err(error) => refused(error, &proposal_page(&slug, id)),
        },
    )
}

/// The support form: `action` is a [`SupportAction`]'s code.
#[derive(Debug, Deserialize)]
pub struct SupportForm {
    #[serde(default)]
    action: String,
}

/// `POST /consultations/{slug}/proposals/{id}/support`.
pub async fn support(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<SupportForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let page = proposal_page(&slug, id);
    let give = match SupportAction::from_code(&form.action) {
        Some(SupportAction::Support) => true,
        Some(SupportAction::Withdraw) => false,
        None => return Ok(back(&page, Notice::ActionUnknown)),
    };
    Ok(
        match participation::support(&state.stores.sql, &slug, id, &person.account.id, give).await {
            Ok(()) if give => back(&page, Notice::Supported),
            Ok(()) => back(&page, Notice::SupportWithdrawn),
            Err(error) => refused(error, &page),
        },
    )
}

/// The official answer form.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    state: String,
    #[serde(default)]
    answer: String,
}

/// `POST /consultations/{slug}/proposals/{id}/answer`: moderators and
/// administrators.
pub async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let page = proposal_page(&slug, id);
    let done = participation::answer(
        &state.stores.sql,
        &slug,
        id,
        &person.account.id,
        &form.state,
        &form.answer,
    )
    .await;
    Ok(match done {
        Ok(()) => back(&page, Notice::AnswerSaved),
        Err(error) => refused(error, &page),
    })
}
