//! Instance settings: facts Plaza remembers across restarts and shares
//! between instances, such as when the demo city was seeded. This module
//! owns the `plaza_settings` table; like every table's module, its
//! functions take `&mut AnyConnection` (a pooled connection or a
//! transaction).

use sqlx::{AnyConnection, Row};

use crate::store::now_rfc3339;

/// The value of the setting `name`, if it was ever written.
pub async fn get(db: &mut AnyConnection, name: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM plaza_settings WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.map(|r| r.get::<String, _>(0)))
}

/// Writes the setting `name`, replacing any earlier value.
pub async fn set(db: &mut AnyConnection, name: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plaza_settings (name, value, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(name)
    .bind(value)
    .bind(now_rfc3339())
    .execute(&mut *db)
    .await?;
    Ok(())
}
