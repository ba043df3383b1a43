//! Catalog data as the pages show it: plain strings already in the reader's
//! language, ready to render.

use serde::{Deserialize, Serialize};

/// One dataset as a line in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetSummary {
    /// The dataset's IRI, which is also its address on this site or elsewhere.
    pub iri: String,
    /// Title in the requested language, or the best available one.
    pub title: String,
    /// Description in the requested language, or the best available one.
    pub description: Option<String>,
    /// Name of the publishing organisation.
    pub publisher: Option<String>,
    /// Keywords in the requested language.
    pub keywords: Vec<String>,
    /// Last modification date, ISO 8601 (`YYYY-MM-DD`).
    pub modified: Option<String>,
}

/// A page of datasets with the total count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetList {
    /// How many datasets the catalog holds in all.
    pub total: usize,
    /// The datasets of this page.
    pub items: Vec<DatasetSummary>,
}
