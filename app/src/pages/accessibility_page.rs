//! `/accessibility`: the accessibility statement (EU Web Accessibility Directive).

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="prose">
            <PageHeading title=move || t_string!(i18n, accessibility.title).to_string() />
            <p class="lead">{t!(i18n, accessibility.intro)}</p>
            <h2>{t!(i18n, accessibility.standard_title)}</h2>
            <p>{t!(i18n, accessibility.standard)}</p>
            <h2>{t!(i18n, accessibility.status_title)}</h2>
            <p>{t!(i18n, accessibility.status)}</p>
            <h2>{t!(i18n, accessibility.features_title)}</h2>
            <ul>
                <li>{t!(i18n, accessibility.feature_keyboard)}</li>
                <li>{t!(i18n, accessibility.feature_nojs)}</li>
                <li>{t!(i18n, accessibility.feature_zoom)}</li>
                <li>{t!(i18n, accessibility.feature_language)}</li>
            </ul>
            <h2>{t!(i18n, accessibility.feedback_title)}</h2>
            <p>{t!(i18n, accessibility.feedback)}</p>
        </article>
    }
}
