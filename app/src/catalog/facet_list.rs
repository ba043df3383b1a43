//! Facets: for each dimension (theme, format, …) its values with counts, as
//! links that add or remove a filter; and the list of active filters.

use leptos::prelude::*;

use crate::catalog::RecordKind;
use crate::catalog::{FacetGroup, SearchPage};
use crate::i18n::{t, t_string, use_i18n};

/// The facet column of a result page.
#[component]
pub fn FacetList(page: SearchPage) -> impl IntoView {
    let i18n = use_i18n();
    let groups: Vec<FacetGroup> = page
        .facets
        .iter()
        // "missing" narrows a publisher's to-do list; it shows as a chip only.
        .filter(|g| !g.values.is_empty() && g.name != "missing")
        .cloned()
        .collect();
    view! {
        <aside class="facets" aria-labelledby="facets-heading">
            <h2 id="facets-heading">{t!(i18n, catalog.filters_title)}</h2>
            {groups
                .into_iter()
                .map(|group| {
                    let heading_id = format!("facet-{}", group.name);
                    let labelled_by = heading_id.clone();
                    let name = group.name.clone();
                    let params = page.params.clone();
                    view! {
                        <section class="facet" aria-labelledby=labelled_by>
                            <h3 id=heading_id>{facet_title(&name)}</h3>
                            <ul>
                                {group
                                    .values
                                    .into_iter()
                                    .map(|value| {
                                        let href = if value.selected {
                                            params.without_filter(&name, &value.value).href()
                                        } else {
                                            params.with_filter(&name, &value.value).href()
                                        };
                                        let label = value_label(&name, &value.label);
                                        let count = value.count;
                                        view! {
                                            <li class:selected=value.selected>
                                                <a
                                                    href=href
                                                    rel="nofollow"
                                                    aria-current=value.selected.then_some("true")
                                                >
                                                    <span class="facet-label">{label}</span>
                                                    " "
                                                    <span class="facet-count">
                                                        {count}
                                                        <span class="visually-hidden">
                                                            " "{t!(i18n, catalog.facet_count_suffix)}
                                                        </span>
                                                    </span>
                                                    {value
                                                        .selected
                                                        .then(|| {
                                                            view! {
                                                                <span class="visually-hidden">
                                                                    " "{t!(i18n, catalog.selected_remove)}
                                                                </span>
                                                            }
                                                        })}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </aside>
    }
    .into_any()
}

/// The active filters, each a link that removes it.
#[component]
pub fn SelectedFilters(page: SearchPage) -> impl IntoView {
    let i18n = use_i18n();
    (!page.selected.is_empty())
        .then(|| {
            let params = page.params.clone();
            view! {
                <section class="active-filters" aria-labelledby="active-filters-heading">
                    <h2 id="active-filters-heading" class="visually-hidden">
                        {t!(i18n, catalog.active_filters)}
                    </h2>
                    <ul>
                        {page
                            .selected
                            .into_iter()
                            .map(|(name, value, label)| {
                                let href = params.without_filter(&name, &value).href();
                                let label = value_label(&name, &label);
                                view! {
                                    <li>
                                        <a class="chip" href=href rel="nofollow">
                                            <span class="visually-hidden">
                                                {t!(i18n, catalog.remove_filter)}" "
                                            </span>
                                            {facet_title(&name)}
                                            ": "
                                            {label}
                                            <span aria-hidden="true">" ×"</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                        <li>
                            <a class="chip clear" href=params.without_all_filters().href()>
                                {t!(i18n, catalog.clear_filters)}
                            </a>
                        </li>
                    </ul>
                </section>
            }
        })
        .into_any()
}

/// A facet's heading in the reader's language.
fn facet_title(name: &str) -> String {
    let i18n = use_i18n();
    match name {
        "type" => t_string!(i18n, catalog.facet_type),
        "theme" => t_string!(i18n, catalog.facet_theme),
        "publisher" => t_string!(i18n, catalog.facet_publisher),
        "format" => t_string!(i18n, catalog.facet_format),
        "licence" => t_string!(i18n, catalog.facet_licence),
        "keyword" => t_string!(i18n, catalog.facet_keyword),
        "language" => t_string!(i18n, catalog.facet_language),
        "quality" => t_string!(i18n, catalog.facet_quality),
        "missing" => t_string!(i18n, catalog.facet_missing),
        _ => t_string!(i18n, catalog.facet_access),
    }
    .to_string()
}

/// A record kind in the reader's language.
pub fn kind_label(kind: RecordKind) -> String {
    let i18n = use_i18n();
    match kind {
        RecordKind::Dataset => t_string!(i18n, catalog.kind_dataset).to_string(),
        RecordKind::DataService => t_string!(i18n, catalog.kind_service).to_string(),
        RecordKind::DatasetSeries => t_string!(i18n, catalog.kind_series).to_string(),
    }
}

/// The label of a facet value (`type` values by kind, quality ratings and
/// checks in words; other values are labelled by the server).
pub fn value_label(facet: &str, label: &str) -> String {
    match (facet, label) {
        ("type", name) => match RecordKind::from_name(name) {
            Some(kind) => kind_label(kind),
            None => label.to_owned(),
        },
        ("quality", rating) => crate::catalog::quality_view::rating_label(rating),
        ("missing", check) => crate::catalog::quality_view::check_label(check),
        _ => label.to_owned(),
    }
}
