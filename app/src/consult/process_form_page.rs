//! `/moderation/consultations/new` and `/moderation/consultations/{slug}/edit`:
//! the consultation form of moderators and administrators. One plain form,
//! posted as `multipart/form-data` (it may carry a cover image) to the
//! server, which saves and redirects to the consultation, or keeps what was
//! typed and comes back here with the problems listed at the top and next
//! to their fields. It works without JavaScript and holds no island.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::process_fields::ProcessFields;
use crate::consult::process_problems::problem_text;
use crate::consult::{ProcessFormView, ProcessProblem, load_process_form};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

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
