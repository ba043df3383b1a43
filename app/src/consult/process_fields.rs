//! The consultation form's fields: text, area, organisation and limits,
//! the short name, evidence; the phases and the cover are in
//! `process_phase_fields.rs`.

use leptos::prelude::*;

use crate::account::OrganisationView;
use crate::consult::process_phase_fields::{CoverFields, PhaseFields};
use crate::consult::process_problems::{FieldError, FieldState};
use crate::consult::proposal_fields::textarea_text;
use crate::consult::{
    AreaKind, Cover, EVIDENCE_MAX, PROCESS_SUMMARY_MAX, PROCESS_TITLE_MAX, ProcessInput,
    ProcessProblem,
};
use crate::i18n::{t, t_string, use_i18n};

/// The form itself.
#[component]
pub(super) fn ProcessFields(
    editing: Option<String>,
    input: ProcessInput,
    problems: Vec<ProcessProblem>,
    organisations: Vec<OrganisationView>,
    cover: Option<Cover>,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = match &editing {
        Some(slug) => format!("/moderation/consultations/{slug}"),
        None => "/moderation/consultations".to_owned(),
    };
    let refused = !problems.is_empty();
    let title = FieldState::new(&problems, "title", &["process-title-hint"]);
    let summary = FieldState::new(&problems, "summary", &["process-summary-hint"]);
    let body = FieldState::new(&problems, "body", &["process-body-hint"]);
    let area = FieldState::new(&problems, "area", &["process-area-hint"]);
    let organisation = FieldState::new(&problems, "organisation", &[]);
    let max_supports = FieldState::new(&problems, "max-supports", &["process-max-supports-hint"]);
    let threshold = FieldState::new(&problems, "threshold", &["process-threshold-hint"]);
    let evidence = FieldState::new(&problems, "evidence", &["process-evidence-hint"]);
    let ProcessInput {
        slug,
        title: title_value,
        summary: summary_value,
        body: body_value,
        area_kind,
        area: area_value,
        organisation: organisation_value,
        max_supports: max_supports_value,
        support_threshold,
        phases,
        evidence: evidence_value,
        cover_alt,
        remove_cover,
    } = input;
    view! {
        <form
            id="process-form"
            class="stacked-form process-form"
            method="post"
            enctype="multipart/form-data"
            action=action
        >
            <SlugField editing=editing.clone() value=slug problems=problems.clone() />
            <div class="field" class:has-error=title.has_error()>
                <label for="process-title">{t!(i18n, process_form.title_label)}</label>
                <p class="hint" id="process-title-hint">
                    {t!(i18n, process_form.title_hint, max = PROCESS_TITLE_MAX)}
                </p>
                <FieldError state=title.clone() />
                <input
                    id="process-title"
                    name="title"
                    type="text"
                    required
                    maxlength=PROCESS_TITLE_MAX
                    value=title_value
                    aria-invalid=title.invalid()
                    aria-describedby=title.described_by.clone()
                />
            </div>
            <div class="field" class:has-error=summary.has_error()>
                <label for="process-summary">{t!(i18n, process_form.summary_label)}</label>
                <p class="hint" id="process-summary-hint">
                    {t!(i18n, process_form.summary_hint, max = PROCESS_SUMMARY_MAX)}
                </p>
                <FieldError state=summary.clone() />
                <textarea
                    id="process-summary"
                    name="summary"
                    rows="3"
                    aria-invalid=summary.invalid()
                    aria-describedby=summary.described_by.clone()
                >
                    {textarea_text(&summary_value)}
                </textarea>
            </div>
            <div class="field" class:has-error=body.has_error()>
                <label for="process-body">{t!(i18n, process_form.body_label)}</label>
                <p class="hint" id="process-body-hint">{t!(i18n, process_form.body_hint)}</p>
                <FieldError state=body.clone() />
                <textarea
                    id="process-body"
                    name="body"
                    rows="14"
                    aria-invalid=body.invalid()
                    aria-describedby=body.described_by.clone()
                >
                    {textarea_text(&body_value)}
                </textarea>
            </div>
            <fieldset class="area-kinds">
                <legend>{t!(i18n, process_form.area_kind_legend)}</legend>
                {AreaKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let id = format!("process-area-kind-{}", kind.code());
                        let hint = format!("{id}-hint");
                        view! {
                            <div class="choice choice-explained">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name="area_kind"
                                    value=kind.code()
                                    checked=kind == area_kind
                                    aria-describedby=hint.clone()
                                />
                                <label for=id>{area_kind_label(kind)}</label>
                                <p class="hint" id=hint>{area_kind_hint(kind)}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field" class:has-error=area.has_error()>
                <label for="process-area">{t!(i18n, process_form.area_label)}</label>
                <p class="hint" id="process-area-hint">{t!(i18n, process_form.area_hint)}</p>
                <FieldError state=area.clone() />
                <textarea
                    id="process-area"
                    name="area"
                    rows="3"
                    spellcheck="false"
                    aria-invalid=area.invalid()
                    aria-describedby=area.described_by.clone()
                >
                    {textarea_text(&area_value)}
                </textarea>
            </div>
            <div class="field" class:has-error=organisation.has_error()>
                <label for="process-organisation">{t!(i18n, process_form.organisation_label)}</label>
                <FieldError state=organisation.clone() />
                <select
                    id="process-organisation"
                    name="organisation"
                    aria-invalid=organisation.invalid()
                    aria-describedby=organisation.described_by.clone()
                >
                    <option value="" selected=organisation_value.trim().is_empty()>
                        {t!(i18n, process_form.organisation_none)}
                    </option>
                    {organisations
                        .into_iter()
                        .map(|org| {
                            let selected = org.id == organisation_value.trim();
                            view! {
                                <option value=org.id selected=selected>
                                    {org.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field" class:has-error=max_supports.has_error()>
                <label for="process-max-supports">{t!(i18n, process_form.max_supports_label)}</label>
                <p class="hint" id="process-max-supports-hint">{t!(i18n, process_form.max_supports_hint)}</p>
                <FieldError state=max_supports.clone() />
                <input
                    id="process-max-supports"
                    name="max_supports"
                    type="text"
                    inputmode="numeric"
                    class="input-short"
                    value=max_supports_value
                    aria-invalid=max_supports.invalid()
                    aria-describedby=max_supports.described_by.clone()
                />
            </div>
            <div class="field" class:has-error=threshold.has_error()>
                <label for="process-threshold">{t!(i18n, process_form.threshold_label)}</label>
                <p class="hint" id="process-threshold-hint">{t!(i18n, process_form.threshold_hint)}</p>
                <FieldError state=threshold.clone() />
                <input
                    id="process-threshold"
                    name="support_threshold"
                    type="text"
                    inputmode="numeric"
                    class="input-short"
                    value=support_threshold
                    aria-invalid=threshold.invalid()
                    aria-describedby=threshold.described_by.clone()
                />
            </div>
            <PhaseFields phases problems=problems.clone() />
            <div class="field" class:has-error=evidence.has_error()>
                <label for="process-evidence">{t!(i18n, process_form.evidence_label)}</label>
                <p class="hint" id="process-evidence-hint">
                    {t!(i18n, process_form.evidence_hint, max = EVIDENCE_MAX)}
                    " "
                    <a href="/catalog">{t!(i18n, consult.citations_find)}</a>
                </p>
                <FieldError state=evidence.clone() />
                <textarea
                    id="process-evidence"
                    name="evidence"
                    rows="5"
                    spellcheck="false"
                    aria-invalid=evidence.invalid()
                    aria-describedby=evidence.described_by.clone()
                >
                    {textarea_text(&evidence_value)}
                </textarea>
            </div>
            <CoverFields cover alt=cover_alt remove=remove_cover refused problems=problems.clone() />
            <button type="submit" class="button">
                {if editing.is_some() {
                    t!(i18n, process_form.save_button).into_any()
                } else {
                    t!(i18n, process_form.create_button).into_any()
                }}
            </button>
        </form>
    }
}

/// The short name: a field when creating, text when editing (it is part
/// of the consultation's address and does not change).
#[component]
fn SlugField(
    editing: Option<String>,
    value: String,
    problems: Vec<ProcessProblem>,
) -> impl IntoView {
    let i18n = use_i18n();
    match editing {
        Some(slug) => view! {
            <div class="field">
                <p class="slug-fixed">
                    <strong>{t!(i18n, process_form.slug_label)}</strong>
                    " "
                    <code>{slug}</code>
                </p>
                <p class="hint">{t!(i18n, process_form.slug_fixed)}</p>
            </div>
        }
        .into_any(),
        None => {
            let state = FieldState::new(&problems, "slug", &["process-slug-hint"]);
            view! {
                <div class="field" class:has-error=state.has_error()>
                    <label for="process-slug">{t!(i18n, process_form.slug_label)}</label>
                    <p class="hint" id="process-slug-hint">{t!(i18n, process_form.slug_hint)}</p>
                    <FieldError state=state.clone() />
                    <input
                        id="process-slug"
                        name="slug"
                        type="text"
                        required
                        minlength="2"
                        maxlength="80"
                        autocapitalize="none"
                        autocomplete="off"
                        spellcheck="false"
                        value=value
                        aria-invalid=state.invalid()
                        aria-describedby=state.described_by.clone()
                    />
                </div>
            }
            .into_any()
        }
    }
}

/// An area kind in words.
fn area_kind_label(kind: AreaKind) -> String {
    let i18n = use_i18n();
    match kind {
        AreaKind::None => t_string!(i18n, process_form.area_none),
        AreaKind::Place => t_string!(i18n, process_form.area_place),
        AreaKind::Bbox => t_string!(i18n, process_form.area_bbox),
        AreaKind::Polygon => t_string!(i18n, process_form.area_polygon),
    }
    .to_string()
}

/// How an area of this kind is written.
fn area_kind_hint(kind: AreaKind) -> String {
    let i18n = use_i18n();
    match kind {
        AreaKind::None => t_string!(i18n, process_form.area_none_hint),
        AreaKind::Place => t_string!(i18n, process_form.area_place_hint),
        AreaKind::Bbox => t_string!(i18n, process_form.area_bbox_hint),
        AreaKind::Polygon => t_string!(i18n, process_form.area_polygon_hint),
    }
    .to_string()
}
