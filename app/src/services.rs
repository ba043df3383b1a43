//! The services that server functions call, declared here and implemented
//! by the `server` crate, which provides them through Leptos context at
//! start-up. This keeps stores, SQL and SPARQL out of the app crate.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use crate::account::{AdminView, AuditRow, SignInOptions, TokensView, Viewer};
use crate::catalog::publish::{
    FormCheck, FormPageData, FormSource, ImportReportView, PublisherInfo, RecordForm,
};
use crate::catalog::{PublisherSummary, RecordView, SearchPage, SearchParams};
use crate::i18n::Locale;

/// A boxed future, so that the traits below can be used as trait objects.
pub type ServiceFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send + 'a>>;

/// Failure of a service call; the cause is logged by the implementation.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The store behind the service did not answer or answered with an error.
    #[error("store unavailable: {0}")]
    StoreUnavailable(String),
}

/// Read access to the catalog, as the pages need it.
pub trait CatalogReader: Send + Sync {
    /// The records matching `params`, with facet counts, labels in
    /// `locale` where the record has them.
    fn search(&self, locale: Locale, params: SearchParams) -> ServiceFuture<'_, SearchPage>;

    /// Every publisher with its records' figures, most records first.
    fn publishers(&self, locale: Locale) -> ServiceFuture<'_, Vec<PublisherSummary>>;

    /// The record whose page is at `path` (`/datasets/…`, `/records/…`), in
    /// `locale`, at `version` (the current one when `None`); `None` when
    /// there is no such record or version.
    fn record(
        &self,
        locale: Locale,
        path: String,
        version: Option<i64>,
    ) -> ServiceFuture<'_, Option<RecordView>>;
}

/// The publishers' side: who is signed in, and their import reports. The
/// request's headers carry the session cookie.
pub trait Publishing: Send + Sync {
    /// The publisher signed in with the session in `headers`, if any.
    fn publisher(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<PublisherInfo>>;

    /// The import report `id`, in `locale`, when it belongs to the
    /// publisher signed in with the session in `headers`.
    fn import_report(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        id: String,
    ) -> ServiceFuture<'_, Option<ImportReportView>>;

    /// The record form from `source`, in `locale`, for the publisher signed
    /// in with the session in `headers` (`None` when not signed in or not
    /// found).
    fn load_form(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        source: FormSource,
    ) -> ServiceFuture<'_, Option<FormPageData>>;

    /// Checks the form as typed so far: errors by field and the quality.
    fn check_form(
        &self,
        headers: http::HeaderMap,
        form: RecordForm,
    ) -> ServiceFuture<'_, Option<FormCheck>>;
}

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

/// Everything the server functions need, provided as one context value.
#[derive(Clone)]
pub struct Services {
    /// The catalog read side.
    pub catalog: Arc<dyn CatalogReader>,
    /// The publishers' side.
    pub publishing: Arc<dyn Publishing>,
    /// People and organisations.
    pub accounts: Arc<dyn Accounts>,
}

/// The services from the context of a server function call.
pub fn services() -> Result<Services, crate::error::AppError> {
    leptos::prelude::use_context::<Services>().ok_or_else(|| {
        crate::error::AppError::Call(leptos::server_fn::error::ServerFnErrorErr::ServerError(
            "services are missing from the context".into(),
        ))
    })
}

/// The headers of the request a server function answers (they carry the
/// session cookie).
pub async fn request_headers() -> Result<http::HeaderMap, crate::error::AppError> {
    leptos_axum::extract().await.map_err(|e| {
        crate::error::AppError::Call(leptos::server_fn::error::ServerFnErrorErr::ServerError(
            e.to_string(),
        ))
    })
}

/// Logs a failed service call (`call` names it) and gives the page's error.
pub fn unavailable(call: &'static str) -> impl Fn(ServiceError) -> crate::error::AppError {
    move |err| {
        leptos::logging::error!("{call} failed: {err}");
        crate::error::AppError::StoreUnavailable
    }
}
