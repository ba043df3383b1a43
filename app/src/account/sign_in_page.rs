//! `/account/sign-in`: explains that accounts are not open yet and that
//! everything public is readable without one.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=move || t_string!(i18n, account.sign_in_title).to_string() />
        <p class="lead">{t!(i18n, account.sign_in_intro)}</p>
        <p>{t!(i18n, account.sign_in_later)}</p>
    }
}
