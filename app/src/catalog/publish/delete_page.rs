//! `/publish/confirm-delete?record=…`: asks before a record is deleted; the button
//! posts to `/publish/records/delete`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::catalog::publish::publisher_session;
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The confirmation page.
#[component]
pub fn DeletePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let session = Resource::new(|| (), |_| publisher_session());
    let record = move || query.with(|q| q.get("record")).unwrap_or_default();
    view! {
        <PageHeading title=move || t_string!(i18n, form.delete_title).to_string() />
        <Suspense>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(Some(_)) => {
                        let path = record();
                        view! {
                            <p class="lead">{t!(i18n, form.delete_question, record = path.clone())}</p>
                            <p>{t!(i18n, form.delete_history)}</p>
                            <form method="post" action="/publish/records/delete" class="stacked-form">
                                <input type="hidden" name="record" value=path.clone() />
                                <button type="submit" class="button button-danger">{t!(i18n, form.delete_button)}</button>
                            </form>
                            <p>
                                <a href=path>{t!(i18n, form.delete_cancel)}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(None) => view! { <p><a href="/publish">{t!(i18n, form.not_available)}</a></p> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
