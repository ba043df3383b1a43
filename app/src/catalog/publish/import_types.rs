//! What an import is and gives, shared by the server (the importer, the API
//! and the kept reports) and the report page, so that no outcome or
//! severity is a string to be matched.

use serde::{Deserialize, Serialize};

/// How an import treats SHACL violations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ImportMode {
    /// Refuse the whole body if any record has a violation (the default).
    #[default]
    Strict,
    /// Store every record that parses, with its violations.
    Lenient,
}

impl ImportMode {
    /// `strict` or `lenient`, as the API's `mode` parameter and the kept
    /// reports write it.
    pub fn code(self) -> &'static str {
        match self {
            ImportMode::Strict => "strict",
            ImportMode::Lenient => "lenient",
        }
    }

    /// The mode whose [`code`](ImportMode::code) is `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        [ImportMode::Strict, ImportMode::Lenient]
            .into_iter()
            .find(|mode| mode.code() == code)
    }
}

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// New in the catalog.
    Created,
    /// Stored before, now changed (a new version).
    Updated,
    /// Stored before with the same description.
    Unchanged,
    /// Would have been created or updated (strict import refused).
    Refused,
}

/// What a whole import gave, as its report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum ReportOutcome {
    /// Something was written.
    Stored,
    /// Everything was in the catalog as the file has it.
    Unchanged,
    /// Nothing was written: violations in strict mode, or records of
    /// another organisation.
    Refused,
    /// The file could not be read.
    Failed,
}

impl ReportOutcome {
    /// `stored`, `unchanged`, `refused` or `failed`.
    pub fn code(self) -> &'static str {
        match self {
            ReportOutcome::Stored => "stored",
            ReportOutcome::Unchanged => "unchanged",
            ReportOutcome::Refused => "refused",
            ReportOutcome::Failed => "failed",
        }
    }

    /// The outcome whose [`code`](ReportOutcome::code) is `code`.
    pub fn from_code(code: &str) -> Option<Self> {
        use ReportOutcome::*;
        [Stored, Unchanged, Refused, Failed]
            .into_iter()
            .find(|outcome| outcome.code() == code)
    }
}

/// How bad a SHACL result is (`sh:Violation`, `sh:Warning`, `sh:Info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Severity {
    /// `sh:Info`.
    Info,
    /// `sh:Warning`.
    Warning,
    /// `sh:Violation`.
    Violation,
}

impl Severity {
    /// `Info`, `Warning` or `Violation`: the SHACL term's local name.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "Info",
            Severity::Warning => "Warning",
            Severity::Violation => "Violation",
        }
    }
}

/// Why an import from the import page stored nothing, when its file was
/// not read or was refused as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportFailure {
    /// The file is not RDF in the syntax its name says.
    NotRdf,
    /// The file holds no dataset, data service or series.
    NoRecords,
    /// The file has records of other organisations.
    OutOfScope,
    /// Plaza failed; the error is in the server log.
    Unavailable,
}
