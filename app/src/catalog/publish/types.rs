//! The publishers' pages' data.

use serde::{Deserialize, Serialize};

/// The publisher signed in on this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublisherInfo {
    /// The name of the API token they signed in with.
    pub token_name: String,
}

/// One SHACL result in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportIssue {
    /// `Violation`, `Warning` or `Info`.
    pub severity: String,
    /// What is wrong and what to do.
    pub message: String,
    /// The node concerned when it is not the record itself.
    pub node: Option<String>,
}

/// A record's results about one property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    /// The property, in words ("" for results about no single property).
    pub property: String,
    /// Its results.
    pub issues: Vec<ReportIssue>,
}

/// One record of an import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRecord {
    /// The record's IRI.
    pub iri: String,
    /// Its page on this site (when it was stored).
    pub page: Option<String>,
    /// `created`, `updated`, `unchanged` or `refused`.
    pub outcome: String,
    /// Its results, grouped by property.
    pub groups: Vec<ReportGroup>,
}

/// An import's report, as the report page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReportView {
    /// The file's name.
    pub file_name: String,
    /// `strict` or `lenient`.
    pub mode: String,
    /// When (ISO 8601).
    pub created_at: String,
    /// `stored`, `unchanged`, `refused` or `failed`.
    pub outcome: String,
    /// Why it failed (a parse error with its line and column, …).
    pub message: Option<String>,
    /// Whether lenient mode would read a file that failed to parse.
    pub lenient_would_parse: bool,
    /// Records created, updated and unchanged.
    pub counts: (u64, u64, u64),
    /// Records with at least one violation.
    pub records_with_violations: u64,
    /// Every record, those with results first.
    pub records: Vec<ReportRecord>,
    /// Nodes that could not become records: (node, reason).
    pub refused: Vec<(String, String)>,
    /// Triples attached to no record.
    pub unattached_triples: u64,
}
