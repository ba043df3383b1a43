//! A process's "taking part now" panel: the phase running and until when,
//! what citizens may do, what comes next, the reader's supports left, and
//! the way to a new proposal.

use leptos::prelude::*;

use crate::consult::parts::{DateText, phase_label};
use crate::consult::{ProcessHeader, ProcessStatus};
use crate::i18n::{t, use_i18n};

/// What is open now in the process of `header`.
#[component]
pub fn OpenNowPanel(header: ProcessHeader) -> impl IntoView {
    let i18n = use_i18n();
    let ProcessHeader {
        slug,
        open,
        support_threshold,
        budget,
        signed_in,
        ..
    } = header;
    let phase = match (open.phase, open.status) {
        (Some(phase), _) => {
            let ends = phase.ends_at.clone();
            t!(
                i18n,
                consult.now_phase,
                phase = phase_label(phase.kind),
                date = move || view! { <DateText date=ends.clone() end=true /> }
            )
            .into_any()
        }
        (None, ProcessStatus::Upcoming) => t!(i18n, consult.now_upcoming).into_any(),
        (None, ProcessStatus::Past) => t!(i18n, consult.now_past).into_any(),
        (None, ProcessStatus::Open) => t!(i18n, consult.now_gap).into_any(),
    };
    let anything = open.proposals || open.supports || open.comments;
    let can = if anything {
        Some(
            view! {
                <p>{t!(i18n, consult.can_intro)}</p>
                <ul class="can-do">
                    {open.proposals.then(|| view! { <li>{t!(i18n, consult.can_propose)}</li> })}
                    {open.supports.then(|| view! { <li>{t!(i18n, consult.can_support)}</li> })}
                    {open.comments.then(|| view! { <li>{t!(i18n, consult.can_comment)}</li> })}
                </ul>
            }
            .into_any(),
        )
    } else {
        (open.status == ProcessStatus::Open)
            .then(|| view! { <p>{t!(i18n, consult.can_nothing)}</p> }.into_any())
    };
    let next = open.next.map(|phase| {
        let starts = phase.starts_at.clone();
        view! {
            <p>
                {t!(
                    i18n, consult.next_phase,
                    phase = phase_label(phase.kind),
                    date = move || view! { <DateText date=starts.clone() /> }
                )}
            </p>
        }
    });
    let new_proposal = open.proposals.then(|| {
        let target = format!("/consultations/{slug}/new");
        if signed_in {
            view! { <p><a class="button" href=target>{t!(i18n, consult.new_proposal)}</a></p> }
                .into_any()
        } else {
            let href = format!("/account/sign-in?next={target}");
            view! { <p><a class="button" href=href>{t!(i18n, consult.sign_in_to_propose)}</a></p> }
                .into_any()
        }
    });
    view! {
        <section class="panel open-now" aria-labelledby="open-now-heading">
            <h2 id="open-now-heading">{t!(i18n, consult.open_now_heading)}</h2>
            <p>{phase}</p>
            {can}
            {next}
            {budget
                .map(|budget| {
                    view! { <p>{t!(i18n, consult.budget, left = budget.left(), max = budget.max)}</p> }
                })}
            {support_threshold
                .map(|count| view! { <p>{t!(i18n, consult.threshold, count)}</p> })}
            {new_proposal}
        </section>
    }
}
