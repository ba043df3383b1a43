//! People's accounts: creation, password sign-in, profile changes and
//! deletion. Emails are kept in lower case; pseudonyms are public and
//! unique regardless of case.

use std::str::FromStr;

use app::account::Notice;
use serde_json::{Value, json};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::AccountId;
use crate::auth::passwords::{
    PasswordProblem, check_new_password, hash_password, verify_nothing, verify_password,
};
use crate::auth::personal_data::{BoxFuture, Erase, Export, PersonalData};
use crate::store::Timestamp;

/// A site role. Being a publisher is not a role but membership of an
/// organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Takes part in consultations.
    Citizen,
    /// Also moderates contributions.
    Moderator,
    /// Also manages organisations, memberships and roles.
    Admin,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Citizen => "citizen",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::Citizen, Role::Moderator, Role::Admin];
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == s)
            .ok_or_else(|| format!("unknown role {s:?}: expected citizen, moderator or admin"))
    }
}

/// An account as the rest of Plaza sees it (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Random id.
    pub id: AccountId,
    /// Lower-cased email; `None` once deleted.
    pub email: Option<String>,
    /// Whether the person proved they read this email.
    pub email_verified: bool,
    /// Whether the account can sign in with a password.
    pub has_password: bool,
    /// Public name shown on contributions.
    pub pseudonym: String,
    /// Site role.
    pub role: Role,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Whether it was deleted.
    pub deleted: bool,
}

/// Why an account could not be created or changed. The messages are for
/// logs and the command line; the forms use [`AccountError::code`].
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Not an email address.
    #[error("{0:?} is not an email address (like name@example.org).")]
    BadEmail(String),
    /// The email belongs to another account.
    #[error("An account with this email already exists; sign in or reset its password.")]
    EmailTaken,
    /// The pseudonym is empty, too long or has characters not allowed.
    #[error(
        "A pseudonym has 2 to 40 letters, digits, spaces, dots, hyphens or underscores, and starts with a letter or digit."
    )]
    BadPseudonym,
    /// The pseudonym is someone else's.
    #[error("The pseudonym {0:?} is taken; choose another.")]
    PseudonymTaken(String),
    /// The password breaks a rule.
    #[error("The password is refused ({}).", .0.code().code())]
    Password(PasswordProblem),
    /// Hashing failed.
    #[error("{0}")]
    Hash(String),
    /// The database failed.
    #[error("Account storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl AccountError {
    /// The answer the forms redirect with (`error=…`).
    pub fn code(&self) -> Notice {
        match self {
            AccountError::BadEmail(_) => Notice::EmailInvalid,
            AccountError::EmailTaken => Notice::EmailTaken,
            AccountError::BadPseudonym => Notice::PseudonymInvalid,
            AccountError::PseudonymTaken(_) => Notice::PseudonymTaken,
            AccountError::Password(problem) => problem.code(),
            AccountError::Hash(_) | AccountError::Sql(_) => Notice::Unavailable,
        }
    }
}

/// A new account's details.
#[derive(Debug, Clone, Default)]
pub struct NewAccount<'a> {
    /// Email as typed.
    pub email: &'a str,
    /// Password as typed; `None` for OpenID Connect accounts.
    pub password: Option<&'a str>,
    /// Pseudonym as typed.
    pub pseudonym: &'a str,
    /// Whether the email is already proven (a provider said so).
    pub email_verified: bool,
}

const COLUMNS: &str =
    "id, email, email_verified_at, password_hash, pseudonym, role, created_at, deleted_at";

/// Lower-cases and checks an email address.
pub fn normalise_email(email: &str) -> Result<String, AccountError> {
    let email = email.trim().to_lowercase();
    if email.len() > 320 || lettre::Address::from_str(&email).is_err() {
        return Err(AccountError::BadEmail(email));
    }
    Ok(email)
}

