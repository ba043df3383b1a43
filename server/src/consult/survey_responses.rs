//! Survey responses and their answers: the tables
//! `consult_survey_responses` (one per citizen and survey: its unique key
//! refuses a second) and `consult_survey_answers` (the rows of
//! `app::consult::survey::AnswerRow`). Saving a response changes the
//! results' counts (`survey_tallies`) in the same transaction; the
//! survey's counter is changed by the use case (`surveying::answer`).

use app::consult::survey::AnswerRow;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::consult::survey_tallies;
use crate::store::Timestamp;

/// `account`'s response to survey `number`: its id and answer rows.
pub async fn of_account(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<Option<(String, Vec<AnswerRow>)>, sqlx::Error> {
    let Some(id) = id_of(&mut *db, process_id, number, account).await? else {
        return Ok(None);
    };
    let rows = sqlx::query(
        "SELECT question, row_index, choice, rank_given, text FROM consult_survey_answers \
         WHERE response_id = $1 ORDER BY question, row_index, rank_given, choice",
    )
    .bind(&id)
    .fetch_all(&mut *db)
    .await?;
    let rows = rows.iter().map(|r| answer_row(r, 0)).collect();
    Ok(Some((id, rows)))
}

/// The id of `account`'s response to survey `number`, if any.
async fn id_of(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id FROM consult_survey_responses WHERE process_id = $1 AND survey_number = $2 \
         AND account_id = $3",
    )
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.map(|r| r.get(0)))
}

/// The answer row in the columns from `at`: question, row_index, choice,
/// rank_given, text.
fn answer_row(r: &sqlx::any::AnyRow, at: usize) -> AnswerRow {
    AnswerRow {
        question: r.get::<i64, _>(at) as u32,
        row: r.get::<i64, _>(at + 1) as u32,
        choice: r.get::<i64, _>(at + 2) as u32,
        rank: r.get::<Option<i64>, _>(at + 3).map(|n| n as u32),
        text: r.get(at + 4),
    }
}

/// Writes `account`'s response to survey `number` as `rows`, replacing
/// the answers of an earlier one. `true` when the response is new (the
/// caller then counts it).
pub async fn save(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    account: &AccountId,
    rows: &[AnswerRow],
) -> Result<bool, sqlx::Error> {
    let now = Timestamp::now();
    let inserted = sqlx::query(
        "INSERT INTO consult_survey_responses (id, process_id, survey_number, account_id, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING",
    )
    .bind(crate::auth::random_id())
    .bind(process_id)
    .bind(number)
    .bind(account.as_str())
    .bind(now.as_str())
    .execute(&mut *db)
    .await?
    .rows_affected()
        == 1;
    let id = id_of(&mut *db, process_id, number, account)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let mut old = Vec::new();
    if !inserted {
        old = sqlx::query(
            "DELETE FROM consult_survey_answers WHERE response_id = $1 \
             RETURNING question, row_index, choice, rank_given, text",
        )
        .bind(&id)
        .fetch_all(&mut *db)
        .await?
        .iter()
        .map(|r| answer_row(r, 0))
        .collect();
        sqlx::query("UPDATE consult_survey_responses SET updated_at = $1 WHERE id = $2")
            .bind(now.as_str())
            .bind(&id)
            .execute(&mut *db)
            .await?;
    }
    for row in rows {
        sqlx::query(
            "INSERT INTO consult_survey_answers (response_id, process_id, survey_number, \
             question, row_index, choice, rank_given, text) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(process_id)
        .bind(number)
        .bind(i64::from(row.question))
        .bind(i64::from(row.row))
        .bind(i64::from(row.choice))
        .bind(row.rank.map(i64::from))
        .bind(row.text.as_deref())
        .execute(&mut *db)
        .await?;
    }
    survey_tallies::change(&mut *db, process_id, number, &old, rows).await?;
    Ok(inserted)
}

/// A free-text answer, with the pseudonymous id of its response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextAnswer {
    /// The response's id.
    pub response: String,
    /// The question.
    pub question: u32,
    /// What was written.
    pub text: String,
    /// Whether an administrator published it with the results.
    pub published: bool,
}

