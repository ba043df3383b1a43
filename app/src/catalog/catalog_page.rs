//! `/catalog`: every dataset of the catalog, newest first.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Title;

use crate::catalog::{DatasetCard, MAX_PAGE, list_datasets};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The catalog's list page.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let i18n = use_i18n();
    let datasets = Resource::new(
        move || i18n.get_locale().as_str().to_string(),
        |lang| list_datasets(lang, MAX_PAGE),
    );
    view! {
        <Title text=move || format!("{} · Plaza", t_string!(i18n, catalog.title)) />
        <PageHeading title=move || t_string!(i18n, catalog.title).to_string() />
        <p class="lead">{t!(i18n, catalog.intro)}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match datasets.await {
                    Ok(list) if list.items.is_empty() => {
                        view! { <p class="empty">{t!(i18n, catalog.empty)}</p> }.into_any()
                    }
                    Ok(list) => {
                        let shown = list.items.len();
                        let total = list.total;
                        view! {
                            <p class="count">{t!(i18n, catalog.showing, shown, total)}</p>
                            <ul class="card-list">
                                {list
                                    .items
                                    .into_iter()
                                    .map(|dataset| view! { <DatasetCard dataset /> })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
