//! The services that server functions call, declared here and implemented
//! by the `server` crate, which provides them through Leptos context at
//! start-up. This keeps stores, SQL and SPARQL out of the app crate.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

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

/// Everything the server functions need, provided as one context value.
#[derive(Clone)]
pub struct Services {
    /// The catalog read side.
    pub catalog: Arc<dyn CatalogReader>,
}
