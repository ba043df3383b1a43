//! `/publishers/{id}`: one publisher: its records' quality, what to fix
//! first (each check links to the records that miss it), and its newest
//! records.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_params_map;

use crate::catalog::quality_view::{check_label, rating_label};
use crate::catalog::{DatasetCard, SearchParams, SortKey, list_publishers, search_catalog};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// Newest records shown on a publisher's page.
const NEWEST: usize = 6;

/// One publisher's page.
#[component]
pub fn PublisherPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                i18n.get_locale().as_str().to_string(),
                params.with(|p| p.get("id").unwrap_or_default()),
            )
        },
        |(lang, id)| async move {
            let publishers = list_publishers(lang.clone()).await?;
            let Some(publisher) = publishers.into_iter().find(|p| p.id == id) else {
                return Ok(None);
            };
            let newest = search_catalog(
                lang,
                SearchParams {
                    sort: SortKey::Modified,
                    page_size: NEWEST,
                    ..SearchParams::default().with_filter("publisher", &publisher.key)
                },
            )
            .await?;
            Ok::<_, crate::error::AppError>(Some((publisher, newest)))
        },
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some((publisher, newest))) => {
                        view! { <PublisherContent publisher newest /> }.into_any()
                    }
                    Ok(None) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The page's content, a component of its own so its signals live as long
/// as it does (inside `Suspend` they were disposed during hydration).
#[component]
fn PublisherContent(
    publisher: crate::catalog::PublisherSummary,
    newest: crate::catalog::SearchPage,
) -> impl IntoView {
    let i18n = use_i18n();
    let all = SearchParams::default().with_filter("publisher", &publisher.key);
    let name = publisher.name.clone();
    let rating = crate::catalog::rating(publisher.quality_percent, 100);
    view! {
                            <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
                                <a href="/publishers">{t!(i18n, publishers.title)}</a>
                                " › "
                                <span aria-current="page">{name.clone()}</span>
                            </nav>
                            <PageHeading title=move || name.clone() />
                            <p class="lead">
                                {t!(i18n, publishers.summary, records = publisher.records, percent = publisher.quality_percent)}
                                " "
                                <strong class=format!("rating rating-{rating}")>{rating_label(rating)}</strong>
                            </p>
                            <section aria-labelledby="todo-heading">
                                <h2 id="todo-heading">{t!(i18n, publishers.todo)}</h2>
                                {if publisher.missing.is_empty() {
                                    view! { <p>{t!(i18n, quality.all_done)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="todo">
                                            {publisher
                                                .missing
                                                .iter()
                                                .map(|(check, count)| {
                                                    let href = all.with_filter("missing", check).href();
                                                    let count = *count;
                                                    view! {
                                                        <li>
                                                            <a href=href>{check_label(check)}</a>
                                                            " · "
                                                            {t!(i18n, publishers.records_missing, count)}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }}
                            </section>
                            <section aria-labelledby="newest-heading">
                                <h2 id="newest-heading">{t!(i18n, publishers.newest)}</h2>
                                <ul class="card-list">
                                    {newest.items.into_iter().map(|dataset| view! { <DatasetCard dataset /> }).collect_view()}
                                </ul>
                                <p>
                                    <a class="button" href=all.href()>{t!(i18n, publishers.all_records, count = publisher.records)}</a>
                                </p>
                            </section>
                        }
    .into_any()
}
