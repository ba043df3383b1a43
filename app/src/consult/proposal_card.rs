//! One proposal in a list: title, state, author, supports, comments,
//! place and date.

use leptos::prelude::*;

use crate::consult::ProposalSummary;
use crate::consult::parts::{DateText, StateBadge};
use crate::i18n::{t, use_i18n};

/// A proposal as an item of a list; the title links to its page.
#[component]
pub fn ProposalCard(slug: String, proposal: ProposalSummary) -> impl IntoView {
    let i18n = use_i18n();
    let ProposalSummary {
        id,
        title,
        author,
        state,
        supports,
        comments,
        place,
        created_at,
        accepted_for_study,
        ..
    } = proposal;
    view! {
        <li class="card proposal-card">
            <h3 class="card-title">
                <a href=format!("/consultations/{slug}/proposals/{id}")>{title}</a>
            </h3>
            <p class="card-badges">
                <StateBadge state />
                {accepted_for_study
                    .then(|| view! { " " <span class="badge badge-study">{t!(i18n, consult.accepted_for_study)}</span> })}
            </p>
            <dl class="meta">
                <div>
                    <dt>{t!(i18n, consult.author)}</dt>
                    <dd>
                        {match author {
                            Some(name) => name.into_any(),
                            None => view! { <em>{t!(i18n, consult.deleted_author)}</em> }.into_any(),
                        }}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, consult.supports_label)}</dt>
                    <dd>{supports}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, consult.comments_label)}</dt>
                    <dd>{comments}</dd>
                </div>
                {place
                    .map(|place| {
                        view! {
                            <div>
                                <dt>{t!(i18n, consult.place)}</dt>
                                <dd>{place}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>{t!(i18n, consult.published_label)}</dt>
                    <dd><DateText date=created_at /></dd>
                </div>
            </dl>
        </li>
    }
}
