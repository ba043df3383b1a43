//! `/publish`: the publishers' entrance. Signed in as a member of an
//! organisation (or an administrator): what a publisher can do; otherwise,
//! how to become one.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::Notice;
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
                        let deleted = query.with(|q| q.get("done")).as_deref().and_then(Notice::from_code)
                            == Some(Notice::RecordDeleted);
                        view! {
                            {deleted.then(|| view! { <p class="notice notice-info" role="status">{t!(i18n, form.deleted)}</p> })}
                            <p class="lead">
                                {t!(
                                    i18n,
                                    publish.signed_in_as,
                                    name = info.pseudonym.clone(),
                                    organisations = info.organisations.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(", ")
                                )}
                            </p>
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
                                        <a href="/publish/tokens">{t!(i18n, tokens.title)}</a>
                                    </h2>
                                    <p>{t!(i18n, publish.tokens_text)}</p>
                                </li>
                                <li class="journey">
                                    <h2>
                                        <a href="/publishers">{t!(i18n, publishers.title)}</a>
                                    </h2>
                                    <p>{t!(i18n, publish.dashboard_text)}</p>
                                </li>
                            </ul>
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        view! {
                            <p class="lead">{t!(i18n, publish.intro)}</p>
                            {(error().as_deref().and_then(Notice::from_code) == Some(Notice::Unavailable))
                                .then(|| {
                                    view! {
                                        <p class="notice notice-error" role="alert">
                                            {t!(i18n, errors.store_unavailable)}
                                        </p>
                                    }
                                })}
                            <p>{t!(i18n, publish.not_publisher)}</p>
                            <p>
                                <a class="button" href="/account/sign-in?next=/publish">
                                    {t!(i18n, account.sign_in_link)}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
