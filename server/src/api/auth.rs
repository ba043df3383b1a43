//! How the write API answers callers without a valid token or permission:
//! the auth layer's refusals in the API's JSON (`{"error", "message"}`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::api::error::ApiError;
use crate::auth::{BearerRejection, Denied};

impl From<BearerRejection> for ApiError {
    fn from(rejection: BearerRejection) -> Self {
        match rejection {
            BearerRejection::Missing => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "This endpoint needs a token: send the header `Authorization: Bearer <token>`. \
                 A publisher creates tokens on the page /publish/tokens, an administrator with `plaza token create --org ORG --name NAME`.",
            ),
            BearerRejection::Invalid => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "The token is not valid or has been revoked. Create a new one on the page /publish/tokens.",
            ),
            BearerRejection::Unavailable(err) => ApiError::internal(err),
        }
    }
}

impl IntoResponse for BearerRejection {
    fn into_response(self) -> Response {
        ApiError::from(self).into_response()
    }
}

impl From<Denied> for ApiError {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::SignInFirst { .. } => BearerRejection::Missing.into(),
            Denied::Forbidden(refusal) => ApiError::forbidden(refusal.code(), refusal.message()),
        }
    }
}
