//! The surveys' form posts: a citizen's answers, the builder's posts
//! (moderators and administrators), publishing a free-text answer with the
//! results, and the responses download (administrators). Each post
//! redirects back with `done=` or `error=`.

use app::account::Notice;
use app::consult::survey::{AnswerRow, QuestionKind, SurveyDefinition};
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission};
use crate::consult::survey_admin::{self, Built, SurveyAdminError};
use crate::consult::survey_responses;
use crate::consult::surveying::{self, SurveyError};
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The surveys' posts and the responses download.
pub fn routes() -> Routes {
    Routes::new()
        .post("/consultations/{slug}/surveys/{number}", answer)
        .post("/moderation/consultations/{slug}/surveys", create)
        .post("/moderation/consultations/{slug}/surveys/{number}", edit)
        .post(
            "/moderation/consultations/{slug}/surveys/{number}/texts",
            publish_text,
        )
        .get(
            "/moderation/consultations/{slug}/surveys/{number}/responses.csv",
            responses_csv,
        )
}

fn survey_page(slug: &str, number: i64) -> String {
    format!("/consultations/{slug}/surveys/{number}")
}

fn not_found() -> Response {
    crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchSurvey)
}

/// `POST /consultations/{slug}/surveys/{number}`: a citizen's answers.
pub async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(posted): Form<Vec<(String, String)>>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    // A quick poll is answered on its process's page, and goes back there.
    let page = if posted.iter().any(|(n, v)| n == "return" && v == "process") {
        format!("/consultations/{slug}#poll-{number}")
    } else {
        survey_page(&slug, number)
    };
    Ok(
        match surveying::answer(
            &state.stores.sql,
            &slug,
            number,
            &person.account.id,
            &posted,
        )
        .await
        {
            Ok(()) => back(&page, Notice::SurveyAnswered),
            Err(SurveyError::NotFound) => not_found(),
            Err(SurveyError::Sql(err)) => {
                tracing::error!("a survey response failed: {err}");
                back(&page, Notice::Unavailable)
            }
            Err(error) => back(&page, error.notice()),
        },
    )
}

async fn build(
    state: &AppState,
    caller: &Caller,
    slug: &str,
    number: Option<i64>,
    posted: &[(String, String)],
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let form = match number {
        Some(n) => format!("/moderation/consultations/{slug}/surveys/{n}/edit"),
        None => format!("/moderation/consultations/{slug}/surveys/new"),
    };
    Ok(
        match survey_admin::build(&state.stores.sql, &person.account, slug, number, posted).await {
            Ok(Built::Saved(n)) => back(&survey_page(slug, n), Notice::SurveySaved),
            Ok(Built::Edited) => {
                axum::response::Redirect::to(&format!("{form}#questions")).into_response()
            }
            Err(SurveyAdminError::NotFound) => not_found(),
            Err(SurveyAdminError::UnknownAction) => back(&form, Notice::ActionUnknown),
            Err(SurveyAdminError::Refused(_)) => back(&form, Notice::SurveyDefinitionInvalid),
            Err(SurveyAdminError::Sql(err)) => {
                tracing::error!("the survey builder failed: {err}");
                back(&form, Notice::Unavailable)
            }
        },
    )
}

/// `POST /moderation/consultations/{slug}/surveys`: a new survey.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(posted): Form<Vec<(String, String)>>,
) -> Result<Response, Denied> {
    build(&state, &caller, &slug, None, &posted).await
}

/// `POST /moderation/consultations/{slug}/surveys/{number}`: an edit.
pub async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(posted): Form<Vec<(String, String)>>,
) -> Result<Response, Denied> {
    build(&state, &caller, &slug, Some(number), &posted).await
}

/// The publish form: which answer, and whether to show it.
#[derive(Debug, Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    response: String,
    #[serde(default)]
    question: u32,
    #[serde(default)]
    publish: bool,
}

