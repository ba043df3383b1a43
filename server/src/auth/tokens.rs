//! API tokens: random secrets shown once, stored as SHA-256 hashes.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::store::{SqlStore, now_rfc3339};

/// A valid token's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// The name it was created with.
    pub name: String,
    /// The token's SHA-256 hash, which identifies it without revealing it.
    pub hash: String,
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
    /// The system has no randomness to give.
    #[error("Could not generate a random token: {0}")]
    Random(String),
    /// The database failed.
    #[error("Token storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

/// Creates a token called `name` and returns the secret (the only time it
/// is ever available).
pub async fn create_token(sql: &SqlStore, name: &str) -> Result<String, TokenError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(TokenError::BadName);
    }
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| TokenError::Random(e.to_string()))?;
    let token = format!("plaza_{}", hex::encode(secret));
    let taken = sqlx::query("SELECT 1 FROM api_tokens WHERE name = $1")
        .bind(name)
        .fetch_optional(sql.pool())
        .await?
        .is_some();
    if taken {
        return Err(TokenError::NameTaken(name.to_owned()));
    }
    sqlx::query("INSERT INTO api_tokens (token_hash, name, created_at) VALUES ($1, $2, $3)")
        .bind(hash(&token))
        .bind(name)
        .bind(now_rfc3339())
        .execute(sql.pool())
        .await?;
    Ok(token)
}

/// The token's record when `token` is valid and not revoked; records the use.
pub async fn verify_token(sql: &SqlStore, token: &str) -> Result<Option<ApiToken>, TokenError> {
    let hashed = hash(token.trim());
    let row =
        sqlx::query("SELECT name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(&hashed)
            .fetch_optional(sql.pool())
            .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
        .bind(now_rfc3339())
        .bind(&hashed)
        .execute(sql.pool())
        .await?;
    Ok(Some(ApiToken {
        name: row.get::<String, _>(0),
        hash: hashed,
    }))
}

/// The name of the valid, unrevoked token whose hash is `hash`.
pub async fn token_by_hash(sql: &SqlStore, hash: &str) -> Result<Option<ApiToken>, TokenError> {
    let row =
        sqlx::query("SELECT name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(hash)
            .fetch_optional(sql.pool())
            .await?;
    Ok(row.map(|row| ApiToken {
        name: row.get::<String, _>(0),
        hash: hash.to_owned(),
    }))
}

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
