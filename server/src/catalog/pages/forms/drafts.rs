//! Drafts of the record form: what a publisher typed, kept in SQL with its
//! errors when a save is refused, so nothing typed is lost and the form can
//! be shown again at its own address (post, redirect, get). This module
//! owns the `record_drafts` table.

use app::catalog::publish::{FieldError, RecordForm};
use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::store::Timestamp;

/// Stores a draft of `author` and returns its id.
pub async fn save_draft(
    db: &mut AnyConnection,
    author: &AccountId,
    form: &RecordForm,
    errors: &[FieldError],
) -> Result<String, sqlx::Error> {
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let id = hex::encode(random);
    sqlx::query("INSERT INTO record_drafts (id, subject, created_at, form, errors) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(author.as_str())
        .bind(Timestamp::now().as_str())
        .bind(serde_json::to_string(form).unwrap_or_default())
        .bind(serde_json::to_string(errors).unwrap_or_default())
        .execute(&mut *db)
        .await?;
    Ok(id)
}

/// The draft `id` of `author`, with its errors.
pub async fn load_draft(
    db: &mut AnyConnection,
    author: &AccountId,
    id: &str,
) -> Result<Option<(RecordForm, Vec<FieldError>)>, sqlx::Error> {
    let row = sqlx::query("SELECT form, errors FROM record_drafts WHERE id = $1 AND subject = $2")
        .bind(id)
        .bind(author.as_str())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.and_then(|row| {
        let form = serde_json::from_str(&row.get::<String, _>(0)).ok()?;
        let errors = serde_json::from_str(&row.get::<String, _>(1)).unwrap_or_default();
        Some((form, errors))
    }))
}

/// Drafts as personal data: exported with what was typed; erased with the
/// account (they were only ever the author's).
pub const DRAFTS_PERSONAL_DATA: PersonalData = PersonalData {
    key: "record_form_drafts",
    table: "record_drafts",
    columns: &["subject"],
    export: Export::Rows {
        query: "SELECT id, created_at, form FROM record_drafts WHERE subject = $1 ORDER BY created_at",
        row: |r| {
            let form: Value = serde_json::from_str(&r.get::<String, _>(2)).unwrap_or(Value::Null);
            json!({ "id": r.get::<String, _>(0), "created": r.get::<String, _>(1), "form": form })
        },
    },
    erase: Erase::Statement("DELETE FROM record_drafts WHERE subject = $1"),
};
