//! `/moderation/consultations/new` and `/moderation/consultations/{slug}/edit`:
//! the consultation form of moderators and administrators. One plain form,
//! posted as `multipart/form-data` (it may carry a cover image) to the
//! server, which saves and redirects to the consultation, or keeps what was
//! typed and comes back here with the problems listed at the top and next
//! to their fields. It works without JavaScript and holds no island.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::OrganisationView;
use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::parts::phase_label;
use crate::consult::proposal_fields::textarea_text;
use crate::consult::{
    AreaKind, COVER_ALT_MAX, COVER_MAX_BYTES, Cover, EVIDENCE_MAX, PROCESS_SUMMARY_MAX,
    PROCESS_TITLE_MAX, PhaseInput, PhaseKind, ProcessFormView, ProcessInput, ProcessProblem,
    load_process_form,
};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The cover's largest size in whole megabytes, as the hint says it.
const COVER_MAX_MB: usize = COVER_MAX_BYTES / 1024 / 1024;

/// The new-consultation and edit page.
#[component]
pub fn ProcessFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug"));
    let form = Resource::new(slug, load_process_form);
    let title = move || {
        if slug().is_some() {
            t_string!(i18n, process_form.edit_heading_plain).to_string()
        } else {
            t_string!(i18n, process_form.new_heading).to_string()
        }
    };
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(view) => view! { <FormContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <PageHeading title=title() /> <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FormContent(view: ProcessFormView) -> impl IntoView {
    let i18n = use_i18n();
    let ProcessFormView {
        editing,
        input,
        problems,
        organisations,
        cover,
    } = view;
    // The consultation's name: the title as stored or typed, else its
    // short name.
    let name = editing.as_ref().map(|slug| {
        if input.title.trim().is_empty() {
            slug.clone()
        } else {
            input.title.trim().to_owned()
        }
    });
    let heading = match &name {
        Some(name) => format!("{} {name}", t_string!(i18n, process_form.edit_heading)),
        None => t_string!(i18n, process_form.new_heading).to_string(),
    };
    let crumb = match &editing {
        Some(_) => t_string!(i18n, process_form.edit_heading_plain).to_string(),
        None => heading.clone(),
    };
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/moderation">{t!(i18n, moderation.title)}</a>
            {editing
                .clone()
                .zip(name)
                .map(|(slug, name)| {
                    view! {
                        " › "
                        <a href=format!("/consultations/{slug}")>{name}</a>
                    }
                })}
            " › "
            <span aria-current="page">{crumb}</span>
        </nav>
        <PageHeading title=heading />
        <FormMessage form="process" />
        <p class="lead">{t!(i18n, process_form.intro)}</p>
        <ErrorSummary problems=problems.clone() />
        <ProcessFields editing input problems organisations cover />
    }
}

