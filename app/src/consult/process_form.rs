//! The consultation form (moderators and administrators create and edit
//! processes): its fields as typed, its problems, and what the page shows.
//! The server refuses with these problems and keeps what was typed as a
//! draft; the page shows each next to its field.

use serde::{Deserialize, Serialize};

use crate::account::OrganisationView;
use crate::consult::{Cover, PhaseKind};

/// Longest title.
pub const PROCESS_TITLE_MAX: usize = 200;
/// Longest summary.
pub const PROCESS_SUMMARY_MAX: usize = 600;
/// Longest body.
pub const PROCESS_BODY_MAX: usize = 50_000;
/// Longest cover text alternative.
pub const COVER_ALT_MAX: usize = 300;
/// Largest cover image, in bytes.
pub const COVER_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most records of evidence.
pub const EVIDENCE_MAX: usize = 50;

/// How the area is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AreaKind {
    /// No area.
    #[default]
    None,
    /// A place IRI (a municipality, a district in a gazetteer).
    Place,
    /// A box: west, south, east, north in WGS 84 degrees.
    Bbox,
    /// A GeoJSON Polygon.
    Polygon,
}

impl AreaKind {
    /// Every kind, in the form's order.
    pub const ALL: [AreaKind; 4] = [
        AreaKind::None,
        AreaKind::Place,
        AreaKind::Bbox,
        AreaKind::Polygon,
    ];

    /// The kind's code in forms.
    pub fn code(self) -> &'static str {
        match self {
            AreaKind::None => "none",
            AreaKind::Place => "place",
            AreaKind::Bbox => "bbox",
            AreaKind::Polygon => "polygon",
        }
    }

    /// The kind whose code is `code`.
    pub fn from_code(code: &str) -> Option<AreaKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One phase's dates as typed (`2026-05-01T00:00:00Z`); both empty: the
/// process has no such phase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PhaseInput {
    /// Which phase.
    pub kind: PhaseKind,
    /// When it begins.
    pub starts_at: String,
    /// When it is over.
    pub ends_at: String,
}

/// What the consultation form posts, as typed (the cover image aside).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessInput {
    /// Short name in addresses (only when creating).
    pub slug: String,
    /// Title.
    pub title: String,
    /// A sentence or two.
    pub summary: String,
    /// The plan, Markdown.
    pub body: String,
    /// How the area is given.
    pub area_kind: AreaKind,
    /// The area: a place IRI, `west,south,east,north`, or a GeoJSON Polygon.
    pub area: String,
    /// The organising organisation's short name, or empty.
    pub organisation: String,
    /// Most supports per citizen, or empty for no limit.
    pub max_supports: String,
    /// Supports that make a proposal "accepted for study", or empty.
    pub support_threshold: String,
    /// The five phases' dates, in order.
    pub phases: Vec<PhaseInput>,
    /// Catalog record IRIs the process rests on, one per line.
    pub evidence: String,
    /// The cover image's text alternative.
    pub cover_alt: String,
    /// Remove the cover image.
    pub remove_cover: bool,
}

impl ProcessInput {
    /// The five phases, empty: what a new form starts with.
    pub fn empty_phases() -> Vec<PhaseInput> {
        PhaseKind::ALL
            .into_iter()
            .map(|kind| PhaseInput {
                kind,
                ..PhaseInput::default()
            })
            .collect()
    }
}

/// Why the consultation form was refused; each is about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProcessProblem {
    /// The short name breaks the rules.
    SlugInvalid,
    /// Another consultation has it.
    SlugTaken,
    /// Title empty or too long.
    TitleLength,
    /// Summary too long.
    SummaryLong,
    /// Body too long.
    BodyLong,
    /// The area cannot be read as its kind says.
    AreaInvalid,
    /// No such organisation.
    OrganisationUnknown,
    /// Not a whole number from 1.
    MaxSupportsInvalid,
    /// Not a whole number from 1.
    ThresholdInvalid,
    /// A phase has one date and not the other, or a date not in the form
    /// `2026-05-01T00:00:00Z`.
    PhaseDate(PhaseKind),
    /// A phase ends before it starts.
    PhaseEndsBeforeStart(PhaseKind),
    /// A phase starts before the one before it is over.
    PhaseOverlaps(PhaseKind),
    /// No phase at all.
    NoPhase,
    /// An evidence line is not an IRI.
    EvidenceNotIri(String),
    /// No record in the catalog has this IRI.
    EvidenceUnknown(String),
    /// More evidence than a process may list.
    EvidenceTooMany,
    /// The cover is not a PNG, JPEG or WebP image.
    CoverType,
    /// The cover is larger than the limit.
    CoverTooLarge,
    /// A cover needs its text alternative (or it is too long).
    CoverAlt,
}

impl ProcessProblem {
    /// The id suffix of the field it is about (`process-{field}`).
    pub fn field(&self) -> String {
        match self {
            ProcessProblem::SlugInvalid | ProcessProblem::SlugTaken => "slug".into(),
            ProcessProblem::TitleLength => "title".into(),
            ProcessProblem::SummaryLong => "summary".into(),
            ProcessProblem::BodyLong => "body".into(),
            ProcessProblem::AreaInvalid => "area".into(),
            ProcessProblem::OrganisationUnknown => "organisation".into(),
            ProcessProblem::MaxSupportsInvalid => "max-supports".into(),
            ProcessProblem::ThresholdInvalid => "threshold".into(),
            ProcessProblem::PhaseDate(kind)
            | ProcessProblem::PhaseEndsBeforeStart(kind)
            | ProcessProblem::PhaseOverlaps(kind) => format!("{}-starts", kind.code()),
            ProcessProblem::NoPhase => format!("{}-starts", PhaseKind::Information.code()),
            ProcessProblem::EvidenceNotIri(_)
            | ProcessProblem::EvidenceUnknown(_)
            | ProcessProblem::EvidenceTooMany => "evidence".into(),
            ProcessProblem::CoverType | ProcessProblem::CoverTooLarge => "cover".into(),
            ProcessProblem::CoverAlt => "cover-alt".into(),
        }
    }
}

/// The consultation form's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProcessFormView {
    /// The short name of the process edited; `None` for a new one.
    pub editing: Option<String>,
    /// The fields: the stored process, or the refused attempt.
    pub input: ProcessInput,
    /// Why the last attempt was refused (empty otherwise).
    pub problems: Vec<ProcessProblem>,
    /// The organisations that may organise it.
    pub organisations: Vec<OrganisationView>,
    /// The cover image now.
    pub cover: Option<Cover>,
}
