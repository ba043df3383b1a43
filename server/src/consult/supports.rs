//! Supports: the table `consult_supports`, one row per citizen and
//! proposal (its primary key refuses a second). The proposal's counter is
//! changed in the same transaction (`participation::support`).

use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// Adds `account`'s support; `false` when it was there already.
pub async fn add(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO consult_supports (process_id, proposal_number, account_id, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes `account`'s support; `false` when there was none.
pub async fn remove(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM consult_supports WHERE process_id = $1 AND proposal_number = $2 \
         AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether `account` supports proposal `number`.
pub async fn supports(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "SELECT 1 FROM consult_supports WHERE process_id = $1 AND proposal_number = $2 \
         AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.is_some())
}

/// How many supports `account` gave in process `process_id`.
pub async fn given_in(
    db: &mut AnyConnection,
    process_id: &str,
    account: &AccountId,
) -> Result<u32, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) FROM consult_supports WHERE process_id = $1 AND account_id = $2",
    )
    .bind(process_id)
    .bind(account.as_str())
    .fetch_one(&mut *db)
    .await?;
    Ok(u32::try_from(row.get::<i64, _>(0)).unwrap_or(u32::MAX))
}

/// How many rows support proposal `number` (the counter's truth).
pub async fn count(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) FROM consult_supports WHERE process_id = $1 AND proposal_number = $2",
    )
    .bind(process_id)
    .bind(number)
    .fetch_one(&mut *db)
    .await?;
    Ok(row.get(0))
}

/// A citizen's supports: exported; kept when the account is deleted, since
/// each is part of a public count and the account row they point to no
/// longer names anyone.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "supports",
    table: "consult_supports",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT p.slug, s.proposal_number, s.created_at FROM consult_supports s \
                JOIN consult_processes p ON p.id = s.process_id WHERE s.account_id = $1 \
                ORDER BY s.created_at",
        row: |r| {
            json!({
                "consultation": r.get::<String, _>(0),
                "proposal": r.get::<i64, _>(1),
                "supported": r.get::<String, _>(2),
            })
        },
    },
    erase: Erase::Kept(
        "a support is part of a proposal's public count; the deleted account it points to no longer names anyone",
    ),
};

/// Supports of process `process_id`'s public proposals per proposal and
/// UTC day (`YYYY-MM-DD`), counted in SQL: the open-data export.
pub async fn per_day(
    db: &mut AnyConnection,
    process_id: &str,
) -> Result<Vec<(i64, String, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.proposal_number, SUBSTR(s.created_at, 1, 10) AS day, COUNT(*) \
         FROM consult_supports s JOIN consult_proposals p ON p.process_id = s.process_id \
         AND p.number = s.proposal_number \
         WHERE s.process_id = $1 AND p.hidden_at IS NULL AND p.erased_at IS NULL \
         GROUP BY s.proposal_number, SUBSTR(s.created_at, 1, 10) \
         ORDER BY s.proposal_number, day",
    )
    .bind(process_id)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}
