//! The account journey's service: what its server functions read.

use crate::account::{AdminView, AuditRow, SignInOptions, TokensView, Viewer};
use crate::services::ServiceFuture;

/// People: who is signed in, and what the account and administration pages
/// show. The request's headers carry the session cookie.
pub trait Accounts: Send + Sync {
    /// The person signed in with the session in `headers`, if any.
    fn viewer(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<Viewer>>;

    /// What the sign-in page offers besides a password.
    fn sign_in_options(&self) -> ServiceFuture<'_, SignInOptions>;

    /// Whether the reset link `token` works: `valid`, `expired`, `used` or
    /// `unknown`.
    fn reset_link(&self, token: String) -> ServiceFuture<'_, String>;

    /// The administration page, for administrators only.
    fn admin(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<AdminView>>;

    /// The newest audit log entries, for administrators only.
    fn audit(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<Vec<AuditRow>>>;

    /// The tokens of the viewer's organisations (all for administrators),
    /// with the secret `reveal` names if it was just created in this
    /// session; `None` for people who publish for no organisation.
    fn tokens(
        &self,
        headers: http::HeaderMap,
        reveal: Option<String>,
    ) -> ServiceFuture<'_, Option<TokensView>>;
}
