//! The catalog's search box and sort menu: a GET form to `/catalog` that
//! keeps the selected filters.

use leptos::prelude::*;

use crate::catalog::{SearchParams, SortKey};
use crate::i18n::{t, use_i18n};

/// The search form for `params`.
#[component]
pub fn SearchForm(params: Memo<SearchParams>) -> impl IntoView {
    let i18n = use_i18n();
    let sort_label = move |key: SortKey| match key {
        SortKey::Relevance => t!(i18n, catalog.sort_relevance).into_any(),
        SortKey::Modified => t!(i18n, catalog.sort_modified).into_any(),
        SortKey::Title => t!(i18n, catalog.sort_title).into_any(),
    };
    view! {
        <form class="search-form" role="search" method="get" action="/catalog">
            <div class="field search-field">
                <label for="catalog-q">{t!(i18n, catalog.search_label)}</label>
                <input
                    id="catalog-q"
                    type="search"
                    name="q"
                    maxlength="200"
                    prop:value=move || params.get().q
                    value=move || params.get().q
                />
            </div>
            <div class="field sort-field">
                <label for="catalog-sort">{t!(i18n, catalog.sort_label)}</label>
                <select id="catalog-sort" name="sort">
                    {SortKey::ALL
                        .into_iter()
                        .map(|key| {
                            view! {
                                <option
                                    value=key.name()
                                    selected=move || params.get().sort == key
                                >
                                    {sort_label(key)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {move || {
                params
                    .get()
                    .filters
                    .into_iter()
                    .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                    .collect_view()
            }}
            <button type="submit" class="button">{t!(i18n, catalog.search_button)}</button>
        </form>
    }
}
