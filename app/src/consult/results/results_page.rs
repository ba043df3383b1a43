//! `/consultations/{slug}/results`: what came out of a process — the
//! city's summary, the proposals it accepted and rejected with its
//! answers, supports per proposal, the public survey charts, the meetings
//! held with their minutes, engagement figures counted without tracking,
//! and the open data (each export, and the results dataset in the
//! catalog). Moderators write the summary here, by a plain form post.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::meeting::MeetingWhen;
use crate::consult::parts::{DateText, StateBadge};
use crate::consult::proposal_fields::textarea_text;
use crate::consult::results::{EngagementFigures, ResultsView, load_results};
use crate::consult::survey::QuestionChart;
use crate::consult::{ExportFormat, ExportKind, export_path};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// A process's results page.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let results = Resource::new(slug, load_results);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(view) => view! { <ResultsContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn export_label(kind: ExportKind) -> AnyView {
    let i18n = use_i18n();
    match kind {
        ExportKind::Proposals => t!(i18n, results.export_proposals).into_any(),
        ExportKind::Comments => t!(i18n, results.export_comments).into_any(),
        ExportKind::Supports => t!(i18n, results.export_supports).into_any(),
        ExportKind::Surveys => t!(i18n, results.export_surveys).into_any(),
        ExportKind::Meetings => t!(i18n, results.export_meetings).into_any(),
        ExportKind::Engagement => t!(i18n, results.export_engagement).into_any(),
    }
}

