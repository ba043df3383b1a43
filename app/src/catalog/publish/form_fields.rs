//! The record form's fields: each with its label, hint and error, the error
//! tied to the input (`aria-invalid`, `aria-describedby`) and shown as soon
//! as it is known.

use leptos::prelude::*;

use crate::catalog::publish::{FieldError, FieldProblem, Options};
use crate::i18n::{t_string, use_i18n};

/// The errors of the form, shared by its fields.
pub type Errors = RwSignal<Vec<FieldError>>;

fn error_of(errors: Errors, name: &str) -> Option<FieldError> {
    errors.with(|all| all.iter().find(|e| e.field == name).cloned())
}

/// An error in the reader's language.
pub fn error_text(error: &FieldError) -> String {
    let i18n = use_i18n();
    use FieldProblem::*;
    match error.kind {
        Required => t_string!(i18n, form.error_required).to_string(),
        TooMany => t_string!(i18n, form.error_too_many).to_string(),
        Format => t_string!(i18n, form.error_format).to_string(),
        Vocabulary => t_string!(i18n, form.error_vocabulary).to_string(),
        Url => t_string!(i18n, form.error_url).to_string(),
        Email => t_string!(i18n, form.error_email).to_string(),
        Date => t_string!(i18n, form.error_date).to_string(),
        DateOrder => t_string!(i18n, form.error_date_order).to_string(),
        Number => t_string!(i18n, form.error_number).to_string(),
        Bbox => t_string!(i18n, form.error_bbox).to_string(),
        Slug => t_string!(i18n, form.error_slug).to_string(),
        Taken => t_string!(i18n, form.error_taken).to_string(),
        Other => error.message.clone(),
    }
}

#[component]
fn ErrorLine(name: String, errors: Errors) -> impl IntoView {
    let id = format!("{name}-error");
    move || {
        error_of(errors, &name).map(|error| {
            view! {
                <p class="field-error" id=id.clone()>
                    {error_text(&error)}
                </p>
            }
        })
    }
}

fn described_by(
    name: String,
    hint: bool,
    errors: Errors,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{name}-hint"));
        }
        if error_of(errors, &name).is_some() {
            ids.push(format!("{name}-error"));
        }
        ids.join(" ")
    }
}

/// A one-line text input.
#[component]
pub fn TextInput(
    name: String,
    label: String,
    value: String,
    errors: Errors,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let id = format!("field-{name}");
    let invalid_name = name.clone();
    let has_hint = hint.is_some();
    view! {
        <div class="field" class:has-error=move || error_of(errors, &invalid_name).is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            <ErrorLine name=name.clone() errors />
            <input
                id=id
                name=name.clone()
                type=kind
                value=value
                aria-invalid={
                    let name = name.clone();
                    move || error_of(errors, &name).map(|_| "true")
                }
                aria-describedby=described_by(name.clone(), has_hint, errors)
            />
        </div>
    }
}

/// A text area.
#[component]
pub fn TextArea(name: String, label: String, value: String, errors: Errors) -> impl IntoView {
    let id = format!("field-{name}");
    // Leptos writes a <textarea>'s children unescaped on the server (tachys
    // marks it like <script>), so "</textarea><script>" in a value would
    // end the element: the server escapes it here. In the browser the text
    // node already exists and is only claimed by hydration.
    #[cfg(feature = "ssr")]
    let value = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let invalid_name = name.clone();
    view! {
        <div class="field" class:has-error=move || error_of(errors, &invalid_name).is_some()>
            <label for=id.clone()>{label}</label>
            <ErrorLine name=name.clone() errors />
            <textarea
                id=id
                name=name.clone()
                rows="4"
                aria-invalid={
                    let name = name.clone();
                    move || error_of(errors, &name).map(|_| "true")
                }
                aria-describedby=described_by(name.clone(), false, errors)
            >
                {value}
            </textarea>
        </div>
    }
}

/// A picker of one value from a list (with "none").
#[component]
pub fn Select(
    name: String,
    label: String,
    value: String,
    options: Options,
    errors: Errors,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let invalid_name = name.clone();
    let known = options.iter().any(|(iri, _)| *iri == value) || value.is_empty();
    view! {
        <div class="field" class:has-error=move || error_of(errors, &invalid_name).is_some()>
            <label for=id.clone()>{label}</label>
            <ErrorLine name=name.clone() errors />
            <select
                id=id
                name=name.clone()
                aria-invalid={
                    let name = name.clone();
                    move || error_of(errors, &name).map(|_| "true")
                }
                aria-describedby=described_by(name.clone(), false, errors)
            >
                <option value="" selected=value.is_empty()>{t_string!(i18n, form.none_chosen)}</option>
                {(!known).then(|| view! { <option value=value.clone() selected=true>{value.clone()}</option> })}
                {options
                    .into_iter()
                    .map(|(iri, text)| {
                        let selected = iri == value;
                        view! { <option value=iri selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Several values from a list, as checkboxes in a fieldset.
#[component]
pub fn Checkboxes(
    name: String,
    legend: String,
    values: Vec<String>,
    options: Options,
    errors: Errors,
) -> impl IntoView {
    let error_name = name.clone();
    view! {
        <fieldset class="checkboxes" id=format!("field-{name}") class:has-error=move || error_of(errors, &error_name).is_some()>
            <legend>{legend}</legend>
            <ErrorLine name=name.clone() errors />
            {options
                .into_iter()
                .enumerate()
                .map(|(n, (iri, text))| {
                    let id = format!("{name}-{n}");
                    let checked = values.contains(&iri);
                    view! {
                        <div class="choice">
                            <input id=id.clone() type="checkbox" name=name.clone() value=iri checked=checked />
                            <label for=id>{text}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
