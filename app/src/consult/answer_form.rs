//! The moderators' form for a proposal's official answer: a decision and
//! a text in Markdown, posted to `{proposal}/answer`.

use leptos::prelude::*;

use crate::account::messages::{error_code, invalid};
use crate::consult::ProposalState;
use crate::consult::parts::state_label;
use crate::i18n::{t, use_i18n};

/// The answer form of the proposal at `base`, in state `state`.
#[component]
pub fn AnswerForm(base: String, state: ProposalState) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    let chosen = if ProposalState::ANSWERS.contains(&state) {
        state
    } else {
        ProposalState::Evaluating
    };
    view! {
        <section class="panel" aria-labelledby="answer-form-heading">
            <h2 id="answer-form-heading">{t!(i18n, consult.answer_form_heading)}</h2>
            <form class="stacked-form" method="post" action=format!("{base}/answer")>
                <div class="field">
                    <label for="proposal-answer-state">{t!(i18n, consult.answer_state_label)}</label>
                    <select id="proposal-answer-state" name="state" aria-invalid=invalid(code, "answer-state")>
                        {ProposalState::ANSWERS
                            .into_iter()
                            .map(|s| view! { <option value=s.code() selected=s == chosen>{state_label(s)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="proposal-answer-text">{t!(i18n, consult.answer_text_label)}</label>
                    <p class="hint" id="proposal-answer-text-hint">{t!(i18n, consult.answer_text_hint)}</p>
                    <textarea
                        id="proposal-answer-text"
                        name="answer"
                        rows="8"
                        maxlength="10000"
                        aria-describedby="proposal-answer-text-hint"
                    ></textarea>
                </div>
                <button type="submit" class="button">{t!(i18n, consult.answer_button)}</button>
            </form>
        </section>
    }
}
