//! One dataset in a list: title, publisher, date, description, keywords.

use leptos::prelude::*;

use crate::catalog::DatasetSummary;
use crate::i18n::{t, use_i18n};

/// A record as an item of a list; the title links to its page.
#[component]
pub fn DatasetCard(dataset: DatasetSummary) -> impl IntoView {
    let i18n = use_i18n();
    let DatasetSummary {
        iri,
        page,
        kind,
        title,
        description,
        publisher,
        keywords,
        formats,
        modified,
    } = dataset;
    let kind_label = crate::catalog::facet_list::kind_label(kind);
    view! {
        <li class="card dataset-card">
            <h3 class="card-title" data-iri=iri>
                <a href=page>{title}</a>
            </h3>
            <p class="card-kind">{kind_label}</p>
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
                {(!formats.is_empty())
                    .then(|| {
                        view! {
                            <div>
                                <dt>{t!(i18n, catalog.formats)}</dt>
                                <dd>{formats.join(", ")}</dd>
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
