//! Links to the previous, next and nearby result pages.

use leptos::prelude::*;

use crate::catalog::SearchPage;
use crate::components::PageLinks;

/// The pager of a result page (nothing when everything fits on one page).
#[component]
pub fn Pager(page: SearchPage) -> impl IntoView {
    let count = page.page_count().min(crate::catalog::MAX_PAGE);
    let current = page.params.page;
    let params = page.params;
    view! { <PageLinks count current href=move |number| params.with_page(number).href() /> }
}
