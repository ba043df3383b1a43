//! The results' service: what their server functions read.

use crate::consult::results::ResultsView;
use crate::services::ServiceFuture;

/// Results as the pages need them.
pub trait Results: Send + Sync {
    /// The results of process `slug`, for the reader.
    fn results(&self, headers: http::HeaderMap, slug: String) -> ServiceFuture<'_, ResultsView>;
}
