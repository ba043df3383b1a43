//! The new-password field of the sign-up, reset and account forms: the
//! rules as a hint, `new-password` for password managers, and
//! `aria-invalid` when the page's error is about the password.

use leptos::prelude::*;

use crate::account::messages::{error_code, invalid};
use crate::i18n::{t, use_i18n};

/// A `password` field with id `{form}-password` (the id the messages link to).
#[component]
pub fn NewPasswordField(form: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    let id = format!("{form}-password");
    let hint = format!("{form}-password-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{t!(i18n, account.new_password_label)}</label>
            <p class="hint" id=hint.clone()>{t!(i18n, account.password_hint)}</p>
            <input
                id=id
                name="password"
                type="password"
                autocomplete="new-password"
                required
                minlength="12"
                aria-describedby=hint
                aria-invalid=invalid(code, "password")
            />
        </div>
    }
}
