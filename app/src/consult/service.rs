//! The consult journey's service: what its server functions read. The
//! request's headers carry the session cookie and the reader's language.

use crate::consult::{
    CitingItem, CommentSort, ProcessFormView, ProcessList, ProcessQuery, ProcessView,
    ProposalFormView, ProposalQuery, ProposalView, QueueItem,
};
use crate::services::ServiceFuture;

/// Consultations as the pages need them. Hidden content is never in an
/// answer, except to its own author.
pub trait Consultations: Send + Sync {
    /// The processes matching `query`: open first, then upcoming, then past.
    fn processes(&self, query: ProcessQuery) -> ServiceFuture<'_, ProcessList>;

    /// The process `slug` with its proposals as `proposals` asks.
    fn process(
        &self,
        headers: http::HeaderMap,
        slug: String,
        proposals: ProposalQuery,
        comments: CommentSort,
    ) -> ServiceFuture<'_, ProcessView>;

    /// Proposal `id` of the process `slug`.
    fn proposal(
        &self,
        headers: http::HeaderMap,
        slug: String,
        id: i64,
        comments: CommentSort,
    ) -> ServiceFuture<'_, ProposalView>;

    /// The form for a new proposal (`id` = `None`) or for editing one, with
    /// the reader's refused attempt if there is one.
    fn proposal_form(
        &self,
        headers: http::HeaderMap,
        slug: String,
        id: Option<i64>,
    ) -> ServiceFuture<'_, ProposalFormView>;

    /// The consultation form for a new process (`slug` = `None`) or for
    /// editing one, with the reader's refused attempt if there is one
    /// (moderators and administrators only).
    fn process_form(
        &self,
        headers: http::HeaderMap,
        slug: Option<String>,
    ) -> ServiceFuture<'_, ProcessFormView>;

    /// The processes and proposals citing the record `iri`.
    fn cited_by(&self, iri: String) -> ServiceFuture<'_, Vec<CitingItem>>;

    /// The moderators' queue (moderators and administrators only).
    fn moderation(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Vec<QueueItem>>;
}
