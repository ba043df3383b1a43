//! The citation finder of the proposal form, an island: with JavaScript, a
//! search box under the citations field that offers catalog records as
//! one types (`search_citations`) and adds the chosen record's IRI to the
//! field. Without JavaScript it stays hidden and the field takes pasted
//! IRIs, as it always does.
//!
//! It is lazy (`#[island(lazy)]`): its code and the server function's
//! client are a chunk of their own, fetched only by the proposal form.

use leptos::prelude::*;

use crate::consult::CitationSuggestion;

/// The finder's texts, translated by the server-side parent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FinderLabels {
    /// The search box's label.
    pub label: String,
    /// The hint under it.
    pub hint: String,
    /// The button that adds a record.
    pub cite: String,
    /// Said when a record was added (its title follows).
    pub added: String,
    /// Said when nothing matches.
    pub none: String,
}

/// Adds `iri` to the citations field `field` (a textarea's id), once.
#[cfg(feature = "hydrate")]
fn add_to_field(field: &str, iri: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(area) = document()
        .get_element_by_id(field)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    let value = area.value();
    if value.lines().any(|line| line.trim() == iri) {
        return true;
    }
    let joined = if value.trim().is_empty() {
        iri.to_owned()
    } else {
        format!("{}\n{iri}", value.trim_end())
    };
    area.set_value(&joined);
    true
}

/// The search box and its offers, for the citations field `field`.
#[island(lazy)]
pub fn CitationFinder(
    /// The id of the citations textarea.
    field: String,
    /// The reader's language code, for the records' titles.
    lang: String,
    /// The texts.
    labels: FinderLabels,
) -> impl IntoView {
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let (offers, set_offers) = signal(Vec::<CitationSuggestion>::new());
    let (searched, set_searched) = signal(false);
    let (said, set_said) = signal(String::new());
    let asked = StoredValue::new(0u32);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let lang = lang.clone();
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        leptos::task::spawn_local(async move {
            let found = crate::consult::search_citations(lang, text.clone())
                .await
                .unwrap_or_default();
            // Only the answer to the latest keystroke counts.
            if asked.get_value() == this {
                set_searched.set(text.trim().chars().count() >= 2);
                set_offers.set(found);
            }
        });
    };
    let FinderLabels {
        label,
        hint,
        cite,
        added,
        none,
    } = labels;
    let field = StoredValue::new(field);
    view! {
        <div class="citation-finder" hidden=move || !live.get()>
            <label for="citation-finder-input">{label}</label>
            <p class="hint" id="citation-finder-hint">{hint}</p>
            <input
                id="citation-finder-input"
                type="search"
                autocomplete="off"
                aria-describedby="citation-finder-hint"
                aria-controls="citation-finder-offers"
                on:input=on_input
            />
            <ul id="citation-finder-offers" class="citation-offers">
                {move || {
                    offers
                        .get()
                        .into_iter()
                        .map(|offer| {
                            let iri = offer.iri.clone();
                            let title = offer.title.clone();
                            let added = added.clone();
                            let choose = move |_| {
                                #[cfg(feature = "hydrate")]
                                if add_to_field(&field.get_value(), &iri) {
                                    set_said.set(format!("{added} {title}"));
                                }
                                #[cfg(not(feature = "hydrate"))]
                                let _ = (&iri, &title, &added, field, set_said);
                            };
                            view! {
                                <li>
                                    <span class="offer-title">{offer.title.clone()}</span>
                                    {offer.publisher.clone().map(|p| view! { <span class="offer-publisher">" · " {p}</span> })}
                                    " "
                                    <button type="button" class="button-secondary" on:click=choose>
                                        {cite.clone()}
                                        <span class="visually-hidden">" " {offer.title.clone()}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="hint" aria-live="polite">
                {move || {
                    if searched.get() && offers.with(Vec::is_empty) {
                        none.clone()
                    } else {
                        said.get()
                    }
                }}
            </p>
        </div>
    }
}
