//! Engagement figures: who took part and how, in a sentence, a table per
//! phase, and contributions per week as an SVG bar chart with its table.
//! Counted from contributions only; the page says so.

use leptos::prelude::*;

use crate::consult::parts::phase_label;
use crate::consult::results::{Counts, Engagement};
use crate::i18n::{t, use_i18n};

/// One row of figures in table cells.
fn cells(counts: Counts) -> impl IntoView {
    view! {
        <td>{counts.proposals}</td>
        <td>{counts.supports}</td>
        <td>{counts.comments}</td>
        <td>{counts.responses}</td>
        <td>{counts.registrations}</td>
    }
}

#[component]
fn Head(first: AnyView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t!(i18n, results.kind_proposals)}</th>
            <th scope="col">{t!(i18n, results.kind_supports)}</th>
            <th scope="col">{t!(i18n, results.kind_comments)}</th>
            <th scope="col">{t!(i18n, results.kind_responses)}</th>
            <th scope="col">{t!(i18n, results.kind_registrations)}</th>
        </tr>
    }
}

/// The figures; `detailed` adds the weekly chart (moderators, and the
/// results page).
#[component]
pub fn EngagementFigures(
    engagement: Engagement,
    #[prop(optional)] export: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Engagement {
        participants,
        counts,
        phases,
        weeks,
        located,
    } = engagement;
    let total = counts.total();
    let phase_rows = phases
        .into_iter()
        .map(|p| {
            view! { <tr><th scope="row">{phase_label(p.phase)}</th>{cells(p.counts)}</tr> }
        })
        .collect_view();
    let max = weeks
        .iter()
        .map(|w| w.counts.total())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bar_width = if weeks.is_empty() {
        0.0
    } else {
        560.0 / weeks.len() as f64
    };
    let summary = weeks
        .iter()
        .map(|w| format!("{}: {}", w.week, w.counts.total()))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let h = w.counts.total() as f64 / max * 150.0;
            let x = 20.0 + i as f64 * bar_width;
            view! {
                <rect x=format!("{:.1}", x + 2.0) y=format!("{:.1}", 170.0 - h) width=format!("{:.1}", (bar_width - 4.0).max(1.0)) height=format!("{h:.1}") class="chart-bar" />
            }
        })
        .collect_view();
    let first_week = weeks.first().map(|w| w.week.clone()).unwrap_or_default();
    let last_week = weeks.last().map(|w| w.week.clone()).unwrap_or_default();
    let week_rows = weeks
        .into_iter()
        .map(|w| view! { <tr><th scope="row">{w.week}</th>{cells(w.counts)}</tr> })
        .collect_view();
    let caption = crate::i18n::t_string!(i18n, results.weeks_caption).to_string();
    view! {
        <p>{t!(i18n, results.engagement_sentence, participants = participants, contributions = total)}</p>
        <p class="hint">{t!(i18n, results.engagement_how)}</p>
        <table class="figures">
            <caption>{t!(i18n, results.phases_caption)}</caption>
            <thead><Head first=t!(i18n, results.column_phase).into_any() /></thead>
            <tbody>
                {phase_rows}
                <tr><th scope="row">{t!(i18n, results.all_phases)}</th>{cells(counts)}</tr>
            </tbody>
        </table>
        {(located.0 > 0).then(|| view! { <p>{t!(i18n, results.located, located = located.0, inside = located.1)}</p> })}
        <figure class="engagement-chart">
            <figcaption>{caption.clone()}</figcaption>
            <svg viewBox="0 0 600 200" class="chart" role="img" aria-labelledby="weeks-title" preserveAspectRatio="xMinYMin meet">
                <title id="weeks-title">{format!("{caption}. {summary}")}</title>
                <line x1="20" y1="170" x2="580" y2="170" class="chart-axis" />
                {bars}
                <text x="20" y="192" class="chart-label">{first_week}</text>
                <text x="580" y="192" text-anchor="end" class="chart-label">{last_week}</text>
            </svg>
            <details class="chart-table">
                <summary>{t!(i18n, surveys.data_table)}</summary>
                <table>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead><Head first=t!(i18n, results.column_week).into_any() /></thead>
                    <tbody>{week_rows}</tbody>
                </table>
            </details>
        </figure>
        {export.map(|href| view! { <p><a href=href>{t!(i18n, results.engagement_csv)}</a></p> })}
    }
}
