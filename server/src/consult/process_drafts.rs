//! The consultation form's refused attempts: the table
//! `consult_process_drafts`, so that nothing a moderator typed is lost when
//! the form is refused. One per account and target (the slug of the
//! process edited, or empty for a new one). The cover image is not kept.

use app::consult::{ProcessInput, ProcessProblem};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// Keeps what `account` typed and why it was refused.
pub async fn save(
    db: &mut AnyConnection,
    account: &AccountId,
    target: &str,
    input: &ProcessInput,
    problems: &[ProcessProblem],
) -> Result<(), sqlx::Error> {
    discard(&mut *db, account, target).await?;
    sqlx::query(
        "INSERT INTO consult_process_drafts (account_id, target, input, problems, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account.as_str())
    .bind(target)
    .bind(serde_json::to_string(input).unwrap_or_default())
    .bind(serde_json::to_string(problems).unwrap_or_default())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The kept attempt, if any.
pub async fn get(
    db: &mut AnyConnection,
    account: &AccountId,
    target: &str,
) -> Result<Option<(ProcessInput, Vec<ProcessProblem>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT input, problems FROM consult_process_drafts WHERE account_id = $1 AND target = $2",
    )
    .bind(account.as_str())
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
    target: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM consult_process_drafts WHERE account_id = $1 AND target = $2")
        .bind(account.as_str())
        .bind(target)
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Refused consultation attempts: exported, erased with the account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "consultation_drafts",
    table: "consult_process_drafts",
    columns: &["account_id", "input"],
    export: Export::Rows {
        query: "SELECT input, created_at FROM consult_process_drafts WHERE account_id = $1 \
                ORDER BY created_at",
        row: |r| {
            json!({
                "typed": serde_json::from_str::<serde_json::Value>(&r.get::<String, _>(0))
                    .unwrap_or_default(),
                "saved": r.get::<String, _>(1),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM consult_process_drafts WHERE account_id = $1"),
};
