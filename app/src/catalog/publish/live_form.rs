//! The record form itself, an island: it hydrates so that, with JavaScript,
//! errors and the quality panel update as the publisher leaves a field
//! (`check_form`). Without JavaScript it is a plain form that posts to
//! `/publish/records`.
//!
//! It is lazy (`#[island(lazy)]`): built with `cargo leptos build --split`,
//! its code and everything only it uses (the form's types, translations,
//! the server function's client) are a separate WASM chunk that the browser
//! fetches when a page holds the form, so citizens' pages never load it.

use leptos::prelude::*;

use crate::catalog::publish::form_fields::{
    Checkboxes, Errors, Select, TextArea, TextInput, error_text,
};
use crate::catalog::publish::{FORM_LANGUAGES, FieldError, FormOptions, RecordForm, fields};
use crate::catalog::{Quality, QualityPanel, RecordKind};
use crate::components::provide_island_locale;
use crate::i18n::{Locale, t, t_string, use_i18n};

/// The form and, beside it, the quality its content would have.
#[island(lazy)]
pub fn LiveRecordForm(
    /// The reader's language (islands have no page context in the browser).
    locale: Locale,
    /// The form's content.
    form: RecordForm,
    /// Errors to show next to fields.
    errors: Vec<FieldError>,
    /// The metadata quality the form's content would have.
    quality: Quality,
    /// The pickers' choices.
    options: FormOptions,
) -> impl IntoView {
    provide_island_locale(locale);
    let i18n = use_i18n();
    let errors: Errors = RwSignal::new(errors);
    let quality = RwSignal::new(quality);
    let editing = !form.iri.is_empty();
    let kind = form.kind;
    let check = move |_ev: leptos::ev::FocusEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = _ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                return;
            };
            let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
                return;
            };
            let encoded: String = params.to_string().into();
            let pairs: Vec<(String, String)> = form_urlencoded::parse(encoded.as_bytes())
                .into_owned()
                .collect();
            let typed = crate::catalog::publish::RecordForm::from_pairs(
                pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            );
            leptos::task::spawn_local(async move {
                if let Ok(result) = crate::catalog::publish::check_form(typed).await {
                    errors.set(result.errors);
                    quality.set(result.quality);
                }
            });
        }
    };
    let distributions = form.distributions.clone();
    // `live` once hydrated: the checks run from then on (the end-to-end
    // specs wait for it, since the chunk may arrive after the page).
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    view! {
        <div class="form-layout">
            <form id="record-form" class="stacked-form record-form" class:live=live method="post" action="/publish/records" novalidate on:focusout=check>
                <input type="hidden" name="kind" value=form.kind.name() />
                <input type="hidden" name="iri" value=form.iri.clone() />
                {move || {
                    let all = errors.get();
                    (!all.is_empty())
                        .then(|| {
                            let count = all.len();
                            view! {
                                <div id="form-errors" class="notice notice-error error-summary" role="alert" tabindex="-1">
                                    <h2>{t!(i18n, form.errors_title, count)}</h2>
                                    <ul>
                                        {all
                                            .into_iter()
                                            .map(|e| {
                                                let target = if e.field.is_empty() { "#record-form".to_owned() } else { format!("#field-{}", e.field) };
                                                let text = error_text(&e);
                                                view! { <li><a href=target>{text}</a></li> }
                                            })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })
                }}
                <fieldset>
                    <legend>{t!(i18n, form.about)}</legend>
                    {FORM_LANGUAGES
                        .iter()
                        .map(|lang| {
                            let language = if *lang == "fr" { "français" } else { "English" };
                            view! {
                                <TextInput name=fields::title(lang) label=format!("{} ({language})", t_string!(i18n, form.title)) value=form.title(lang).to_owned() errors />
                                <TextArea name=fields::description(lang) label=format!("{} ({language})", t_string!(i18n, form.description)) value=form.description(lang).to_owned() errors />
                            }
                        })
                        .collect_view()}
                    {(!editing).then(|| view! {
                        <TextInput name="slug".to_owned() label=t_string!(i18n, form.slug).to_string() value=form.slug.clone() errors hint=t_string!(i18n, form.slug_hint).to_string() />
                    })}
                    <TextInput name="keywords".to_owned() label=t_string!(i18n, form.keywords).to_string() value=form.keywords.clone() errors hint=t_string!(i18n, form.keywords_hint).to_string() />
                </fieldset>
                <Checkboxes name="themes".to_owned() legend=t_string!(i18n, form.themes).to_string() values=form.themes.clone() options=options.themes.clone() errors />
                <fieldset>
                    <legend>{t!(i18n, form.who)}</legend>
                    <Select name="publisher".to_owned() label=t_string!(i18n, form.publisher).to_string() value=form.publisher.clone() options=options.publishers.clone() errors />
                    <TextInput name="contact_name".to_owned() label=t_string!(i18n, form.contact_name).to_string() value=form.contact_name.clone() errors />
                    <TextInput name="contact_email".to_owned() label=t_string!(i18n, form.contact_email).to_string() value=form.contact_email.clone() errors kind="email" />
                    <TextInput name="landing_page".to_owned() label=t_string!(i18n, form.landing_page).to_string() value=form.landing_page.clone() errors kind="url" />
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, form.coverage)}</legend>
                    <TextInput name="spatial_place".to_owned() label=t_string!(i18n, form.spatial_place).to_string() value=form.spatial_place.clone() errors kind="url" hint=t_string!(i18n, form.spatial_place_hint).to_string() />
                    <TextInput name="spatial_bbox".to_owned() label=t_string!(i18n, form.spatial_bbox).to_string() value=form.spatial_bbox.clone() errors hint=t_string!(i18n, form.spatial_bbox_hint).to_string() />
                    <TextInput name="temporal_start".to_owned() label=t_string!(i18n, form.temporal_start).to_string() value=form.temporal_start.clone() errors kind="date" />
                    <TextInput name="temporal_end".to_owned() label=t_string!(i18n, form.temporal_end).to_string() value=form.temporal_end.clone() errors kind="date" />
                    <TextInput name="issued".to_owned() label=t_string!(i18n, form.issued).to_string() value=form.issued.clone() errors kind="date" />
                    <Select name="frequency".to_owned() label=t_string!(i18n, form.frequency).to_string() value=form.frequency.clone() options=options.frequencies.clone() errors />
                    <Select name="access_rights".to_owned() label=t_string!(i18n, form.access_rights).to_string() value=form.access_rights.clone() options=options.access_rights.clone() errors />
                </fieldset>
                <Checkboxes name="languages".to_owned() legend=t_string!(i18n, form.languages).to_string() values=form.languages.clone() options=options.languages.clone() errors />
                <fieldset>
                    <legend>{t!(i18n, form.hvd)}</legend>
                    <p class="hint">{t!(i18n, form.hvd_hint)}</p>
                    <Select name="hvd_category".to_owned() label=t_string!(i18n, form.hvd_category).to_string() value=form.hvd_category.clone() options=options.hvd_categories.clone() errors />
                </fieldset>
                {(kind == RecordKind::DataService).then(|| view! {
                    <fieldset>
                        <legend>{t!(i18n, form.service)}</legend>
                        <TextInput name="endpoint_url".to_owned() label=t_string!(i18n, form.endpoint_url).to_string() value=form.endpoint_url.clone() errors kind="url" />
                        <TextInput name="endpoint_description".to_owned() label=t_string!(i18n, form.endpoint_description).to_string() value=form.endpoint_description.clone() errors kind="url" />
                        <TextInput name="serves_datasets".to_owned() label=t_string!(i18n, form.serves_datasets).to_string() value=form.serves_datasets.clone() errors hint=t_string!(i18n, form.serves_datasets_hint).to_string() />
                    </fieldset>
                })}
                {(kind == RecordKind::Dataset).then(|| {
                    let options = options.clone();
                    view! {
                        {distributions
                            .into_iter()
                            .enumerate()
                            .map(|(n, d)| {
                                let field = |name: &str| fields::distribution(n, name);
                                view! {
                                    <fieldset class="distribution-fields" id=format!("dist{n}")>
                                        <legend>{t!(i18n, form.distribution, number = n + 1)}</legend>
                                        <input type="hidden" name=field("iri") value=d.iri.clone() />
                                        <TextInput name=field("title") label=t_string!(i18n, form.distribution_title).to_string() value=d.title errors />
                                        <TextArea name=field("description") label=t_string!(i18n, form.distribution_description).to_string() value=d.description errors />
                                        <TextInput name=field("access_url") label=t_string!(i18n, form.access_url).to_string() value=d.access_url errors kind="url" />
                                        <TextInput name=field("download_url") label=t_string!(i18n, form.download_url).to_string() value=d.download_url errors kind="url" />
                                        <Select name=field("format") label=t_string!(i18n, form.format).to_string() value=d.format options=options.file_types.clone() errors />
                                        <Select name=field("media_type") label=t_string!(i18n, form.media_type).to_string() value=d.media_type options=options.media_types.clone() errors />
                                        <Select name=field("licence") label=t_string!(i18n, form.licence).to_string() value=d.licence options=options.licences.clone() errors />
                                        <TextInput name=field("byte_size") label=t_string!(i18n, form.byte_size).to_string() value=d.byte_size errors />
                                    </fieldset>
                                }
                            })
                            .collect_view()}
                        <button type="submit" name="action" value="add_distribution" class="button button-secondary">{t!(i18n, form.add_distribution)}</button>
                    }
                })}
                <button type="submit" name="action" value="save" class="button">{t!(i18n, form.save)}</button>
            </form>
            <aside class="form-quality" aria-live="polite">
                {move || view! { <QualityPanel quality=quality.get() /> }}
            </aside>
        </div>
    }
}
