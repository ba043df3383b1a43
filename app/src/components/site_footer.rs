//! The footer: what Plaza is, and the accessibility and privacy pages.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};

/// The footer shown on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <div class="footer-inner">
                <p>{t!(i18n, footer.about)}</p>
                <ul class="footer-links">
                    <li>
                        <a href="/accessibility">{t!(i18n, footer.accessibility)}</a>
                    </li>
                    <li>
                        <a href="/privacy">{t!(i18n, footer.privacy)}</a>
                    </li>
                </ul>
            </div>
        </footer>
    }
}
