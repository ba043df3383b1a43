//! The meeting form and the minutes form as use cases (moderators and
//! administrators): each checks everything at once, writes in one
//! transaction with its audit entry, and keeps a refused attempt as a
//! draft. Raising a meeting's capacity gives the new seats to the people
//! waiting, in the same transaction.

use app::consult::meeting::{MeetingInput, MeetingProblem, MinutesInput, MinutesProblem};

use crate::auth::{Account, audit};
use crate::consult::form_drafts::{self, Draft};
use crate::consult::meetings::{self, MeetingContent};
use crate::consult::{attending, meeting_outcomes, meeting_time, processes};
use crate::store::{SqlStore, Timestamp};

/// Why a form post was not taken.
#[derive(Debug, thiserror::Error)]
pub enum MeetingAdminError {
    /// No such process or meeting.
    #[error("no such consultation or meeting")]
    NotFound,
    /// The meeting form has problems; what was typed is kept.
    #[error("the meeting has problems: {0:?}")]
    Refused(Vec<MeetingProblem>),
    /// The minutes form has problems; what was typed is kept.
    #[error("the minutes have problems: {0:?}")]
    MinutesRefused(Vec<MinutesProblem>),
    /// The database failed.
    #[error("meeting storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// The meeting the form describes, or all its problems.
fn content_of(
    input: &MeetingInput,
    area: Option<&processes::Area>,
) -> Result<MeetingContent, Vec<MeetingProblem>> {
    let checked = input.check()?;
    let mut problems = Vec::new();
    let times = meeting_time::to_utc(checked.date, checked.start, checked.end, &checked.time_zone)
        .map_err(|p| problems.push(p))
        .ok();
    if let (Some((lat, lon)), Some(area)) = (checked.point, area)
        && !area.holds(lat, lon)
    {
        problems.push(MeetingProblem::OutsideArea);
    }
    match times {
        Some((starts_at, ends_at)) if problems.is_empty() => Ok(MeetingContent {
            title: checked.title,
            format: checked.format,
            starts_at,
            ends_at,
            time_zone: checked.time_zone,
            address: checked.address,
            point: checked.point,
            online_url: checked.online_url,
            agenda: checked.agenda,
            capacity: checked.capacity,
        }),
        _ => Err(problems),
    }
}

/// Takes the meeting form for a new meeting of `slug` (`number` = `None`)
/// or for meeting `number`, by `moderator`: the meeting's number.
pub async fn save(
    sql: &SqlStore,
    moderator: &Account,
    slug: &str,
    number: Option<i64>,
    input: &MeetingInput,
) -> Result<i64, MeetingAdminError> {
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(MeetingAdminError::NotFound)?;
    if let Some(number) = number {
        meetings::get(&mut tx, &process.id, number)
            .await?
            .ok_or(MeetingAdminError::NotFound)?;
    }
    let draft = Draft::Meeting {
        process_id: &process.id,
        number: number.unwrap_or(0),
    };
    let content = match content_of(input, process.area.as_ref()) {
        Ok(content) => content,
        Err(problems) => {
            form_drafts::save(&mut tx, &moderator.id, &draft, input, &problems).await?;
            tx.commit().await?;
            return Err(MeetingAdminError::Refused(problems));
        }
    };
    let (saved, action) = match number {
        Some(number) => {
            meetings::hold(&mut tx, &process.id, number).await?;
            meetings::update(&mut tx, &process.id, number, &content).await?;
            if let Some(meeting) = meetings::get(&mut tx, &process.id, number).await? {
                attending::fill_seats(&mut tx, &meeting).await?;
            }
            (number, "meeting.update")
        }
        None => {
            processes::hold(&mut tx, &process.id).await?;
            (
                meetings::create(&mut tx, &process.id, &content).await?,
                "meeting.create",
            )
        }
    };
    form_drafts::discard(&mut tx, &moderator.id, &draft).await?;
    let detail = format!(
        "Meeting {saved} of {slug}: {} from {} to {} ({}).",
        content.format.code(),
        content.starts_at,
        content.ends_at,
        content.time_zone
    );
    audit::record(
        &mut tx,
        Some(moderator),
        action,
        &format!("{slug}/meetings/{saved}"),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(saved)
}

/// Takes the minutes form of meeting `number` of `slug`, by `moderator`.
pub async fn write_minutes(
    sql: &SqlStore,
    moderator: &Account,
    slug: &str,
    number: i64,
    input: &MinutesInput,
) -> Result<(), MeetingAdminError> {
    let mut tx = sql.begin().await?;
    let process = processes::by_slug(&mut tx, slug)
        .await?
        .ok_or(MeetingAdminError::NotFound)?;
    let meeting = meetings::get(&mut tx, &process.id, number)
        .await?
        .ok_or(MeetingAdminError::NotFound)?;
    let draft = Draft::Minutes {
        process_id: &process.id,
        number,
    };
    let mut problems = Vec::new();
    if !meeting.has_begun(Timestamp::now().as_str()) {
        problems.push(MinutesProblem::NotYetHeld);
    }
    let checked = match input.check() {
        Ok(checked) => Some(checked),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    if let Some(checked) = &checked {
        for unknown in meeting_outcomes::unknown(&mut tx, &process.id, &checked.outcomes).await? {
            problems.push(MinutesProblem::OutcomeUnknown(unknown.to_string()));
        }
    }
    let checked = match checked {
        Some(checked) if problems.is_empty() => checked,
        _ => {
            form_drafts::save(&mut tx, &moderator.id, &draft, input, &problems).await?;
            tx.commit().await?;
            return Err(MeetingAdminError::MinutesRefused(problems));
        }
    };
    meetings::set_minutes(
        &mut tx,
        &process.id,
        number,
        &checked.minutes,
        checked.attendance,
    )
    .await?;
    meeting_outcomes::set(&mut tx, &process.id, number, &checked.outcomes).await?;
    form_drafts::discard(&mut tx, &moderator.id, &draft).await?;
    let detail = format!(
        "Minutes of meeting {number} of {slug}: attendance {}, {} proposals named.",
        checked
            .attendance
            .map_or("not given".to_owned(), |a| a.to_string()),
        checked.outcomes.len()
    );
    audit::record(
        &mut tx,
        Some(moderator),
        "meeting.minutes",
        &format!("{slug}/meetings/{number}"),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
