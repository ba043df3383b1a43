//! The consultation form's problems: each one's sentence, and what the
//! form knows about a field (its problems, the ids that describe it).

use leptos::prelude::*;

use crate::consult::parts::phase_label;
use crate::consult::{
    COVER_ALT_MAX, COVER_MAX_BYTES, EVIDENCE_MAX, PROCESS_SUMMARY_MAX, PROCESS_TITLE_MAX,
    ProcessProblem,
};
use crate::i18n::{t, use_i18n};

/// The cover's largest size in whole megabytes, as the hint says it.
pub(super) const COVER_MAX_MB: usize = COVER_MAX_BYTES / 1024 / 1024;

/// The sentence for a problem.
pub(super) fn problem_text(problem: &ProcessProblem) -> AnyView {
    let i18n = use_i18n();
    match problem.clone() {
        ProcessProblem::SlugInvalid => t!(i18n, process_form.problem_slug_invalid).into_any(),
        ProcessProblem::SlugTaken => t!(i18n, process_form.problem_slug_taken).into_any(),
        ProcessProblem::TitleLength => t!(
            i18n,
            process_form.problem_title_length,
            max = PROCESS_TITLE_MAX
        )
        .into_any(),
        ProcessProblem::SummaryLong => t!(
            i18n,
            process_form.problem_summary_long,
            max = PROCESS_SUMMARY_MAX
        )
        .into_any(),
        ProcessProblem::BodyLong => t!(i18n, process_form.problem_body_long).into_any(),
        ProcessProblem::AreaInvalid => t!(i18n, process_form.problem_area_invalid).into_any(),
        ProcessProblem::OrganisationUnknown => {
            t!(i18n, process_form.problem_organisation_unknown).into_any()
        }
        ProcessProblem::MaxSupportsInvalid => {
            t!(i18n, process_form.problem_max_supports_invalid).into_any()
        }
        ProcessProblem::ThresholdInvalid => {
            t!(i18n, process_form.problem_threshold_invalid).into_any()
        }
        ProcessProblem::PhaseDate(kind) => {
            let phase = phase_label(kind);
            t!(
                i18n,
                process_form.problem_phase_date,
                phase = move || phase.clone()
            )
            .into_any()
        }
        ProcessProblem::PhaseEndsBeforeStart(kind) => {
            let phase = phase_label(kind);
            t!(
                i18n,
                process_form.problem_phase_ends_before_start,
                phase = move || phase.clone()
            )
            .into_any()
        }
        ProcessProblem::PhaseOverlaps(kind) => {
            let phase = phase_label(kind);
            t!(
                i18n,
                process_form.problem_phase_overlaps,
                phase = move || phase.clone()
            )
            .into_any()
        }
        ProcessProblem::NoPhase => t!(i18n, process_form.problem_no_phase).into_any(),
        ProcessProblem::EvidenceNotIri(iri) => t!(
            i18n,
            process_form.problem_evidence_not_iri,
            iri = move || view! { <code>{iri.clone()}</code> }
        )
        .into_any(),
        ProcessProblem::EvidenceUnknown(iri) => t!(
            i18n,
            process_form.problem_evidence_unknown,
            iri = move || view! { <code>{iri.clone()}</code> }
        )
        .into_any(),
        ProcessProblem::EvidenceTooMany => t!(
            i18n,
            process_form.problem_evidence_too_many,
            max = EVIDENCE_MAX
        )
        .into_any(),
        ProcessProblem::CoverType => t!(i18n, process_form.problem_cover_type).into_any(),
        ProcessProblem::CoverTooLarge => t!(
            i18n,
            process_form.problem_cover_too_large,
            max = COVER_MAX_MB
        )
        .into_any(),
        ProcessProblem::CoverAlt => {
            t!(i18n, process_form.problem_cover_alt, max = COVER_ALT_MAX).into_any()
        }
    }
}

/// What the form knows about one field: whether the last attempt had a
/// problem with it, and the ids that describe it (its hints, then its
/// error).
#[derive(Clone)]
pub(super) struct FieldState {
    pub(super) field: String,
    pub(super) problems: Vec<ProcessProblem>,
    pub(super) described_by: Option<String>,
}

impl FieldState {
    pub(super) fn new(all: &[ProcessProblem], field: &str, hints: &[&str]) -> FieldState {
        let problems: Vec<ProcessProblem> =
            all.iter().filter(|p| p.field() == field).cloned().collect();
        let error = (!problems.is_empty()).then(|| format!("process-{field}-error"));
        let ids: Vec<String> = hints
            .iter()
            .map(|hint| (*hint).to_owned())
            .chain(error)
            .collect();
        FieldState {
            field: field.to_owned(),
            problems,
            described_by: (!ids.is_empty()).then(|| ids.join(" ")),
        }
    }

    pub(super) fn invalid(&self) -> Option<&'static str> {
        (!self.problems.is_empty()).then_some("true")
    }

    pub(super) fn has_error(&self) -> bool {
        !self.problems.is_empty()
    }
}

/// The problems of a field, next to it.
#[component]
pub(super) fn FieldError(state: FieldState) -> impl IntoView {
    (!state.problems.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("process-{}-error", state.field)>
                {state.problems.iter().map(|p| view! { <p>{problem_text(p)}</p> }).collect_view()}
            </div>
        }
    })
}
