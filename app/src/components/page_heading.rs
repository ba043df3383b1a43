//! The page's `<h1>` and the matching document title, kept in step.

use leptos::prelude::*;
use leptos_meta::Title;

/// Renders `title` as the page heading and as "`title` · Plaza" in the tab.
#[component]
pub fn PageHeading(#[prop(into)] title: Signal<String>) -> impl IntoView {
    view! {
        <Title text=move || format!("{} · Plaza", title.get()) />
        <h1>{title}</h1>
    }
}
