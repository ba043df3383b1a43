//! The catalog journey's service: what its server functions read.

use crate::catalog::{PublisherSummary, RecordView, SearchPage, SearchParams};
use crate::i18n::Locale;
use crate::services::ServiceFuture;

/// Read access to the catalog, as the pages need it.
pub trait CatalogReader: Send + Sync {
    /// The records matching `params`, with facet counts, labels in
    /// `locale` where the record has them.
    fn search(&self, locale: Locale, params: SearchParams) -> ServiceFuture<'_, SearchPage>;

    /// Every publisher with its records' figures, most records first.
    fn publishers(&self, locale: Locale) -> ServiceFuture<'_, Vec<PublisherSummary>>;

    /// The record whose page is at `path` (`/datasets/…`, `/records/…`), in
    /// `locale`, at `version` (the current one when `None`);
    /// [`NotFound`](crate::services::ServiceError::NotFound) when there is
    /// no such record or version.
    fn record(
        &self,
        locale: Locale,
        path: String,
        version: Option<i64>,
    ) -> ServiceFuture<'_, RecordView>;
}
