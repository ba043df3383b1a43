//! Meetings of a process: the table `consult_meetings`. The seat counters
//! (`registered`, `waiting`) change only with the registrations they
//! count, in one transaction (`attending`); `hold` takes the meeting's row
//! first, so two registrations for the last seat are decided one after
//! the other.

use app::consult::meeting::MeetingFormat;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// What the meeting form writes.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingContent {
    /// Title.
    pub title: String,
    /// In person, online or hybrid.
    pub format: MeetingFormat,
    /// When it begins, UTC (`2026-05-01T17:00:00Z`).
    pub starts_at: String,
    /// When it ends, UTC.
    pub ends_at: String,
    /// The IANA time zone its times were given in.
    pub time_zone: String,
    /// Where, in words.
    pub address: Option<String>,
    /// Latitude and longitude.
    pub point: Option<(f64, f64)>,
    /// The video room.
    pub online_url: Option<String>,
    /// Agenda, Markdown.
    pub agenda: String,
    /// Seats, if limited.
    pub capacity: Option<i64>,
}

/// What was written after the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    /// Minutes, Markdown.
    pub text: String,
    /// How many came.
    pub attendance: Option<i64>,
    /// When they were published.
    pub written_at: String,
}

/// A stored meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// Its process's id.
    pub process_id: String,
    /// Its number in the process.
    pub number: i64,
    /// When, where, what.
    pub content: MeetingContent,
    /// Seats taken.
    pub registered: i64,
    /// On the waiting list.
    pub waiting: i64,
    /// Its minutes, once written.
    pub minutes: Option<Minutes>,
    /// Changes calendars must see (iCalendar `SEQUENCE`).
    pub revision: i64,
    /// When it was made.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

impl Meeting {
    /// Whether it has begun at `now`.
    pub fn has_begun(&self, now: &str) -> bool {
        self.content.starts_at.as_str() <= now
    }

    /// Whether it is over at `now`.
    pub fn is_over(&self, now: &str) -> bool {
        self.content.ends_at.as_str() <= now
    }

    /// Seats still free (`None`: no limit).
    pub fn free_seats(&self) -> Option<i64> {
        self.content.capacity.map(|c| (c - self.registered).max(0))
    }
}

const COLUMNS: &str = "process_id, number, title, format, starts_at, ends_at, time_zone, address, \
     latitude, longitude, online_url, agenda, capacity, registered, waiting, minutes, attendance, \
     minutes_at, revision, created_at, updated_at";

fn meeting_of(row: &AnyRow) -> Result<Meeting, sqlx::Error> {
    let format = row.get::<String, _>("format");
    let point = match (
        row.get::<Option<f64>, _>("latitude"),
        row.get::<Option<f64>, _>("longitude"),
    ) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => None,
    };
    let minutes = row
        .get::<Option<String>, _>("minutes_at")
        .map(|written_at| Minutes {
            text: row.get::<Option<String>, _>("minutes").unwrap_or_default(),
            attendance: row.get("attendance"),
            written_at,
        });
    Ok(Meeting {
        process_id: row.get("process_id"),
        number: row.get("number"),
        content: MeetingContent {
            title: row.get("title"),
            format: MeetingFormat::from_code(&format).ok_or_else(|| {
                sqlx::Error::Decode(format!("a meeting's format is {format:?}").into())
            })?,
            starts_at: row.get("starts_at"),
            ends_at: row.get("ends_at"),
            time_zone: row.get("time_zone"),
            address: row.get("address"),
            point,
            online_url: row.get("online_url"),
            agenda: row.get("agenda"),
            capacity: row.get("capacity"),
        },
        registered: row.get("registered"),
        waiting: row.get("waiting"),
        minutes,
        revision: row.get("revision"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
    })
}

/// Adds a meeting to process `process_id`, as its next number (the caller
/// holds the process, `processes::hold`, so two meetings never get one).
pub async fn create(
    db: &mut AnyConnection,
    process_id: &str,
    content: &MeetingContent,
) -> Result<i64, sqlx::Error> {
    let number: i64 = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM consult_meetings WHERE process_id = $1",
    )
    .bind(process_id)
    .fetch_one(&mut *db)
    .await?
    .get(0);
    let now = Timestamp::now();
    sqlx::query(
        "INSERT INTO consult_meetings (process_id, number, title, format, starts_at, ends_at, \
         time_zone, address, latitude, longitude, online_url, agenda, capacity, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
    )
    .bind(process_id)
    .bind(number)
    .bind(&content.title)
    .bind(content.format.code())
    .bind(&content.starts_at)
    .bind(&content.ends_at)
    .bind(&content.time_zone)
    .bind(content.address.as_deref())
    .bind(content.point.map(|p| p.0))
    .bind(content.point.map(|p| p.1))
    .bind(content.online_url.as_deref())
    .bind(&content.agenda)
    .bind(content.capacity)
    .bind(now.as_str())
    .execute(&mut *db)
    .await?;
    Ok(number)
}

/// Changes meeting `number`; calendars see the change (its revision
/// grows). Whether anything changed.
pub async fn update(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    content: &MeetingContent,
) -> Result<bool, sqlx::Error> {
    let now = Timestamp::now();
    let done = sqlx::query(
        "UPDATE consult_meetings SET title = $1, format = $2, starts_at = $3, ends_at = $4, \
         time_zone = $5, address = $6, latitude = $7, longitude = $8, online_url = $9, \
         agenda = $10, capacity = $11, revision = revision + 1, updated_at = $12 \
         WHERE process_id = $13 AND number = $14",
    )
    .bind(&content.title)
    .bind(content.format.code())
    .bind(&content.starts_at)
    .bind(&content.ends_at)
    .bind(&content.time_zone)
    .bind(content.address.as_deref())
    .bind(content.point.map(|p| p.0))
    .bind(content.point.map(|p| p.1))
    .bind(content.online_url.as_deref())
    .bind(&content.agenda)
    .bind(content.capacity)
    .bind(now.as_str())
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Writes meeting `number`'s minutes and attendance.
pub async fn set_minutes(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    text: &str,
    attendance: Option<i64>,
) -> Result<(), sqlx::Error> {
    let now = Timestamp::now();
    sqlx::query(
        "UPDATE consult_meetings SET minutes = $1, attendance = $2, minutes_at = $3, \
         updated_at = $3 WHERE process_id = $4 AND number = $5",
    )
    .bind(text)
    .bind(attendance)
    .bind(now.as_str())
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Takes meeting `number`'s row for the rest of the transaction, so that
/// seats are counted by one registration at a time.
pub async fn hold(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_meetings SET registered = registered WHERE process_id = $1 AND number = $2",
    )
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Adds `registered` and `waiting` to meeting `number`'s counters.
pub async fn count(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    registered: i64,
    waiting: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_meetings SET registered = registered + $1, waiting = waiting + $2 \
         WHERE process_id = $3 AND number = $4",
    )
    .bind(registered)
    .bind(waiting)
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Meeting `number` of process `process_id`.
pub async fn get(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Option<Meeting>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_meetings WHERE process_id = $1 AND number = $2"
    ))
    .bind(process_id)
    .bind(number)
    .fetch_optional(&mut *db)
    .await?
    .as_ref()
    .map(meeting_of)
    .transpose()
}

/// The meetings of process `process_id`, by start.
pub async fn of_process(
    db: &mut AnyConnection,
    process_id: &str,
) -> Result<Vec<Meeting>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_meetings WHERE process_id = $1 ORDER BY starts_at, number"
    ))
    .bind(process_id)
    .fetch_all(&mut *db)
    .await?
    .iter()
    .map(meeting_of)
    .collect()
}
