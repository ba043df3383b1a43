//! The consultation forms' refused attempts: the table `consult_drafts`,
//! so that nothing a person typed is lost when a form is refused. One per
//! account, form and target (what the form edits, or what it is for). The
//! page shows the attempt again with its problems, and a successful save
//! forgets it.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// The forms whose attempts are kept, with what each one is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft<'a> {
    /// The proposal form of process `process_id`, for proposal `number`
    /// (0: a new one).
    Proposal {
        /// The process.
        process_id: &'a str,
        /// The proposal edited, or 0.
        number: i64,
    },
    /// The consultation form, for the process `slug` ("": a new one).
    Process {
        /// The process edited, or "".
        slug: &'a str,
    },
    /// The survey builder of process `process_id`, for survey `number`
    /// (0: a new one).
    Survey {
        /// The process.
        process_id: &'a str,
        /// The survey edited, or 0.
        number: i64,
    },
    /// A citizen's answers to survey `number` of process `process_id`.
    Response {
        /// The process.
        process_id: &'a str,
        /// The survey.
        number: i64,
    },
    /// The meeting form of process `process_id`, for meeting `number`
    /// (0: a new one).
    Meeting {
        /// The process.
        process_id: &'a str,
        /// The meeting edited, or 0.
        number: i64,
    },
    /// The minutes form of meeting `number` of process `process_id`.
    Minutes {
        /// The process.
        process_id: &'a str,
        /// The meeting.
        number: i64,
    },
}

impl Draft<'_> {
    /// Its form's code and its target as stored.
    fn key(&self) -> (&'static str, String) {
        match self {
            Draft::Proposal { process_id, number } => {
                ("proposal", format!("{process_id}/{number}"))
            }
            Draft::Process { slug } => ("process", (*slug).to_owned()),
            Draft::Survey { process_id, number } => ("survey", format!("{process_id}/{number}")),
            Draft::Response { process_id, number } => {
                ("response", format!("{process_id}/{number}"))
            }
            Draft::Meeting { process_id, number } => ("meeting", format!("{process_id}/{number}")),
            Draft::Minutes { process_id, number } => ("minutes", format!("{process_id}/{number}")),
        }
    }
}

/// Keeps what `account` typed in `draft`'s form and why it was refused.
pub async fn save<I: Serialize, P: Serialize>(
    db: &mut AnyConnection,
    account: &AccountId,
    draft: &Draft<'_>,
    input: &I,
    problems: &[P],
) -> Result<(), sqlx::Error> {
    discard(&mut *db, account, draft).await?;
    let (form, target) = draft.key();
    sqlx::query(
        "INSERT INTO consult_drafts (account_id, form, target, input, problems, saved_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account.as_str())
    .bind(form)
    .bind(target)
    .bind(serde_json::to_string(input).unwrap_or_default())
    .bind(serde_json::to_string(problems).unwrap_or_default())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The kept attempt, if any (one that no longer reads as the form's input,
/// after an upgrade, is as good as none).
pub async fn get<I: DeserializeOwned, P: DeserializeOwned>(
    db: &mut AnyConnection,
    account: &AccountId,
    draft: &Draft<'_>,
) -> Result<Option<(I, Vec<P>)>, sqlx::Error> {
    let (form, target) = draft.key();
    let row = sqlx::query(
        "SELECT input, problems FROM consult_drafts \
         WHERE account_id = $1 AND form = $2 AND target = $3",
    )
    .bind(account.as_str())
    .bind(form)
    .bind(target)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.and_then(|r| {
        let input = serde_json::from_str(&r.get::<String, _>(0)).ok()?;
        let problems = serde_json::from_str(&r.get::<String, _>(1)).unwrap_or_default();
        Some((input, problems))
    }))
}

/// Forgets the kept attempt (after a successful save).
pub async fn discard(
    db: &mut AnyConnection,
    account: &AccountId,
    draft: &Draft<'_>,
) -> Result<(), sqlx::Error> {
    let (form, target) = draft.key();
    sqlx::query("DELETE FROM consult_drafts WHERE account_id = $1 AND form = $2 AND target = $3")
        .bind(account.as_str())
        .bind(form)
        .bind(target)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Refused attempts: exported, erased with the account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "form_drafts",
    table: "consult_drafts",
    columns: &["account_id", "input"],
    export: Export::Rows {
        query: "SELECT form, input, saved_at FROM consult_drafts WHERE account_id = $1 \
                ORDER BY saved_at",
        row: |r| {
            json!({
                "form": r.get::<String, _>(0),
                "typed": serde_json::from_str::<serde_json::Value>(&r.get::<String, _>(1))
                    .unwrap_or_default(),
                "saved": r.get::<String, _>(2),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM consult_drafts WHERE account_id = $1"),
};
