//! Comments: the table `consult_comments`. A reply is one level deeper
//! than its parent; deleting keeps the row (the thread keeps its shape)
//! and empties the text. The proposal's comment counter changes in the
//! transaction that adds or removes a comment the public sees.

use app::consult::Alignment;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// A stored comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its random id.
    pub id: String,
    /// Its process.
    pub process_id: String,
    /// Its proposal (0: the process itself).
    pub proposal_number: i64,
    /// The comment it answers.
    pub parent_id: Option<String>,
    /// 0 for a comment, 1 and 2 for replies.
    pub depth: u8,
    /// Its author.
    pub author: AccountId,
    /// Markdown-lite text; empty once deleted or erased.
    pub body: String,
    /// Where it stands.
    pub alignment: Alignment,
    /// Up votes.
    pub ups: i64,
    /// Down votes.
    pub downs: i64,
    /// When it was written.
    pub created_at: String,
    /// When its author last edited it.
    pub edited_at: Option<String>,
    /// When its author deleted it.
    pub deleted_at: Option<String>,
    /// When moderation hid it.
    pub hidden_at: Option<String>,
    /// The reason reported most, when hidden.
    pub hidden_reason: Option<String>,
    /// Whether its author erased it with their account.
    pub erased: bool,
}

impl Comment {
    /// Whether the public sees it (a deleted comment's place is shown, not
    /// its text).
    pub fn is_public(&self) -> bool {
        self.hidden_at.is_none()
    }

    /// Whether it counts in the proposal's comments and alignments.
    pub fn counts(&self) -> bool {
        self.hidden_at.is_none() && self.deleted_at.is_none() && !self.erased
    }
}

const COLUMNS: &str = "id, process_id, proposal_number, parent_id, depth, author_id, body, \
     alignment, ups, downs, created_at, edited_at, deleted_at, hidden_at, hidden_reason, erased_at";

fn comment_of(row: &AnyRow) -> Comment {
    Comment {
        id: row.get("id"),
        process_id: row.get("process_id"),
        proposal_number: row.get("proposal_number"),
        parent_id: row.get("parent_id"),
        depth: u8::try_from(row.get::<i64, _>("depth")).unwrap_or(u8::MAX),
        author: AccountId::from_stored(row.get::<String, _>("author_id")),
        body: row.get("body"),
        alignment: Alignment::from_code(&row.get::<String, _>("alignment")).unwrap_or_default(),
        ups: row.get("ups"),
        downs: row.get("downs"),
        created_at: row.get("created_at"),
        edited_at: row.get("edited_at"),
        deleted_at: row.get("deleted_at"),
        hidden_at: row.get("hidden_at"),
        hidden_reason: row.get("hidden_reason"),
        erased: row.get::<Option<String>, _>("erased_at").is_some(),
    }
}

/// What a new comment says and where it goes.
#[derive(Debug, Clone)]
pub struct NewComment<'a> {
    /// Its process.
    pub process_id: &'a str,
    /// Its proposal (0: the process).
    pub proposal_number: i64,
    /// The comment it answers, if a reply.
    pub parent: Option<&'a Comment>,
    /// Its author.
    pub author: &'a AccountId,
    /// Markdown-lite text, checked.
    pub body: &'a str,
    /// Where it stands.
    pub alignment: Alignment,
}

/// Writes a comment; its id.
pub async fn create(db: &mut AnyConnection, new: &NewComment<'_>) -> Result<String, sqlx::Error> {
    let id = crate::auth::random_id();
    sqlx::query(
        "INSERT INTO consult_comments (id, process_id, proposal_number, parent_id, depth, \
         author_id, body, alignment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&id)
    .bind(new.process_id)
    .bind(new.proposal_number)
    .bind(new.parent.map(|p| p.id.clone()))
    .bind(new.parent.map_or(0, |p| i64::from(p.depth) + 1))
    .bind(new.author.as_str())
    .bind(new.body)
    .bind(new.alignment.code())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// The comment `id`.
pub async fn get(db: &mut AnyConnection, id: &str) -> Result<Option<Comment>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_comments WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.as_ref().map(comment_of))
}

/// Every comment on proposal `number` (0: on the process), oldest first.
pub async fn thread(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Vec<Comment>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_comments WHERE process_id = $1 AND proposal_number = $2 \
         ORDER BY created_at, id"
    ))
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(comment_of).collect())
}

/// How many comments `author` wrote since `since`.
pub async fn written_since(
    db: &mut AnyConnection,
    author: &AccountId,
    since: &Timestamp,
) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) FROM consult_comments WHERE author_id = $1 AND created_at >= $2",
    )
    .bind(author.as_str())
    .bind(since.as_str())
    .fetch_one(&mut *db)
    .await?;
    Ok(row.get(0))
}

