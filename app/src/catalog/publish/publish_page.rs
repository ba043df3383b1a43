//! `/publish`: the publishers' entrance. Signed out, a sign-in form (an API
//! token, until accounts exist); signed in, what a publisher can do.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::catalog::publish::publisher_session;
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The publishers' entrance.
#[component]
pub fn PublishPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let session = Resource::new(|| (), |_| publisher_session());
    let error = move || query.with(|q| q.get("error"));
    view! {
        <PageHeading title=move || t_string!(i18n, publish.title).to_string() />
        <Suspense>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(Some(info)) => {
                        let deleted = query.with(|q| q.get("deleted")).is_some();
                        view! {
                            {deleted.then(|| view! { <p class="notice notice-info" role="status">{t!(i18n, form.deleted)}</p> })}
                            <p class="lead">{t!(i18n, publish.signed_in_as, name = info.token_name)}</p>
                            <ul class="journeys">
                                <li class="journey">
                                    <h2>
                                        <a href="/publish/new?kind=dataset">{t!(i18n, publish.new_dataset)}</a>
                                    </h2>
                                    <p>{t!(i18n, publish.new_text)}</p>
                                    <p>
                                        <a href="/publish/new?kind=service">{t!(i18n, publish.new_service)}</a>
                                        " · "
                                        <a href="/publish/new?kind=series">{t!(i18n, publish.new_series)}</a>
                                    </p>
                                </li>
                                <li class="journey">
                                    <h2>
                                        <a href="/publish/import">{t!(i18n, publish.import_title)}</a>
                                    </h2>
                                    <p>{t!(i18n, publish.import_text)}</p>
                                </li>
                                <li class="journey">
                                    <h2>
                                        <a href="/publishers">{t!(i18n, publishers.title)}</a>
                                    </h2>
                                    <p>{t!(i18n, publish.dashboard_text)}</p>
                                </li>
                            </ul>
                            <form method="post" action="/publish/sign-out">
                                <button type="submit" class="button button-secondary">{t!(i18n, publish.sign_out)}</button>
                            </form>
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        view! {
                            <p class="lead">{t!(i18n, publish.intro)}</p>
                            {error()
                                .map(|code| {
                                    view! {
                                        <p class="notice notice-error" role="alert">
                                            {match code.as_str() {
                                                "token" => t!(i18n, publish.error_token).into_any(),
                                                "signin" => t!(i18n, publish.error_signin).into_any(),
                                                _ => t!(i18n, errors.store_unavailable).into_any(),
                                            }}
                                        </p>
                                    }
                                })}
                            <form class="stacked-form" method="post" action="/publish/sign-in">
                                <div class="field">
                                    <label for="publish-token">{t!(i18n, publish.token_label)}</label>
                                    <input
                                        id="publish-token"
                                        name="token"
                                        type="password"
                                        autocomplete="off"
                                        required
                                        aria-describedby="publish-token-hint"
                                    />
                                    <p id="publish-token-hint" class="hint">{t!(i18n, publish.token_hint)}</p>
                                </div>
                                <button type="submit" class="button">{t!(i18n, publish.sign_in)}</button>
                            </form>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
