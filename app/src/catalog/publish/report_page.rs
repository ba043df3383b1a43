//! `/publish/imports/{id}`: an import's report, grouped by record and by
//! property, in the reader's language.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_params_map;

use crate::catalog::publish::{
    ImportFailure, ImportMode, ImportReportView, Outcome, ReportOutcome, ReportRecord, Severity,
    import_report,
};
use crate::components::{ErrorNotice, PageHeading};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let report = Resource::new(
        move || {
            (
                i18n.get_locale().as_str().to_string(),
                params.with(|p| p.get("id").unwrap_or_default()),
            )
        },
        |(lang, id)| import_report(lang, id),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) => view! { <Report report /> }.into_any(),
                    // Another publisher's report is not found, as none is
                    // for someone not signed in.
                    Err(AppError::NotFound | AppError::SignInRequired | AppError::Forbidden) => {
                        view! { <NotFoundPage /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Report(report: ImportReportView) -> impl IntoView {
    let i18n = use_i18n();
    let (created, updated, unchanged) = report.counts;
    let with_violations = report.records_with_violations;
    let file = report.file_name.clone();
    let mode = match report.mode {
        ImportMode::Strict => t_string!(i18n, publish.mode_name_strict),
        ImportMode::Lenient => t_string!(i18n, publish.mode_name_lenient),
    }
    .to_string();
    let date = report
        .created_at
        .chars()
        .take(16)
        .collect::<String>()
        .replace('T', " ");
    let outcome = report.outcome;
    view! {
        <PageHeading title=move || t_string!(i18n, publish.report_title).to_string() />
        <p class="lead">{t!(i18n, publish.report_file, file, mode = mode, date = date)}</p>
        <p class=format!("notice report-outcome outcome-{}", outcome.code()) role="status">
            {match outcome {
                ReportOutcome::Stored => t!(i18n, publish.outcome_stored, created, updated, unchanged).into_any(),
                ReportOutcome::Unchanged => t!(i18n, publish.outcome_unchanged, unchanged).into_any(),
                ReportOutcome::Refused => t!(i18n, publish.outcome_refused, with_violations).into_any(),
                ReportOutcome::Failed => t!(i18n, publish.outcome_failed).into_any(),
            }}
        </p>
        {failure_sentence(report.failure, report.detail, report.message)
            .map(|message| view! { <p class="report-message">{message}</p> })}
        {report.lenient_would_parse.then(|| view! { <p>{t!(i18n, publish.lenient_would_parse)}</p> })}
        {(report.outcome == ReportOutcome::Refused).then(|| view! { <p>{t!(i18n, publish.refused_next)}</p> })}
        {(!report.refused.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="refused-heading">
                        <h2 id="refused-heading">{t!(i18n, publish.refused_nodes)}</h2>
                        <ul>
                            {report
                                .refused
                                .into_iter()
                                .map(|(node, reason)| view! { <li><code>{node}</code>": "{reason}</li> })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
        {(!report.records.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="records-heading">
                        <h2 id="records-heading">{t!(i18n, publish.records_heading)}</h2>
                        <ul class="report-records">
                            {report.records.into_iter().map(|record| view! { <RecordReport record /> }).collect_view()}
                        </ul>
                    </section>
                }
            })}
        <p>
            <a class="button" href="/publish/import">{t!(i18n, publish.import_another)}</a>
        </p>
    }
    .into_any()
}

#[component]
fn RecordReport(record: ReportRecord) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = record.outcome;
    view! {
        <li class="report-record">
            <h3>
                {match record.page {
                    Some(page) => view! { <a href=page>{record.iri.clone()}</a> }.into_any(),
                    None => view! { <span>{record.iri.clone()}</span> }.into_any(),
                }}
            </h3>
            <p class="meta">
                {match outcome {
                    Outcome::Created => t!(i18n, publish.record_created).into_any(),
                    Outcome::Updated => t!(i18n, publish.record_updated).into_any(),
                    Outcome::Unchanged => t!(i18n, publish.record_unchanged).into_any(),
                    Outcome::Refused => t!(i18n, publish.record_refused).into_any(),
                }}
            </p>
            {record
                .groups
                .into_iter()
                .map(|group| {
                    view! {
                        <div class="report-group">
                            <h4>{if group.property.is_empty() { t_string!(i18n, publish.whole_record).to_string() } else { group.property }}</h4>
                            <ul>
                                {group
                                    .issues
                                    .into_iter()
                                    .map(|issue| {
                                        let class = format!("problem problem-{}", issue.severity.name().to_lowercase());
                                        let severity = match issue.severity {
                                            Severity::Violation => t_string!(i18n, publish.severity_violation),
                                            Severity::Warning => t_string!(i18n, publish.severity_warning),
                                            Severity::Info => t_string!(i18n, publish.severity_info),
                                        };
                                        view! {
                                            <li class=class>
                                                <strong>{severity}</strong>
                                                ": "
                                                {issue.message}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })
                .collect_view()}
        </li>
    }
    .into_any()
}

/// Why nothing was stored, in the reader's language (a report kept by an
/// earlier version has its English sentence instead).
fn failure_sentence(
    failure: Option<ImportFailure>,
    detail: Option<String>,
    legacy: Option<String>,
) -> Option<AnyView> {
    let i18n = use_i18n();
    let Some(failure) = failure else {
        return legacy.map(IntoAny::into_any);
    };
    Some(match failure {
        ImportFailure::NotRdf => {
            let detail = detail.unwrap_or_default();
            t!(i18n, publish.failure_not_rdf, detail).into_any()
        }
        ImportFailure::NoRecords => t!(i18n, publish.failure_no_records).into_any(),
        ImportFailure::OutOfScope => t!(i18n, publish.failure_out_of_scope).into_any(),
        ImportFailure::Unavailable => t!(i18n, publish.failure_unavailable).into_any(),
    })
}