/// Every problem of the refused attempt, each a link to its field.
#[component]
fn ErrorSummary(problems: Vec<ProcessProblem>) -> impl IntoView {
    let i18n = use_i18n();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="notice notice-error error-summary" role="alert" id="process-errors" tabindex="-1">
                <h2>{t!(i18n, process_form.errors_title)}</h2>
                <ul>
                    {problems
                        .iter()
                        .map(|problem| {
                            let href = format!("#process-{}", problem.field());
                            view! { <li><a href=href>{problem_text(problem)}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The sentence for a problem.
pub fn problem_text(problem: &ProcessProblem) -> AnyView {
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
struct FieldState {
    field: String,
    problems: Vec<ProcessProblem>,
    described_by: Option<String>,
}

impl FieldState {
    fn new(all: &[ProcessProblem], field: &str, hints: &[&str]) -> FieldState {
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

    fn invalid(&self) -> Option<&'static str> {
        (!self.problems.is_empty()).then_some("true")
    }

    fn has_error(&self) -> bool {
        !self.problems.is_empty()
    }
}

/// The problems of a field, next to it.
#[component]
fn FieldError(state: FieldState) -> impl IntoView {
    (!state.problems.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("process-{}-error", state.field)>
                {state.problems.iter().map(|p| view! { <p>{problem_text(p)}</p> }).collect_view()}
            </div>
        }
    })
}

/// The form itself.
#[component]
fn ProcessFields(
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

/// A fieldset per phase kind, in their order, each with its two dates.
#[component]
fn PhaseFields(phases: Vec<PhaseInput>, problems: Vec<ProcessProblem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="phase-fields" aria-labelledby="process-phases-heading">
            <h2 id="process-phases-heading">{t!(i18n, process_form.phases_heading)}</h2>
            <p class="hint" id="process-phases-hint">{t!(i18n, process_form.phases_hint)}</p>
            {PhaseKind::ALL
                .into_iter()
                .map(|kind| {
                    let phase = phases
                        .iter()
                        .find(|p| p.kind == kind)
                        .cloned()
                        .unwrap_or(PhaseInput { kind, ..PhaseInput::default() });
                    let code = kind.code();
                    let state = FieldState::new(
                        &problems,
                        &format!("{code}-starts"),
                        &["process-phases-hint"],
                    );
                    let starts = format!("process-{code}-starts");
                    let ends = format!("process-{code}-ends");
                    view! {
                        <fieldset class="phase-dates-fields" class:has-error=state.has_error()>
                            <legend>{phase_label(kind)}</legend>
                            <FieldError state=state.clone() />
                            <div class="date-inputs">
                                <div class="field">
                                    <label for=starts.clone()>{t!(i18n, process_form.starts_label)}</label>
                                    <input
                                        id=starts
                                        name=format!("{code}_starts_at")
                                        type="text"
                                        spellcheck="false"
                                        autocomplete="off"
                                        value=phase.starts_at
                                        aria-invalid=state.invalid()
                                        aria-describedby=state.described_by.clone()
                                    />
                                </div>
                                <div class="field">
                                    <label for=ends.clone()>{t!(i18n, process_form.ends_label)}</label>
                                    <input
                                        id=ends
                                        name=format!("{code}_ends_at")
                                        type="text"
                                        spellcheck="false"
                                        autocomplete="off"
                                        value=phase.ends_at
                                        aria-invalid=state.invalid()
                                        aria-describedby=state.described_by.clone()
                                    />
                                </div>
                            </div>
                        </fieldset>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The cover image: the current one with a way to remove it, a new file,
/// and its text alternative.
#[component]
fn CoverFields(
    cover: Option<Cover>,
    alt: String,
    remove: bool,
    refused: bool,
    problems: Vec<ProcessProblem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_cover = cover.is_some();
    let mut file_hints = vec!["process-cover-hint"];
    if refused {
        file_hints.push("process-cover-again");
    }
    let file = FieldState::new(&problems, "cover", &file_hints);
    let alt_state = FieldState::new(&problems, "cover-alt", &["process-cover-alt-hint"]);
    view! {
        <fieldset class="cover-fields">
            <legend>{t!(i18n, process_form.cover_legend)}</legend>
            {cover
                .map(|cover| {
                    view! {
                        <figure class="cover-current">
                            <img src=cover.href alt=cover.alt width="320" height="180" />
                            <figcaption>{t!(i18n, process_form.cover_current)}</figcaption>
                        </figure>
                        <div class="choice">
                            <input
                                type="checkbox"
                                id="process-remove-cover"
                                name="remove_cover"
                                value="yes"
                                checked=remove
                            />
                            <label for="process-remove-cover">{t!(i18n, process_form.remove_cover)}</label>
                        </div>
                    }
                })}
            <div class="field" class:has-error=file.has_error()>
                <label for="process-cover">
                    {if has_cover {
                        t!(i18n, process_form.cover_replace_label).into_any()
                    } else {
                        t!(i18n, process_form.cover_label).into_any()
                    }}
                </label>
                <p class="hint" id="process-cover-hint">
                    {t!(i18n, process_form.cover_hint, max = COVER_MAX_MB)}
                </p>
                {refused
                    .then(|| {
                        view! {
                            <p class="hint cover-again" id="process-cover-again">
                                {t!(i18n, process_form.cover_again)}
                            </p>
                        }
                    })}
                <FieldError state=file.clone() />
                <input
                    id="process-cover"
                    name="cover"
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    aria-invalid=file.invalid()
                    aria-describedby=file.described_by.clone()
                />
            </div>
            <div class="field" class:has-error=alt_state.has_error()>
                <label for="process-cover-alt">{t!(i18n, process_form.cover_alt_label)}</label>
                <p class="hint" id="process-cover-alt-hint">
                    {t!(i18n, process_form.cover_alt_hint, max = COVER_ALT_MAX)}
                </p>
                <FieldError state=alt_state.clone() />
                <input
                    id="process-cover-alt"
                    name="cover_alt"
                    type="text"
                    maxlength=COVER_ALT_MAX
                    value=alt
                    aria-invalid=alt_state.invalid()
                    aria-describedby=alt_state.described_by.clone()
                />
            </div>
        </fieldset>
    }
}
