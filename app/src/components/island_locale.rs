//! The reader's language inside an island.
//!
//! An island hydrates on its own in the browser, where the page's i18n
//! context (provided by server-only components) does not exist. An island
//! that shows text takes the locale as a prop, filled in by the server-side
//! parent with `use_i18n().get_locale()`, and calls this first: `use_i18n()`
//! then works inside it on both sides, with the same language the server
//! rendered, so hydration finds the same text.

use leptos::prelude::*;

use crate::i18n::Locale;

/// Provides an i18n context fixed to `locale` for the calling island.
pub fn provide_island_locale(locale: Locale) {
    let i18n = leptos_i18n::context::init_i18n_subcontext(Some(Signal::stored(locale)));
    provide_context(i18n);
}
