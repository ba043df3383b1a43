//! Registering for a meeting, as use cases: each runs in one transaction
//! that holds the meeting's row, counts its seats, writes the registration
//! and its counters together, and — when a seat frees up — gives it to
//! the first person waiting and tells them. So the seats taken never
//! exceed the capacity, however many register at once.

use app::account::NotificationEvent;
use app::consult::meeting::RegistrationStatus;
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::auth::personal_data::BoxFuture;
use crate::consult::meeting_registrations as registrations;
use crate::consult::meetings::{self, Meeting};
use crate::consult::processes;
use crate::notify::inbox::{self, About};
use crate::store::{SqlStore, Timestamp};

/// Where the citizen stands after the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attendance {
    /// Has a seat.
    Registered,
    /// Is on the waiting list.
    Waiting,
    /// Is not registered (any more).
    Cancelled,
}

/// Why a registration was not changed.
#[derive(Debug, thiserror::Error)]
pub enum AttendError {
    /// No such process or meeting.
    #[error("no such consultation or meeting")]
    NotFound,
    /// The meeting has begun.
    #[error("the meeting has begun")]
    Closed,
    /// The database failed.
    #[error("registration storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// Process `slug`'s meeting `number`, its row held for the transaction.
async fn held(db: &mut AnyConnection, slug: &str, number: i64) -> Result<Meeting, AttendError> {
    let process = processes::by_slug(&mut *db, slug)
        .await?
        .ok_or(AttendError::NotFound)?;
    meetings::hold(&mut *db, &process.id, number).await?;
    meetings::get(&mut *db, &process.id, number)
        .await?
        .ok_or(AttendError::NotFound)
}

/// Registers `account` for meeting `number` of `slug`: a seat while one
/// is free, else a place on the waiting list. Registering again changes
/// nothing.
pub async fn register(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    account: &AccountId,
) -> Result<Attendance, AttendError> {
    let mut tx = sql.begin().await?;
    let meeting = held(&mut tx, slug, number).await?;
    if meeting.has_begun(Timestamp::now().as_str()) {
        return Err(AttendError::Closed);
    }
    let (process_id, number) = (meeting.process_id.as_str(), meeting.number);
    if let Some(mine) = registrations::get(&mut tx, process_id, number, account).await? {
        return Ok(attendance_of(mine.status));
    }
    let status = if meeting.free_seats() == Some(0) {
        RegistrationStatus::Waiting
    } else {
        RegistrationStatus::Registered
    };
    registrations::add(&mut tx, process_id, number, account, status).await?;
    match status {
        RegistrationStatus::Registered => {
            meetings::count(&mut tx, process_id, number, 1, 0).await?
        }
        RegistrationStatus::Waiting => meetings::count(&mut tx, process_id, number, 0, 1).await?,
    }
    tx.commit().await?;
    Ok(attendance_of(status))
}

fn attendance_of(status: RegistrationStatus) -> Attendance {
    match status {
        RegistrationStatus::Registered => Attendance::Registered,
        RegistrationStatus::Waiting => Attendance::Waiting,
    }
}

/// Cancels `account`'s registration for meeting `number` of `slug`; a
/// seat it frees goes to the first person waiting.
pub async fn cancel(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    account: &AccountId,
) -> Result<Attendance, AttendError> {
    let mut tx = sql.begin().await?;
    let meeting = held(&mut tx, slug, number).await?;
    if meeting.has_begun(Timestamp::now().as_str()) {
        return Err(AttendError::Closed);
    }
    give_up(&mut tx, &meeting, account).await?;
    tx.commit().await?;
    Ok(Attendance::Cancelled)
}

/// Removes `account`'s registration for the held `meeting`, if any, and
/// fills the seat it frees.
async fn give_up(
    db: &mut AnyConnection,
    meeting: &Meeting,
    account: &AccountId,
) -> Result<(), sqlx::Error> {
    let (process_id, number) = (meeting.process_id.as_str(), meeting.number);
    let Some(mine) = registrations::get(&mut *db, process_id, number, account).await? else {
        return Ok(());
    };
    registrations::remove(&mut *db, process_id, number, account).await?;
    match mine.status {
        RegistrationStatus::Registered => {
            meetings::count(&mut *db, process_id, number, -1, 0).await?;
            let after = Meeting {
                registered: meeting.registered - 1,
                ..meeting.clone()
            };
            fill_seats(&mut *db, &after).await?;
        }
        RegistrationStatus::Waiting => meetings::count(&mut *db, process_id, number, 0, -1).await?,
    }
    Ok(())
}

/// Gives the held `meeting`'s free seats (as its counters say) to the
/// people waiting, first come first served, and tells each of them. Runs
/// after a cancellation, and after the capacity was raised.
pub async fn fill_seats(db: &mut AnyConnection, meeting: &Meeting) -> Result<usize, sqlx::Error> {
    let free = match meeting.free_seats() {
        Some(free) => free,
        None => meeting.waiting,
    };
    if free == 0 || meeting.waiting == 0 {
        return Ok(0);
    }
    let (process_id, number) = (meeting.process_id.as_str(), meeting.number);
    let lucky = registrations::first_waiting(&mut *db, process_id, number, free).await?;
    for account in &lucky {
        registrations::seat(&mut *db, process_id, number, account).await?;
        let about = About {
            process_id,
            number: 0,
            comment_id: None,
        };
        inbox::add(&mut *db, account, NotificationEvent::SeatGiven, about).await?;
    }
    let seated = lucky.len() as i64;
    meetings::count(&mut *db, process_id, number, seated, -seated).await?;
    Ok(lucky.len())
}

/// Gives up every registration of `account` (its account is being
/// deleted), inside the deletion's transaction: the erase hook of
/// `meeting_registrations`. Meetings already begun keep their counts.
pub fn give_up_all<'a>(
    db: &'a mut AnyConnection,
    account: &'a AccountId,
) -> BoxFuture<'a, Result<(), sqlx::Error>> {
    Box::pin(async move {
        let now = Timestamp::now();
        for (process_id, number) in registrations::of_account(&mut *db, account).await? {
            meetings::hold(&mut *db, &process_id, number).await?;
            let Some(meeting) = meetings::get(&mut *db, &process_id, number).await? else {
                continue;
            };
            if meeting.has_begun(now.as_str()) {
                // The count is history; the row no longer names anyone
                // once it is gone.
                registrations::remove(&mut *db, &process_id, number, account).await?;
            } else {
                give_up(&mut *db, &meeting, account).await?;
            }
        }
        Ok(())
    })
}
