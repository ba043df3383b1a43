//! Proposals: the table `consult_proposals`. Its counters (`supports`,
//! `comments`) change only in the transaction that adds or removes what
//! they count, by an `UPDATE … SET n = n + 1`, never read-modify-write.

use app::consult::{ProposalContent, ProposalSort, ProposalState};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::store::Timestamp;

/// The modulus of the random order: a prime above every `shuffle`.
const SHUFFLE_PRIME: i64 = 1_048_573;

/// A stored proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Its process's id.
    pub process_id: String,
    /// Its number in the process.
    pub number: i64,
    /// Its author.
    pub author: AccountId,
    /// Title.
    pub title: String,
    /// Body, Markdown.
    pub body: String,
    /// Latitude and longitude.
    pub point: Option<(f64, f64)>,
    /// The place in words.
    pub place: Option<String>,
    /// Where it is in its life.
    pub state: ProposalState,
    /// The official answer, Markdown.
    pub answer: Option<String>,
    /// When it was answered.
    pub answered_at: Option<String>,
    /// Supports.
    pub supports: i64,
    /// Comments the public sees.
    pub comments: i64,
    /// When moderation hid it.
    pub hidden_at: Option<String>,
    /// The reason reported most, when hidden.
    pub hidden_reason: Option<String>,
    /// When it was published.
    pub created_at: String,
    /// When its author last edited it.
    pub edited_at: Option<String>,
    /// Whether its author erased it with their account.
    pub erased: bool,
}

impl Proposal {
    /// Whether the public may see it.
    pub fn is_public(&self) -> bool {
        self.hidden_at.is_none() && !self.erased
    }
}

const COLUMNS: &str = "process_id, number, author_id, title, body, latitude, longitude, place, \
     state, answer, answered_at, supports, comments, hidden_at, hidden_reason, created_at, edited_at, erased_at";

fn proposal_of(row: &AnyRow) -> Proposal {
    let point = match (
        row.get::<Option<f64>, _>("latitude"),
        row.get::<Option<f64>, _>("longitude"),
    ) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => None,
    };
    Proposal {
        process_id: row.get("process_id"),
        number: row.get("number"),
        author: AccountId::from_stored(row.get::<String, _>("author_id")),
        title: row.get("title"),
        body: row.get("body"),
        point,
        place: row.get("place"),
        state: ProposalState::from_code(&row.get::<String, _>("state")).unwrap_or_default(),
        answer: row.get("answer"),
        answered_at: row.get("answered_at"),
        supports: row.get("supports"),
        comments: row.get("comments"),
        hidden_at: row.get("hidden_at"),
        hidden_reason: row.get("hidden_reason"),
        created_at: row.get("created_at"),
        edited_at: row.get("edited_at"),
        erased: row.get::<Option<String>, _>("erased_at").is_some(),
    }
}

/// A random number for the shuffle, below [`SHUFFLE_PRIME`].
fn shuffle() -> i64 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    i64::from(u32::from_le_bytes(bytes)) % SHUFFLE_PRIME
}

