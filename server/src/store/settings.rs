//! Instance settings: facts Plaza remembers across restarts and shares
//! between instances, such as when the demo city was seeded. This module
//! owns the `plaza_settings` table; like every table's module, its
//! functions take `&mut AnyConnection` (a pooled connection or a
//! transaction).

use sqlx::{AnyConnection, Row};

use crate::store::Timestamp;

/// A setting's name: a constant next to the code that reads it
/// (`SettingName::new("demo_seeded_at")`). It has a type of its own so
/// that [`set`] does not compile with the name and the value swapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingName(&'static str);

impl SettingName {
    /// The setting called `name`.
    pub const fn new(name: &'static str) -> Self {
        SettingName(name)
    }

    /// The name as stored.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// The value of the setting `name`, if it was ever written.
pub async fn get(db: &mut AnyConnection, name: SettingName) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM plaza_settings WHERE name = $1")
        .bind(name.as_str())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.map(|r| r.get::<String, _>(0)))
}

/// Writes the setting `name`, replacing any earlier value.
pub async fn set(
    db: &mut AnyConnection,
    name: SettingName,
    value: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plaza_settings (name, value, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(name.as_str())
    .bind(value)
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}
