//! Registrations for meetings: the table `consult_meeting_registrations`.
//! A registration is a seat or a place on the waiting list, queued by
//! `seq`. The seat counters on the meeting change with them in
//! `attending`, which is also what erases an account's registrations (so
//! a deleted account's seat goes to the next person waiting).

use app::consult::meeting::RegistrationStatus;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// One registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Seat or waiting list.
    pub status: RegistrationStatus,
    /// Its place in the meeting's queue.
    pub seq: i64,
}

fn status_of(code: &str) -> Result<RegistrationStatus, sqlx::Error> {
    RegistrationStatus::from_code(code)
        .ok_or_else(|| sqlx::Error::Decode(format!("a registration's status is {code:?}").into()))
}

/// `account`'s registration for meeting `number`.
pub async fn get(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<Option<Stored>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT status, seq FROM consult_meeting_registrations \
         WHERE process_id = $1 AND meeting_number = $2 AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .fetch_optional(&mut *db)
    .await?;
    row.map(|row| {
        Ok(Stored {
            status: status_of(&row.get::<String, _>(0))?,
            seq: row.get(1),
        })
    })
    .transpose()
}

/// Registers `account` for meeting `number` with `status`, last in the
/// queue (the caller holds the meeting).
pub async fn add(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
    status: RegistrationStatus,
) -> Result<(), sqlx::Error> {
    let seq: i64 = sqlx::query(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM consult_meeting_registrations \
         WHERE process_id = $1 AND meeting_number = $2",
    )
    .bind(process_id)
    .bind(number)
    .fetch_one(&mut *db)
    .await?
    .get(0);
    sqlx::query(
        "INSERT INTO consult_meeting_registrations (process_id, meeting_number, account_id, \
         status, registered_at, seq) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .bind(status.code())
    .bind(Timestamp::now().as_str())
    .bind(seq)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Removes `account`'s registration for meeting `number`.
pub async fn remove(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM consult_meeting_registrations \
         WHERE process_id = $1 AND meeting_number = $2 AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// The first `count` people waiting for meeting `number`, in queue order.
pub async fn first_waiting(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    count: i64,
) -> Result<Vec<AccountId>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT account_id FROM consult_meeting_registrations \
         WHERE process_id = $1 AND meeting_number = $2 AND status = 'waiting' \
         ORDER BY seq LIMIT $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(count)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| AccountId::from_stored(r.get::<String, _>(0)))
        .collect())
}

/// Gives `account`, waiting for meeting `number`, a seat.
pub async fn seat(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_meeting_registrations SET status = 'registered' \
         WHERE process_id = $1 AND meeting_number = $2 AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// The place on meeting `number`'s waiting list of the registration
/// queued at `seq`, from 1.
pub async fn place_in_queue(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    seq: i64,
) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query(
        "SELECT COUNT(*) FROM consult_meeting_registrations \
         WHERE process_id = $1 AND meeting_number = $2 AND status = 'waiting' AND seq <= $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(seq)
    .fetch_one(&mut *db)
    .await?
    .get(0))
}

/// The meetings `account` is registered for: process id and number.
pub async fn of_account(
    db: &mut AnyConnection,
    account: &AccountId,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT process_id, meeting_number FROM consult_meeting_registrations \
         WHERE account_id = $1",
    )
    .bind(account.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// A citizen's registrations: exported; on deletion they are given up,
/// and the seats go to the people waiting.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "meeting_registrations",
    table: "consult_meeting_registrations",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT p.slug, r.meeting_number, m.title, r.status, r.registered_at \
                FROM consult_meeting_registrations r \
                JOIN consult_processes p ON p.id = r.process_id \
                JOIN consult_meetings m ON m.process_id = r.process_id \
                AND m.number = r.meeting_number \
                WHERE r.account_id = $1 ORDER BY r.registered_at",
        row: |r| {
            json!({
                "consultation": r.get::<String, _>(0),
                "meeting": r.get::<i64, _>(1),
                "title": r.get::<String, _>(2),
                "status": r.get::<String, _>(3),
                "registered": r.get::<String, _>(4),
            })
        },
    },
    erase: Erase::With(crate::consult::attending::give_up_all),
};
