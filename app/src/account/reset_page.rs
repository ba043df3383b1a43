//! `/account/reset`: ask for a reset link by email, or, with `?token=`,
//! choose a new password. Posts to `/account/reset`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::messages::FormMessage;
use crate::account::password_field::NewPasswordField;
use crate::account::{ResetLink, check_reset_link};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The reset page.
#[component]
pub fn ResetPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.with(|q| q.get("token"));
    view! {
        <PageHeading title=move || t_string!(i18n, account.reset_title).to_string() />
        <FormMessage form="reset" />
        {move || match token() {
            Some(token) => view! { <NewPassword token=token /> }.into_any(),
            None => view! { <AskForLink /> }.into_any(),
        }}
    }
}

#[component]
fn AskForLink() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="lead">{t!(i18n, account.reset_intro)}</p>
        <form class="stacked-form" method="post" action="/account/reset">
            <div class="field">
                <label for="reset-email">{t!(i18n, account.email_label)}</label>
                <input id="reset-email" name="email" type="email" autocomplete="email" required />
            </div>
            <button type="submit" class="button">{t!(i18n, account.reset_button)}</button>
        </form>
    }
}

#[component]
fn NewPassword(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let checked = {
        let token = token.clone();
        Resource::new(move || token.clone(), check_reset_link)
    };
    view! {
        <Suspense>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match checked.await {
                        Ok(ResetLink::Valid) => {
                            view! {
                                <form class="stacked-form" method="post" action="/account/reset">
                                    <input type="hidden" name="token" value=token />
                                    <NewPasswordField form="reset" />
                                    <button type="submit" class="button">{t!(i18n, account.set_password_button)}</button>
                                </form>
                            }
                                .into_any()
                        }
                        Ok(state) => {
                            view! {
                                <p class="notice notice-error" role="alert">
                                    {match state {
                                        ResetLink::Expired => t!(i18n, messages.reset_expired).into_any(),
                                        ResetLink::Used => t!(i18n, messages.reset_used).into_any(),
                                        ResetLink::Valid | ResetLink::Unknown => {
                                            t!(i18n, messages.reset_unknown).into_any()
                                        }
                                    }}
                                </p>
                                <p><a href="/account/reset">{t!(i18n, account.reset_again)}</a></p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
