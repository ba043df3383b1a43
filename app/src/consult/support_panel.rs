//! A proposal's supports: how many, how far from the threshold, the
//! reader's supports left, and the buttons to give or withdraw one.

use leptos::prelude::*;

use crate::consult::{ProcessHeader, ProposalActions, SupportAction};
use crate::i18n::{t, use_i18n};

/// The support panel of the proposal at `base`.
#[component]
pub fn SupportPanel(
    header: ProcessHeader,
    supports: u64,
    accepted: bool,
    actions: ProposalActions,
    base: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = header.open.supports;
    let action = format!("{base}/support");
    // Once reached, the "accepted for study" badge says it.
    let threshold = header.support_threshold.filter(|_| !accepted).map(|threshold| {
        let reached = supports.min(u64::from(threshold));
        view! {
            <p id="threshold-text">{t!(i18n, consult.threshold_progress, count = supports, threshold)}</p>
            <progress max=threshold value=reached aria-labelledby="threshold-text">
                {reached}" / "{threshold}
            </progress>
        }
    });
    let sign_in = (!header.signed_in && open).then(|| {
        let href = format!("/account/sign-in?next={base}");
        view! { <p><a class="button" href=href>{t!(i18n, consult.sign_in_to_support)}</a></p> }
    });
    view! {
        <section class="panel support-panel" aria-labelledby="supports-heading">
            <h2 id="supports-heading">{t!(i18n, consult.supports_heading)}</h2>
            <p class="support-count">{t!(i18n, consult.supports_count, count = supports)}</p>
            {accepted.then(|| view! { <p><span class="badge badge-study">{t!(i18n, consult.accepted_for_study)}</span></p> })}
            {threshold}
            {header
                .budget
                .map(|budget| {
                    view! { <p>{t!(i18n, consult.budget, left = budget.left(), max = budget.max)}</p> }
                })}
            {actions.supported.then(|| view! { <p class="supported">{t!(i18n, consult.you_support)}</p> })}
            {actions
                .may_support
                .then(|| {
                    view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="action" value=SupportAction::Support.code() />
                            <button type="submit" class="button">{t!(i18n, consult.support_button)}</button>
                        </form>
                    }
                })}
            {actions
                .may_unsupport
                .then(|| {
                    view! {
                        <form method="post" action=action.clone() class="inline-form">
                            <input type="hidden" name="action" value=SupportAction::Withdraw.code() />
                            <button type="submit" class="button button-secondary">{t!(i18n, consult.unsupport_button)}</button>
                        </form>
                    }
                })}
            {sign_in}
            {(!open).then(|| view! { <p class="empty">{t!(i18n, consult.supports_closed)}</p> })}
        </section>
    }
}
