//! The sections of a record page.

use leptos::prelude::*;

use crate::catalog::{Alternate, Distribution, Problem, Property, Value, Version};
use crate::i18n::{t, use_i18n};

/// A value as text or as a link.
#[component]
pub fn ValueView(value: Value) -> impl IntoView {
    match value {
        Value::Text(text) => view! { <span>{text}</span> }.into_any(),
        Value::Link { href, label } => view! { <a href=href>{label}</a> }.into_any(),
    }
}

/// Properties as a description list.
#[component]
pub fn PropertyList(properties: Vec<Property>) -> impl IntoView {
    view! {
        <dl class="properties">
            {properties
                .into_iter()
                .map(|property| {
                    view! {
                        <div>
                            <dt>{property.label}</dt>
                            <dd>
                                <ul class="values">
                                    {property
                                        .values
                                        .into_iter()
                                        .map(|value| view! { <li><ValueView value /></li> })
                                        .collect_view()}
                                </ul>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
    .into_any()
}

/// The distributions, each with its download and access links.
#[component]
pub fn DistributionList(distributions: Vec<Distribution>) -> impl IntoView {
    let i18n = use_i18n();
    (!distributions.is_empty()).then(|| {
        view! {
            <section class="distributions" aria-labelledby="distributions-heading">
                <h2 id="distributions-heading">{t!(i18n, record.distributions)}</h2>
                <ul class="distribution-list">
                    {distributions
                        .into_iter()
                        .map(|d| {
                            let title = d.title.clone();
                            view! {
                                <li class="distribution">
                                    <h3>{d.title}</h3>
                                    <p class="meta">
                                        {d.format.map(|f| view! { <span class="tag">{f}</span> })}
                                        {d.licence.map(|value| view! { " "<ValueView value /> })}
                                    </p>
                                    {d.description.map(|text| view! { <p>{text}</p> })}
                                    <p class="distribution-links">
                                        {d.download_url.map(|href| {
                                            let title = title.clone();
                                            view! {
                                                <a class="button" href=href>
                                                    {t!(i18n, record.download)}
                                                    <span class="visually-hidden">" "{title}</span>
                                                </a>
                                            }
                                        })}
                                        " "
                                        {d.access_url.map(|href| {
                                            let title = title.clone();
                                            view! {
                                                <a class="button button-secondary" href=href>
                                                    {t!(i18n, record.access)}
                                                    <span class="visually-hidden">" "{title}</span>
                                                </a>
                                            }
                                        })}
                                    </p>
                                    <details>
                                        <summary>
                                            {t!(i18n, record.distribution_details)}
                                            <span class="visually-hidden">" "{title.clone()}</span>
                                        </summary>
                                        <PropertyList properties=d.properties />
                                    </details>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
    .into_any()
}

/// SHACL problems (records stored with violations in lenient mode).
#[component]
pub fn Problems(problems: Vec<Problem>) -> impl IntoView {
    let i18n = use_i18n();
    (!problems.is_empty())
        .then(|| {
            let count = problems.len();
            view! {
                <section class="problems" aria-labelledby="problems-heading">
                    <h2 id="problems-heading">{t!(i18n, record.problems_title)}</h2>
                    <p>{t!(i18n, record.problems_intro, count)}</p>
                    <ul>
                        {problems
                            .into_iter()
                            .map(|p| {
                                let severity = p.severity.to_lowercase();
                                view! {
                                    <li class=format!("problem problem-{severity}")>
                                        <strong>{severity_label(&p.severity)}</strong>
                                        {p.property.map(|property| view! { " · "{property} })}
                                        ": "
                                        {p.message}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .into_any()
}

fn severity_label(severity: &str) -> String {
    let i18n = use_i18n();
    match severity {
        "Violation" => crate::i18n::t_string!(i18n, record.violation),
        "Warning" => crate::i18n::t_string!(i18n, record.warning),
        _ => crate::i18n::t_string!(i18n, record.info),
    }
    .to_string()
}

/// Every version, newest first, with what changed.
#[component]
pub fn History(history: Vec<Version>, path: String, current: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t!(i18n, record.history)}</h2>
            <ol class="versions" reversed>
                {history
                    .into_iter()
                    .map(|version| {
                        let number = version.version;
                        let href = format!("{path}?version={number}");
                        let date = version.created_at.chars().take(10).collect::<String>();
                        let datetime = version.created_at.clone();
                        let created = version.change == "created";
                        let changes = version.changes;
                        view! {
                            <li id=format!("version-{number}")>
                                <a href=href aria-current=(number == current).then_some("page")>
                                    {t!(i18n, record.version, number)}
                                </a>
                                " · "
                                {if created {
                                    t!(i18n, record.created).into_any()
                                } else {
                                    t!(i18n, record.updated).into_any()
                                }}
                                " "
                                <time datetime=datetime>{date}</time>
                                {(!changes.is_empty())
                                    .then(|| {
                                        view! {
                                            <details>
                                                <summary>
                                                    {t!(i18n, record.what_changed, number)}
                                                </summary>
                                                <ul class="changes">
                                                    {changes
                                                        .into_iter()
                                                        .map(|change| {
                                                            view! {
                                                                <li>
                                                                    <strong>{change.property}</strong>
                                                                    {change
                                                                        .added
                                                                        .into_iter()
                                                                        .map(|v| view! { <ins>{v}</ins> })
                                                                        .collect_view()}
                                                                    {change
                                                                        .removed
                                                                        .into_iter()
                                                                        .map(|v| view! { <del>{v}</del> })
                                                                        .collect_view()}
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            </details>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// Links to the RDF representations and the SPARQL endpoint, and to the
/// form that edits the record.
#[component]
pub fn MachineReadable(alternates: Vec<Alternate>, path: String) -> impl IntoView {
    let i18n = use_i18n();
    let edit = form_urlencoded::Serializer::new(String::new())
        .append_pair("record", &path)
        .finish();
    view! {
        <p class="edit-link">
            <a href=format!("/publish/edit?{edit}")>{t!(i18n, record.edit)}</a>
        </p>
        <section class="machine" aria-labelledby="machine-heading">
            <h2 id="machine-heading">{t!(i18n, record.machine)}</h2>
            <ul>
                {alternates
                    .into_iter()
                    .map(|a| {
                        let label = a.media_type.clone();
                        view! { <li><a href=a.href type=a.media_type>{label}</a></li> }
                    })
                    .collect_view()}
                <li>
                    <a href="/sparql">{t!(i18n, record.sparql)}</a>
                </li>
            </ul>
        </section>
    }
    .into_any()
}
