//! The page for any address that matches no route; answers HTTP 404.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// Shown, with status 404, for unknown addresses.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <PageHeading title=move || t_string!(i18n, not_found.title).to_string() />
        <p>{t!(i18n, not_found.text)}</p>
        <p>
            <a href="/">{t!(i18n, not_found.home_link)}</a>
        </p>
    }
}