/// Replaces a comment's text (its author's edit).
pub async fn edit(db: &mut AnyConnection, id: &str, body: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_comments SET body = $2, edited_at = $3 WHERE id = $1")
        .bind(id)
        .bind(body)
        .bind(Timestamp::now().as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Deletes a comment's text; the row stays so its replies keep their place.
pub async fn delete(db: &mut AnyConnection, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_comments SET body = '', deleted_at = $2 WHERE id = $1")
        .bind(id)
        .bind(Timestamp::now().as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Adds `ups` and `downs` (each -1, 0 or 1) to a comment's vote counters.
pub async fn count_votes(
    db: &mut AnyConnection,
    id: &str,
    ups: i64,
    downs: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_comments SET ups = ups + $2, downs = downs + $3 WHERE id = $1")
        .bind(id)
        .bind(ups)
        .bind(downs)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// A citizen's comments: exported with their text; kept when the account
/// is deleted (shown as by a deleted participant), unless the person also
/// erases their contributions.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "comments",
    table: "consult_comments",
    columns: &["author_id", "body"],
    export: Export::Rows {
        query: "SELECT p.slug, c.proposal_number, c.id, c.parent_id, c.body, c.alignment, \
                c.created_at, c.edited_at, c.deleted_at, c.hidden_at FROM consult_comments c \
                JOIN consult_processes p ON p.id = c.process_id WHERE c.author_id = $1 \
                ORDER BY c.created_at",
        row: |r| {
            json!({
                "consultation": r.get::<String, _>(0),
                "proposal": r.get::<i64, _>(1),
                "id": r.get::<String, _>(2),
                "reply_to": r.get::<Option<String>, _>(3),
                "text": r.get::<String, _>(4),
                "alignment": r.get::<String, _>(5),
                "written": r.get::<String, _>(6),
                "edited": r.get::<Option<String>, _>(7),
                "deleted": r.get::<Option<String>, _>(8),
                "hidden": r.get::<Option<String>, _>(9),
            })
        },
    },
    erase: Erase::Kept(
        "public contributions stay, shown as by a deleted participant; ticking \"also erase my contributions\" empties their text",
    ),
};

/// Hides (with the reason) or shows again (`None`) a comment.
pub async fn set_hidden(
    db: &mut AnyConnection,
    id: &str,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_comments SET hidden_at = $2, hidden_reason = $3 WHERE id = $1")
        .bind(id)
        .bind(reason.map(|_| Timestamp::now().into_string()))
        .bind(reason)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Empties the text of every comment `author` wrote (their contributions
/// erased with their account); the threads keep their shape. Returns, per
/// proposal (process id, number), how many comments stopped counting.
pub async fn erase_by(
    db: &mut AnyConnection,
    author: &AccountId,
) -> Result<Vec<(String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT process_id, proposal_number, COUNT(*) FROM consult_comments \
         WHERE author_id = $1 AND proposal_number > 0 AND hidden_at IS NULL \
         AND deleted_at IS NULL AND erased_at IS NULL GROUP BY process_id, proposal_number",
    )
    .bind(author.as_str())
    .fetch_all(&mut *db)
    .await?;
    sqlx::query(
        "UPDATE consult_comments SET body = '', erased_at = $2 WHERE author_id = $1 \
         AND erased_at IS NULL",
    )
    .bind(author.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// Every hidden comment, oldest hidden first.
pub async fn hidden(db: &mut AnyConnection) -> Result<Vec<Comment>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_comments WHERE hidden_at IS NOT NULL ORDER BY hidden_at"
    ))
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(comment_of).collect())
}

/// The export's query: public comments (not deleted, hidden or erased, on
/// the process or on a public proposal) with their authors' pseudonyms.
static PUBLIC_QUERY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("c.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT {columns}, CASE WHEN a.deleted_at IS NULL THEN a.pseudonym END AS pseudonym \
         FROM consult_comments c JOIN accounts a ON a.id = c.author_id \
         LEFT JOIN consult_proposals p ON p.process_id = c.process_id \
         AND p.number = c.proposal_number \
         WHERE c.process_id = $1 AND c.deleted_at IS NULL AND c.hidden_at IS NULL \
         AND c.erased_at IS NULL AND (c.proposal_number = 0 OR (p.hidden_at IS NULL \
         AND p.erased_at IS NULL)) ORDER BY c.created_at, c.id"
    )
});

/// Process `process_id`'s public comments, oldest first, each with its
/// author's pseudonym (`None` once the account is deleted), read as a
/// stream: the open-data export.
pub fn public_stream<'a>(
    db: &'a mut AnyConnection,
    process_id: &'a str,
) -> futures_util::stream::BoxStream<'a, Result<(Comment, Option<String>), sqlx::Error>> {
    use futures_util::StreamExt;
    sqlx::query(PUBLIC_QUERY.as_str())
        .bind(process_id)
        .fetch(db)
        .map(|row| row.map(|row| (comment_of(&row), row.get("pseudonym"))))
        .boxed()
}
