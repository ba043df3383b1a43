//! The publishers' journey service: what its server functions read.

use crate::catalog::publish::{
    FormCheck, FormPageData, FormSource, ImportReportView, PublisherInfo, RecordForm,
};
use crate::i18n::Locale;
use crate::services::ServiceFuture;

/// The publishers' side: who is signed in, and their import reports. The
/// request's headers carry the session cookie.
pub trait Publishing: Send + Sync {
    /// The publisher signed in with the session in `headers`, if any.
    fn publisher(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<PublisherInfo>>;

    /// The import report `id`, in `locale`, for the publisher signed in
    /// with the session in `headers`; `NotFound` when it is not theirs.
    fn import_report(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        id: String,
    ) -> ServiceFuture<'_, ImportReportView>;

    /// The record form from `source`, in `locale`, for the publisher signed
    /// in with the session in `headers`: `NotFound` for a draft or record
    /// that is not there, `Forbidden` for another organisation's record.
    fn load_form(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        source: FormSource,
    ) -> ServiceFuture<'_, FormPageData>;

    /// Checks the form as typed so far: errors by field and the quality.
    fn check_form(
        &self,
        headers: http::HeaderMap,
        form: RecordForm,
    ) -> ServiceFuture<'_, FormCheck>;
}