#[component]
fn ResultsContent(view: ResultsView) -> impl IntoView {
    let i18n = use_i18n();
    let ResultsView {
        header,
        results_phase,
        summary,
        summary_source,
        answered,
        supported,
        proposals,
        surveys,
        meetings,
        engagement,
        dataset,
    } = view;
    let slug = header.slug.clone();
    let process = format!("/consultations/{slug}");
    let heading = t_string!(i18n, results.heading).to_string();
    let description = format!("{heading} · {}", header.title);
    let when = results_phase.map(|phase| {
        let starts = phase.starts_at.clone();
        view! { <p class="survey-when">{t!(i18n, results.phase_from, date = move || view! { <DateText date=starts.clone() /> })}</p> }
    });
    let summary_view = match summary {
        Some(html) => view! { <div class="prose" inner_html=html.0></div> }.into_any(),
        None => view! { <p class="empty">{t!(i18n, results.no_summary)}</p> }.into_any(),
    };
    let summary_form = header.may_moderate.then(|| {
        let action = format!("/moderation/consultations/{slug}/results");
        view! {
            <form method="post" action=action class="stacked-form">
                <div class="field">
                    <label for="results-summary">{t!(i18n, results.summary_label)}</label>
                    <p class="hint" id="results-summary-hint">{t!(i18n, results.summary_hint)}</p>
                    <textarea id="results-summary" name="summary" rows="6" maxlength="20000" aria-describedby="results-summary-hint">{textarea_text(&summary_source)}</textarea>
                </div>
                <button type="submit" class="button">{t!(i18n, results.summary_button)}</button>
            </form>
        }
    });
    let answered_view = if answered.is_empty() {
        view! { <p class="empty">{t!(i18n, results.no_answers)}</p> }.into_any()
    } else {
        answered
            .into_iter()
            .map(|p| {
                let href = format!("{process}/proposals/{}", p.number);
                let state = p.state;
                let supports = p.supports;
                view! {
                    <article class="card official-answer">
                        <h3><a href=href>{p.title}</a>" "<StateBadge state /></h3>
                        <p>{t!(i18n, results.supports_count, count = supports)}</p>
                        <div class="prose" inner_html=p.answer.0></div>
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    let supported_rows = supported
        .into_iter()
        .map(|p| {
            let href = format!("{process}/proposals/{}", p.number);
            let state = p.state;
            view! {
                <tr>
                    <th scope="row"><a href=href>{p.title}</a></th>
                    <td><StateBadge state /></td>
                    <td>{p.supports}</td>
                </tr>
            }
        })
        .collect_view();
    let surveys_view = if surveys.is_empty() {
        view! { <p class="empty">{t!(i18n, results.no_surveys)}</p> }.into_any()
    } else {
        surveys
            .into_iter()
            .map(|s| {
                let number = s.survey.number;
                let href = format!("{process}/surveys/{number}");
                let prefix = format!("survey-{number}-");
                let responses = s.results.responses;
                let charts = s
                    .results
                    .questions
                    .into_iter()
                    .map(|question| view! { <QuestionChart question moderated=false action=String::new() prefix=prefix.clone() /> })
                    .collect_view();
                view! {
                    <section class="survey-results" aria-labelledby=format!("{prefix}heading")>
                        <h3 id=format!("{prefix}heading")><a href=href>{s.survey.title}</a></h3>
                        <p>{t!(i18n, surveys.responses_count, count = responses)}</p>
                        {charts}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    let meetings_view = if meetings.is_empty() {
        view! { <p class="empty">{t!(i18n, results.no_meetings)}</p> }.into_any()
    } else {
        meetings
            .into_iter()
            .map(|m| {
                let href = format!("{process}/meetings/{}", m.meeting.number);
                let title = m.meeting.title.clone();
                let attendance = m.attendance.map(
                    |count| view! { <p>{t!(i18n, meetings.attendance_count, count = count)}</p> },
                );
                let minutes = m
                    .minutes
                    .map(|html| view! { <div class="prose" inner_html=html.0></div> });
                let outcomes = (!m.outcomes.is_empty()).then(|| {
                    let items = m
                        .outcomes
                        .into_iter()
                        .map(|o| {
                            let href = format!("{process}/proposals/{}", o.number);
                            let state = o.state;
                            view! { <li><a href=href>{o.title}</a>" "<StateBadge state /></li> }
                        })
                        .collect_view();
                    view! { <h4>{t!(i18n, meetings.outcomes_heading)}</h4><ul>{items}</ul> }
                });
                view! {
                    <article class="card">
                        <h3><a href=href>{title}</a></h3>
                        <p><MeetingWhen meeting=m.meeting /></p>
                        {attendance}
                        {minutes}
                        {outcomes}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    let exports = ExportKind::ALL
        .into_iter()
        .map(|kind| {
            let csv = export_path(&slug, kind, ExportFormat::Csv);
            let json = export_path(&slug, kind, ExportFormat::Json);
            let fields = kind.columns().join(", ");
            view! {
                <li>
                    {export_label(kind)}": "
                    <a href=csv>"CSV"</a>" · "<a href=json>"JSON"</a>
                    <br />
                    <span class="hint">{t!(i18n, results.fields)}" "<code>{fields}</code></span>
                </li>
            }
        })
        .collect_view();
    let dataset = dataset.map(|href| {
        view! { <p><a href=href>{t!(i18n, results.dataset_link)}</a></p> }
    });
    let engagement_csv = export_path(&slug, ExportKind::Engagement, ExportFormat::Csv);
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process.clone()>{header.title.clone()}</a>
            " › "
            <span aria-current="page">{heading.clone()}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description />
        <FormMessage form="results" />
        {when}
        <section id="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t!(i18n, results.summary_heading)}</h2>
            {summary_view}
            {summary_form}
        </section>
        <section id="answers" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t!(i18n, results.answers_heading)}</h2>
            {answered_view}
        </section>
        <section id="supports" aria-labelledby="supports-heading">
            <h2 id="supports-heading">{t!(i18n, results.supports_heading)}</h2>
            <table class="figures">
                <caption>{t!(i18n, results.supports_caption, count = proposals)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, results.column_proposal)}</th>
                        <th scope="col">{t!(i18n, results.column_state)}</th>
                        <th scope="col">{t!(i18n, results.kind_supports)}</th>
                    </tr>
                </thead>
                <tbody>{supported_rows}</tbody>
            </table>
        </section>
        <section id="surveys" aria-labelledby="surveys-results-heading">
            <h2 id="surveys-results-heading">{t!(i18n, results.surveys_heading)}</h2>
            {surveys_view}
        </section>
        <section id="meetings" aria-labelledby="meetings-results-heading">
            <h2 id="meetings-results-heading">{t!(i18n, results.meetings_heading)}</h2>
            {meetings_view}
        </section>
        <section id="engagement" aria-labelledby="engagement-heading">
            <h2 id="engagement-heading">{t!(i18n, results.engagement_heading)}</h2>
            <EngagementFigures engagement export=engagement_csv />
        </section>
        <section id="open-data" aria-labelledby="open-data-heading">
            <h2 id="open-data-heading">{t!(i18n, results.open_data_heading)}</h2>
            <p>{t!(i18n, results.open_data_intro)}</p>
            <ul>{exports}</ul>
            {dataset}
        </section>
    }
}
