//! The header: skip link, brand, main navigation and language switch.
//!
//! Without JavaScript the navigation is always shown. Once the page has
//! hydrated, narrow screens fold it behind a "Menu" button.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::LangSwitch;
use crate::i18n::{t, t_string, use_i18n};

/// The site header shown on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let (hydrated, set_hydrated) = signal(false);
    let (menu_open, set_menu_open) = signal(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| set_hydrated.set(true));
    // Following a link closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        set_menu_open.set(false);
    });
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
        <header class="site-header" class:js=hydrated class:menu-open=menu_open>
            <div class="header-inner">
                <a class="brand" href="/">
                    <span class="brand-name">{t!(i18n, site.name)}</span>
                    <span class="brand-tagline">{t!(i18n, site.tagline)}</span>
                </a>
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|open| *open = !*open)
                >
                    {t!(i18n, site.menu)}
                </button>
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
                    </ul>
                    <LangSwitch />
                </nav>
            </div>
        </header>
    }
}
