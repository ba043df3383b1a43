//! Server functions of the consultation pages. None changes anything: every
//! change is a form post (`server/src/http/consult.rs`).

use leptos::prelude::*;

use crate::consult::{
    CitingItem, CommentSort, ProcessFormView, ProcessList, ProcessQuery, ProcessView,
    ProposalFormView, ProposalQuery, ProposalView, QueueItem,
};
use crate::error::AppError;

/// The list of consultations.
#[server(prefix = "/api/fn", endpoint = "processes")]
pub async fn load_processes(query: ProcessQuery) -> Result<ProcessList, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    service
        .processes(query)
        .await
        .map_err(crate::services::failed("load_processes"))
}

/// A consultation's page with a page of its proposals.
#[server(prefix = "/api/fn", endpoint = "process")]
pub async fn load_process(
    slug: String,
    proposals: ProposalQuery,
    comments: Option<CommentSort>,
) -> Result<ProcessView, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    let headers = crate::services::request_headers().await?;
    service
        .process(headers, slug, proposals, comments.unwrap_or_default())
        .await
        .map_err(crate::services::failed("load_process"))
}

/// A proposal's page.
#[server(prefix = "/api/fn", endpoint = "proposal")]
pub async fn load_proposal(
    slug: String,
    id: i64,
    comments: Option<CommentSort>,
) -> Result<ProposalView, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    let headers = crate::services::request_headers().await?;
    service
        .proposal(headers, slug, id, comments.unwrap_or_default())
        .await
        .map_err(crate::services::failed("load_proposal"))
}

/// The new-proposal or edit form.
#[server(prefix = "/api/fn", endpoint = "proposal-form")]
pub async fn load_proposal_form(
    slug: String,
    id: Option<i64>,
) -> Result<ProposalFormView, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    let headers = crate::services::request_headers().await?;
    service
        .proposal_form(headers, slug, id)
        .await
        .map_err(crate::services::failed("load_proposal_form"))
}

/// The consultation form: a new process (`slug` = `None`) or one to edit,
/// with the reader's refused attempt if there is one (moderators only).
#[server(prefix = "/api/fn", endpoint = "process-form")]
pub async fn load_process_form(slug: Option<String>) -> Result<ProcessFormView, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    let headers = crate::services::request_headers().await?;
    service
        .process_form(headers, slug)
        .await
        .map_err(crate::services::failed("load_process_form"))
}

/// The processes and proposals that cite a catalog record.
#[server(prefix = "/api/fn", endpoint = "cited-by")]
pub async fn load_cited_by(iri: String) -> Result<Vec<CitingItem>, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    service
        .cited_by(iri)
        .await
        .map_err(crate::services::failed("load_cited_by"))
}

/// The moderators' queue: reported and hidden items with their reports.
#[server(prefix = "/api/fn", endpoint = "moderation")]
pub async fn load_moderation() -> Result<Vec<QueueItem>, AppError> {
    let service = crate::services::service::<dyn crate::consult::Consultations>()?;
    let headers = crate::services::request_headers().await?;
    service
        .moderation(headers)
        .await
        .map_err(crate::services::failed("load_moderation"))
}
