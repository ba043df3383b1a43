//! The pages' read access to the catalog (`CatalogReader`), answered from
//! the search index: no store is read to show a result page.

use app::catalog::{DatasetSummary, FacetGroup, FacetValue, SearchPage, SearchParams, SortKey};
use app::i18n::Locale;
use app::services::{ServiceError, ServiceFuture};

use crate::search::{
    FacetKind, SearchDocument, SearchIndex, SearchRequest, SearchResponse, SortOrder, Text,
    pick_text,
};
use crate::vocab::vocabularies;

/// Values listed per facet.
const FACET_VALUES: usize = 10;
/// Longest description shown in a result, in characters.
const DESCRIPTION_CHARS: usize = 280;

/// Answers the catalog pages from the search index.
#[derive(Clone)]
pub struct SearchCatalogReader {
    index: SearchIndex,
}

impl SearchCatalogReader {
    /// A reader over `index`.
    pub fn new(index: SearchIndex) -> Self {
        SearchCatalogReader { index }
    }
}

impl SearchCatalogReader {
    /// Runs the search of a catalog page.
    pub fn search(&self, locale: Locale, params: SearchParams) -> ServiceFuture<'_, SearchPage> {
        Box::pin(async move {
            let lang = app::locale::code(locale).to_owned();
            let request = request_of(&params, &lang);
            let response = self
                .index
                .search(request)
                .await
                .map_err(|err| ServiceError::Unavailable(err.to_string()))?;
            Ok(page_of(params, &response, &lang))
        })
    }
}

/// The index request for a page's search.
pub fn request_of(params: &SearchParams, lang: &str) -> SearchRequest {
    SearchRequest {
        text: params.q.clone(),
        filters: params
            .filters
            .iter()
            .filter_map(|(name, value)| FacetKind::from_name(name).map(|k| (k, value.clone())))
            .collect(),
        sort: match params.sort {
            SortKey::Relevance => SortOrder::Relevance,
            SortKey::Modified => SortOrder::Modified,
            SortKey::Title => SortOrder::Title,
        },
        lang: lang.to_owned(),
        offset: (params.page.saturating_sub(1)) * params.page_size,
        limit: params.page_size,
        facet_values: FACET_VALUES,
    }
}

fn page_of(params: SearchParams, response: &SearchResponse, lang: &str) -> SearchPage {
    let label = |kind: FacetKind, value: &str| -> String {
        match kind {
            FacetKind::Type | FacetKind::Keyword | FacetKind::Quality | FacetKind::Missing => {
                value.to_owned()
            }
            FacetKind::Publisher => response
                .publisher_names
                .iter()
                .find(|(publisher, _)| publisher == value)
                .and_then(|(_, names)| pick_text(names, lang))
                .map_or_else(|| vocabularies().label(value, lang), |t| t.value.clone()),
            _ => vocabularies().label(value, lang),
        }
    };
    let facets = response
        .facets
        .iter()
        .map(|counts| FacetGroup {
            name: counts.kind.name().to_owned(),
            values: counts
                .values
                .iter()
                .map(|(value, count)| FacetValue {
                    value: value.clone(),
                    label: label(counts.kind, value),
                    count: *count,
                    selected: params.has_filter(counts.kind.name(), value),
                })
                .collect(),
        })
        .collect();
    let selected = params
        .filters
        .iter()
        .filter_map(|(name, value)| {
            let kind = FacetKind::from_name(name)?;
            Some((name.clone(), value.clone(), label(kind, value)))
        })
        .collect();
    SearchPage {
        total: response.total,
        items: response.hits.iter().map(|doc| summary(doc, lang)).collect(),
        facets,
        selected,
        params,
    }
}

/// A record as a line in a list, in `lang`.
pub fn summary(document: &SearchDocument, lang: &str) -> DatasetSummary {
    let text = |texts: &[Text]| pick_text(texts, lang).map(|t| t.value.clone());
    let mut keywords: Vec<String> = document
        .keywords
        .iter()
        .filter(|k| {
            k.lang
                .as_deref()
                .is_none_or(|tag| tag == lang || tag.starts_with(&format!("{lang}-")))
        })
        .map(|k| k.value.clone())
        .collect();
    keywords.dedup();
    let mut formats: Vec<String> = document
        .formats
        .iter()
        .map(|f| vocabularies().label(f, lang))
        .collect();
    formats.sort();
    formats.dedup();
    DatasetSummary {
        iri: document.iri.clone(),
        page: document.page.clone(),
        kind: app::catalog::RecordKind::from_name(&document.kind).unwrap_or_default(),
        title: text(&document.titles).unwrap_or_else(|| document.iri.clone()),
        description: text(&document.descriptions).map(|d| shorten(&d, DESCRIPTION_CHARS)),
        publisher: text(&document.publisher_names).or_else(|| document.publisher.clone()),
        keywords,
        formats,
        modified: document
            .modified
            .as_ref()
            .map(|m| m.chars().take(10).collect()),
    }
}

/// `text` cut at a word boundary to at most `max` characters, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 10), "one two…");
    }
}
