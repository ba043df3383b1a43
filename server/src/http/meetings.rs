//! The meetings' addresses: a citizen's registration (register, cancel),
//! the calendar files (one per meeting, one feed per process), and the
//! meeting and minutes forms (moderators and administrators). Each post
//! redirects back with `done=` or `error=`.

use app::account::Notice;
use app::consult::meeting::{MeetingInput, MinutesInput, RegistrationAction};
use app::form_failure::FormFailure;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::auth::{Caller, Denied, Permission};
use crate::consult::attending::{self, AttendError, Attendance};
use crate::consult::calendar::{self, Event};
use crate::consult::meeting_admin::{self, MeetingAdminError};
use crate::consult::{meetings, processes};
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;
use crate::store::Timestamp;

/// The meetings' addresses.
pub fn routes() -> Routes {
    Routes::new()
        .post(
            "/consultations/{slug}/meetings/{number}/registration",
            registration,
        )
        .get(
            "/consultations/{slug}/meetings/{number}/calendar.ics",
            meeting_calendar,
        )
        .get("/consultations/{slug}/meetings.ics", process_calendar)
        .post("/moderation/consultations/{slug}/meetings", create)
        .post("/moderation/consultations/{slug}/meetings/{number}", edit)
        .post(
            "/moderation/consultations/{slug}/meetings/{number}/minutes",
            minutes,
        )
}

fn meeting_page(slug: &str, number: i64) -> String {
    format!("/consultations/{slug}/meetings/{number}")
}

fn not_found() -> Response {
    crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchMeeting)
}

/// The registration form: which button.
#[derive(Debug, Deserialize)]
pub struct RegistrationForm {
    #[serde(default)]
    action: String,
}

/// `POST /consultations/{slug}/meetings/{number}/registration`: register
/// (a seat, or the waiting list when full) or cancel.
pub async fn registration(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(form): Form<RegistrationForm>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Participate)?;
    let page = format!("{}#registration", meeting_page(&slug, number));
    let sql = &state.stores.sql;
    let me = &person.account.id;
    let done = match RegistrationAction::from_code(&form.action) {
        Some(RegistrationAction::Register) => attending::register(sql, &slug, number, me).await,
        Some(RegistrationAction::Cancel) => attending::cancel(sql, &slug, number, me).await,
        None => return Ok(back(&page, Notice::ActionUnknown)),
    };
    Ok(match done {
        Ok(Attendance::Registered) => back(&page, Notice::MeetingRegistered),
        Ok(Attendance::Waiting) => back(&page, Notice::MeetingWaitlisted),
        Ok(Attendance::Cancelled) => back(&page, Notice::RegistrationCancelled),
        Err(AttendError::NotFound) => not_found(),
        Err(AttendError::Closed) => back(&page, Notice::RegistrationClosed),
        Err(AttendError::Sql(err)) => {
            tracing::error!("a meeting registration failed: {err}");
            back(&page, Notice::Unavailable)
        }
    })
}

/// The site's host, for calendar UIDs.
fn host(state: &AppState) -> String {
    let url = state.config.public_url.as_str();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest).to_owned()
}