/// `POST /moderation/consultations/{slug}/surveys/{number}/texts`: an
/// administrator publishes a free-text answer with the results, or stops.
pub async fn publish_text(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(form): Form<PublishForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Administer)?;
    let page = format!("{}#results", survey_page(&slug, number));
    let done = async {
        let mut tx = state.stores.sql.begin().await?;
        let Some((process, _)) = surveying::find(&mut tx, &slug, number).await? else {
            return Ok::<_, sqlx::Error>(false);
        };
        let changed = survey_responses::set_published(
            &mut tx,
            &process.id,
            number,
            &form.response,
            form.question,
            form.publish,
        )
        .await?;
        if changed {
            let action = if form.publish {
                "survey.publish_text"
            } else {
                "survey.withdraw_text"
            };
            let detail = format!(
                "Question {} of response {}.",
                form.question + 1,
                form.response
            );
            crate::auth::audit::record(
                &mut tx,
                Some(&person.account),
                action,
                &format!("{slug}/surveys/{number}"),
                &detail,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(changed)
    };
    Ok(match done.await {
        Ok(true) => back(&page, Notice::TextPublished),
        Ok(false) => not_found(),
        Err(err) => {
            tracing::error!("publishing a survey answer failed: {err}");
            back(&page, Notice::Unavailable)
        }
    })
}

/// One CSV row per answer row: the response's random id, when it was
/// given, the question (from 1), its type, the matrix row, the option or
/// point (with its label), the rank and the text. No account, no email.
fn csv_of(
    definition: &SurveyDefinition,
    rows: &[survey_responses::ExportRow],
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    out.write_record([
        "response",
        "answered",
        "question",
        "type",
        "row",
        "choice",
        "choice_label",
        "rank",
        "text",
    ])?;
    let questions: Vec<_> = definition.questions().map(|(_, q)| q).collect();
    for row in rows {
        let AnswerRow {
            question,
            row: matrix_row,
            choice,
            rank,
            text,
        } = &row.answer;
        let Some(q) = questions.get(*question as usize) else {
            continue;
        };
        let (row_label, choice_label) = match &q.kind {
            QuestionKind::Single { options }
            | QuestionKind::Multiple { options, .. }
            | QuestionKind::Ranking { options } => (
                String::new(),
                options.get(*choice as usize).cloned().unwrap_or_default(),
            ),
            QuestionKind::Matrix { rows, .. } => (
                rows.get(*matrix_row as usize).cloned().unwrap_or_default(),
                choice.to_string(),
            ),
            QuestionKind::Scale { .. } => (String::new(), choice.to_string()),
            QuestionKind::Text { .. } => (String::new(), String::new()),
        };
        let is_text = matches!(q.kind, QuestionKind::Text { .. });
        let number = (question + 1).to_string();
        let choice = if is_text {
            String::new()
        } else {
            choice.to_string()
        };
        let rank = rank.map(|r| r.to_string()).unwrap_or_default();
        out.write_record([
            row.response.as_str(),
            row.created_at.as_str(),
            number.as_str(),
            q.kind.question_type().code(),
            row_label.as_str(),
            choice.as_str(),
            choice_label.as_str(),
            rank.as_str(),
            text.as_deref().unwrap_or_default(),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// `GET /moderation/consultations/{slug}/surveys/{number}/responses.csv`:
/// every response, pseudonymous (administrators).
pub async fn responses_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Administer)?;
    let read = async {
        let mut db = state.stores.sql.conn().await?;
        let Some((process, survey)) = surveying::find(&mut db, &slug, number).await? else {
            return Ok::<_, sqlx::Error>(None);
        };
        let rows = survey_responses::export(&mut db, &process.id, number).await?;
        Ok(Some((survey, rows)))
    };
    Ok(match read.await {
        Ok(Some((survey, rows))) => match csv_of(&survey.content.definition, &rows) {
            Ok(bytes) => (
                [
                    (
                        header::CONTENT_TYPE,
                        "text/csv; charset=utf-8; header=present".to_owned(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{slug}-survey-{number}-responses.csv\""),
                    ),
                    (header::CACHE_CONTROL, "private, no-store".to_owned()),
                ],
                bytes,
            )
                .into_response(),
            Err(err) => {
                tracing::error!("the responses download failed: {err}");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            }
        },
        Ok(None) => not_found(),
        Err(err) => {
            tracing::error!("the responses download failed: {err}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    })
}
