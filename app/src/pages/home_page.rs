//! `/`: what Plaza offers, and the latest datasets of the catalog.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::catalog::{DatasetCard, SearchParams, SortKey, search_catalog};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// How many datasets the home page previews.
const RECENT: usize = 3;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let recent = Resource::new(
        move || i18n.get_locale().as_str().to_string(),
        |lang| {
            search_catalog(
                lang,
                SearchParams {
                    sort: SortKey::Modified,
                    page_size: RECENT,
                    ..SearchParams::default()
                },
            )
        },
    );
    view! {
        <section class="hero">
            <PageHeading title=move || t_string!(i18n, home.title).to_string() />
            <p class="lead">{t!(i18n, home.intro)}</p>
        </section>
        <ul class="journeys">
            <li class="journey">
                <h2>
                    <a href="/catalog">{t!(i18n, home.catalog_title)}</a>
                </h2>
                <p>{t!(i18n, home.catalog_text)}</p>
            </li>
            <li class="journey">
                <h2>
                    <a href="/consultations">{t!(i18n, home.consult_title)}</a>
                </h2>
                <p>{t!(i18n, home.consult_text)}</p>
            </li>
            <li class="journey">
                <h2>
                    <a href="/maps">{t!(i18n, home.maps_title)}</a>
                </h2>
                <p>{t!(i18n, home.maps_text)}</p>
            </li>
            <li class="journey">
                <h2>
                    <a href="/models">{t!(i18n, home.models_title)}</a>
                </h2>
                <p>{t!(i18n, home.models_text)}</p>
            </li>
        </ul>
        <section class="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">{t!(i18n, home.recent_title)}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    match recent.await {
                        Ok(list) => {
                            let count = list.total;
                            view! {
                                <p class="count">{t!(i18n, home.dataset_count, count)}</p>
                                <ul class="card-list">
                                    {list
                                        .items
                                        .into_iter()
                                        .map(|dataset| view! { <DatasetCard dataset /> })
                                        .collect_view()}
                                </ul>
                                <p>
                                    <a class="button" href="/catalog">
                                        {t!(i18n, home.see_all)}
                                    </a>
                                </p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
