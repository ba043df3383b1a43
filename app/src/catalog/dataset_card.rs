//! One dataset in a list: title, publisher, date, description, keywords.

use leptos::prelude::*;

use crate::catalog::DatasetSummary;
use crate::i18n::{t, use_i18n};

/// A dataset as an item of a list. (The title will link to the record
/// page once records are served at their IRIs.)
#[component]
pub fn DatasetCard(dataset: DatasetSummary) -> impl IntoView {
    let i18n = use_i18n();
    let DatasetSummary {
        iri,
        title,
        description,
        publisher,
        keywords,
        modified,
    } = dataset;
    view! {
        <li class="card dataset-card">
            <h3 class="card-title" data-iri=iri>
                {title}
            </h3>
            <dl class="meta">
                {publisher
                    .map(|name| {
                        view! {
                            <div>
                                <dt>{t!(i18n, catalog.publisher)}</dt>
                                <dd>{name}</dd>
                            </div>
                        }
                    })}
                {modified
                    .map(|date| {
                        let datetime = date.clone();
                        view! {
                            <div>
                                <dt>{t!(i18n, catalog.modified)}</dt>
                                <dd>
                                    <time datetime=datetime>{date}</time>
                                </dd>
                            </div>
                        }
                    })}
            </dl>
            {description.map(|text| view! { <p class="card-text">{text}</p> })}
            {(!keywords.is_empty())
                .then(|| {
                    view! {
                        <p class="keywords">
                            <span class="visually-hidden">{t!(i18n, catalog.keywords)}": "</span>
                            {keywords
                                .into_iter()
                                .map(|k| view! { <span class="tag">{k}</span> })
                                .collect_view()}
                        </p>
                    }
                })}
        </li>
    }
}