/// Publishes a proposal as number `number` of process `process_id`.
pub async fn create(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    author: &AccountId,
    content: &ProposalContent,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consult_proposals (process_id, number, author_id, title, body, latitude, \
         longitude, place, state, shuffle, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(process_id)
    .bind(number)
    .bind(author.as_str())
    .bind(&content.title)
    .bind(&content.body)
    .bind(content.point.map(|p| p.0))
    .bind(content.point.map(|p| p.1))
    .bind(content.place.as_deref())
    .bind(ProposalState::Published.code())
    .bind(shuffle())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Replaces a proposal's text, place and point (its author's edit).
pub async fn update(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    content: &ProposalContent,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_proposals SET title = $3, body = $4, latitude = $5, longitude = $6, \
         place = $7, edited_at = $8 WHERE process_id = $1 AND number = $2",
    )
    .bind(process_id)
    .bind(number)
    .bind(&content.title)
    .bind(&content.body)
    .bind(content.point.map(|p| p.0))
    .bind(content.point.map(|p| p.1))
    .bind(content.place.as_deref())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Sets a proposal's state (its author withdrawing it).
pub async fn set_state(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    state: ProposalState,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE consult_proposals SET state = $3 WHERE process_id = $1 AND number = $2")
        .bind(process_id)
        .bind(number)
        .bind(state.code())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Records the official answer: a state and its text, by `by`.
pub async fn answer(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    state: ProposalState,
    text: &str,
    by: &AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_proposals SET state = $3, answer = $4, answered_at = $5, answered_by = $6 \
         WHERE process_id = $1 AND number = $2",
    )
    .bind(process_id)
    .bind(number)
    .bind(state.code())
    .bind(text)
    .bind(Timestamp::now().as_str())
    .bind(by.as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Adds `delta` to the counter `column` (`supports` or `comments`).
async fn add_to(
    db: &mut AnyConnection,
    column: &'static str,
    process_id: &str,
    number: i64,
    delta: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "UPDATE consult_proposals SET {column} = {column} + $3 WHERE process_id = $1 AND number = $2"
    ))
    .bind(process_id)
    .bind(number)
    .bind(delta)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Adds `delta` (1 or -1) to a proposal's support counter.
pub async fn count_support(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    delta: i64,
) -> Result<(), sqlx::Error> {
    add_to(db, "supports", process_id, number, delta).await
}

/// Proposal `number` of process `process_id`, hidden or not.
pub async fn get(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Option<Proposal>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_proposals WHERE process_id = $1 AND number = $2"
    ))
    .bind(process_id)
    .bind(number)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.as_ref().map(proposal_of))
}

/// The proposals the public sees, per process id.
pub async fn public_counts(
    db: &mut AnyConnection,
) -> Result<std::collections::HashMap<String, u64>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT process_id, COUNT(*) FROM consult_proposals \
         WHERE hidden_at IS NULL AND erased_at IS NULL GROUP BY process_id",
    )
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1).max(0) as u64))
        .collect())
}

/// Which proposals a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Only this state; without one, every state but withdrawn.
    pub state: Option<ProposalState>,
    /// Words in the title or body (case-insensitive).
    pub text: String,
    /// Only proposals with a point.
    pub located: bool,
    /// Only these numbers (the proposals citing a record).
    pub numbers: Option<Vec<i64>>,
}

/// The multiplier of the random order for a visitor's seed: never 0, so
/// every seed orders the proposals as a permutation of their shuffles.
pub fn multiplier(seed: u32) -> i64 {
    i64::from(seed) % (SHUFFLE_PRIME - 1) + 1
}

fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// One page of the public proposals of process `process_id` matching
/// `filter`, in `sort` order (`seed` for the random one), and how many
/// match in all.
pub async fn list(
    db: &mut AnyConnection,
    process_id: &str,
    filter: &ListFilter,
    sort: ProposalSort,
    seed: u32,
    (limit, offset): (i64, i64),
) -> Result<(u64, Vec<Proposal>), sqlx::Error> {
    // Only the conditions that filter are written, so that without a text
    // the statement reads no column but those of the partial indexes of
    // migration 0013, which then answer it alone, in order (the rows, with
    // their long bodies, are read only for the page shown). PostgreSQL
    // refuses a parameter bound and unused, so each is bound only with its
    // condition.
    let mut params = vec![Param::Text(process_id.to_owned())];
    let mut conditions =
        String::from("process_id = $1 AND hidden_at IS NULL AND erased_at IS NULL");
    let mut param = |value: Param| {
        params.push(value);
        format!("${}", params.len())
    };
    match filter.state {
        Some(state) => {
            let p = param(Param::Text(state.code().to_owned()));
            conditions.push_str(&format!(" AND state = {p}"));
        }
        None => conditions.push_str(" AND state <> 'withdrawn'"),
    }
    if !filter.text.is_empty() {
        let p = param(Param::Text(escape_like(&filter.text)));
        conditions.push_str(&format!(
            " AND (LOWER(title) LIKE {p} ESCAPE '\\' OR LOWER(body) LIKE {p} ESCAPE '\\')"
        ));
    }
    if filter.located {
        conditions.push_str(" AND latitude IS NOT NULL");
    }
    if let Some(numbers) = &filter.numbers {
        if numbers.is_empty() {
            return Ok((0, Vec::new()));
        }
        let placeholders: Vec<String> = numbers.iter().map(|n| param(Param::Int(*n))).collect();
        conditions.push_str(&format!(" AND number IN ({})", placeholders.join(", ")));
    }
    let order = match sort {
        ProposalSort::Random => {
            let p = param(Param::Int(multiplier(seed)));
            format!("(shuffle * {p}) % {SHUFFLE_PRIME}, number")
        }
        ProposalSort::MostSupported => "supports DESC, number DESC".to_owned(),
        ProposalSort::MostCommented => "comments DESC, number DESC".to_owned(),
        ProposalSort::Newest => "created_at DESC, number DESC".to_owned(),
    };
    // The page's numbers, and how many match. Without a text, both come
    // from an index alone, and the page from it in order, stopping after
    // the page. A text is matched against every body: then one pass gives
    // both (a window count), and a second only past the last page.
    let count_sql = format!("SELECT COUNT(*) FROM consult_proposals WHERE {conditions}");
    let searching = !filter.text.is_empty();
    let page_sql = format!(
        "SELECT number{} FROM consult_proposals WHERE {conditions} \
         ORDER BY {order} LIMIT {limit} OFFSET {offset}",
        if searching { ", COUNT(*) OVER ()" } else { "" }
    );
    let numbered = bound(&page_sql, &params).fetch_all(&mut *db).await?;
    let numbers: Vec<i64> = numbered.iter().map(|r| r.get(0)).collect();
    let total: i64 = match numbered.first() {
        Some(row) if searching => row.get(1),
        None if searching && offset == 0 => 0,
        _ => bound(&count_sql, &params).fetch_one(&mut *db).await?.get(0),
    };
    if numbers.is_empty() {
        return Ok((total.max(0) as u64, Vec::new()));
    }
    // The numbers come from the database, so they are written inline.
    let listed: Vec<String> = numbers.iter().map(i64::to_string).collect();
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_proposals WHERE process_id = $1 AND number IN ({})",
        listed.join(", ")
    ))
    .bind(process_id)
    .fetch_all(&mut *db)
    .await?;
    let mut proposals: Vec<Proposal> = rows.iter().map(proposal_of).collect();
    proposals.sort_by_key(|p| numbers.iter().position(|n| *n == p.number));
    Ok((total.max(0) as u64, proposals))
}

/// A value bound to a statement of [`list`].
enum Param {
    Text(String),
    Int(i64),
}

/// `sql` with `params` bound in order.
fn bound<'q>(
    sql: &'q str,
    params: &[Param],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    let mut query = sqlx::query(sql);
    for value in params {
        query = match value {
            Param::Text(text) => query.bind(text.clone()),
            Param::Int(n) => query.bind(*n),
        };
    }
    query
}

/// Every proposal `author` wrote, for "download my data".
pub async fn by_author(
    db: &mut AnyConnection,
    author: &AccountId,
) -> Result<Vec<Proposal>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_proposals WHERE author_id = $1 ORDER BY created_at"
    ))
    .bind(author.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(proposal_of).collect())
}

