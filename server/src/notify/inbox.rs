//! The notifications people receive: the table `notifications`, one row
//! per person and event. The text is not stored: the page writes it from
//! the event, in the reader's language.

use app::account::NotificationEvent;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// What a notification is about.
#[derive(Debug, Clone, Copy)]
pub struct About<'a> {
    /// The process.
    pub process_id: &'a str,
    /// The proposal (0: the process).
    pub number: i64,
    /// The comment, if any.
    pub comment_id: Option<&'a str>,
}

/// Tells `account` that `event` happened to `about`.
pub async fn add(
    db: &mut AnyConnection,
    account: &AccountId,
    event: NotificationEvent,
    about: About<'_>,
) -> Result<(), sqlx::Error> {
    let (kind, detail) = event.stored();
    sqlx::query(
        "INSERT INTO notifications (id, account_id, kind, detail, process_id, proposal_number, \
         comment_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::auth::random_id())
    .bind(account.as_str())
    .bind(kind)
    .bind(detail)
    .bind(about.process_id)
    .bind(about.number)
    .bind(about.comment_id)
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// A stored notification with the titles it names.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Its id.
    pub id: String,
    /// What happened.
    pub event: NotificationEvent,
    /// The process's short name and title.
    pub slug: String,
    /// The process's title.
    pub process_title: String,
    /// The proposal's number (0: the process).
    pub number: i64,
    /// The proposal's title, unless it is hidden or erased.
    pub proposal_title: Option<String>,
    /// The comment it is about.
    pub comment_id: Option<String>,
    /// When.
    pub created_at: String,
    /// Whether it was read.
    pub read: bool,
}

const SELECT: &str = "SELECT n.id, n.kind, n.detail, p.slug, p.title, n.proposal_number, \
     CASE WHEN pr.hidden_at IS NULL AND pr.erased_at IS NULL THEN pr.title END, n.comment_id, \
     n.created_at, n.read_at FROM notifications n \
     JOIN consult_processes p ON p.id = n.process_id \
     LEFT JOIN consult_proposals pr ON pr.process_id = n.process_id \
     AND pr.number = n.proposal_number";

fn stored(row: &sqlx::any::AnyRow) -> Option<Stored> {
    Some(Stored {
        id: row.get(0),
        event: NotificationEvent::from_stored(&row.get::<String, _>(1), &row.get::<String, _>(2))?,
        slug: row.get(3),
        process_title: row.get(4),
        number: row.get(5),
        proposal_title: row.get(6),
        comment_id: row.get(7),
        created_at: row.get(8),
        read: row.get::<Option<String>, _>(9).is_some(),
    })
}

/// A page of `account`'s notifications, newest first.
pub async fn page(
    db: &mut AnyConnection,
    account: &AccountId,
    offset: u32,
    limit: u32,
) -> Result<Vec<Stored>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE n.account_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2 OFFSET $3"
    ))
    .bind(account.as_str())
    .bind(i64::from(limit))
    .bind(i64::from(offset))
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().filter_map(stored).collect())
}

/// `account`'s unread notifications written since `since` (in the same
/// second too: a line twice rather than none), oldest first, at most
/// `limit` (for the digest).
pub async fn unread_since(
    db: &mut AnyConnection,
    account: &AccountId,
    since: &str,
    limit: u32,
) -> Result<Vec<Stored>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE n.account_id = $1 AND n.read_at IS NULL AND n.created_at >= $2 \
         ORDER BY n.created_at, n.id LIMIT $3"
    ))
    .bind(account.as_str())
    .bind(since)
    .bind(i64::from(limit))
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().filter_map(stored).collect())
}

/// How many notifications `account` has, and how many of them are unread.
pub async fn counts(
    db: &mut AnyConnection,
    account: &AccountId,
) -> Result<(u32, u32), sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*), COUNT(*) - COUNT(read_at) FROM notifications WHERE account_id = $1",
    )
    .bind(account.as_str())
    .fetch_one(&mut *db)
    .await?;
    let count = |i: usize| u32::try_from(row.get::<i64, _>(i)).unwrap_or(u32::MAX);
    Ok((count(0), count(1)))
}

/// How many of `account`'s notifications are unread.
pub async fn unread(db: &mut AnyConnection, account: &AccountId) -> Result<u32, sqlx::Error> {
    let row =
        sqlx::query("SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL")
            .bind(account.as_str())
            .fetch_one(&mut *db)
            .await?;
    Ok(u32::try_from(row.get::<i64, _>(0)).unwrap_or(u32::MAX))
}

/// Marks `account`'s notification `id` read (all of them when `None`);
/// how many changed.
pub async fn mark_read(
    db: &mut AnyConnection,
    account: &AccountId,
    id: Option<&str>,
) -> Result<u64, sqlx::Error> {
    let now = Timestamp::now();
    let done =
        match id {
            Some(id) => {
                sqlx::query(
                    "UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND id = $3 \
                 AND read_at IS NULL",
                )
                .bind(now.as_str())
                .bind(account.as_str())
                .bind(id)
                .execute(&mut *db)
                .await?
            }
            None => sqlx::query(
                "UPDATE notifications SET read_at = $1 WHERE account_id = $2 AND read_at IS NULL",
            )
            .bind(now.as_str())
            .bind(account.as_str())
            .execute(&mut *db)
            .await?,
        };
    Ok(done.rows_affected())
}

/// A person's notifications: exported, and removed with their account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "notifications",
    table: "notifications",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT n.kind, n.detail, p.slug, n.proposal_number, n.created_at, n.read_at \
                FROM notifications n JOIN consult_processes p ON p.id = n.process_id \
                WHERE n.account_id = $1 ORDER BY n.created_at",
        row: |r| {
            let number = r.get::<i64, _>(3);
            json!({
                "event": r.get::<String, _>(0),
                "detail": r.get::<String, _>(1),
                "consultation": r.get::<String, _>(2),
                "proposal": (number > 0).then_some(number),
                "created": r.get::<String, _>(4),
                "read": r.get::<Option<String>, _>(5),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM notifications WHERE account_id = $1"),
};
