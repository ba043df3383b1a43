//! The record page's "used in consultations" section: the processes and
//! proposals that cite the record, each a link.

use leptos::prelude::*;

use crate::components::ErrorNotice;
use crate::consult::{CitingItem, load_cited_by};
use crate::i18n::{t, use_i18n};

/// The processes and proposals citing the record `iri`.
#[component]
pub fn RecordCitations(iri: String) -> impl IntoView {
    let i18n = use_i18n();
    let citing = Resource::new(move || iri.clone(), load_cited_by);
    view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t!(i18n, record.related)}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    match citing.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p class="empty">{t!(i18n, record.related_none)}</p> }.into_any()
                        }
                        Ok(items) => {
                            view! {
                                <ul class="citing-list">
                                    {items.into_iter().map(|item| view! { <CitingLink item /> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CitingLink(item: CitingItem) -> impl IntoView {
    let i18n = use_i18n();
    let CitingItem {
        process,
        proposal,
        page,
    } = item;
    view! {
        <li>
            <a href=page>
                {match proposal {
                    Some(title) => {
                        t!(i18n, consult.cited_by_proposal, process = process.clone(), title = title.clone())
                            .into_any()
                    }
                    None => process.into_any(),
                }}
            </a>
        </li>
    }
}
