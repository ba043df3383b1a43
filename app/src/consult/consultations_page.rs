//! `/consultations`: every consultation, open ones first, with a GET form
//! to narrow the list by status, current phase and words. The address is
//! the state: every list page has its own, and works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{ErrorNotice, PageHeading, PageLinks};
use crate::consult::parts::{phase_label, status_label};
use crate::consult::process_card::ProcessCard;
use crate::consult::{
    MAX_PAGE, PhaseKind, ProcessList, ProcessQuery, ProcessStatus, load_processes,
};
use crate::i18n::{t, t_string, use_i18n};

/// The list of consultations.
#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ProcessQuery::from_params(|key| p.get(key))));
    let list = Resource::new(move || query.get(), load_processes);
    view! {
        <PageHeading
            title=move || t_string!(i18n, consult.title).to_string()
            description=t_string!(i18n, consult.intro).to_string()
        />
        <p class="lead">{t!(i18n, consult.intro)}</p>
        <ProcessFilter query=query.get_untracked() />
        <Suspense>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <ProcessResults list /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The GET form that narrows the list.
#[component]
fn ProcessFilter(query: ProcessQuery) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form
            class="search-form"
            role="search"
            method="get"
            action="/consultations"
            aria-label=move || t_string!(i18n, consult.filter_label).to_string()
        >
            <div class="field search-field">
                <label for="consult-q">{t!(i18n, consult.search_label)}</label>
                <input id="consult-q" type="search" name="q" maxlength="200" value=query.text.clone() />
            </div>
            <div class="field">
                <label for="consult-status">{t!(i18n, consult.status_label)}</label>
                <select id="consult-status" name="status">
                    <option value="" selected=query.status.is_none()>{t!(i18n, consult.status_any)}</option>
                    {ProcessStatus::ALL
                        .into_iter()
                        .map(|status| {
                            view! {
                                <option value=status.code() selected=query.status == Some(status)>
                                    {status_label(status)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="consult-phase">{t!(i18n, consult.phase_label)}</label>
                <select id="consult-phase" name="phase">
                    <option value="" selected=query.phase.is_none()>{t!(i18n, consult.phase_any)}</option>
                    {PhaseKind::ALL
                        .into_iter()
                        .map(|kind| {
                            view! {
                                <option value=kind.code() selected=query.phase == Some(kind)>
                                    {phase_label(kind)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{t!(i18n, consult.search_button)}</button>
        </form>
    }
}

/// The count, the cards and the pager of one list page.
#[component]
fn ProcessResults(list: ProcessList) -> impl IntoView {
    let i18n = use_i18n();
    let ProcessList {
        query,
        total,
        per_page,
        items,
    } = list;
    let unfiltered = query.status.is_none() && query.phase.is_none() && query.text.is_empty();
    let pages = usize::try_from(total.div_ceil(per_page.max(1) as u64))
        .unwrap_or(MAX_PAGE)
        .min(MAX_PAGE);
    let current = query.page;
    let empty = items.is_empty();
    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="results-count">{t!(i18n, consult.results, count = total)}</h2>
            {if empty && unfiltered && total == 0 {
                view! { <p class="empty">{t!(i18n, consult.empty)}</p> }.into_any()
            } else if empty {
                view! { <p class="empty">{t!(i18n, consult.no_results)}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list process-list">
                        {items.into_iter().map(|process| view! { <ProcessCard process /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <PageLinks count=pages current href=move |page| query.at_page(page).href() />
        </section>
    }
}
