//! Personal data by hook: every module that keeps data about an account
//! declares, next to its SQL, which columns refer to the account, what
//! "download my data" shows of them (GDPR articles 15 and 20) and how
//! "delete my account" erases them (article 17). [`export`] and [`erase`]
//! run every hook in one transaction; neither lists tables itself. A test
//! reads the schema and fails for a column that refers to an account and
//! that no hook covers.

use std::future::Future;
use std::pin::Pin;

use serde_json::{Map, Value, json};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::store::{SqlStore, Timestamp};

/// A boxed future borrowing the connection: what a hook returns.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A hook's export: the account's rows in its table, as JSON.
pub type ExportFn =
    for<'a> fn(&'a mut AnyConnection, &'a AccountId) -> BoxFuture<'a, Result<Value, sqlx::Error>>;

/// A hook's erasure: removes or empties the account's rows in its table.
pub type EraseFn =
    for<'a> fn(&'a mut AnyConnection, &'a AccountId) -> BoxFuture<'a, Result<(), sqlx::Error>>;

/// How a table's part of the download is read.
pub enum Export {
    /// The rows of a query that binds the account id once, each as JSON.
    Rows {
        /// The query (`… WHERE account_id = $1`).
        query: &'static str,
        /// One row as JSON.
        row: fn(&sqlx::any::AnyRow) -> Value,
    },
    /// Anything else.
    With(ExportFn),
}

/// How a table's part is erased when the account is deleted.
pub enum Erase {
    /// A statement that binds the account id once (`DELETE …`, `UPDATE …`).
    Statement(&'static str),
    /// Anything else.
    With(EraseFn),
    /// Kept, for the reason given (shown in this file's tests and docs).
    Kept(&'static str),
}

/// What one table keeps about an account, and how it is exported and erased.
pub struct PersonalData {
    /// The key of this table's part in the downloaded document.
    pub key: &'static str,
    /// The table.
    pub table: &'static str,
    /// Its columns that refer to the account or hold personal data.
    pub columns: &'static [&'static str],
    /// Reads the account's part.
    pub export: Export,
    /// Erases the account's part, inside the caller's transaction.
    pub erase: Erase,
}

impl PersonalData {
    async fn export(&self, db: &mut AnyConnection, id: &AccountId) -> Result<Value, sqlx::Error> {
        match &self.export {
            Export::Rows { query, row } => {
                let rows = sqlx::query(query)
                    .bind(id.as_str())
                    .fetch_all(&mut *db)
                    .await?;
                Ok(Value::Array(rows.iter().map(row).collect()))
            }
            Export::With(export) => export(db, id).await,
        }
    }

    async fn erase(&self, db: &mut AnyConnection, id: &AccountId) -> Result<(), sqlx::Error> {
        match &self.erase {
            Erase::Statement(statement) => {
                sqlx::query(statement)
                    .bind(id.as_str())
                    .execute(&mut *db)
                    .await?;
                Ok(())
            }
            Erase::With(erase) => erase(db, id).await,
            Erase::Kept(_) => Ok(()),
        }
    }
}

/// Every table that keeps data about an account, in the order of the
/// downloaded document. A module that adds such a table adds its hook here.
pub const HOOKS: &[&PersonalData] = &[
    &crate::auth::accounts::PERSONAL_DATA,
    &crate::auth::organisations::PERSONAL_DATA,
    &crate::auth::oidc::PERSONAL_DATA,
    &crate::auth::sessions::PERSONAL_DATA,
    &crate::auth::resets::PERSONAL_DATA,
    &crate::auth::tokens::PERSONAL_DATA,
    &crate::catalog::pages::forms::DRAFTS_PERSONAL_DATA,
    &crate::catalog::IMPORT_REPORTS_PERSONAL_DATA,
    &crate::consult::proposals::PERSONAL_DATA,
    &crate::consult::supports::PERSONAL_DATA,
    &crate::consult::form_drafts::PERSONAL_DATA,
    &crate::consult::comments::PERSONAL_DATA,
    &crate::consult::comment_votes::PERSONAL_DATA,
    &crate::consult::reports::PERSONAL_DATA,
    &crate::consult::meeting_registrations::PERSONAL_DATA,
    &crate::consult::survey_responses::PERSONAL_DATA,
    &crate::consult::survey_responses::ANSWERS_PERSONAL_DATA,
    &crate::notify::follows::PERSONAL_DATA,
    &crate::notify::inbox::PERSONAL_DATA,
    &crate::notify::digest::PERSONAL_DATA,
    &crate::auth::audit::PERSONAL_DATA,
];

/// What erases a person's public contributions (their text) when they
/// delete their account and tick "also erase my contributions"; without
/// it, contributions stay, shown as by a deleted participant.
pub const CONTRIBUTIONS: &[EraseFn] = &[crate::consult::erasure::erase_contributions];

/// Everything Plaza keeps that is tied to the account, as one document.
pub async fn export(sql: &SqlStore, id: &AccountId) -> Result<Value, sqlx::Error> {
    // One transaction: the parts agree with each other.
    let mut tx = sql.begin().await?;
    let mut document = Map::new();
    document.insert("exported".into(), json!(Timestamp::now().as_str()));
    document.insert(
        "about".into(),
        json!(
            "Everything Plaza keeps that is tied to your account. Public catalog records you published belong to your organisation and are not included; their history names no person."
        ),
    );
    for hook in HOOKS {
        let part = hook.export(&mut tx, id).await?;
        document.insert(hook.key.into(), part);
    }
    tx.commit().await?;
    Ok(Value::Object(document))
}

/// Erases the account's personal data, every hook inside `db`'s
/// transaction: all of it, or (on an error) none of it.
pub async fn erase(db: &mut AnyConnection, id: &AccountId) -> Result<(), sqlx::Error> {
    // The account row last: the other hooks may still read it.
    for hook in HOOKS.iter().rev() {
        hook.erase(db, id).await?;
    }
    Ok(())
}

/// Why an account could not be deleted.
#[derive(Debug, thiserror::Error)]
pub enum DeletionError {
    /// It is the last administrator's.
    #[error(
        "The last administrator cannot delete their account; make another administrator first."
    )]
    LastAdministrator,
    /// The database failed; nothing was erased.
    #[error("Account deletion failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// "Delete my account": erases the account's personal data in one
/// transaction, in which the last-administrator check runs too; with
/// `also_contributions`, the text of their public contributions as well.
pub async fn delete_account(
    sql: &SqlStore,
    id: &AccountId,
    also_contributions: bool,
) -> Result<(), DeletionError> {
    use crate::auth::accounts::{account, admin_count, hold_administrators};
    let mut tx = sql.begin().await?;
    hold_administrators(&mut tx).await?;
    let is_admin = account(&mut tx, id)
        .await?
        .is_some_and(|a| a.role == crate::auth::Role::Admin && !a.deleted);
    if is_admin && admin_count(&mut tx).await? <= 1 {
        return Err(DeletionError::LastAdministrator);
    }
    if also_contributions {
        for erase_contributions in CONTRIBUTIONS {
            erase_contributions(&mut tx, id).await?;
        }
    }
    erase(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Runs `statement`, which binds the account id once.
pub async fn execute_for(
    db: &mut AnyConnection,
    statement: &'static str,
    id: &AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query(statement)
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}
