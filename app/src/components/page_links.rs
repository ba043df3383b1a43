//! Links to the previous, next and nearby pages of a list, for any list
//! whose pages have addresses (the catalog's results, consultations,
//! proposals). Plain links: they work without JavaScript.

use leptos::prelude::*;

use crate::i18n::{t, t_string, use_i18n};

/// Pages around the current one that get their own link.
const AROUND: usize = 2;

/// The page numbers that get a link: the first, the last, and those
/// within [`AROUND`] of `current`.
pub fn page_numbers(count: usize, current: usize) -> Vec<usize> {
    let first = current.saturating_sub(AROUND).max(1);
    let last = (current + AROUND).min(count);
    let mut numbers: Vec<usize> = (first..=last).collect();
    if first > 1 {
        numbers.insert(0, 1);
    }
    if last < count {
        numbers.push(count);
    }
    numbers
}

/// The pager of a list of `count` pages at page `current`; `href` gives
/// a page's address. Nothing when everything fits on one page.
#[component]
pub fn PageLinks(
    count: usize,
    current: usize,
    #[prop(into)] href: Callback<usize, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    (count > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, catalog.pages).to_string()>
                <ul>
                    {(current > 1)
                        .then(|| {
                            view! {
                                <li>
                                    <a href=href.run(current - 1) rel="prev">
                                        {t!(i18n, catalog.previous)}
                                    </a>
                                </li>
                            }
                        })}
                    {page_numbers(count, current)
                        .into_iter()
                        .map(|number| {
                            view! {
                                <li>
                                    <a
                                        href=href.run(number)
                                        aria-current=(number == current).then_some("page")
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
                                    <a href=href.run(current + 1) rel="next">
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

#[cfg(test)]
mod tests {
    use super::page_numbers;

    #[test]
    fn the_first_last_and_nearby_pages_get_links() {
        assert_eq!(page_numbers(1, 1), vec![1]);
        assert_eq!(page_numbers(10, 1), vec![1, 2, 3, 10]);
        assert_eq!(page_numbers(10, 6), vec![1, 4, 5, 6, 7, 8, 10]);
        assert_eq!(page_numbers(10, 10), vec![1, 8, 9, 10]);
    }
}
