//! `/models`: the list page of this journey, with its empty state until
//! the first items are published.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The list page; shows what the section is for and that it is empty.
#[component]
pub fn ModelsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=move || t_string!(i18n, models.title).to_string() />
        <p class="lead">{t!(i18n, models.intro)}</p>
        <p class="empty">{t!(i18n, models.empty)}</p>
    }
}
