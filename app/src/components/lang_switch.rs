//! The language switch: a form that posts to `/lang`, where the server sets
//! the language cookie and sends the reader back to the same page, with or
//! without JavaScript. It does not hydrate: switching language changes every
//! text on the page, which only the server can render without shipping all
//! translations and all page code to the browser; the round trip is one
//! server-rendered page.

use leptos::prelude::*;
use leptos_i18n::Locale as _;
use leptos_router::hooks::use_location;

use crate::i18n::{Locale, t, use_i18n};

/// Each language named in itself, as language menus customarily do.
fn endonym(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "English",
        Locale::fr => "Français",
    }
}

/// Buttons for every language the interface speaks.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let next = move || format!("{}{}", location.pathname.get(), location.search.get());
    view! {
        <form class="lang-switch" method="post" action="/lang">
            <input type="hidden" name="next" value=next />
            <span class="visually-hidden">{t!(i18n, site.language)}</span>
            {Locale::get_all()
                .iter()
                .copied()
                .map(|locale| {
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=locale.as_str()
                            lang=locale.as_str()
                            aria-pressed=(i18n.get_locale() == locale).to_string()
                        >
                            {endonym(locale)}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
