//! The form that reports a proposal or a comment to the moderators: a
//! reason and optional details, in a `<details>` so it takes no room until
//! opened and works without JavaScript.

use leptos::prelude::*;

use crate::consult::{ItemKind, ReportReason, reason_label};
use crate::i18n::{t, use_i18n};

/// Reports item `target` of kind `kind` in process `slug`; the post goes
/// back to proposal `back` (0: the process page).
#[component]
pub fn ReportForm(slug: String, kind: ItemKind, target: String, back: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("/consultations/{slug}/reports");
    let prefix = format!("report-{}-{target}", kind.code());
    let details_id = format!("{prefix}-details");
    let reasons = ReportReason::ALL.map(|reason| {
        let input_id = format!("{prefix}-{}", reason.code());
        view! {
            <span class="choice">
                <input type="radio" id=input_id.clone() name="reason" value=reason.code() required />
                <label for=input_id>{reason_label(reason)}</label>
            </span>
        }
    });
    let summary = match kind {
        ItemKind::Proposal => t!(i18n, comments.report_proposal).into_any(),
        ItemKind::Comment => t!(i18n, comments.report).into_any(),
    };
    view! {
        <details class="report-form">
            <summary>{summary}</summary>
            <form method="post" action=action class="stacked-form">
                <input type="hidden" name="kind" value=kind.code() />
                <input type="hidden" name="target" value=target />
                <input type="hidden" name="proposal" value=back.to_string() />
                <fieldset class="field choices">
                    <legend>{t!(i18n, comments.report_reason)}</legend>
                    {reasons.into_iter().collect_view()}
                </fieldset>
                <div class="field">
                    <label for=details_id.clone()>{t!(i18n, comments.report_details)}</label>
                    <textarea id=details_id name="details" rows="2" maxlength="1000"></textarea>
                </div>
                <button type="submit" class="button button-secondary">{t!(i18n, comments.report_button)}</button>
            </form>
        </details>
    }
}
