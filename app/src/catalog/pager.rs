//! Links to the previous, next and nearby result pages.

use leptos::prelude::*;

use crate::catalog::SearchPage;
use crate::i18n::{t, use_i18n};

/// Pages around the current one that get their own link.
const AROUND: usize = 2;

/// The pager of a result page (nothing when everything fits on one page).
#[component]
pub fn Pager(page: SearchPage) -> impl IntoView {
    let i18n = use_i18n();
    let count = page.page_count().min(crate::catalog::MAX_PAGE);
    let current = page.params.page;
    (count > 1).then(|| {
        let params = page.params.clone();
        let first = current.saturating_sub(AROUND).max(1);
        let last = (current + AROUND).min(count);
        let mut numbers: Vec<usize> = (first..=last).collect();
        if first > 1 {
            numbers.insert(0, 1);
        }
        if last < count {
            numbers.push(count);
        }
        view! {
            <nav class="pager" aria-label=move || crate::i18n::t_string!(i18n, catalog.pages).to_string()>
                <ul>
                    {(current > 1)
                        .then(|| {
                            view! {
                                <li>
                                    <a href=params.with_page(current - 1).href() rel="prev">
                                        {t!(i18n, catalog.previous)}
                                    </a>
                                </li>
                            }
                        })}
                    {numbers
                        .into_iter()
                        .map(|number| {
                            let is_current = number == current;
                            view! {
                                <li>
                                    <a
                                        href=params.with_page(number).href()
                                        aria-current=is_current.then_some("page")
                                    >
                                        <span class="visually-hidden">{t!(i18n, catalog.page)}" "</span>
                                        {number}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                    {(current < count)
                        .then(|| {
                            view! {
                                <li>
                                    <a href=params.with_page(current + 1).href() rel="next">
                                        {t!(i18n, catalog.next)}
                                    </a>
                                </li>
                            }
                        })}
                </ul>
            </nav>
        }
    })
    .into_any()
}
