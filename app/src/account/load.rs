//! Server functions of the account, administration and token pages. Each
//! reads the session cookie of the request; none changes anything.

use leptos::prelude::*;

use crate::account::{AdminView, AuditRow, ResetLink, SignInOptions, TokensView, Viewer};
use crate::error::AppError;

/// The person signed in on this browser, if any.
#[server(prefix = "/api/fn", endpoint = "viewer")]
pub async fn load_viewer() -> Result<Option<Viewer>, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    let headers = crate::services::request_headers().await?;
    service
        .viewer(headers)
        .await
        .map_err(crate::services::failed("load_viewer"))
}

/// What the sign-in page offers besides a password.
#[server(prefix = "/api/fn", endpoint = "sign-in-options")]
pub async fn load_sign_in_options() -> Result<SignInOptions, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    service
        .sign_in_options()
        .await
        .map_err(crate::services::failed("load_sign_in_options"))
}

/// Whether a reset link works.
#[server(prefix = "/api/fn", endpoint = "reset-link")]
pub async fn check_reset_link(token: String) -> Result<ResetLink, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    service
        .reset_link(token)
        .await
        .map_err(crate::services::failed("check_reset_link"))
}

/// The administration page (administrators only).
#[server(prefix = "/api/fn", endpoint = "admin")]
pub async fn load_admin() -> Result<AdminView, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    let headers = crate::services::request_headers().await?;
    service
        .admin(headers)
        .await
        .map_err(crate::services::failed("load_admin"))
}

/// The audit log (administrators only).
#[server(prefix = "/api/fn", endpoint = "audit")]
pub async fn load_audit() -> Result<Vec<AuditRow>, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    let headers = crate::services::request_headers().await?;
    service
        .audit(headers)
        .await
        .map_err(crate::services::failed("load_audit"))
}

/// The API tokens of the viewer's organisations, with a just-created
/// secret when `reveal` names one of this session.
#[server(prefix = "/api/fn", endpoint = "tokens")]
pub async fn load_tokens(reveal: Option<String>) -> Result<TokensView, AppError> {
    let service = crate::services::service::<dyn crate::account::Accounts>()?;
    let headers = crate::services::request_headers().await?;
    service
        .tokens(headers, reveal)
        .await
        .map_err(crate::services::failed("load_tokens"))
}
