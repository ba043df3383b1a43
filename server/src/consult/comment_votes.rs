//! Votes on comments: the table `consult_comment_votes`, one per citizen
//! and comment (its primary key), 1 up or -1 down.

use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// `account`'s vote on comment `id`: 1, -1, or 0 for none.
pub async fn vote_of(
    db: &mut AnyConnection,
    id: &str,
    account: &AccountId,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "SELECT vote FROM consult_comment_votes WHERE comment_id = $1 AND account_id = $2",
    )
    .bind(id)
    .bind(account.as_str())
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.map_or(0, |r| r.get(0)))
}

/// `account`'s votes on the comments of one thread: comment id → vote.
pub async fn votes_in(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<std::collections::HashMap<String, i64>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT v.comment_id, v.vote FROM consult_comment_votes v \
         JOIN consult_comments c ON c.id = v.comment_id \
         WHERE c.process_id = $1 AND c.proposal_number = $2 AND v.account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Sets `account`'s vote on comment `id` (0 removes it).
pub async fn set(
    db: &mut AnyConnection,
    id: &str,
    account: &AccountId,
    vote: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM consult_comment_votes WHERE comment_id = $1 AND account_id = $2")
        .bind(id)
        .bind(account.as_str())
        .execute(&mut *db)
        .await?;
    if vote != 0 {
        sqlx::query(
            "INSERT INTO consult_comment_votes (comment_id, account_id, vote, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(account.as_str())
        .bind(vote)
        .bind(Timestamp::now().as_str())
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// A citizen's votes: exported; kept with the deleted account (each is in
/// a public count).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "comment_votes",
    table: "consult_comment_votes",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT comment_id, vote, created_at FROM consult_comment_votes \
                WHERE account_id = $1 ORDER BY created_at",
        row: |r| {
            json!({
                "comment": r.get::<String, _>(0),
                "vote": r.get::<i64, _>(1),
                "voted": r.get::<String, _>(2),
            })
        },
    },
    erase: Erase::Kept(
        "a vote is part of a comment's public count; the deleted account it points to no longer names anyone",
    ),
};
