//! The account journey's service: what its server functions read.

use crate::account::{AdminView, AuditRow, ResetLink, SignInOptions, TokensView, Viewer};
use crate::services::ServiceFuture;

/// People: who is signed in, and what the account and administration pages
/// show. The request's headers carry the session cookie.
pub trait Accounts: Send + Sync {
    /// The person signed in with the session in `headers`, if any.
    fn viewer(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<Viewer>>;

    /// What the sign-in page offers besides a password.
    fn sign_in_options(&self) -> ServiceFuture<'_, SignInOptions>;

    /// Whether the reset link `token` works.
    fn reset_link(&self, token: String) -> ServiceFuture<'_, ResetLink>;

    /// The administration page, for administrators only.
    fn admin(&self, headers: http::HeaderMap) -> ServiceFuture<'_, AdminView>;

    /// The newest audit log entries, for administrators only.
    fn audit(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Vec<AuditRow>>;

    /// The tokens of the viewer's organisations (all for administrators),
    /// with the secret `reveal` names if it was just created in this
    /// session; for people who publish, only.
    fn tokens(
        &self,
        headers: http::HeaderMap,
        reveal: Option<String>,
    ) -> ServiceFuture<'_, TokensView>;
}
