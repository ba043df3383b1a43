//! What the meeting pages show: a meeting with the reader's registration,
//! and the meeting form with its minutes form (moderators), each showing a
//! refused attempt again with its problems.

use app::consult::GeoPoint;
use app::consult::meeting::{
    MeetingFormView, MeetingInput, MeetingOutcome, MeetingProblem, MeetingSummary, MeetingView,
    MinutesForm, MinutesInput, MinutesProblem, Registration, RegistrationStatus,
};
use app::services::ServiceError;
use sqlx::AnyConnection;

use crate::auth::{Caller, Permission};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::markdown::{Flavour, render};
use crate::consult::meeting_registrations as registrations;
use crate::consult::meetings::{self, Meeting};
use crate::consult::views::header;
use crate::consult::{meeting_outcomes, meeting_time, processes};
use crate::store::{SqlStore, Timestamp};

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

/// `meeting` as lists show it at `now`.
pub fn summary(meeting: &Meeting, now: &str) -> MeetingSummary {
    let c = &meeting.content;
    let (local_date, local_start, utc_offset) = meeting_time::local(&c.starts_at, &c.time_zone);
    let (_, local_end, _) = meeting_time::local(&c.ends_at, &c.time_zone);
    MeetingSummary {
        number: meeting.number,
        title: c.title.clone(),
        format: c.format,
        starts_at: c.starts_at.clone(),
        ends_at: c.ends_at.clone(),
        time_zone: c.time_zone.clone(),
        local_date,
        local_start,
        local_end,
        utc_offset,
        address: c.address.clone(),
        capacity: c.capacity,
        registered: meeting.registered,
        waiting: meeting.waiting,
        held: meeting.is_over(now),
        has_minutes: meeting.minutes.is_some(),
    }
}

/// The form's fields for a stored meeting.
fn input_of(meeting: &Meeting) -> MeetingInput {
    let c = &meeting.content;
    let (date, start, _) = meeting_time::local(&c.starts_at, &c.time_zone);
    let (_, end, _) = meeting_time::local(&c.ends_at, &c.time_zone);
    MeetingInput {
        title: c.title.clone(),
        format: c.format.code().to_owned(),
        date,
        start,
        end,
        time_zone: c.time_zone.clone(),
        address: c.address.clone().unwrap_or_default(),
        latitude: c.point.map(|p| p.0.to_string()).unwrap_or_default(),
        longitude: c.point.map(|p| p.1.to_string()).unwrap_or_default(),
        online_url: c.online_url.clone().unwrap_or_default(),
        agenda: c.agenda.clone(),
        capacity: c.capacity.map(|n| n.to_string()).unwrap_or_default(),
    }
}

async fn found(
    db: &mut AnyConnection,
    slug: &str,
    number: i64,
) -> Result<(processes::Process, Meeting), ServiceError> {
    let process = processes::by_slug(&mut *db, slug)
        .await
        .map_err(unavailable)?
        .ok_or(ServiceError::NotFound)?;
    let meeting = meetings::get(&mut *db, &process.id, number)
        .await
        .map_err(unavailable)?
        .ok_or(ServiceError::NotFound)?;
    Ok((process, meeting))
}

/// The meeting pages' service.
#[derive(Clone)]
pub struct MeetingPages {
    sql: SqlStore,
    https: bool,
    time_zone: String,
}

impl MeetingPages {
    /// The service over `sql`; `https` says which session cookie name is in
    /// use; new meetings start in `time_zone`.
    pub fn new(sql: SqlStore, https: bool, time_zone: String) -> Self {
        MeetingPages {
            sql,
            https,
            time_zone,
        }
    }

    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        crate::auth::caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }
}

