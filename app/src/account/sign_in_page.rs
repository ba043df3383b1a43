//! `/account/sign-in`: email and password, or the city's provider when one
//! is configured. Posts to `/account/sign-in` (works without JavaScript).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::load_sign_in_options;
use crate::account::messages::{FormMessage, error_code, invalid};
use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).unwrap_or_default();
    let code = error_code();
    view! {
        <PageHeading title=move || t_string!(i18n, account.sign_in_title).to_string() />
        <FormMessage form="sign-in" />
        <p class="lead">{t!(i18n, account.sign_in_intro)}</p>
        <form class="stacked-form" method="post" action="/account/sign-in">
            <input type="hidden" name="next" value=next />
            <div class="field">
                <label for="sign-in-email">{t!(i18n, account.email_label)}</label>
                <input
                    id="sign-in-email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    required
                    aria-invalid=invalid(code, "email")
                />
            </div>
            <div class="field">
                <label for="sign-in-password">{t!(i18n, account.password_label)}</label>
                <input
                    id="sign-in-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                />
            </div>
            <button type="submit" class="button">{t!(i18n, account.sign_in_button)}</button>
        </form>
        <p>
            <a href="/account/reset">{t!(i18n, account.forgot_password)}</a>
        </p>
        <p>
            {t!(i18n, account.no_account)} " "
            <a href="/account/sign-up">{t!(i18n, account.sign_up_link)}</a>
        </p>
        <ProviderSignIn next=Signal::derive(next) />
    }
}

/// The city's provider, when one is configured: a form that starts the
/// sign-in there (the first sign-in also makes the account).
#[component]
pub fn ProviderSignIn(#[prop(into)] next: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let options = Resource::new(|| (), |_| load_sign_in_options());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                options
                    .await
                    .ok()
                    .and_then(|o| o.provider)
                    .map(|provider| {
                        view! {
                            <h2>{t!(i18n, account.provider_heading)}</h2>
                            <form method="post" action="/account/oidc/start">
                                <input type="hidden" name="next" value=move || next.get() />
                                <button type="submit" class="button button-secondary">
                                    {t!(i18n, account.provider_button, provider = provider.clone())}
                                </button>
                            </form>
                        }
                    })
            })}
        </Suspense>
    }
}
