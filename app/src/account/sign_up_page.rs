//! `/account/sign-up`: a new account with email, pseudonym and password.
//! Posts to `/account/sign-up` (works without JavaScript).

use leptos::prelude::*;

use crate::account::messages::{FormMessage, error_code, invalid};
use crate::account::password_field::NewPasswordField;
use crate::account::sign_in_page::ProviderSignIn;
use crate::components::PageHeading;
use crate::i18n::{t, t_string, use_i18n};

/// The sign-up page.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    view! {
        <PageHeading title=move || t_string!(i18n, account.sign_up_title).to_string() />
        <FormMessage form="sign-up" />
        <p class="lead">{t!(i18n, account.sign_up_intro)}</p>
        <form class="stacked-form" method="post" action="/account/sign-up">
            <div class="field">
                <label for="sign-up-email">{t!(i18n, account.email_label)}</label>
                <p class="hint" id="sign-up-email-hint">{t!(i18n, account.email_hint)}</p>
                <input
                    id="sign-up-email"
                    name="email"
                    type="email"
                    autocomplete="email"
                    required
                    aria-describedby="sign-up-email-hint"
                    aria-invalid=invalid(code, "email")
                />
            </div>
            <div class="field">
                <label for="sign-up-pseudonym">{t!(i18n, account.pseudonym_label)}</label>
                <p class="hint" id="sign-up-pseudonym-hint">{t!(i18n, account.pseudonym_hint)}</p>
                <input
                    id="sign-up-pseudonym"
                    name="pseudonym"
                    type="text"
                    autocomplete="nickname"
                    required
                    minlength="2"
                    maxlength="40"
                    aria-describedby="sign-up-pseudonym-hint"
                    aria-invalid=invalid(code, "pseudonym")
                />
            </div>
            <NewPasswordField form="sign-up" />
            <div class="field field-checkbox">
                <input
                    id="sign-up-privacy"
                    name="privacy"
                    type="checkbox"
                    value="yes"
                    required
                    aria-invalid=invalid(code, "privacy")
                />
                <label for="sign-up-privacy">
                    {t!(i18n, account.privacy_accept)} " "
                    <a href="/privacy">{t!(i18n, account.privacy_link)}</a>
                </label>
            </div>
            <button type="submit" class="button">{t!(i18n, account.sign_up_button)}</button>
        </form>
        <p>
            {t!(i18n, account.have_account)} " "
            <a href="/account/sign-in">{t!(i18n, account.sign_in_link)}</a>
        </p>
        <ProviderSignIn next=String::from("/account") />
    }
}