impl app::consult::meeting::Meetings for MeetingPages {
    fn meeting(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: i64,
    ) -> app::services::ServiceFuture<'_, MeetingView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let (process, meeting) = found(db, &slug, number).await?;
            let now = Timestamp::now();
            let mut mine = None;
            if let Some(person) = caller.person() {
                let stored = registrations::get(db, &process.id, number, &person.account.id)
                    .await
                    .map_err(unavailable)?;
                if let Some(stored) = stored {
                    let position = match stored.status {
                        RegistrationStatus::Waiting => Some(
                            registrations::place_in_queue(db, &process.id, number, stored.seq)
                                .await
                                .map_err(unavailable)?,
                        ),
                        RegistrationStatus::Registered => None,
                    };
                    mine = Some(Registration {
                        status: stored.status,
                        position,
                    });
                }
            }
            let outcomes = meeting_outcomes::of_meeting(db, &process.id, number)
                .await
                .map_err(unavailable)?
                .into_iter()
                .map(|o| MeetingOutcome {
                    number: o.number,
                    title: o.title,
                    state: o.state,
                })
                .collect();
            let c = &meeting.content;
            Ok(MeetingView {
                header: header(db, &process, &caller, now.as_str())
                    .await
                    .map_err(unavailable)?,
                meeting: summary(&meeting, now.as_str()),
                agenda: render(&c.agenda, Flavour::Full),
                online_url: c.online_url.clone(),
                point: c.point.map(|(latitude, longitude)| GeoPoint {
                    latitude,
                    longitude,
                }),
                minutes: meeting
                    .minutes
                    .as_ref()
                    .filter(|m| !m.text.is_empty())
                    .map(|m| render(&m.text, Flavour::Full)),
                attendance: meeting.minutes.as_ref().and_then(|m| m.attendance),
                outcomes,
                mine,
                registration_open: !meeting.has_begun(now.as_str()),
            })
        })
    }

    fn meeting_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        number: Option<i64>,
    ) -> app::services::ServiceFuture<'_, MeetingFormView> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let person = caller.person_who_may(Permission::Moderate)?;
            let me = &person.account.id;
            let db = &mut *self.sql.conn().await.map_err(unavailable)?;
            let (process, stored) = match number {
                Some(number) => {
                    let (process, meeting) = found(db, &slug, number).await?;
                    (process, Some(meeting))
                }
                None => (
                    processes::by_slug(db, &slug)
                        .await
                        .map_err(unavailable)?
                        .ok_or(ServiceError::NotFound)?,
                    None,
                ),
            };
            let draft = Draft::Meeting {
                process_id: &process.id,
                number: number.unwrap_or(0),
            };
            let kept: Option<(MeetingInput, Vec<MeetingProblem>)> =
                form_drafts::get(db, me, &draft)
                    .await
                    .map_err(unavailable)?;
            let (input, problems) = match (kept, &stored) {
                (Some(kept), _) => kept,
                (None, Some(meeting)) => (input_of(meeting), Vec::new()),
                (None, None) => (
                    MeetingInput {
                        format: "in_person".into(),
                        time_zone: self.time_zone.clone(),
                        ..MeetingInput::default()
                    },
                    Vec::new(),
                ),
            };
            let now = Timestamp::now();
            let mut minutes = None;
            if let Some(meeting) = stored.as_ref().filter(|m| m.has_begun(now.as_str())) {
                let draft = Draft::Minutes {
                    process_id: &process.id,
                    number: meeting.number,
                };
                let kept: Option<(MinutesInput, Vec<MinutesProblem>)> =
                    form_drafts::get(db, me, &draft)
                        .await
                        .map_err(unavailable)?;
                minutes = Some(match kept {
                    Some((input, problems)) => MinutesForm { input, problems },
                    None => {
                        let outcomes =
                            meeting_outcomes::of_meeting(db, &process.id, meeting.number)
                                .await
                                .map_err(unavailable)?;
                        MinutesForm {
                            input: MinutesInput {
                                minutes: meeting
                                    .minutes
                                    .as_ref()
                                    .map(|m| m.text.clone())
                                    .unwrap_or_default(),
                                attendance: meeting
                                    .minutes
                                    .as_ref()
                                    .and_then(|m| m.attendance)
                                    .map(|a| a.to_string())
                                    .unwrap_or_default(),
                                outcomes: outcomes
                                    .iter()
                                    .map(|o| o.number.to_string())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            },
                            problems: Vec::new(),
                        }
                    }
                });
            }
            Ok(MeetingFormView {
                header: header(db, &process, &caller, now.as_str())
                    .await
                    .map_err(unavailable)?,
                editing: number,
                input,
                problems,
                minutes,
            })
        })
    }
}
