//! The follow button of a process or proposal: a plain form post to
//! `{page}/follow`, shown to people signed in.

use leptos::prelude::*;

use crate::consult::FollowAction;
use crate::i18n::{t, use_i18n};

/// What is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Followed {
    /// A process: new proposals and phase starts.
    Process,
    /// A proposal: comments and the official answer.
    Proposal,
}

/// "Follow" or "Stop following" `page` (the process's or proposal's
/// address), with a sentence saying what following brings.
#[component]
pub fn FollowForm(page: String, followed: Followed, following: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("{page}/follow");
    let asked = if following {
        FollowAction::Unfollow
    } else {
        FollowAction::Follow
    };
    let sentence = match (followed, following) {
        (Followed::Process, true) => t!(i18n, notifications.following_process).into_any(),
        (Followed::Process, false) => t!(i18n, notifications.follow_process_hint).into_any(),
        (Followed::Proposal, true) => t!(i18n, notifications.following_proposal).into_any(),
        (Followed::Proposal, false) => t!(i18n, notifications.follow_proposal_hint).into_any(),
    };
    view! {
        <form method="post" action=action class="follow-form">
            <p>{sentence}</p>
            <input type="hidden" name="action" value=asked.code() />
            <button type="submit" class="button-secondary" aria-pressed=following.to_string()>
                {if following {
                    t!(i18n, notifications.unfollow_button).into_any()
                } else {
                    t!(i18n, notifications.follow_button).into_any()
                }}
            </button>
        </form>
    }
}
