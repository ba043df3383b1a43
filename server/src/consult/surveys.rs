//! Surveys of a process: the table `consult_surveys`. A survey's
//! definition (its questions, as JSON) changes only while it has no
//! response: the update says so by its own `WHERE`, so a response that
//! arrives in between cannot be left pointing at questions that moved.

use app::consult::PhaseKind;
use app::consult::survey::SurveyDefinition;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// What the builder writes.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyContent {
    /// Title.
    pub title: String,
    /// Introduction, Markdown.
    pub intro: String,
    /// The phase during which it takes answers.
    pub phase: PhaseKind,
    /// Whether a citizen sees the results as soon as they answered.
    pub results_after_answer: bool,
    /// Its questions.
    pub definition: SurveyDefinition,
}

/// A stored survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// Its process's id.
    pub process_id: String,
    /// Its number in the process.
    pub number: i64,
    /// What it says and asks.
    pub content: SurveyContent,
    /// Responses so far.
    pub responses: i64,
    /// When it was made.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

const COLUMNS: &str = "process_id, number, title, intro, phase, results_after_answer, definition, \
     responses, created_at, updated_at";

fn survey_of(row: &AnyRow) -> Result<Survey, sqlx::Error> {
    let corrupt = |what: String| sqlx::Error::Decode(what.into());
    let phase = row.get::<String, _>("phase");
    let definition = row.get::<String, _>("definition");
    Ok(Survey {
        process_id: row.get("process_id"),
        number: row.get("number"),
        content: SurveyContent {
            title: row.get("title"),
            intro: row.get("intro"),
            phase: PhaseKind::from_code(&phase)
                .ok_or_else(|| corrupt(format!("a survey's phase is {phase:?}")))?,
            results_after_answer: row.get::<i64, _>("results_after_answer") != 0,
            definition: serde_json::from_str(&definition)
                .map_err(|e| corrupt(format!("a survey's definition does not read: {e}")))?,
        },
        responses: row.get("responses"),
        created_at: row.get("created_at"),
        updated_at: row.get("updated_at"),
    })
}

/// Adds a survey to process `process_id`, as its next number (the caller
/// holds the process, `processes::hold`, so two surveys never get one).
pub async fn create(
    db: &mut AnyConnection,
    process_id: &str,
    content: &SurveyContent,
) -> Result<i64, sqlx::Error> {
    let number: i64 = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM consult_surveys WHERE process_id = $1",
    )
    .bind(process_id)
    .fetch_one(&mut *db)
    .await?
    .get(0);
    let now = Timestamp::now();
    sqlx::query(
        "INSERT INTO consult_surveys (process_id, number, title, intro, phase, \
         results_after_answer, definition, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(process_id)
    .bind(number)
    .bind(&content.title)
    .bind(&content.intro)
    .bind(content.phase.code())
    .bind(i64::from(content.results_after_answer))
    .bind(serde_json::to_string(&content.definition).unwrap_or_default())
    .bind(now.as_str())
    .execute(&mut *db)
    .await?;
    Ok(number)
}

/// Why a survey was not changed.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// It has responses and its questions were changed.
    #[error("the survey has responses, so its questions can no longer change")]
    Answered,
    /// There is no such survey.
    #[error("no such survey")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Sql(#[from] sqlx::Error),
}

/// Changes survey `number`: its texts, phase and results setting always,
/// its questions only while it has no response.
pub async fn update(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    content: &SurveyContent,
) -> Result<(), UpdateError> {
    let stored = get(&mut *db, process_id, number)
        .await?
        .ok_or(UpdateError::NotFound)?;
    let now = Timestamp::now();
    if stored.content.definition != content.definition {
        let done = sqlx::query(
            "UPDATE consult_surveys SET definition = $1 WHERE process_id = $2 AND number = $3 \
             AND responses = 0",
        )
        .bind(serde_json::to_string(&content.definition).unwrap_or_default())
        .bind(process_id)
        .bind(number)
        .execute(&mut *db)
        .await?;
        if done.rows_affected() == 0 {
            return Err(UpdateError::Answered);
        }
    }
    sqlx::query(
        "UPDATE consult_surveys SET title = $1, intro = $2, phase = $3, \
         results_after_answer = $4, updated_at = $5 WHERE process_id = $6 AND number = $7",
    )
    .bind(&content.title)
    .bind(&content.intro)
    .bind(content.phase.code())
    .bind(i64::from(content.results_after_answer))
    .bind(now.as_str())
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Counts one more response (`delta` 1) or one fewer (-1), in the
/// transaction that adds or removes it.
pub async fn count_response(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    delta: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE consult_surveys SET responses = responses + $1 WHERE process_id = $2 AND number = $3",
    )
    .bind(delta)
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await
    .map(|_| ())
}

/// Survey `number` of process `process_id`.
pub async fn get(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Option<Survey>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_surveys WHERE process_id = $1 AND number = $2"
    ))
    .bind(process_id)
    .bind(number)
    .fetch_optional(&mut *db)
    .await?
    .as_ref()
    .map(survey_of)
    .transpose()
}

/// The surveys of process `process_id`, by number.
pub async fn of_process(
    db: &mut AnyConnection,
    process_id: &str,
) -> Result<Vec<Survey>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM consult_surveys WHERE process_id = $1 ORDER BY number"
    ))
    .bind(process_id)
    .fetch_all(&mut *db)
    .await?
    .iter()
    .map(survey_of)
    .collect()
}
