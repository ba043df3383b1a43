//! The proposals a meeting led to or discussed: the table
//! `consult_meeting_outcomes`, written with the minutes.

use app::consult::ProposalState;
use sqlx::{AnyConnection, Row};

/// Replaces meeting `number`'s outcomes by `proposals`, in that order
/// (the caller checked that they are proposals of the process).
pub async fn set(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    proposals: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM consult_meeting_outcomes WHERE process_id = $1 AND meeting_number = $2",
    )
    .bind(process_id)
    .bind(number)
    .execute(&mut *db)
    .await?;
    for (ordinal, proposal) in proposals.iter().enumerate() {
        sqlx::query(
            "INSERT INTO consult_meeting_outcomes (process_id, meeting_number, proposal_number, \
             ordinal) VALUES ($1, $2, $3, $4)",
        )
        .bind(process_id)
        .bind(number)
        .bind(*proposal)
        .bind(ordinal as i64)
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// One outcome as pages and exports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The proposal's number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: ProposalState,
}

/// Meeting `number`'s outcomes, in order, leaving out hidden and erased
/// proposals.
pub async fn of_meeting(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<Vec<Outcome>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.number, p.title, p.state FROM consult_meeting_outcomes o \
         JOIN consult_proposals p ON p.process_id = o.process_id AND p.number = o.proposal_number \
         WHERE o.process_id = $1 AND o.meeting_number = $2 AND p.hidden_at IS NULL \
         AND p.erased_at IS NULL ORDER BY o.ordinal",
    )
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(Outcome {
                number: r.get(0),
                title: r.get(1),
                state: ProposalState::from_code(&r.get::<String, _>(2))?,
            })
        })
        .collect())
}

/// The proposal numbers among `numbers` that process `process_id` has
/// not (hidden and erased ones count as unknown).
pub async fn unknown(
    db: &mut AnyConnection,
    process_id: &str,
    numbers: &[i64],
) -> Result<Vec<i64>, sqlx::Error> {
    let mut missing = Vec::new();
    for number in numbers {
        let found = sqlx::query(
            "SELECT 1 FROM consult_proposals WHERE process_id = $1 AND number = $2 \
             AND hidden_at IS NULL AND erased_at IS NULL",
        )
        .bind(process_id)
        .bind(*number)
        .fetch_optional(&mut *db)
        .await?;
        if found.is_none() {
            missing.push(*number);
        }
    }
    Ok(missing)
}
