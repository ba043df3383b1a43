//! API tokens for import and harvest scripts: random secrets shown once,
//! stored as SHA-256 hashes, each scoped to one organisation, revocable,
//! with the time of their last use.

use app::account::Notice;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::auth::{AccountId, OrganisationId, random_secret, sha256_hex as hash};
use crate::store::Timestamp;

/// A token as listed and as the API sees it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// The name it was created with.
    pub name: String,
    /// The token's SHA-256 hash, which identifies it without revealing it.
    pub hash: String,
    /// The organisation it writes for; `None` for site-wide tokens and for
    /// tokens made before organisations existed.
    pub organisation: Option<OrganisationId>,
    /// Made by the operator with `--all-organisations`: writes any record.
    pub site_wide: bool,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was last used, if ever.
    pub last_used_at: Option<String>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

/// What can go wrong with tokens.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// The name is taken.
    #[error("A token named \"{0}\" already exists; choose another name.")]
    NameTaken(String),
    /// The name is empty or too long.
    #[error("A token name must be 1 to 200 characters long.")]
    BadName,
    /// No organisation with this id.
    #[error(
        "There is no organisation \"{0}\"; list them with `plaza org list` or create it with `plaza org create`."
    )]
    UnknownOrganisation(String),
    /// The database failed.
    #[error("Token storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl TokenError {
    /// The answer the forms redirect with (`error=…`).
    pub fn code(&self) -> Notice {
        match self {
            TokenError::NameTaken(_) => Notice::TokenNameTaken,
            TokenError::BadName => Notice::TokenNameInvalid,
            TokenError::UnknownOrganisation(_) => Notice::OrganisationUnknown,
            TokenError::Sql(_) => Notice::Unavailable,
        }
    }
}

const COLUMNS: &str =
    "name, token_hash, organisation_id, created_at, last_used_at, revoked_at, site_wide";

/// What a new token may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenScope<'a> {
    /// The records of this organisation (by id).
    Organisation(&'a OrganisationId),
    /// Any record: only the operator makes these, on the command line.
    AllOrganisations,
}

/// Creates a token called `name` with `scope` and returns the secret (the
/// only time it is ever available). `created_by` is the account that made
/// it, `None` on the command line.
pub async fn create_token(
    db: &mut AnyConnection,
    scope: TokenScope<'_>,
    name: &str,
    created_by: Option<&AccountId>,
) -> Result<String, TokenError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(TokenError::BadName);
    }
    let organisation = match scope {
        TokenScope::Organisation(id) => {
            if crate::auth::organisations::organisation(db, id)
                .await?
                .is_none()
            {
                return Err(TokenError::UnknownOrganisation(id.to_string()));
            }
            Some(id.as_str())
        }
        TokenScope::AllOrganisations => None,
    };
    let token = format!("plaza_{}", random_secret());
    let taken = sqlx::query("SELECT 1 FROM api_tokens WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *db)
        .await?
        .is_some();
    if taken {
        return Err(TokenError::NameTaken(name.to_owned()));
    }
    sqlx::query(
        "INSERT INTO api_tokens (token_hash, name, created_at, organisation_id, created_by, site_wide) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash(&token))
    .bind(name)
    .bind(Timestamp::now().as_str())
    .bind(organisation)
    .bind(created_by.map(AccountId::as_str))
    .bind(i64::from(scope == TokenScope::AllOrganisations))
    .execute(&mut *db)
    .await
    .map_err(|err| match err {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            TokenError::NameTaken(name.to_owned())
        }
        other => TokenError::Sql(other),
    })?;
    Ok(token)
}

/// The token's record when `token` is valid and not revoked; records the use.
pub async fn verify_token(
    db: &mut AnyConnection,
    token: &str,
) -> Result<Option<ApiToken>, TokenError> {
    let hashed = hash(token.trim());
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
    ))
    .bind(&hashed)
    .fetch_optional(&mut *db)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
        .bind(Timestamp::now().as_str())
        .bind(&hashed)
        .execute(&mut *db)
        .await?;
    Ok(Some(from_row(&row)))
}

/// The tokens of `organisation`, newest first, revoked ones included.
pub async fn organisation_tokens(
    db: &mut AnyConnection,
    organisation: &OrganisationId,
) -> Result<Vec<ApiToken>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE organisation_id = $1 ORDER BY created_at DESC, name"
    ))
    .bind(organisation.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The token whose hash is `hash`, revoked or not.
pub async fn token_by_hash(
    db: &mut AnyConnection,
    hash: &str,
) -> Result<Option<ApiToken>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1"
    ))
    .bind(hash)
    .fetch_optional(&mut *db)
    .await?;
    Ok(row.as_ref().map(from_row))
}

/// Revokes the token whose hash is `hash`; false when there is no such
/// unrevoked token.
pub async fn revoke_token(db: &mut AnyConnection, hash: &str) -> Result<bool, sqlx::Error> {
    revoke_where(db, "token_hash", hash).await
}

/// Revokes the token called `name` (the command line knows tokens by
/// name); false when there is no such unrevoked token.
pub async fn revoke_token_named(db: &mut AnyConnection, name: &str) -> Result<bool, sqlx::Error> {
    revoke_where(db, "name", name.trim()).await
}

async fn revoke_where(
    db: &mut AnyConnection,
    column: &str,
    value: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(&format!(
        "UPDATE api_tokens SET revoked_at = $1 WHERE {column} = $2 AND revoked_at IS NULL"
    ))
    .bind(Timestamp::now().as_str())
    .bind(value)
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

fn from_row(row: &AnyRow) -> ApiToken {
    ApiToken {
        name: row.get(0),
        hash: row.get(1),
        organisation: row
            .get::<Option<String>, _>(2)
            .map(OrganisationId::from_stored),
        created_at: row.get(3),
        last_used_at: row.get(4),
        revoked_at: row.get(5),
        site_wide: row.get::<i64, _>(6) == 1,
    }
}

/// Tokens as personal data: those the account made (name, organisation,
/// dates); erasure forgets who made them, the tokens stay with their
/// organisation.
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "api_tokens_created",
    table: "api_tokens",
    columns: &["created_by"],
    export: Export::Rows {
        query: "SELECT name, organisation_id, created_at, last_used_at, revoked_at FROM api_tokens WHERE created_by = $1 ORDER BY created_at",
        row: |r| {
            json!({
                "name": r.get::<String, _>(0),
                "organisation": r.get::<Option<String>, _>(1),
                "created": r.get::<String, _>(2),
                "last_used": r.get::<Option<String>, _>(3),
                "revoked": r.get::<Option<String>, _>(4),
            })
        },
    },
    erase: Erase::Statement("UPDATE api_tokens SET created_by = NULL WHERE created_by = $1"),
};
