//! The consultation form's phases (a fieldset per kind, each with its two
//! dates) and cover image (the current one, a new file, its text
//! alternative).

use leptos::prelude::*;

use crate::consult::parts::phase_label;
use crate::consult::process_problems::{COVER_MAX_MB, FieldError, FieldState};
use crate::consult::{COVER_ALT_MAX, Cover, PhaseInput, PhaseKind, ProcessProblem};
use crate::i18n::{t, use_i18n};

/// A fieldset per phase kind, in their order, each with its two dates.
#[component]
pub(super) fn PhaseFields(phases: Vec<PhaseInput>, problems: Vec<ProcessProblem>) -> impl IntoView {
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
pub(super) fn CoverFields(
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
