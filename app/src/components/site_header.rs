//! The header: skip link, brand, main navigation and language switch.
//!
//! Server-rendered; only the menu (`menu.rs`) hydrates. Without JavaScript
//! the navigation is always shown. Once the page has hydrated, narrow
//! screens fold it behind a "Menu" button.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::account::UnreadCount;
use crate::components::LangSwitch;
use crate::components::menu::{MenuButton, MenuHeader};
use crate::i18n::{t, t_string, use_i18n};

/// The site header shown on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current = move |href: &'static str| {
        move || {
            let path = location.pathname.get();
            let here = path == href || (href != "/" && path.starts_with(&format!("{href}/")));
            here.then_some("page")
        }
    };
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, site.skip_to_content)}
        </a>
        <MenuHeader>
            <div class="header-inner">
                <a class="brand" href="/">
                    <span class="brand-name">{t!(i18n, site.name)}</span>
                    <span class="brand-tagline">{t!(i18n, site.tagline)}</span>
                </a>
                <MenuButton label=t_string!(i18n, site.menu).to_string() />
                <nav id="site-nav" class="site-nav" aria-label=move || t_string!(i18n, site.main_navigation)>
                    <ul>
                        <li>
                            <a href="/catalog" aria-current=current("/catalog")>
                                {t!(i18n, nav.catalog)}
                            </a>
                        </li>
                        <li>
                            <a href="/consultations" aria-current=current("/consultations")>
                                {t!(i18n, nav.consultations)}
                            </a>
                        </li>
                        <li>
                            <a href="/maps" aria-current=current("/maps")>
                                {t!(i18n, nav.maps)}
                            </a>
                        </li>
                        <li>
                            <a href="/models" aria-current=current("/models")>
                                {t!(i18n, nav.models)}
                            </a>
                        </li>
                        <li>
                            <a href="/account" aria-current=current("/account")>
                                {t!(i18n, nav.account)}
                            </a>
                        </li>
                        <UnreadCount />
                    </ul>
                    <LangSwitch />
                </nav>
            </div>
        </MenuHeader>
    }
}