/// A citizen's proposals: exported with their text; kept when the account
/// is deleted (public contributions then say "a deleted participant"),
/// unless the person also erases their contributions. `answered_by` names
/// the moderator who answered, an official act that stays.
pub const PERSONAL_DATA: crate::auth::personal_data::PersonalData =
    crate::auth::personal_data::PersonalData {
        key: "proposals",
        table: "consult_proposals",
        columns: &[
            "author_id",
            "answered_by",
            "title",
            "body",
            "latitude",
            "longitude",
            "place",
        ],
        export: crate::auth::personal_data::Export::Rows {
            query: "SELECT p.slug, c.number, c.title, c.body, c.latitude, c.longitude, c.place, \
                    c.state, c.created_at, c.edited_at, c.hidden_at FROM consult_proposals c \
                    JOIN consult_processes p ON p.id = c.process_id WHERE c.author_id = $1 \
                    ORDER BY c.created_at",
            row: |r| {
                serde_json::json!({
                    "consultation": r.get::<String, _>(0),
                    "number": r.get::<i64, _>(1),
                    "title": r.get::<String, _>(2),
                    "body": r.get::<String, _>(3),
                    "latitude": r.get::<Option<f64>, _>(4),
                    "longitude": r.get::<Option<f64>, _>(5),
                    "place": r.get::<Option<String>, _>(6),
                    "state": r.get::<String, _>(7),
                    "published": r.get::<String, _>(8),
                    "edited": r.get::<Option<String>, _>(9),
                    "hidden": r.get::<Option<String>, _>(10),
                })
            },
        },
        erase: crate::auth::personal_data::Erase::Kept(
            "public contributions stay, shown as by a deleted participant; ticking \"also erase my contributions\" empties their text",
        ),
    };

/// Adds `delta` to a proposal's comment counter.
pub async fn count_comment(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    delta: i64,
) -> Result<(), sqlx::Error> {
    add_to(db, "comments", process_id, number, delta).await
}

/// Hides (with the reason) or shows again (`None`) a proposal.
pub async fn set_hidden(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_proposals SET hidden_at = $3, hidden_reason = $4 \
         WHERE process_id = $1 AND number = $2",
    )
    .bind(process_id)
    .bind(number)
    .bind(reason.map(|_| Timestamp::now().into_string()))
    .bind(reason)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Empties the text, place and point of every proposal `author` wrote
/// (their contributions erased with their account); the proposals keep
/// their numbers, supports and comments.
pub async fn erase_by(db: &mut AnyConnection, author: &AccountId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_proposals SET title = '', body = '', latitude = NULL, longitude = NULL, \
         place = NULL, erased_at = $2 WHERE author_id = $1 AND erased_at IS NULL",
    )
    .bind(author.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Every hidden proposal, oldest hidden first.
pub async fn hidden(db: &mut AnyConnection) -> Result<Vec<Proposal>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_proposals WHERE hidden_at IS NOT NULL ORDER BY hidden_at"
    ))
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(proposal_of).collect())
}

/// The export's query: public proposals with their authors' pseudonyms.
static PUBLIC_QUERY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("p.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT {columns}, CASE WHEN a.deleted_at IS NULL THEN a.pseudonym END AS pseudonym \
         FROM consult_proposals p JOIN accounts a ON a.id = p.author_id \
         WHERE p.process_id = $1 AND p.hidden_at IS NULL AND p.erased_at IS NULL \
         ORDER BY p.number"
    )
});

/// Process `process_id`'s public proposals by number, each with its
/// author's pseudonym (`None` once the account is deleted), read as a
/// stream: the open-data export.
pub fn public_stream<'a>(
    db: &'a mut AnyConnection,
    process_id: &'a str,
) -> futures_util::stream::BoxStream<'a, Result<(Proposal, Option<String>), sqlx::Error>> {
    use futures_util::StreamExt;
    sqlx::query(PUBLIC_QUERY.as_str())
        .bind(process_id)
        .fetch(db)
        .map(|row| row.map(|row| (proposal_of(&row), row.get("pseudonym"))))
        .boxed()
}
