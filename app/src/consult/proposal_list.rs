//! A process's proposals: a GET form to filter them, links to sort them,
//! the cards and the pager. Every link keeps the search (and the random
//! order's seed), so a reader pages through the same shuffle.

use leptos::prelude::*;

use crate::components::PageLinks;
use crate::consult::parts::{sort_label, state_label};
use crate::consult::proposal_card::ProposalCard;
use crate::consult::{MAX_PAGE, ProposalList, ProposalQuery, ProposalSort, ProposalState};
use crate::i18n::{t, t_string, use_i18n};

/// The proposals section of `/consultations/{slug}`.
#[component]
pub fn ProposalsSection(slug: String, list: ProposalList) -> impl IntoView {
    let i18n = use_i18n();
    let ProposalList {
        query,
        total,
        per_page,
        items,
    } = list;
    let base = format!("/consultations/{slug}");
    let unfiltered =
        query.state.is_none() && query.text.is_empty() && !query.located && query.cites.is_none();
    let pages = usize::try_from(total.div_ceil(per_page.max(1) as u64))
        .unwrap_or(MAX_PAGE)
        .min(MAX_PAGE);
    let empty = items.is_empty();
    let pager_base = base.clone();
    let pager_query = query.clone();
    view! {
        <section class="proposals" id="proposals" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{t!(i18n, consult.proposals_heading)}</h2>
            <ProposalFilter base=base.clone() query=query.clone() />
            <SortLinks base=base.clone() query=query.clone() />
            <p class="count">{t!(i18n, consult.proposals_total, count = total)}</p>
            {if empty && unfiltered {
                view! { <p class="empty">{t!(i18n, consult.proposals_none)}</p> }.into_any()
            } else if empty {
                view! { <p class="empty">{t!(i18n, consult.proposals_no_results)}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list proposal-list">
                        {items
                            .into_iter()
                            .map(|proposal| view! { <ProposalCard slug=slug.clone() proposal /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <PageLinks
                count=pages
                current=query.page
                href=move |page| {
                    format!("{pager_base}{}#proposals", pager_query.at_page(page).to_query_string())
                }
            />
        </section>
    }
}

/// The filter form; it keeps the order, the seed and the record cited.
#[component]
fn ProposalFilter(base: String, query: ProposalQuery) -> impl IntoView {
    let i18n = use_i18n();
    let show_all = ProposalQuery {
        cites: None,
        page: 1,
        ..query.clone()
    };
    let show_all = format!("{base}{}#proposals", show_all.to_query_string());
    view! {
        <form
            class="search-form"
            role="search"
            method="get"
            action=format!("{base}#proposals")
            aria-label=move || t_string!(i18n, consult.proposals_filter).to_string()
        >
            <div class="field search-field">
                <label for="proposals-q">{t!(i18n, consult.proposals_search_label)}</label>
                <input id="proposals-q" type="search" name="q" maxlength="200" value=query.text.clone() />
            </div>
            <div class="field">
                <label for="proposals-state">{t!(i18n, consult.state_label)}</label>
                <select id="proposals-state" name="state">
                    <option value="" selected=query.state.is_none()>{t!(i18n, consult.state_any)}</option>
                    {ProposalState::ALL
                        .into_iter()
                        .map(|state| {
                            view! {
                                <option value=state.code() selected=query.state == Some(state)>
                                    {state_label(state)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field choice">
                <input id="proposals-located" type="checkbox" name="located" value="1" checked=query.located />
                <label for="proposals-located">{t!(i18n, consult.located_label)}</label>
            </div>
            {(query.sort != ProposalSort::Random)
                .then(|| view! { <input type="hidden" name="sort" value=query.sort.code() /> })}
            {query.seed.map(|seed| view! { <input type="hidden" name="seed" value=seed.to_string() /> })}
            {query.cites.clone().map(|iri| view! { <input type="hidden" name="cites" value=iri /> })}
            <button type="submit" class="button">{t!(i18n, consult.filter_button)}</button>
        </form>
        {query
            .cites
            .map(|iri| {
                view! {
                    <p class="notice notice-info citing">
                        {t!(i18n, consult.citing, iri = move || view! { <code>{iri.clone()}</code> })}
                        " "
                        <a href=show_all>{t!(i18n, consult.show_all)}</a>
                    </p>
                }
            })}
    }
}

/// The links to each order, the current one marked.
#[component]
fn SortLinks(base: String, query: ProposalQuery) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="sort-links" aria-label=move || t_string!(i18n, consult.sort_label).to_string()>
            <span class="sort-intro">{t!(i18n, consult.sort_intro)}</span>
            <ul>
                {ProposalSort::ALL
                    .into_iter()
                    .map(|sort| {
                        let href = format!("{base}{}#proposals", query.sorted(sort).to_query_string());
                        view! {
                            <li>
                                <a href=href aria-current=(query.sort == sort).then_some("true")>
                                    {sort_label(sort)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
