//! The open-data exports of a process: which table and which format, as
//! addresses name them (`/consultations/{slug}/export/proposals.csv`).
//! Shared, so the pages' links and the server's routes cannot disagree.

use serde::{Deserialize, Serialize};

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ExportKind {
    /// Proposals with their state, answer, counts, citations and place.
    Proposals,
    /// Public comments, with their authors' pseudonyms.
    Comments,
    /// Supports per proposal and day.
    Supports,
    /// Survey results per question and option (public results only).
    Surveys,
    /// Meetings with their attendance and outcomes.
    Meetings,
    /// Contributions per week, by kind (engagement without tracking).
    Engagement,
}

impl ExportKind {
    /// Every export, in the order pages list them.
    pub const ALL: [ExportKind; 6] = [
        ExportKind::Proposals,
        ExportKind::Comments,
        ExportKind::Supports,
        ExportKind::Surveys,
        ExportKind::Meetings,
        ExportKind::Engagement,
    ];

    /// Its name in addresses.
    pub fn code(self) -> &'static str {
        match self {
            ExportKind::Proposals => "proposals",
            ExportKind::Comments => "comments",
            ExportKind::Supports => "supports",
            ExportKind::Surveys => "surveys",
            ExportKind::Meetings => "meetings",
            ExportKind::Engagement => "engagement",
        }
    }

    /// The export named `code`.
    pub fn from_code(code: &str) -> Option<ExportKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Its fields, in order: the CSV header and the JSON keys.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ExportKind::Proposals => &[
                "number",
                "title",
                "state",
                "answer",
                "answered_at",
                "supports",
                "comments",
                "latitude",
                "longitude",
                "place",
                "citations",
                "author",
                "published_at",
                "url",
            ],
            ExportKind::Comments => &[
                "id",
                "proposal",
                "parent",
                "author",
                "alignment",
                "body",
                "ups",
                "downs",
                "created_at",
                "edited_at",
            ],
            ExportKind::Supports => &["proposal", "day", "supports"],
            ExportKind::Surveys => &[
                "survey",
                "survey_title",
                "question",
                "question_type",
                "prompt",
                "row",
                "option",
                "count",
                "answered",
                "share",
                "average_rank",
            ],
            ExportKind::Meetings => &[
                "number",
                "title",
                "format",
                "starts_at",
                "ends_at",
                "time_zone",
                "address",
                "latitude",
                "longitude",
                "online_url",
                "capacity",
                "registered",
                "waiting",
                "attendance",
                "minutes",
                "outcomes",
                "url",
            ],
            ExportKind::Engagement => &[
                "week",
                "proposals",
                "supports",
                "comments",
                "responses",
                "registrations",
            ],
        }
    }
}

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ExportFormat {
    /// RFC 4180 CSV, UTF-8, with a header row.
    Csv,
    /// A JSON array of objects with the same fields.
    Json,
}

impl ExportFormat {
    /// Both formats.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Csv, ExportFormat::Json];

    /// Its file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv",
            ExportFormat::Json => "application/json",
        }
    }

    /// The format whose extension is `extension`.
    pub fn from_extension(extension: &str) -> Option<ExportFormat> {
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }
}

/// The address of `slug`'s export of `kind` in `format`.
pub fn export_path(slug: &str, kind: ExportKind, format: ExportFormat) -> String {
    format!(
        "/consultations/{slug}/export/{}.{}",
        kind.code(),
        format.extension()
    )
}
