//! `/publishers`: every publisher with its records and their metadata
//! quality, as a chart and as a table; each links to its own page.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::catalog::quality_chart::QualityChart;
use crate::catalog::quality_view::rating_label;
use crate::catalog::{PublisherSummary, SearchParams, list_publishers};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The publishers' dashboard.
#[component]
pub fn PublishersPage() -> impl IntoView {
    let i18n = use_i18n();
    let publishers = Resource::new(
        move || i18n.get_locale().as_str().to_string(),
        list_publishers,
    );
    view! {
        <PageHeading title=move || t_string!(i18n, publishers.title).to_string() />
        <p class="lead">{t!(i18n, publishers.intro)}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match publishers.await {
                    Ok(list) if list.is_empty() => {
                        view! { <p class="empty">{t!(i18n, publishers.none)}</p> }.into_any()
                    }
                    Ok(list) => {
                        view! {
                            <QualityChart publishers=list.clone() />
                            <PublisherTable publishers=list />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The figures as a table (the chart's text alternative).
#[component]
fn PublisherTable(publishers: Vec<PublisherSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table class="publishers-table">
                <caption>{t!(i18n, publishers.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, publishers.publisher)}</th>
                        <th scope="col">{t!(i18n, publishers.records)}</th>
                        <th scope="col">{t!(i18n, publishers.average_quality)}</th>
                        {["excellent", "good", "sufficient", "bad"]
                            .into_iter()
                            .map(|rating| view! { <th scope="col">{rating_label(rating)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {publishers
                        .into_iter()
                        .map(|p| {
                            let records_href = SearchParams::default().with_filter("publisher", &p.key).href();
                            let count = |rating: &str| p.ratings.iter().find(|(r, _)| r == rating).map_or(0, |(_, c)| *c);
                            let cells: Vec<u64> = ["excellent", "good", "sufficient", "bad"].into_iter().map(count).collect();
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a href=format!("/publishers/{}", p.id)>{p.name}</a>
                                    </th>
                                    <td>
                                        <a href=records_href>{p.records}</a>
                                    </td>
                                    <td>{p.quality_percent}" %"</td>
                                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
