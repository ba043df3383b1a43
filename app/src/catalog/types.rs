//! Catalog data as the pages show it: plain strings already in the reader's
//! language, ready to render.

use serde::{Deserialize, Serialize};

use crate::catalog::SearchParams;

/// One record (dataset, data service or series) as a line in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DatasetSummary {
    /// The record's IRI.
    pub iri: String,
    /// Where its page is on this site.
    pub page: String,
    /// Dataset, data service or series.
    pub kind: crate::catalog::RecordKind,
    /// Title in the requested language, or the best available one.
    pub title: String,
    /// Description in the requested language, or the best available one.
    pub description: Option<String>,
    /// Name of the publishing organisation.
    pub publisher: Option<String>,
    /// Keywords in the requested language.
    pub keywords: Vec<String>,
    /// Labels of the distributions' formats.
    pub formats: Vec<String>,
    /// Last modification date, ISO 8601 (`YYYY-MM-DD`).
    pub modified: Option<String>,
}

/// A page of datasets with the total count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DatasetList {
    /// How many datasets the catalog holds in all.
    pub total: usize,
    /// The datasets of this page.
    pub items: Vec<DatasetSummary>,
}

/// One value of a facet with how many results have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetValue {
    /// The value as it goes in the URL (an IRI, a keyword, …).
    pub value: String,
    /// What a reader sees.
    pub label: String,
    /// Results with this value.
    pub count: u64,
    /// Whether the current search is filtered on it.
    pub selected: bool,
}

/// The values of one facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetGroup {
    /// The facet's name in URLs (`theme`, `format`, …).
    pub name: String,
    /// Its values, most frequent first.
    pub values: Vec<FacetValue>,
}

/// The answer to a catalog search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchPage {
    /// The search as understood (page clamped, unknown facets dropped).
    pub params: SearchParams,
    /// How many records match in all.
    pub total: usize,
    /// The records of this page.
    pub items: Vec<DatasetSummary>,
    /// Facet counts over every matching record.
    pub facets: Vec<FacetGroup>,
    /// Labels of the selected filters, for the "remove filter" buttons:
    /// (facet name, value, label).
    pub selected: Vec<(String, String, String)>,
}

impl SearchPage {
    /// How many pages the results fill.
    pub fn page_count(&self) -> usize {
        self.total.div_ceil(self.params.page_size.max(1)).max(1)
    }
}

/// A publisher with its records' figures, for the publishers' pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublisherSummary {
    /// A short stable id for its page (`/publishers/{id}`).
    pub id: String,
    /// The publisher as the catalog's `publisher` filter names it (its IRI).
    pub key: String,
    /// Its name in the reader's language.
    pub name: String,
    /// How many records it publishes.
    pub records: u64,
    /// Its records' average metadata quality, in percent.
    pub quality_percent: u32,
    /// Records per rating, in the order excellent, good, sufficient, bad.
    pub ratings: Vec<(String, u64)>,
    /// Quality checks most often missed: (check, records missing it).
    pub missing: Vec<(String, u64)>,
}
