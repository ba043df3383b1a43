//! Plaza's user interface: the pages, components and server functions that
//! both the server (feature `ssr`) and the browser (feature `hydrate`) compile.
//!
//! This file only declares modules, the document shell, the root component
//! and the browser entry point; everything else lives in one folder per
//! journey (`catalog`, `consult`, `maps`, `models`, `account`).
#![recursion_limit = "256"]

// The generated `i18n` module: `Locale`, `use_i18n`, `t!` and friends,
// checked at compile time against `locales/*.json`. leptos_i18n 0.6 marks
// the macro deprecated in favour of build.rs generation, which would add
// ICU's data-export crates to every build; the macro generates the same module.
#[expect(
    deprecated,
    reason = "see above: the build.rs route costs far more build time"
)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n;

pub mod account;
pub mod catalog;
pub mod components;
pub mod consult;
pub mod error;
#[cfg(feature = "ssr")]
pub mod form_failure;
pub mod locale;
pub mod maps;
pub mod models;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod services;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};

/// The HTML document around every server-rendered page.
///
/// leptos_axum makes a fresh CSP nonce per response and puts it on the
/// hydration script; the server sends the matching `Content-Security-Policy`.
/// The one other inline script marks `<html>` with `js` before the first
/// paint, so the layout JavaScript gives (the folded phone menu) is there
/// from the start instead of shifting the page when the islands hydrate.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <script nonce=nonce inner_html="document.documentElement.classList.add('js')"></script>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // `/pkg/plaza.<hash>.css` when the build hashes file names.
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The root component: translation context, layout and routes (the
/// stylesheet is in the shell).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // One cookie for the whole site, whichever page the language was chosen on.
    let cookie_options =
        leptos_i18n::context::CookieOptions::<i18n::Locale>::default().path("/".to_owned());
    view! {
        <i18n::I18nContextProvider cookie_options>
            <routes::AppRoutes />
        </i18n::I18nContextProvider>
    }
}

/// Browser entry point. Pages are server-rendered HTML; only the islands
/// (`#[island]` components) hydrate, each from its own server-rendered
/// element, so the bundle holds the islands' code and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
