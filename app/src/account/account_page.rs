//! `/account`: the signed-in person's profile, with sign-out (here or
//! everywhere), data download and account deletion. Signed out, a way in.

use leptos::prelude::*;

use crate::account::messages::{FormMessage, error_code, invalid};
use crate::account::password_field::NewPasswordField;
use crate::account::{Viewer, load_viewer};
use crate::components::{ErrorNotice, PageHeading};
use crate::i18n::{t, t_string, use_i18n};

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = Resource::new(|| (), |_| load_viewer());
    view! {
        <PageHeading title=move || t_string!(i18n, account.title).to_string() />
        <FormMessage form="account" />
        <Suspense>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(viewer)) => view! { <Profile viewer=viewer /> }.into_any(),
                    Ok(None) => {
                        view! {
                            <p class="lead">{t!(i18n, account.signed_out_intro)}</p>
                            <p>
                                <a class="button" href="/account/sign-in">{t!(i18n, account.sign_in_link)}</a>
                                " "
                                <a class="button button-secondary" href="/account/sign-up">{t!(i18n, account.sign_up_link)}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    let role = match viewer.role.as_str() {
        "admin" => t_string!(i18n, account.role_admin),
        "moderator" => t_string!(i18n, account.role_moderator),
        _ => t_string!(i18n, account.role_citizen),
    };
    let organisations = viewer
        .organisations
        .iter()
        .map(|o| o.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let is_publisher = viewer.is_publisher();
    let is_admin = viewer.is_admin();
    view! {
        <dl class="facts">
            <dt>{t!(i18n, account.pseudonym_label)}</dt>
            <dd>{viewer.pseudonym.clone()}</dd>
            <dt>{t!(i18n, account.email_label)}</dt>
            <dd>{viewer.email.clone()}</dd>
            <dt>{t!(i18n, account.role_label)}</dt>
            <dd>{role}</dd>
            {(!organisations.is_empty())
                .then(|| {
                    view! {
                        <dt>{t!(i18n, account.organisations_label)}</dt>
                        <dd>{organisations}</dd>
                    }
                })}
            {(!viewer.providers.is_empty())
                .then(|| {
                    view! {
                        <dt>{t!(i18n, account.providers_label)}</dt>
                        <dd>{viewer.providers.join(", ")}</dd>
                    }
                })}
        </dl>
        {(is_publisher || is_admin)
            .then(|| {
                view! {
                    <ul class="link-list">
                        {is_publisher
                            .then(|| {
                                view! {
                                    <li><a href="/publish">{t!(i18n, account.publish_link)}</a></li>
                                    <li><a href="/publish/tokens">{t!(i18n, account.tokens_link)}</a></li>
                                }
                            })}
                        {is_admin
                            .then(|| {
                                view! {
                                    <li><a href="/admin">{t!(i18n, account.admin_link)}</a></li>
                                    <li><a href="/admin/audit">{t!(i18n, account.audit_link)}</a></li>
                                }
                            })}
                    </ul>
                }
            })}
        <h2 id="profile-heading">{t!(i18n, account.profile_heading)}</h2>
        <form class="stacked-form" method="post" action="/account/profile" aria-labelledby="profile-heading">
            <div class="field">
                <label for="account-pseudonym">{t!(i18n, account.pseudonym_label)}</label>
                <p class="hint" id="account-pseudonym-hint">{t!(i18n, account.pseudonym_hint)}</p>
                <input
                    id="account-pseudonym"
                    name="pseudonym"
                    type="text"
                    autocomplete="nickname"
                    required
                    minlength="2"
                    maxlength="40"
                    value=viewer.pseudonym.clone()
                    aria-describedby="account-pseudonym-hint"
                    aria-invalid=invalid(code, "pseudonym")
                />
            </div>
            <button type="submit" class="button">{t!(i18n, account.save_button)}</button>
        </form>
        {viewer
            .has_password
            .then(|| {
                view! {
                    <h2 id="password-heading">{t!(i18n, account.password_heading)}</h2>
                    <form class="stacked-form" method="post" action="/account/password" aria-labelledby="password-heading">
                        <div class="field">
                            <label for="account-current">{t!(i18n, account.current_password_label)}</label>
                            <input
                                id="account-current"
                                name="current"
                                type="password"
                                autocomplete="current-password"
                                required
                                aria-invalid=invalid(code, "current")
                            />
                        </div>
                        <NewPasswordField form="account" />
                        <button type="submit" class="button">{t!(i18n, account.change_password_button)}</button>
                    </form>
                }
            })}
        <h2>{t!(i18n, account.sign_out_heading)}</h2>
        <form method="post" action="/account/sign-out" class="inline-form">
            <button type="submit" class="button button-secondary">{t!(i18n, account.sign_out_button)}</button>
        </form>
        <form method="post" action="/account/sign-out" class="inline-form">
            <input type="hidden" name="everywhere" value="yes" />
            <button type="submit" class="button button-secondary">{t!(i18n, account.sign_out_everywhere_button)}</button>
        </form>
        <h2>{t!(i18n, account.data_heading)}</h2>
        <p>{t!(i18n, account.data_text)}</p>
        <p>
            <a href="/account/data.json" download="plaza-my-data.json">{t!(i18n, account.data_link)}</a>
        </p>
        <h2 id="delete-heading">{t!(i18n, account.delete_heading)}</h2>
        <p>{t!(i18n, account.delete_text)}</p>
        <form class="stacked-form" method="post" action="/account/delete" aria-labelledby="delete-heading">
            <div class="field field-checkbox">
                <input
                    id="account-confirm"
                    name="confirm"
                    type="checkbox"
                    value="yes"
                    required
                    aria-invalid=invalid(code, "confirm")
                />
                <label for="account-confirm">{t!(i18n, account.delete_confirm)}</label>
            </div>
            <div class="field field-checkbox">
                <input
                    id="account-erase-contributions"
                    name="erase_contributions"
                    type="checkbox"
                    value="yes"
                    aria-describedby="account-erase-contributions-hint"
                />
                <label for="account-erase-contributions">{t!(i18n, account.erase_contributions)}</label>
                <p class="hint" id="account-erase-contributions-hint">{t!(i18n, account.erase_contributions_hint)}</p>
            </div>
            <button type="submit" class="button button-danger">{t!(i18n, account.delete_button)}</button>
        </form>
    }
}

/// `/account/deleted`: said after an account is deleted.
#[component]
pub fn AccountDeletedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=move || t_string!(i18n, account.deleted_title).to_string() />
        <p class="lead" role="status">{t!(i18n, account.deleted_text)}</p>
        <p><a href="/">{t!(i18n, not_found.home_link)}</a></p>
    }
}
