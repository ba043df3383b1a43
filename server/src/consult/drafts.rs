//! The proposal form's refused attempts: the table
//! `consult_proposal_drafts`, so that nothing a citizen typed is lost when
//! the form is refused. One per account, process and target (0 for a new
//! proposal, else the number of the proposal edited).

use app::consult::{ProposalInput, ProposalProblem};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// Keeps what `account` typed and why it was refused.
pub async fn save(
    db: &mut AnyConnection,
    account: &AccountId,
    process_id: &str,
    target: i64,
    input: &ProposalInput,
    problems: &[ProposalProblem],
) -> Result<(), sqlx::Error> {
    discard(&mut *db, account, process_id, target).await?;
    sqlx::query(
        "INSERT INTO consult_proposal_drafts (account_id, process_id, target, input, problems, \
         saved_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(account.as_str())
    .bind(process_id)
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
    process_id: &str,
    target: i64,
) -> Result<Option<(ProposalInput, Vec<ProposalProblem>)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT input, problems FROM consult_proposal_drafts \
         WHERE account_id = $1 AND process_id = $2 AND target = $3",
    )
    .bind(account.as_str())
    .bind(process_id)
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
    process_id: &str,
    target: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM consult_proposal_drafts WHERE account_id = $1 AND process_id = $2 \
         AND target = $3",
    )
    .bind(account.as_str())
    .bind(process_id)
    .bind(target)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Refused proposal attempts: exported, erased with the account.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "proposal_drafts",
    table: "consult_proposal_drafts",
    columns: &["account_id", "input"],
    export: Export::Rows {
        query: "SELECT input, saved_at FROM consult_proposal_drafts WHERE account_id = $1 \
                ORDER BY saved_at",
        row: |r| {
            json!({
                "typed": serde_json::from_str::<serde_json::Value>(&r.get::<String, _>(0))
                    .unwrap_or_default(),
                "saved": r.get::<String, _>(1),
            })
        },
    },
    erase: Erase::Statement("DELETE FROM consult_proposal_drafts WHERE account_id = $1"),
};
