//! The proposal form's fields, each with its label, hint and the problems
//! of the last attempt tied to it (`aria-invalid`, `aria-describedby`).

use leptos::prelude::*;

use crate::consult::citation_finder::{CitationFinder, FinderLabels};
use crate::consult::{
    CITATIONS_MAX, PLACE_MAX, ProposalInput, ProposalProblem, TITLE_MAX, TITLE_MIN,
};
use crate::i18n::{t, t_string, use_i18n};

/// The sentence for a problem.
pub fn problem_text(problem: &ProposalProblem) -> AnyView {
    let i18n = use_i18n();
    match problem.clone() {
        ProposalProblem::TitleShort => {
            t!(i18n, consult.problem_title_short, min = TITLE_MIN).into_any()
        }
        ProposalProblem::TitleLong => {
            t!(i18n, consult.problem_title_long, max = TITLE_MAX).into_any()
        }
        ProposalProblem::BodyEmpty => t!(i18n, consult.problem_body_empty).into_any(),
        ProposalProblem::BodyLong => t!(i18n, consult.problem_body_long).into_any(),
        ProposalProblem::PlaceLong => {
            t!(i18n, consult.problem_place_long, max = PLACE_MAX).into_any()
        }
        ProposalProblem::Coordinates => t!(i18n, consult.problem_coordinates).into_any(),
        ProposalProblem::OutsideArea => t!(i18n, consult.problem_outside_area).into_any(),
        ProposalProblem::CitationNotIri { line } => {
            t!(i18n, consult.problem_citation_not_iri, line).into_any()
        }
        ProposalProblem::CitationUnknown { iri } => t!(
            i18n,
            consult.problem_citation_unknown,
            iri = move || view! { <code>{iri.clone()}</code> }
        )
        .into_any(),
        ProposalProblem::TooManyCitations => {
            t!(i18n, consult.problem_too_many, max = CITATIONS_MAX).into_any()
        }
    }
}

/// `text` as a `<textarea>`'s content. Leptos writes a textarea's children
/// as they are (it is a raw-text element to it), so what was typed is
/// escaped here, or a `</textarea>` in it would end the field and the rest
/// would be read as markup. A leading newline is doubled: the HTML parser
/// drops the first one.
pub fn textarea_text(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    if escaped.starts_with('\n') {
        format!("\n{escaped}")
    } else {
        escaped
    }
}

/// What the form knows about one field: whether the last attempt had a
/// problem with it, and the ids that describe it.
#[derive(Clone)]
struct FieldState {
    problems: Vec<ProposalProblem>,
    described_by: Option<String>,
}

impl FieldState {
    fn new(all: &[ProposalProblem], field: &str, hint: Option<&str>) -> FieldState {
        let problems: Vec<ProposalProblem> =
            all.iter().filter(|p| p.field() == field).cloned().collect();
        let error = (!problems.is_empty()).then(|| format!("proposal-{field}-error"));
        let ids: Vec<String> = hint.map(str::to_owned).into_iter().chain(error).collect();
        FieldState {
            problems,
            described_by: (!ids.is_empty()).then(|| ids.join(" ")),
        }
    }

    fn invalid(&self) -> Option<&'static str> {
        (!self.problems.is_empty()).then_some("true")
    }
}

/// The problems of field `field`, next to it.
#[component]
fn FieldError(field: &'static str, state: FieldState) -> impl IntoView {
    (!state.problems.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("proposal-{field}-error")>
                {state.problems.iter().map(|p| view! { <p>{problem_text(p)}</p> }).collect_view()}
            </div>
        }
    })
}

