//! What the consultation pages share: the labels of the journey's kinds
//! and states, dates, badges, the phase timeline and the list of catalog
//! records a process or proposal cites.

use leptos::prelude::*;

use crate::consult::{
    Citation, CitationState, Phase, PhaseKind, ProcessStatus, ProposalSort, ProposalState,
};
use crate::i18n::{t, t_string, use_i18n};

/// A phase kind in words.
pub fn phase_label(kind: PhaseKind) -> String {
    let i18n = use_i18n();
    match kind {
        PhaseKind::Information => t_string!(i18n, consult.phase_information),
        PhaseKind::Proposals => t_string!(i18n, consult.phase_proposals),
        PhaseKind::Deliberation => t_string!(i18n, consult.phase_deliberation),
        PhaseKind::Supports => t_string!(i18n, consult.phase_supports),
        PhaseKind::Results => t_string!(i18n, consult.phase_results),
    }
    .to_string()
}

/// A process status in words.
pub fn status_label(status: ProcessStatus) -> String {
    let i18n = use_i18n();
    match status {
        ProcessStatus::Open => t_string!(i18n, consult.status_open),
        ProcessStatus::Upcoming => t_string!(i18n, consult.status_upcoming),
        ProcessStatus::Past => t_string!(i18n, consult.status_past),
    }
    .to_string()
}

/// A proposal state in words.
pub fn state_label(state: ProposalState) -> String {
    let i18n = use_i18n();
    match state {
        ProposalState::Published => t_string!(i18n, consult.state_published),
        ProposalState::Evaluating => t_string!(i18n, consult.state_evaluating),
        ProposalState::Accepted => t_string!(i18n, consult.state_accepted),
        ProposalState::Rejected => t_string!(i18n, consult.state_rejected),
        ProposalState::Withdrawn => t_string!(i18n, consult.state_withdrawn),
    }
    .to_string()
}

/// A proposal order in words.
pub fn sort_label(sort: ProposalSort) -> String {
    let i18n = use_i18n();
    match sort {
        ProposalSort::Random => t_string!(i18n, consult.sort_random),
        ProposalSort::MostSupported => t_string!(i18n, consult.sort_supports),
        ProposalSort::MostCommented => t_string!(i18n, consult.sort_comments),
        ProposalSort::Newest => t_string!(i18n, consult.sort_newest),
    }
    .to_string()
}

/// The date part (`2026-05-01`) of an RFC 3339 moment.
pub fn date_part(moment: &str) -> String {
    moment.chars().take(10).collect()
}

/// The last day a phase ending at `ends_at` (excluded) runs: the day
/// before when it ends at midnight, so "until 31 May" is not read as
/// "until 1 June" included.
pub fn last_day(ends_at: &str) -> String {
    let date = date_part(ends_at);
    if ends_at.get(10..19) != Some("T00:00:00") {
        return date;
    }
    let numbers: Vec<u32> = date.split('-').filter_map(|n| n.parse().ok()).collect();
    let [year, month, day] = numbers[..] else {
        return date;
    };
    let (year, month, day) = match (month, day) {
        (1, 1) => (year - 1, 12, 31),
        (_, 1) => (year, month - 1, days_in(year, month - 1)),
        _ => (year, month, day - 1),
    };
    format!("{year:04}-{month:02}-{day:02}")
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// A moment's date in a `<time>`; `end` shows the last day of a period
/// that ends at that moment (see [`last_day`]).
#[component]
pub fn DateText(#[prop(into)] date: String, #[prop(optional)] end: bool) -> impl IntoView {
    let day = if end {
        last_day(&date)
    } else {
        date_part(&date)
    };
    let datetime = day.clone();
    view! { <time datetime=datetime>{day}</time> }
}

/// A process's status as a badge.
#[component]
pub fn StatusBadge(status: ProcessStatus) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.code())>{status_label(status)}</span> }
}

/// A proposal's state as a badge.
#[component]
pub fn StateBadge(state: ProposalState) -> impl IntoView {
    view! { <span class=format!("badge state-{}", state.code())>{state_label(state)}</span> }
}

