//! `/privacy`: the privacy notice.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The privacy notice.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="prose">
            <PageHeading title=move || t_string!(i18n, privacy.title).to_string() />
            <p class="lead">{t!(i18n, privacy.intro)}</p>
            <h2>{t!(i18n, privacy.browsing_title)}</h2>
            <p>{t!(i18n, privacy.browsing)}</p>
            <h2>{t!(i18n, privacy.account_title)}</h2>
            <p>{t!(i18n, privacy.account)}</p>
            <h2>{t!(i18n, privacy.sessions_title)}</h2>
            <p>{t!(i18n, privacy.sessions)}</p>
            <h2>{t!(i18n, privacy.publishing_title)}</h2>
            <p>{t!(i18n, privacy.publishing)}</p>
            <h2>{t!(i18n, privacy.cookies_title)}</h2>
            <p>{t!(i18n, privacy.cookies)}</p>
            <h2>{t!(i18n, privacy.logs_title)}</h2>
            <p>{t!(i18n, privacy.logs)}</p>
            <h2>{t!(i18n, privacy.mail_title)}</h2>
            <p>{t!(i18n, privacy.mail)}</p>
            <h2>{t!(i18n, privacy.rights_title)}</h2>
            <p>{t!(i18n, privacy.rights)}</p>
            <p>
                <a href="/account">{t!(i18n, account.title)}</a>
            </p>
        </article>
    }
}
