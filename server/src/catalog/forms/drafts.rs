//! Drafts of the record form: what a publisher typed, kept in SQL with its
//! errors when a save is refused, so nothing typed is lost and the form can
//! be shown again at its own address (post, redirect, get).

use app::catalog::publish::{FieldError, RecordForm};
use sqlx::Row;

use crate::store::{SqlStore, now_rfc3339};

/// Stores a draft for `subject` and returns its id.
pub async fn save_draft(
    sql: &SqlStore,
    subject: &str,
    form: &RecordForm,
    errors: &[FieldError],
) -> Result<String, sqlx::Error> {
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let id = hex::encode(random);
    sqlx::query("INSERT INTO record_drafts (id, subject, created_at, form, errors) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(subject)
        .bind(now_rfc3339())
        .bind(serde_json::to_string(form).unwrap_or_default())
        .bind(serde_json::to_string(errors).unwrap_or_default())
        .execute(sql.pool())
        .await?;
    Ok(id)
}

/// The draft `id` of `subject`, with its errors.
pub async fn load_draft(
    sql: &SqlStore,
    subject: &str,
    id: &str,
) -> Result<Option<(RecordForm, Vec<FieldError>)>, sqlx::Error> {
    let row = sqlx::query("SELECT form, errors FROM record_drafts WHERE id = $1 AND subject = $2")
        .bind(id)
        .bind(subject)
        .fetch_optional(sql.pool())
        .await?;
    Ok(row.and_then(|row| {
        let form = serde_json::from_str(&row.get::<String, _>(0)).ok()?;
        let errors = serde_json::from_str(&row.get::<String, _>(1)).unwrap_or_default();
        Some((form, errors))
    }))
}