fn ics(body: String, filename: &str, disposition: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `GET /consultations/{slug}/meetings/{number}/calendar.ics`: one
/// meeting as an iCalendar file.
pub async fn meeting_calendar(
    State(state): State<AppState>,
    Path((slug, number)): Path<(String, i64)>,
) -> Response {
    let read = async {
        let mut db = state.stores.sql.conn().await?;
        let Some(process) = processes::by_slug(&mut db, &slug).await? else {
            return Ok::<_, sqlx::Error>(None);
        };
        let meeting = meetings::get(&mut db, &process.id, number).await?;
        Ok(meeting.map(|m| (process, m)))
    };
    match read.await {
        Ok(Some((process, meeting))) => {
            let host = host(&state);
            let event = Event {
                meeting: &meeting,
                url: format!(
                    "{}{}",
                    state.config.public_url.as_str(),
                    meeting_page(&slug, number)
                ),
                process_title: &process.title,
                host: &host,
            };
            let body = calendar::calendar(&process.title, &[event], Timestamp::now().as_str());
            ics(body, &format!("{slug}-meeting-{number}.ics"), "attachment")
        }
        Ok(None) => not_found(),
        Err(err) => {
            tracing::error!("a meeting's calendar failed: {err}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// `GET /consultations/{slug}/meetings.ics`: every meeting of the process,
/// a feed a calendar can subscribe to.
pub async fn process_calendar(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let read = async {
        let mut db = state.stores.sql.conn().await?;
        let Some(process) = processes::by_slug(&mut db, &slug).await? else {
            return Ok::<_, sqlx::Error>(None);
        };
        let all = meetings::of_process(&mut db, &process.id).await?;
        Ok(Some((process, all)))
    };
    match read.await {
        Ok(Some((process, all))) => {
            let host = host(&state);
            let base = state.config.public_url.as_str();
            let events: Vec<Event<'_>> = all
                .iter()
                .map(|meeting| Event {
                    meeting,
                    url: format!("{base}{}", meeting_page(&slug, meeting.number)),
                    process_title: &process.title,
                    host: &host,
                })
                .collect();
            let body = calendar::calendar(&process.title, &events, Timestamp::now().as_str());
            ics(body, &format!("{slug}-meetings.ics"), "inline")
        }
        Ok(None) => not_found(),
        Err(err) => {
            tracing::error!("a process's calendar failed: {err}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn save(
    state: &AppState,
    caller: &Caller,
    slug: &str,
    number: Option<i64>,
    input: &MeetingInput,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let form = match number {
        Some(n) => format!("/moderation/consultations/{slug}/meetings/{n}/edit"),
        None => format!("/moderation/consultations/{slug}/meetings/new"),
    };
    Ok(
        match meeting_admin::save(&state.stores.sql, &person.account, slug, number, input).await {
            Ok(saved) => back(&meeting_page(slug, saved), Notice::MeetingSaved),
            Err(MeetingAdminError::NotFound) => not_found(),
            Err(MeetingAdminError::Refused(_) | MeetingAdminError::MinutesRefused(_)) => {
                back(&form, Notice::MeetingInvalid)
            }
            Err(MeetingAdminError::Sql(err)) => {
                tracing::error!("the meeting form failed: {err}");
                back(&form, Notice::Unavailable)
            }
        },
    )
}

/// `POST /moderation/consultations/{slug}/meetings`: a new meeting.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    Form(input): Form<MeetingInput>,
) -> Result<Response, Denied> {
    save(&state, &caller, &slug, None, &input).await
}

/// `POST /moderation/consultations/{slug}/meetings/{number}`: an edit.
pub async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(input): Form<MeetingInput>,
) -> Result<Response, Denied> {
    save(&state, &caller, &slug, Some(number), &input).await
}

/// `POST /moderation/consultations/{slug}/meetings/{number}/minutes`: the
/// minutes, attendance and outcomes, once the meeting has begun.
pub async fn minutes(
    State(state): State<AppState>,
    caller: Caller,
    Path((slug, number)): Path<(String, i64)>,
    Form(input): Form<MinutesInput>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let form = format!("/moderation/consultations/{slug}/meetings/{number}/edit#minutes");
    let sql = &state.stores.sql;
    Ok(
        match meeting_admin::write_minutes(sql, &person.account, &slug, number, &input).await {
            Ok(()) => back(
                &format!("{}#minutes", meeting_page(&slug, number)),
                Notice::MinutesSaved,
            ),
            Err(MeetingAdminError::NotFound) => not_found(),
            Err(MeetingAdminError::Refused(_) | MeetingAdminError::MinutesRefused(_)) => {
                back(&form, Notice::MinutesInvalid)
            }
            Err(MeetingAdminError::Sql(err)) => {
                tracing::error!("the minutes form failed: {err}");
                back(&form, Notice::Unavailable)
            }
        },
    )
}