/// The free-text answers of survey `number` (only the published ones when
/// `published_only`), newest responses first, at most `limit`.
pub async fn texts(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    published_only: bool,
    limit: i64,
) -> Result<Vec<TextAnswer>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT a.response_id, a.question, a.text, a.published_at FROM consult_survey_answers a \
         JOIN consult_survey_responses r ON r.id = a.response_id \
         WHERE a.process_id = $1 AND a.survey_number = $2 AND a.text IS NOT NULL \
         AND a.text <> ''{} ORDER BY a.question, r.created_at DESC, a.response_id LIMIT {limit}",
        if published_only {
            " AND a.published_at IS NOT NULL"
        } else {
            ""
        }
    ))
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| TextAnswer {
            response: r.get(0),
            question: r.get::<i64, _>(1) as u32,
            text: r.get(2),
            published: r.get::<Option<String>, _>(3).is_some(),
        })
        .collect())
}

/// Publishes (or withdraws) the free-text answer of response `response`
/// to `question`; `false` when there is no such answer.
pub async fn set_published(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    response: &str,
    question: u32,
    published: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE consult_survey_answers SET published_at = $1 WHERE process_id = $2 \
         AND survey_number = $3 AND response_id = $4 AND question = $5 AND text IS NOT NULL",
    )
    .bind(published.then(|| Timestamp::now().as_str().to_owned()))
    .bind(process_id)
    .bind(number)
    .bind(response)
    .bind(i64::from(question))
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// One row of the responses download: which response, when, and one
/// answer row. No account and no email: the response id is random.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// The response's id.
    pub response: String,
    /// When it was first given.
    pub created_at: String,
    /// The answer row.
    pub answer: AnswerRow,
}

/// Every answer row of survey `number`, by response.
pub async fn export(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Vec<ExportRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.id, r.created_at, a.question, a.row_index, a.choice, a.rank_given, a.text \
         FROM consult_survey_responses r JOIN consult_survey_answers a ON a.response_id = r.id \
         WHERE r.process_id = $1 AND r.survey_number = $2 \
         ORDER BY r.created_at, r.id, a.question, a.row_index, a.rank_given, a.choice",
    )
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| ExportRow {
            response: r.get(0),
            created_at: r.get(1),
            answer: answer_row(r, 2),
        })
        .collect())
}

/// A citizen's survey responses: exported with their answers; kept when
/// the account is deleted, since each is part of a survey's counted
/// results and the account row it points to no longer names anyone. Their
/// free text is erased (`ANSWERS_PERSONAL_DATA`).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "survey_responses",
    table: "consult_survey_responses",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT p.slug, r.survey_number, r.created_at, r.updated_at \
                FROM consult_survey_responses r JOIN consult_processes p ON p.id = r.process_id \
                WHERE r.account_id = $1 ORDER BY r.created_at",
        row: |r| {
            json!({
                "consultation": r.get::<String, _>(0),
                "survey": r.get::<i64, _>(1),
                "answered": r.get::<String, _>(2),
                "changed": r.get::<String, _>(3),
            })
        },
    },
    erase: Erase::Kept(
        "a response is part of a survey's counted results; the deleted account it points to no longer names anyone",
    ),
};

/// The answers of a citizen's responses: exported; on deletion of the
/// account the choices stay in the counts and the free text is emptied,
/// since it may say who wrote it.
pub const ANSWERS_PERSONAL_DATA: PersonalData = PersonalData {
    key: "survey_answers",
    table: "consult_survey_answers",
    columns: &["text"],
    export: Export::Rows {
        query: "SELECT p.slug, a.survey_number, a.question, a.row_index, a.choice, a.rank_given, \
                a.text FROM consult_survey_answers a \
                JOIN consult_survey_responses r ON r.id = a.response_id \
                JOIN consult_processes p ON p.id = a.process_id \
                WHERE r.account_id = $1 ORDER BY a.survey_number, a.question, a.row_index",
        row: |r| {
            json!({
                "consultation": r.get::<String, _>(0),
                "survey": r.get::<i64, _>(1),
                "question": r.get::<i64, _>(2) + 1,
                "row": r.get::<i64, _>(3),
                "choice": r.get::<i64, _>(4),
                "rank": r.get::<Option<i64>, _>(5),
                "text": r.get::<Option<String>, _>(6),
            })
        },
    },
    erase: Erase::Statement(
        "UPDATE consult_survey_answers SET text = '', published_at = NULL WHERE text IS NOT NULL \
         AND response_id IN (SELECT id FROM consult_survey_responses WHERE account_id = $1)",
    ),
};
