//! The interface languages as plain functions, so that code outside this
//! crate (the server) needs no `leptos_i18n` trait in scope.

use leptos_i18n::Locale as _;

use crate::i18n::Locale;

/// The language code, e.g. `"fr"`.
pub fn code(locale: Locale) -> &'static str {
    locale.as_str()
}

/// The locale for a code, if the interface speaks that language.
pub fn parse(code: &str) -> Option<Locale> {
    code.parse().ok()
}

/// Every language the interface speaks, the default first.
pub fn all() -> &'static [Locale] {
    Locale::get_all()
}
