//! A record's page (`/datasets/…`, `/services/…`, `/series/…`,
//! `/records/…`): what it is, its distributions with download links, every
//! property in words, its quality, its problems, its history with what
//! changed, and its machine-readable forms. The same IRI answers RDF to
//! machines (content negotiation happens before this page).

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_meta::Link;
use leptos_router::hooks::{use_location, use_query_map};

use crate::catalog::record_parts::{
    DistributionList, History, MachineReadable, Problems, PropertyList,
};
use crate::catalog::{QualityPanel, RecordView, load_record};
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::RecordCitations;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The page of one record.
#[component]
pub fn RecordPage() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let query = use_query_map();
    let request = move || {
        let version = query
            .with(|q| q.get("version"))
            .map(|v| v.parse::<i64>().unwrap_or(0));
        (
            i18n.get_locale().as_str().to_string(),
            location.pathname.get(),
            version,
        )
    };
    let record = Resource::new(request, |(lang, path, version)| async move {
        match version {
            Some(v) if v < 1 => Err(AppError::NotFound),
            _ => load_record(lang, path, version).await,
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(view) => view! { <RecordContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RecordContent(view: RecordView) -> impl IntoView {
    let i18n = use_i18n();
    let RecordView {
        iri,
        path,
        kind,
        title,
        description,
        publisher,
        version,
        current_version,
        properties,
        distributions,
        quality,
        problems,
        history,
        alternates,
        schema_org,
        ..
    } = view;
    let kind_label = crate::catalog::facet_list::kind_label(kind);
    let heading = title.clone();
    let old_version = version != current_version;
    view! {
        {alternates
            .iter()
            .map(|alternate| {
                view! {
                    <Link rel="alternate" type_=alternate.media_type.clone() href=alternate.href.clone() />
                }
            })
            .collect_view()}
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/catalog">{t!(i18n, catalog.title)}</a>
            " › "
            <span aria-current="page">{title.clone()}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description=description.clone().unwrap_or_default() />
        <p class="record-kind" data-iri=iri.clone()>
            {kind_label}
            {publisher.map(|name| view! { " · "{name} })}
        </p>
        {old_version
            .then(|| {
                let current = path.clone();
                view! {
                    <p class="notice notice-info" role="status">
                        {t!(i18n, record.old_version, version, current_version)}
                        " "
                        <a href=current>{t!(i18n, record.see_current)}</a>
                    </p>
                }
            })}
        {description.map(|text| view! { <p class="lead record-description">{text}</p> })}
        <DistributionList distributions />
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">{t!(i18n, record.details)}</h2>
            <PropertyList properties />
        </section>
        <QualityPanel quality />
        <Problems problems />
        <History history path=path.clone() current=version />
        <RecordCitations iri />
        <MachineReadable alternates path=path.clone() />
        {schema_org.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
    }
    .into_any()
}