/// Trims and checks a pseudonym.
pub fn normalise_pseudonym(pseudonym: &str) -> Result<String, AccountError> {
    let pseudonym = pseudonym.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = pseudonym.chars().count();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_');
    let first_ok = pseudonym.chars().next().is_some_and(char::is_alphanumeric);
    if !(2..=40).contains(&count) || !first_ok || !pseudonym.chars().all(allowed) {
        return Err(AccountError::BadPseudonym);
    }
    if pseudonym.to_lowercase().starts_with("deleted") {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    Ok(pseudonym)
}

/// Creates an account with role citizen.
pub async fn create_account(
    db: &mut AnyConnection,
    new: NewAccount<'_>,
) -> Result<Account, AccountError> {
    let email = normalise_email(new.email)?;
    let pseudonym = normalise_pseudonym(new.pseudonym)?;
    let password_hash = match new.password {
        Some(password) => {
            check_new_password(password).map_err(AccountError::Password)?;
            Some(hash_password(password).map_err(AccountError::Hash)?)
        }
        None => None,
    };
    if account_by_email(db, &email).await?.is_some() {
        return Err(AccountError::EmailTaken);
    }
    if pseudonym_taken(db, &pseudonym, None).await? {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    let id = AccountId::random();
    let now = Timestamp::now();
    sqlx::query(
        "INSERT INTO accounts (id, email, email_verified_at, password_hash, pseudonym, role, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'citizen', $6)",
    )
    .bind(id.as_str())
    .bind(&email)
    .bind(new.email_verified.then_some(now.as_str()))
    .bind(password_hash)
    .bind(&pseudonym)
    .bind(now.as_str())
    .execute(&mut *db)
    .await
    .map_err(|err| match err {
        // Two sign-ups racing for the same email or pseudonym.
        sqlx::Error::Database(db) if db.is_unique_violation() => AccountError::EmailTaken,
        other => AccountError::Sql(other),
    })?;
    Ok(account(db, &id)
        .await?
        .expect("the account was just inserted"))
}

/// The account `id`, deleted ones included.
pub async fn account(
    db: &mut AnyConnection,
    id: &AccountId,
) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.map(|row| from_row(&row)))
}

/// The account with `email` (lower-cased), if any.
pub async fn account_by_email(
    db: &mut AnyConnection,
    email: &str,
) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM accounts WHERE email = $1"))
        .bind(email.trim().to_lowercase())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.map(|row| from_row(&row)))
}

/// The account whose email and password match. Takes as long for an
/// unknown email as for a wrong password, and says nothing about which.
pub async fn authenticate(
    db: &mut AnyConnection,
    email: &str,
    password: &str,
) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query("SELECT id, password_hash FROM accounts WHERE email = $1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(&mut *db)
        .await?;
    let found = row.map(|row| {
        (
            AccountId::from_stored(row.get::<String, _>(0)),
            row.get::<Option<String>, _>(1),
        )
    });
    let password = password.to_owned();
    let matched = tokio::task::spawn_blocking(move || match found {
        Some((id, Some(hash))) => verify_password(&password, &hash).then_some(id),
        _ => {
            verify_nothing(&password);
            None
        }
    })
    .await
    .unwrap_or(None);
    match matched {
        Some(id) => account(db, &id).await,
        None => Ok(None),
    }
}

