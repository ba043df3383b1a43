//! `/publish/new?kind=…`, `/publish/edit?record=…`, `/publish/drafts/{id}`:
//! the record form. It posts to `/publish/records` and works without
//! JavaScript (errors come back on a draft page, nothing typed is lost);
//! the form itself is an island (`live_form.rs`): with JavaScript, errors
//! and the quality update as you leave a field.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::{use_location, use_query_map};

use crate::catalog::RecordKind;
use crate::catalog::publish::live_form::LiveRecordForm;
use crate::catalog::publish::{FormPageData, FormSource, load_form};
use crate::components::{ErrorNotice, PageHeading};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// The record form page.
#[component]
pub fn RecordFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let query = use_query_map();
    let source = move || {
        let path = location.pathname.get();
        if let Some(id) = path.strip_prefix("/publish/drafts/") {
            FormSource::Draft(id.to_owned())
        } else if path == "/publish/edit" {
            FormSource::Edit(query.with(|q| q.get("record")).unwrap_or_default())
        } else {
            FormSource::New(
                query
                    .with(|q| q.get("kind"))
                    .and_then(|name| RecordKind::from_name(&name))
                    .unwrap_or_default(),
            )
        }
    };
    let data = Resource::new(
        move || (i18n.get_locale().as_str().to_string(), source()),
        |(lang, source)| load_form(lang, source),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <RecordFormView data /> }.into_any(),
                    Err(AppError::NotFound | AppError::SignInRequired | AppError::Forbidden) => {
                        view! { <FormUnavailable /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Shown when the form is not available (signed out, or no such record or
/// draft); a component so its title signal outlives the `Suspend`.
#[component]
fn FormUnavailable() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=move || t_string!(i18n, form.title_new).to_string() />
        <p>
            <a href="/publish">{t!(i18n, form.not_available)}</a>
        </p>
    }
}

#[component]
fn RecordFormView(data: FormPageData) -> impl IntoView {
    let i18n = use_i18n();
    let FormPageData {
        form,
        errors,
        quality,
        options,
        record_page,
    } = data;
    let title = if !form.iri.is_empty() {
        t_string!(i18n, form.title_edit)
    } else {
        t_string!(i18n, form.title_new)
    }
    .to_string();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/publish">{t!(i18n, publish.title)}</a>
            " › "
            <span aria-current="page">{title.clone()}</span>
        </nav>
        <PageHeading title=move || title.clone() />
        {record_page
            .map(|page| {
                let path = page
                    .split_once("://")
                    .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_owned()))
                    .unwrap_or_default();
                let delete = form_urlencoded::Serializer::new(String::new()).append_pair("record", &path).finish();
                view! {
                    <p class="record-actions">
                        <a href=page>{t!(i18n, form.see_record)}</a>
                        " · "
                        <a href=format!("/publish/confirm-delete?{delete}")>{t!(i18n, form.delete_link)}</a>
                    </p>
                }
            })}
        <LiveRecordForm locale=i18n.get_locale() form errors quality options />
    }
    .into_any()
}
