//! A record as its page shows it: every property with a readable label and
//! readable values, its distributions, quality, problems and history.

use serde::{Deserialize, Serialize};

use crate::catalog::Quality;

/// One value of a property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Value {
    /// Text (a literal, or a summary of a described node).
    Text(String),
    /// A link: the IRI and a label to show.
    Link {
        /// The target.
        href: String,
        /// What a reader sees.
        label: String,
    },
}

/// A property and its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Property {
    /// The property's IRI.
    pub iri: String,
    /// Its label in the reader's language.
    pub label: String,
    /// Its values.
    pub values: Vec<Value>,
}

/// A distribution of a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Distribution {
    /// Title, or the format when it has none.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// The format's label.
    pub format: Option<String>,
    /// The licence.
    pub licence: Option<Value>,
    /// Where the file itself is.
    pub download_url: Option<String>,
    /// Where the data can be reached (a page or a service).
    pub access_url: Option<String>,
    /// Every property, for the details.
    pub properties: Vec<Property>,
}

/// A SHACL problem of the record, in plain language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Problem {
    /// `Violation`, `Warning` or `Info`.
    pub severity: String,
    /// The property concerned, labelled, if any.
    pub property: Option<String>,
    /// What is wrong and what to do.
    pub message: String,
}

/// What changed in one property between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Change {
    /// The property's label (with the distribution it belongs to, if any).
    pub property: String,
    /// Values added.
    pub added: Vec<String>,
    /// Values removed.
    pub removed: Vec<String>,
}

/// One version in the record's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Version {
    /// Version number.
    pub version: i64,
    /// When it was written (ISO 8601).
    pub created_at: String,
    /// `created` or `updated`.
    pub change: String,
    /// What changed from the previous version (empty for the first, and
    /// for versions too old to compare on the page).
    pub changes: Vec<Change>,
}

/// A machine-readable representation of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Alternate {
    /// Media type.
    pub media_type: String,
    /// Link.
    pub href: String,
}

/// A record page's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecordView {
    /// The record's IRI.
    pub iri: String,
    /// The page's path on this site.
    pub path: String,
    /// Dataset, data service or series.
    pub kind: crate::catalog::RecordKind,
    /// Title in the reader's language.
    pub title: String,
    /// Description in the reader's language.
    pub description: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// The version shown.
    pub version: i64,
    /// The current version.
    pub current_version: i64,
    /// Every other property.
    pub properties: Vec<Property>,
    /// Distributions.
    pub distributions: Vec<Distribution>,
    /// Metadata quality.
    pub quality: Quality,
    /// SHACL problems of the version shown.
    pub problems: Vec<Problem>,
    /// Every version, newest first.
    pub history: Vec<Version>,
    /// RDF representations.
    pub alternates: Vec<Alternate>,
    /// schema.org JSON-LD for search engines (datasets).
    pub schema_org: Option<String>,
}
