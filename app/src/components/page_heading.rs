//! The page's `<h1>` and the matching document title, kept in step.

use leptos::prelude::*;
use leptos_meta::Title;

/// Renders `title` as the page heading and as "`title` · Plaza" in the tab.
#[component]
pub fn PageHeading(#[prop(into)] title: Signal<String>) -> impl IntoView {
    // On the server the title text must be a plain string: leptos_meta reads
    // it only after the body has rendered, when this component's reactive
    // owner may already be disposed (a reactive title panicked under load).
    // In the browser it stays reactive, so a language switch retitles the tab.
    #[cfg(feature = "ssr")]
    let text = format!("{} · Plaza", title.get_untracked());
    #[cfg(not(feature = "ssr"))]
    let text = move || format!("{} · Plaza", title.get());
    view! {
        <Title text />
        <h1>{title}</h1>
    }
}
