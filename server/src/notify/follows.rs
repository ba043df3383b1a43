//! Follows: the table `notify_follows`, one row per person and followed
//! process (proposal number 0) or proposal.

use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// What is followed: a process, or proposal `number` of it (0: the process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject<'a> {
    /// The process's id.
    pub process_id: &'a str,
    /// The proposal's number; 0 for the process itself.
    pub number: i64,
}

/// `account` follows `subject` from now on; `false` if they did already.
pub async fn add(
    db: &mut AnyConnection,
    account: &AccountId,
    subject: Subject<'_>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO notify_follows (account_id, process_id, proposal_number, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(account.as_str())
    .bind(subject.process_id)
    .bind(subject.number)
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// `account` no longer follows `subject`.
pub async fn remove(
    db: &mut AnyConnection,
    account: &AccountId,
    subject: Subject<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM notify_follows WHERE account_id = $1 AND process_id = $2 \
         AND proposal_number = $3",
    )
    .bind(account.as_str())
    .bind(subject.process_id)
    .bind(subject.number)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Whether `account` follows `subject`.
pub async fn follows(
    db: &mut AnyConnection,
    account: &AccountId,
    subject: Subject<'_>,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "SELECT 1 FROM notify_follows WHERE account_id = $1 AND process_id = $2 \
         AND proposal_number = $3",
    )
    .bind(account.as_str())
    .bind(subject.process_id)
    .bind(subject.number)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.is_some())
}

/// Everyone who follows `subject`, in no particular order.
pub async fn followers(
    db: &mut AnyConnection,
    subject: Subject<'_>,
) -> Result<Vec<AccountId>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT account_id FROM notify_follows WHERE process_id = $1 AND proposal_number = $2",
    )
    .bind(subject.process_id)
    .bind(subject.number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| AccountId::from_stored(r.get::<String, _>(0)))
        .collect())
}

/// A person's follows: exported, and removed with their account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "follows",
    table: "notify_follows",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT p.slug, f.proposal_number, f.created_at FROM notify_follows f \
                JOIN consult_processes p ON p.id = f.process_id WHERE f.account_id = $1 \
                ORDER BY f.created_at",
        row: |r| {
            let number = r.get::<i64, _>(1);
            json!({
                "consultation": r.get::<String, _>(0),
                "proposal": (number > 0).then_some(number),
                "since": r.get::<String, _>(2),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM notify_follows WHERE account_id = $1"),
};
