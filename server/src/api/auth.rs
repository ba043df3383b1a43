//! Bearer-token checks for the write API.

use axum::http::{HeaderMap, StatusCode, header};

use crate::api::error::ApiError;
use crate::auth::{ApiToken, verify_token};
use crate::store::SqlStore;

/// The valid token of the request, or 401 saying how to get one.
pub async fn require_token(sql: &SqlStore, headers: &HeaderMap) -> Result<ApiToken, ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(token) = token else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "This endpoint needs a token: send the header `Authorization: Bearer <token>`. \
             A publisher creates tokens on the page /publish/tokens, an administrator with `plaza token create --org ORG --name NAME`.",
        ));
    };
    verify_token(sql, token)
        .await
        .map_err(ApiError::internal)?
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "The token is not valid or has been revoked. Create a new one on the page /publish/tokens.",
            )
        })
}
