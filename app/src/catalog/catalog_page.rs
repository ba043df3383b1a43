//! `/catalog`: search the catalog, narrow by facets, sort and page through
//! the results. Everything is a link or a GET form, so the page works the
//! same without JavaScript, and every result page has a stable URL.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_query_map;

use crate::catalog::facet_list::{FacetList, SelectedFilters};
use crate::catalog::pager::Pager;
use crate::catalog::search_form::SearchForm;
use crate::catalog::{DatasetCard, FACETS, SearchParams, search_catalog};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The catalog's search page.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = Memo::new(move |_| {
        query.with(|map| {
            let mut pairs: Vec<(String, String)> = Vec::new();
            for key in ["q", "sort", "page"].into_iter().chain(FACETS) {
                for value in map.get_all(key).unwrap_or_default() {
                    pairs.push((key.to_owned(), value));
                }
            }
            SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let results = Resource::new(
        move || (i18n.get_locale().as_str().to_string(), params.get()),
        |(lang, params)| search_catalog(lang, params),
    );
    view! {
        <PageHeading title=move || t_string!(i18n, catalog.title).to_string() />
        <p class="lead">{t!(i18n, catalog.intro)}</p>
        <p>
            <a href="/publishers">{t!(i18n, catalog.publishers_link)}</a>
        </p>
        <SearchForm params=params />
        <Suspense>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(page) => {
                        let total = page.total;
                        let empty = page.items.is_empty();
                        let nothing_published = total == 0 && page.params.q.is_empty()
                            && page.params.filters.is_empty();
                        view! {
                            <SelectedFilters page=page.clone() />
                            <div class="catalog-layout">
                                <FacetList page=page.clone() />
                                <section class="results" aria-labelledby="results-heading">
                                    <h2 id="results-heading" class="results-count">
                                        {t!(i18n, catalog.results, count = total)}
                                    </h2>
                                    {if nothing_published {
                                        view! { <p class="empty">{t!(i18n, catalog.empty)}</p> }
                                            .into_any()
                                    } else if empty {
                                        view! { <p class="empty">{t!(i18n, catalog.no_results)}</p> }
                                            .into_any()
                                    } else {
                                        view! {
                                            <ul class="card-list results-list">
                                                {page
                                                    .items
                                                    .clone()
                                                    .into_iter()
                                                    .map(|dataset| view! { <DatasetCard dataset /> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                            .into_any()
                                    }}
                                    <Pager page=page />
                                </section>
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
