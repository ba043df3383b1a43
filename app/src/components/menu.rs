//! The phone menu: the two islands of the site header.
//!
//! `MenuHeader` wraps the header and owns the open/closed state; the
//! `MenuButton` inside it (a nested island, so it finds the state in
//! context) toggles it. Without JavaScript neither hydrates: the header has
//! no `js` class, so the navigation stays unfolded and the button hidden.

use leptos::prelude::*;

/// Whether the phone menu is unfolded, shared by the header's islands.
#[derive(Clone, Copy)]
struct MenuOpen(RwSignal<bool>);

/// The `<header>` element, marked `js` once hydrated and `menu-open` while
/// the menu is unfolded; its children stay server-rendered.
#[island]
pub fn MenuHeader(children: Children) -> impl IntoView {
    let open = RwSignal::new(false);
    provide_context(MenuOpen(open));
    let (hydrated, set_hydrated) = signal(false);
    // Effects run only in the browser, after hydration.
    Effect::new(move |_| set_hydrated.set(true));
    view! {
        <header class="site-header" class:js=hydrated class:menu-open=move || open.get()>
            {children()}
        </header>
    }
}

/// The "Menu" button that folds the navigation on narrow screens.
#[island]
pub fn MenuButton(
    /// The button's text, already translated by the server.
    label: String,
) -> impl IntoView {
    let MenuOpen(open) = expect_context::<MenuOpen>();
    view! {
        <button
            type="button"
            class="menu-toggle"
            aria-controls="site-nav"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|open| *open = !*open)
        >
            {label}
        </button>
    }
}
