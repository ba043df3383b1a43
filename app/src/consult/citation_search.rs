//! Server function: catalog records to cite, for the citation finder of
//! the proposal form. A small answer (IRI, title, publisher) so that the
//! browser's chunk does not carry the catalog's search types.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A record the finder offers to cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CitationSuggestion {
    /// The record's IRI, as the citations field takes it.
    pub iri: String,
    /// Its title, in the reader's language if it has one.
    pub title: String,
    /// Its publisher's name.
    pub publisher: Option<String>,
}

/// The records matching `text`, best first, with titles in `lang`.
#[server(prefix = "/api/fn", endpoint = "citation-search")]
pub async fn search_citations(
    lang: String,
    text: String,
) -> Result<Vec<CitationSuggestion>, AppError> {
    let text: String = text.trim().chars().take(200).collect();
    if text.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let locale: crate::i18n::Locale = lang.parse().unwrap_or_default();
    let service = crate::services::service::<dyn crate::catalog::CatalogReader>()?;
    let params = crate::catalog::SearchParams {
        q: text,
        // A few offers: the finder is a list to scan, not a search page.
        page_size: 8,
        ..crate::catalog::SearchParams::default()
    };
    let page = service
        .search(locale, params.normalised())
        .await
        .map_err(crate::services::failed("search_citations"))?;
    Ok(page
        .items
        .into_iter()
        .map(|item| CitationSuggestion {
            iri: item.iri,
            title: item.title,
            publisher: item.publisher,
        })
        .collect())
}
