//! One consultation in the list: title, status, what runs now or next,
//! who organises it, how many proposals, and its summary.

use leptos::prelude::*;

use crate::consult::ProcessSummary;
use crate::consult::parts::{DateText, StatusBadge, phase_label};
use crate::i18n::{t, use_i18n};

/// A process as an item of the list; the title links to its page.
#[component]
pub fn ProcessCard(process: ProcessSummary) -> impl IntoView {
    let i18n = use_i18n();
    let ProcessSummary {
        slug,
        title,
        summary,
        status,
        current,
        next,
        organisation,
        proposals,
        ..
    } = process;
    let when = match (current, next) {
        (Some(phase), _) => {
            let ends = phase.ends_at.clone();
            Some(
                view! {
                    <div>
                        <dt>{t!(i18n, consult.now_label)}</dt>
                        <dd>
                            {t!(
                                i18n, consult.current_until,
                                phase = phase_label(phase.kind),
                                date = move || view! { <DateText date=ends.clone() end=true /> }
                            )}
                        </dd>
                    </div>
                }
                .into_any(),
            )
        }
        (None, Some(phase)) => {
            let starts = phase.starts_at.clone();
            Some(
                view! {
                    <div>
                        <dt>{t!(i18n, consult.next_label)}</dt>
                        <dd>
                            {t!(
                                i18n, consult.next_from,
                                phase = phase_label(phase.kind),
                                date = move || view! { <DateText date=starts.clone() /> }
                            )}
                        </dd>
                    </div>
                }
                .into_any(),
            )
        }
        (None, None) => None,
    };
    view! {
        <li class="card process-card">
            <h3 class="card-title">
                <a href=format!("/consultations/{slug}")>{title}</a>
            </h3>
            <p class="card-badges"><StatusBadge status /></p>
            <dl class="meta">
                {when}
                {organisation
                    .map(|name| {
                        view! {
                            <div>
                                <dt>{t!(i18n, consult.organisation)}</dt>
                                <dd>{name}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>{t!(i18n, consult.proposals_label)}</dt>
                    <dd>{proposals}</dd>
                </div>
            </dl>
            <p class="card-text">{summary}</p>
        </li>
    }
}