/// The process's phases in order, the one running now marked.
#[component]
pub fn PhaseTimeline(phases: Vec<Phase>, current: Option<PhaseKind>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline">
            {phases
                .into_iter()
                .map(|phase| {
                    let is_current = current == Some(phase.kind);
                    let from = phase.starts_at.clone();
                    let until = phase.ends_at.clone();
                    view! {
                        <li class="phase" class:phase-current=is_current aria-current=is_current.then_some("step")>
                            <strong class="phase-kind">{phase_label(phase.kind)}</strong>
                            " "
                            {is_current.then(|| view! { <span class="badge badge-now">{t!(i18n, consult.phase_now)}</span> })}
                            <span class="phase-dates">
                                {t!(
                                    i18n, consult.phase_dates,
                                    from = move || view! { <DateText date=from.clone() /> },
                                    until = move || view! { <DateText date=until.clone() end=true /> }
                                )}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// Who cites the records of a [`CitationList`], for its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitedBy {
    /// A process's evidence.
    Process,
    /// A proposal's citations.
    Proposal,
}

/// Catalog records cited, each with what became of it since.
#[component]
pub fn CitationList(citations: Vec<Citation>, cited_by: CitedBy) -> impl IntoView {
    view! {
        <ul class="citations">
            {citations
                .into_iter()
                .map(|citation| view! { <CitationItem citation cited_by /> })
                .collect_view()}
        </ul>
    }
}

#[component]
fn CitationItem(citation: Citation, cited_by: CitedBy) -> impl IntoView {
    let i18n = use_i18n();
    let Citation {
        iri,
        page,
        title,
        publisher,
        kind,
        quality_points,
        quality_max,
        cited_version,
        state,
    } = citation;
    let quality = quality_points
        .zip(quality_max)
        .filter(|(_, max)| *max > 0)
        .map(|(points, max)| {
            let percent = (u64::from(points) * 100 + u64::from(max) / 2) / u64::from(max);
            let rating =
                crate::catalog::quality_view::rating_label(crate::catalog::rating(points, max));
            view! { <span>{t!(i18n, consult.cite_quality, percent, rating)}</span> }
        });
    let facts = kind
        .map(crate::catalog::kind_label)
        .into_iter()
        .chain(publisher)
        .collect::<Vec<_>>()
        .join(" · ");
    let changes = page.clone();
    let state_text = match (state, cited_by) {
        (CitationState::Current, _) => {
            t!(i18n, consult.cite_current, version = cited_version).into_any()
        }
        (CitationState::UpdatedSince { version }, by) => {
            let sentence = match by {
                CitedBy::Process => t!(
                    i18n,
                    consult.cite_updated_process,
                    cited = cited_version,
                    version
                )
                .into_any(),
                CitedBy::Proposal => t!(
                    i18n,
                    consult.cite_updated_proposal,
                    cited = cited_version,
                    version
                )
                .into_any(),
            };
            let link = changes.map(|page| {
                view! { " — " <a href=format!("{page}#version-{version}")>{t!(i18n, consult.cite_see_changes)}</a> }
            });
            view! { {sentence} {link} }.into_any()
        }
        (CitationState::Deleted, CitedBy::Process) => {
            t!(i18n, consult.cite_deleted_process).into_any()
        }
        (CitationState::Deleted, CitedBy::Proposal) => {
            t!(i18n, consult.cite_deleted_proposal).into_any()
        }
        (CitationState::Unknown, _) => t!(i18n, consult.cite_unknown).into_any(),
    };
    let state_class = match state {
        CitationState::Current => "citation-state",
        CitationState::UpdatedSince { .. } => "citation-state citation-updated",
        CitationState::Deleted | CitationState::Unknown => "citation-state citation-gone",
    };
    view! {
        <li class="citation" data-iri=iri>
            <p class="citation-title">
                {match page {
                    Some(href) => view! { <a href=href>{title}</a> }.into_any(),
                    None => view! { <span>{title}</span> }.into_any(),
                }}
            </p>
            {(!facts.is_empty() || quality.is_some()).then(|| view! {
                <p class="meta">
                    {(!facts.is_empty()).then(|| view! { <span>{facts}</span> })}
                    {quality}
                </p>
            })}
            <p class=state_class>{state_text}</p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_ending_at_midnight_ends_the_day_before() {
        assert_eq!(last_day("2026-06-01T00:00:00Z"), "2026-05-31");
        assert_eq!(last_day("2026-03-01T00:00:00Z"), "2026-02-28");
        assert_eq!(last_day("2028-03-01T00:00:00Z"), "2028-02-29");
        assert_eq!(last_day("2027-01-01T00:00:00Z"), "2026-12-31");
        assert_eq!(last_day("2026-05-20T00:00:00Z"), "2026-05-19");
        assert_eq!(last_day("2026-05-20T12:00:00Z"), "2026-05-20");
        assert_eq!(last_day("soon"), "soon");
    }
}
