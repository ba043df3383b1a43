//! `/consultations/{slug}/new` and `/consultations/{slug}/proposals/{id}/edit`:
//! the proposal form. It posts to the server, which publishes or saves and
//! redirects to the proposal, or keeps what was typed and comes back here
//! with the problems listed at the top and next to their fields.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::proposal_fields::{ProposalFields, problem_text};
use crate::consult::{ProposalFormView, ProposalProblem, load_proposal_form};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The new-proposal and edit page.
#[component]
pub fn ProposalFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let location = use_location();
    // `None`: a new proposal; `Some(None)`: an id that is not a number.
    let request = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("id").map(|id| id.parse::<i64>().ok()),
            )
        })
    };
    let form = Resource::new(request, |(slug, id)| async move {
        match id {
            Some(None) => Err(AppError::NotFound),
            Some(id) => load_proposal_form(slug, id).await,
            None => load_proposal_form(slug, None).await,
        }
    });
    let editing = move || params.with(|p| p.get("id").is_some());
    let title = move || {
        if editing() {
            t_string!(i18n, consult.edit_title).to_string()
        } else {
            t_string!(i18n, consult.new_title).to_string()
        }
    };
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(view) => view! { <FormContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(AppError::SignInRequired) => {
                        let href = format!("/account/sign-in?next={}", location.pathname.get_untracked());
                        view! {
                            <PageHeading title=title() />
                            <p class="lead">{t!(i18n, consult.sign_in_needed)}</p>
                            <p><a class="button" href=href>{t!(i18n, account.sign_in_link)}</a></p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <PageHeading title=title() /> <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FormContent(view: ProposalFormView) -> impl IntoView {
    let i18n = use_i18n();
    let ProposalFormView {
        header,
        id,
        input,
        problems,
    } = view;
    let process = format!("/consultations/{}", header.slug);
    let action = match id {
        Some(id) => format!("{process}/proposals/{id}"),
        None => format!("{process}/proposals"),
    };
    let heading = match id {
        Some(_) => t_string!(i18n, consult.edit_title).to_string(),
        None => t_string!(i18n, consult.new_title).to_string(),
    };
    let crumb = heading.clone();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process>{header.title.clone()}</a>
            " › "
            <span aria-current="page">{crumb}</span>
        </nav>
        <PageHeading title=heading />
        <FormMessage form="proposal" />
        <p class="lead">{t!(i18n, consult.form_intro)}</p>
        <ErrorSummary problems=problems.clone() />
        <ProposalFields action input problems editing=id.is_some() />
    }
}

/// Every problem of the refused attempt, each a link to its field.
#[component]
fn ErrorSummary(problems: Vec<ProposalProblem>) -> impl IntoView {
    let i18n = use_i18n();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="notice notice-error error-summary" role="alert" id="proposal-errors" tabindex="-1">
                <h2>{t!(i18n, consult.errors_title)}</h2>
                <ul>
                    {problems
                        .iter()
                        .map(|problem| {
                            let href = format!("#proposal-{}", problem.field());
                            view! { <li><a href=href>{problem_text(problem)}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
