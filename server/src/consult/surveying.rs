//! Answering a survey: one transaction checks that its phase is open,
//! writes the response (replacing an earlier one by the same citizen) and
//! counts it. A refused response is kept as a draft, so the page shows it
//! again with its problems.

use app::account::Notice;
use app::consult::survey::{AnswerError, read_answers};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::form_drafts::{self, Draft};
use crate::consult::processes::{self, Process};
use crate::consult::survey_responses;
use crate::consult::surveys::{self, Survey};
use crate::store::{SqlStore, Timestamp};

/// Why a response was not taken.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    /// No such process or survey.
    #[error("no such consultation or survey")]
    NotFound,
    /// The survey's phase is not running.
    #[error("the survey is not open")]
    Closed,
    /// The answers have problems; they are kept as a draft.
    #[error("the answers have problems: {0:?}")]
    Refused(Vec<AnswerError>),
    /// The database failed.
    #[error("survey storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl SurveyError {
    /// The notice the form post redirects with.
    pub fn notice(&self) -> Notice {
        match self {
            SurveyError::NotFound | SurveyError::Sql(_) => Notice::Unavailable,
            SurveyError::Closed => Notice::SurveyClosed,
            SurveyError::Refused(_) => Notice::SurveyInvalid,
        }
    }
}

/// Process `slug` and its survey `number`.
pub async fn find(
    db: &mut AnyConnection,
    slug: &str,
    number: i64,
) -> Result<Option<(Process, Survey)>, sqlx::Error> {
    let Some(process) = processes::by_slug(&mut *db, slug).await? else {
        return Ok(None);
    };
    Ok(surveys::get(&mut *db, &process.id, number)
        .await?
        .map(|survey| (process, survey)))
}

/// Whether `survey` takes answers at `now`.
pub fn is_open(process: &Process, survey: &Survey, now: &str) -> bool {
    process.timeline.is_open(survey.content.phase, now)
}

/// Takes `account`'s answers to survey `number` of `slug`, as posted.
pub async fn answer(
    sql: &SqlStore,
    slug: &str,
    number: i64,
    account: &AccountId,
    posted: &[(String, String)],
) -> Result<(), SurveyError> {
    let mut tx = sql.begin().await?;
    let (process, survey) = find(&mut tx, slug, number)
        .await?
        .ok_or(SurveyError::NotFound)?;
    if !is_open(&process, &survey, Timestamp::now().as_str()) {
        return Err(SurveyError::Closed);
    }
    let draft = Draft::Response {
        process_id: &process.id,
        number,
    };
    let answers = match read_answers(&survey.content.definition, posted) {
        Ok(answers) => answers,
        Err(problems) => {
            drop(tx);
            let mut db = sql.conn().await?;
            form_drafts::save(&mut db, account, &draft, &posted, &problems).await?;
            return Err(SurveyError::Refused(problems));
        }
    };
    let rows: Vec<_> = answers
        .iter()
        .flat_map(|(question, answer)| answer.rows(*question as u32))
        .collect();
    if survey_responses::save(&mut tx, &process.id, number, account, &rows).await? {
        surveys::count_response(&mut tx, &process.id, number, 1).await?;
    }
    form_drafts::discard(&mut tx, account, &draft).await?;
    tx.commit().await?;
    Ok(())
}
