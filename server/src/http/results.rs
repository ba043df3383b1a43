//! The results' form post: the city's summary of a process (moderators
//! and administrators), after which the results dataset is published
//! again if the process is in its results phase.

use app::account::Notice;
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission, audit};
use crate::consult::results_dataset::Publisher;
use crate::consult::{processes, results};
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// Longest summary.
const SUMMARY_MAX: usize = 20_000;

/// The results' post.
pub fn routes() -> Routes {
    Routes::new().post("/moderation/consultations/{slug}/results", summary)
}

/// The publisher of `state`'s results datasets.
pub fn publisher(state: &AppState) -> Publisher {
    Publisher {
        sql: state.stores.sql.clone(),
        importer: state.catalog.importer.clone(),
        base_url: state.config.public_url.as_str().to_owned(),
        licence: state.config.results_licence.clone(),
    }
}

/// The summary form.
#[derive(Debug, Deserialize)]
pub struct SummaryForm {
    #[serde(default)]
    summary: String,
}

/// `POST /moderation/consultations/{slug}/results`: the city's summary.
pub async fn summary(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(form): Form<SummaryForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let page = format!("/consultations/{slug}/results#summary");
    let text = form.summary.trim().replace("\r\n", "\n");
    if text.chars().count() > SUMMARY_MAX {
        return Ok(back(&page, Notice::ProcessInvalid));
    }
    let saved = async {
        let mut tx = state.stores.sql.begin().await?;
        let Some(process) = processes::by_slug(&mut tx, &slug).await? else {
            return Ok::<_, sqlx::Error>(None);
        };
        results::set_summary(&mut tx, &process.id, &text).await?;
        audit::record(
            &mut tx,
            Some(&person.account),
            "results.summary",
            &slug,
            &format!("Summary of {} characters.", text.chars().count()),
        )
        .await?;
        tx.commit().await?;
        Ok(Some(process))
    };
    Ok(match saved.await {
        Ok(Some(process)) => {
            if let Err(err) = publisher(&state).publish(&process).await {
                tracing::warn!("the results of {slug} were not published: {err}");
            }
            back(&page, Notice::ResultsSaved)
        }
        Ok(None) => crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal),
        Err(err) => {
            tracing::error!("saving a results summary failed: {err}");
            back(&page, Notice::Unavailable)
        }
    })
}
