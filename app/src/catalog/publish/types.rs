//! The publishers' pages' data.

use serde::{Deserialize, Serialize};

/// The publisher signed in on this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublisherInfo {
    /// Their public pseudonym.
    pub pseudonym: String,
    /// The organisations they publish for (every one for administrators).
    pub organisations: Vec<crate::account::OrganisationView>,
}

/// One SHACL result in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportIssue {
    /// How bad it is.
    pub severity: crate::catalog::publish::Severity,
    /// What is wrong and what to do.
    pub message: String,
    /// The node concerned when it is not the record itself.
    pub node: Option<String>,
}

/// A record's results about one property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportGroup {
    /// The property, in words ("" for results about no single property).
    pub property: String,
    /// Its results.
    pub issues: Vec<ReportIssue>,
}

/// One record of an import report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportRecord {
    /// The record's IRI.
    pub iri: String,
    /// Its page on this site (when it was stored).
    pub page: Option<String>,
    /// What happened to it.
    pub outcome: crate::catalog::publish::Outcome,
    /// Its results, grouped by property.
    pub groups: Vec<ReportGroup>,
}

/// An import's report, as the report page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportReportView {
    /// The file's name.
    pub file_name: String,
    /// Strict or lenient.
    pub mode: crate::catalog::publish::ImportMode,
    /// When (ISO 8601).
    pub created_at: String,
    /// What the import gave.
    pub outcome: crate::catalog::publish::ReportOutcome,
    /// Why nothing was stored, when the file was not read or refused.
    pub failure: Option<crate::catalog::publish::ImportFailure>,
    /// The parser's words about where the file breaks.
    pub detail: Option<String>,
    /// Why it failed, in the words of a report kept by an earlier version.
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

/// Where the record form's content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum FormSource {
    /// A new record of this kind.
    New(crate::catalog::RecordKind),
    /// The record whose page is at this path.
    Edit(String),
    /// A saved draft.
    Draft(String),
}

/// The choices of a form picker: (IRI, label).
pub type Options = Vec<(String, String)>;

/// The pickers' choices, labelled in the reader's language (each an
/// [`Options`], spelt out so that its schema can be derived).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FormOptions {
    /// EU data themes.
    pub themes: Vec<(String, String)>,
    /// Publishers known to the catalog.
    pub publishers: Vec<(String, String)>,
    /// EU languages.
    pub languages: Vec<(String, String)>,
    /// EU access rights.
    pub access_rights: Vec<(String, String)>,
    /// EU frequencies.
    pub frequencies: Vec<(String, String)>,
    /// EU file types.
    pub file_types: Vec<(String, String)>,
    /// IANA media types.
    pub media_types: Vec<(String, String)>,
    /// EU licences.
    pub licences: Vec<(String, String)>,
    /// High-value dataset categories.
    pub hvd_categories: Vec<(String, String)>,
}

/// The record form with what to show around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FormPageData {
    /// The form's content.
    pub form: crate::catalog::publish::RecordForm,
    /// Errors to show next to fields.
    pub errors: Vec<crate::catalog::publish::FieldError>,
    /// The metadata quality the form's content would have.
    pub quality: crate::catalog::Quality,
    /// The pickers' choices.
    pub options: FormOptions,
    /// The record's page when it exists already.
    pub record_page: Option<String>,
}

/// The answer to a check of the form as typed so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FormCheck {
    /// Errors by field.
    pub errors: Vec<crate::catalog::publish::FieldError>,
    /// The quality the record would have.
    pub quality: crate::catalog::Quality,
}
