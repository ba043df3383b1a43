//! The messages the account, administration and token forms answer with:
//! the server redirects with `error=CODE` or `done=CODE`, and the page
//! shows the sentence, announced, with a link to the field concerned.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, use_i18n};

/// The field a code is about, for the link in the message and
/// `aria-invalid` on the field.
pub fn field_of(code: &str) -> Option<&'static str> {
    Some(match code {
        "email_invalid" | "email_taken" | "credentials" | "account_unknown" => "email",
        "pseudonym_invalid" | "pseudonym_taken" => "pseudonym",
        "password_short" | "password_long" | "password_common" => "password",
        "privacy" => "privacy",
        "current_password" => "current",
        "confirm" => "confirm",
        "token_name_taken" | "token_name_invalid" => "token-name",
        "organisation_id_invalid" | "organisation_taken" => "org-id",
        "organisation_name_invalid" => "org-name",
        "organisation_iri_invalid" => "org-iri",
        _ => return None,
    })
}

/// The `error=` code of this page's address, if any.
pub fn error_code() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("error")))
}

/// Whether `field` (an id suffix) is the one the page's error is about.
pub fn invalid(
    code: Memo<Option<String>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> {
    move || {
        code.with(|c| c.as_deref().and_then(field_of))
            .filter(|f| *f == field)
            .map(|_| "true")
    }
}

/// The page's `error=` or `done=` message, if any; `form` is the id prefix
/// of the form's fields (`sign-up` gives `#sign-up-email`).
#[component]
pub fn FormMessage(#[prop(into)] form: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let error = move || query.with(|q| q.get("error"));
    let done = move || query.with(|q| q.get("done"));
    view! {
        {move || {
            error()
                .map(|code| {
                    let link = field_of(&code).map(|field| format!("#{form}-{field}"));
                    view! {
                        <div class="notice notice-error" role="alert" id="form-message">
                            <p>{sentence(i18n, &code)}</p>
                            {link
                                .map(|href| {
                                    view! { <p><a href=href>{t!(i18n, messages.go_to_field)}</a></p> }
                                })}
                        </div>
                    }
                })
        }}
        {move || {
            done()
                .map(|code| {
                    view! {
                        <p class="notice notice-info" role="status" id="form-message">
                            {sentence(i18n, &code)}
                        </p>
                    }
                })
        }}
    }
}

fn sentence(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, code: &str) -> AnyView {
    match code {
        "credentials" => t!(i18n, messages.credentials).into_any(),
        "signin" => t!(i18n, messages.signin).into_any(),
        "email_invalid" => t!(i18n, messages.email_invalid).into_any(),
        "email_taken" => t!(i18n, messages.email_taken).into_any(),
        "pseudonym_invalid" => t!(i18n, messages.pseudonym_invalid).into_any(),
        "pseudonym_taken" => t!(i18n, messages.pseudonym_taken).into_any(),
        "password_short" => t!(i18n, messages.password_short).into_any(),
        "password_long" => t!(i18n, messages.password_long).into_any(),
        "password_common" => t!(i18n, messages.password_common).into_any(),
        "privacy" => t!(i18n, messages.privacy).into_any(),
        "confirm" => t!(i18n, messages.confirm).into_any(),
        "current_password" => t!(i18n, messages.current_password).into_any(),
        "password_changed" => t!(i18n, messages.password_changed).into_any(),
        "reset_unknown" => t!(i18n, messages.reset_unknown).into_any(),
        "reset_expired" => t!(i18n, messages.reset_expired).into_any(),
        "reset_used" => t!(i18n, messages.reset_used).into_any(),
        "last_admin" => t!(i18n, messages.last_admin).into_any(),
        "account_unknown" => t!(i18n, messages.account_unknown).into_any(),
        "organisation_unknown" => t!(i18n, messages.organisation_unknown).into_any(),
        "organisation_id_invalid" => t!(i18n, messages.organisation_id_invalid).into_any(),
        "organisation_name_invalid" => t!(i18n, messages.organisation_name_invalid).into_any(),
        "organisation_iri_invalid" => t!(i18n, messages.organisation_iri_invalid).into_any(),
        "organisation_taken" => t!(i18n, messages.organisation_taken).into_any(),
        "role_unknown" | "action_unknown" => t!(i18n, messages.bad_form).into_any(),
        "token_name_taken" => t!(i18n, messages.token_name_taken).into_any(),
        "token_name_invalid" => t!(i18n, messages.token_name_invalid).into_any(),
        "token_unknown" => t!(i18n, messages.token_unknown).into_any(),
        "oidc_failed" => t!(i18n, messages.oidc_failed).into_any(),
        "oidc_unverified" => t!(i18n, messages.oidc_unverified).into_any(),
        "welcome" => t!(i18n, messages.welcome).into_any(),
        "signed_out" => t!(i18n, messages.signed_out).into_any(),
        "signed_out_everywhere" => t!(i18n, messages.signed_out_everywhere).into_any(),
        "reset_sent" => t!(i18n, messages.reset_sent).into_any(),
        "password_reset" => t!(i18n, messages.password_reset).into_any(),
        "profile" => t!(i18n, messages.profile).into_any(),
        "organisation_created" => t!(i18n, messages.organisation_created).into_any(),
        "member_added" => t!(i18n, messages.member_added).into_any(),
        "member_removed" => t!(i18n, messages.member_removed).into_any(),
        "role_set" => t!(i18n, messages.role_set).into_any(),
        "unchanged" => t!(i18n, messages.unchanged).into_any(),
        "token_revoked" => t!(i18n, messages.token_revoked).into_any(),
        _ => t!(i18n, errors.store_unavailable).into_any(),
    }
}