/// Sets a new password (checked against the rules).
pub async fn set_password(
    db: &mut AnyConnection,
    id: &AccountId,
    password: &str,
) -> Result<(), AccountError> {
    check_new_password(password).map_err(AccountError::Password)?;
    let owned = password.to_owned();
    let hash = tokio::task::spawn_blocking(move || hash_password(&owned))
        .await
        .map_err(|e| AccountError::Hash(e.to_string()))?
        .map_err(AccountError::Hash)?;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(hash)
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Marks the email as proven (a reset link was used, a provider said so).
pub async fn mark_email_verified(
    db: &mut AnyConnection,
    id: &AccountId,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
    )
    .bind(Timestamp::now().as_str())
    .bind(id.as_str())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Removes the password, so the account signs in through its provider only.
pub async fn remove_password(db: &mut AnyConnection, id: &AccountId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = NULL WHERE id = $1")
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Changes the public pseudonym.
pub async fn set_pseudonym(
    db: &mut AnyConnection,
    id: &AccountId,
    pseudonym: &str,
) -> Result<(), AccountError> {
    let pseudonym = normalise_pseudonym(pseudonym)?;
    if pseudonym_taken(db, &pseudonym, Some(id)).await? {
        return Err(AccountError::PseudonymTaken(pseudonym));
    }
    sqlx::query("UPDATE accounts SET pseudonym = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(&pseudonym)
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Sets the site role.
pub async fn set_role(
    db: &mut AnyConnection,
    id: &AccountId,
    role: Role,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = $1 WHERE id = $2 AND deleted_at IS NULL")
        .bind(role.as_str())
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Every account that is not deleted, by pseudonym.
pub async fn list_accounts(db: &mut AnyConnection) -> Result<Vec<Account>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM accounts WHERE deleted_at IS NULL ORDER BY lower(pseudonym)"
    ))
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// How many administrators there are.
pub async fn admin_count(db: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND deleted_at IS NULL")
        .fetch_one(&mut *db)
        .await
}

/// Holds the administrators' rows until the transaction ends, so that two
/// changes racing cannot both see a second administrator and each remove
/// one: PostgreSQL locks the rows, SQLite takes its write lock. Call it
/// first in the transaction that checks [`admin_count`] and then changes a
/// role or deletes an account.
pub async fn hold_administrators(db: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = role WHERE role = 'admin' AND deleted_at IS NULL")
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// Holds `id`'s row until the transaction ends, so that a limit on what
/// one account may do (supports in a process) is checked and used by one
/// transaction at a time: PostgreSQL locks the row, SQLite takes its write
/// lock.
pub async fn hold(db: &mut AnyConnection, id: &AccountId) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET role = role WHERE id = $1")
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
    Ok(())
}

/// The public pseudonyms of `ids`; `None` for a deleted account (pages
/// say "a deleted participant").
pub async fn pseudonyms(
    db: &mut AnyConnection,
    ids: &[&AccountId],
) -> Result<std::collections::HashMap<AccountId, Option<String>>, sqlx::Error> {
    let mut names = std::collections::HashMap::new();
    let mut unique: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
    unique.sort_unstable();
    unique.dedup();
    for chunk in unique.chunks(100) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id, pseudonym, deleted_at FROM accounts WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *db).await? {
            let deleted = row.get::<Option<String>, _>(2).is_some();
            names.insert(
                AccountId::from_stored(row.get::<String, _>(0)),
                (!deleted).then(|| row.get::<String, _>(1)),
            );
        }
    }
    Ok(names)
}

/// The `accounts` row as personal data: exported as it is (never the
/// password hash); erased by emptying email, password and pseudonym
/// (`deleted-…`). The row stays so that public contributions can say "a
/// deleted participant".
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "account",
    table: "accounts",
    columns: &[
        "id",
        "email",
        "email_verified_at",
        "password_hash",
        "pseudonym",
    ],
    export: Export::With(export_account),
    erase: Erase::With(erase_account),
};

fn export_account<'a>(
    db: &'a mut AnyConnection,
    id: &'a AccountId,
) -> BoxFuture<'a, Result<Value, sqlx::Error>> {
    Box::pin(async move {
        let Some(account) = account(db, id).await? else {
            return Ok(Value::Null);
        };
        Ok(json!({
            "id": account.id,
            "email": account.email,
            "email_verified": account.email_verified,
            "signs_in_with_password": account.has_password,
            "pseudonym": account.pseudonym,
            "role": account.role.as_str(),
            "created": account.created_at,
        }))
    })
}

fn erase_account<'a>(
    db: &'a mut AnyConnection,
    id: &'a AccountId,
) -> BoxFuture<'a, Result<(), sqlx::Error>> {
    Box::pin(async move {
        sqlx::query(
            "UPDATE accounts SET email = NULL, email_verified_at = NULL, password_hash = NULL, \
             pseudonym = $1, role = 'citizen', deleted_at = $2 WHERE id = $3",
        )
        .bind(format!("deleted-{id}"))
        .bind(Timestamp::now().as_str())
        .bind(id.as_str())
        .execute(&mut *db)
        .await?;
        Ok(())
    })
}

async fn pseudonym_taken(
    db: &mut AnyConnection,
    pseudonym: &str,
    except: Option<&AccountId>,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM accounts WHERE lower(pseudonym) = lower($1)")
        .bind(pseudonym)
        .fetch_optional(&mut *db)
        .await?;
    Ok(row
        .is_some_and(|row| Some(row.get::<String, _>(0).as_str()) != except.map(AccountId::as_str)))
}

fn from_row(row: &AnyRow) -> Account {
    Account {
        id: AccountId::from_stored(row.get::<String, _>(0)),
        email: row.get(1),
        email_verified: row.get::<Option<String>, _>(2).is_some(),
        has_password: row.get::<Option<String>, _>(3).is_some(),
        pseudonym: row.get(4),
        role: row.get::<String, _>(5).parse().unwrap_or(Role::Citizen),
        created_at: row.get(6),
        deleted: row.get::<Option<String>, _>(7).is_some(),
    }
}
