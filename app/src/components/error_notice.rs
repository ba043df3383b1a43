//! A translated, announced message for a failed server call.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{t, use_i18n};

/// Tells the reader, in their language, that something could not be
/// loaded; on the server, the page's status says it too.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    // The page answers with the error's status (401, 403, 404, 503), as
    // the server function would over HTTP.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(error.status());
    }
    let i18n = use_i18n();
    let message = move || match error {
        AppError::NotFound => t!(i18n, errors.not_found).into_any(),
        AppError::SignInRequired => t!(i18n, errors.sign_in_required).into_any(),
        AppError::Forbidden => t!(i18n, errors.forbidden).into_any(),
        AppError::StoreUnavailable => t!(i18n, errors.store_unavailable).into_any(),
        AppError::Call(_) => t!(i18n, errors.unexpected).into_any(),
    };
    view! {
        <p class="notice notice-error" role="alert">
            {message}
        </p>
    }
}