/// The form itself, posting to `action`.
#[component]
pub fn ProposalFields(
    action: String,
    input: ProposalInput,
    problems: Vec<ProposalProblem>,
    editing: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = FieldState::new(&problems, "title", Some("proposal-title-hint"));
    let body = FieldState::new(&problems, "body", Some("proposal-body-hint"));
    let place = FieldState::new(&problems, "place", Some("proposal-place-hint"));
    let point = FieldState::new(&problems, "latitude", Some("proposal-point-hint"));
    let citations = FieldState::new(&problems, "citations", Some("proposal-citations-hint"));
    let lang = {
        use leptos_i18n::Locale as _;
        i18n.get_locale().as_str().to_owned()
    };
    let finder = FinderLabels {
        label: t_string!(i18n, consult.finder_label).to_string(),
        hint: t_string!(i18n, consult.finder_hint).to_string(),
        cite: t_string!(i18n, consult.finder_cite).to_string(),
        added: t_string!(i18n, consult.finder_added).to_string(),
        none: t_string!(i18n, consult.finder_none).to_string(),
    };
    view! {
        <form id="proposal-form" class="stacked-form proposal-form" method="post" action=action>
            <div class="field" class:has-error=title.invalid().is_some()>
                <label for="proposal-title">{t!(i18n, consult.title_label)}</label>
                <p class="hint" id="proposal-title-hint">{t!(i18n, consult.title_hint, min = TITLE_MIN, max = TITLE_MAX)}</p>
                <FieldError field="title" state=title.clone() />
                <input
                    id="proposal-title"
                    name="title"
                    type="text"
                    required
                    maxlength=TITLE_MAX
                    value=input.title
                    aria-invalid=title.invalid()
                    aria-describedby=title.described_by.clone()
                />
            </div>
            <div class="field" class:has-error=body.invalid().is_some()>
                <label for="proposal-body">{t!(i18n, consult.body_label)}</label>
                <p class="hint" id="proposal-body-hint">{t!(i18n, consult.body_hint)}</p>
                <FieldError field="body" state=body.clone() />
                <textarea
                    id="proposal-body"
                    name="body"
                    rows="12"
                    required
                    aria-invalid=body.invalid()
                    aria-describedby=body.described_by.clone()
                >
                    {textarea_text(&input.body)}
                </textarea>
            </div>
            <div class="field" class:has-error=place.invalid().is_some()>
                <label for="proposal-place">{t!(i18n, consult.place_label)}</label>
                <p class="hint" id="proposal-place-hint">{t!(i18n, consult.place_hint)}</p>
                <FieldError field="place" state=place.clone() />
                <input
                    id="proposal-place"
                    name="place"
                    type="text"
                    maxlength=PLACE_MAX
                    value=input.place
                    aria-invalid=place.invalid()
                    aria-describedby=place.described_by.clone()
                />
            </div>
            <fieldset class="point-fields" class:has-error=point.invalid().is_some()>
                <legend>{t!(i18n, consult.point_legend)}</legend>
                <p class="hint" id="proposal-point-hint">{t!(i18n, consult.point_hint)}</p>
                <FieldError field="latitude" state=point.clone() />
                <div class="point-inputs">
                    <div class="field">
                        <label for="proposal-latitude">{t!(i18n, consult.latitude_label)}</label>
                        <input
                            id="proposal-latitude"
                            name="latitude"
                            type="text"
                            inputmode="decimal"
                            value=input.latitude
                            aria-invalid=point.invalid()
                            aria-describedby=point.described_by.clone()
                        />
                    </div>
                    <div class="field">
                        <label for="proposal-longitude">{t!(i18n, consult.longitude_label)}</label>
                        <input
                            id="proposal-longitude"
                            name="longitude"
                            type="text"
                            inputmode="decimal"
                            value=input.longitude
                            aria-invalid=point.invalid()
                            aria-describedby=point.described_by.clone()
                        />
                    </div>
                </div>
            </fieldset>
            <div class="field" class:has-error=citations.invalid().is_some()>
                <label for="proposal-citations">{t!(i18n, consult.citations_label)}</label>
                <p class="hint" id="proposal-citations-hint">
                    {t!(i18n, consult.citations_hint)}
                    " "
                    <a href="/catalog">{t!(i18n, consult.citations_find)}</a>
                </p>
                <FieldError field="citations" state=citations.clone() />
                <textarea
                    id="proposal-citations"
                    name="citations"
                    rows="4"
                    spellcheck="false"
                    aria-invalid=citations.invalid()
                    aria-describedby=citations.described_by.clone()
                >
                    {textarea_text(&input.citations)}
                </textarea>
                {view! { <CitationFinder field="proposal-citations".to_owned() lang=lang labels=finder /> }
                    .into_any()}
            </div>
            <button type="submit" class="button">
                {if editing {
                    t!(i18n, consult.save_button).into_any()
                } else {
                    t!(i18n, consult.publish_button).into_any()
                }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::textarea_text;

    #[test]
    fn typed_text_cannot_end_its_textarea() {
        assert_eq!(
            textarea_text("a </textarea><b>&amp;"),
            "a &lt;/textarea&gt;&lt;b&gt;&amp;amp;"
        );
        assert_eq!(textarea_text("\nline"), "\n\nline");
    }
}
