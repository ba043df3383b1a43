//! `/admin`: organisations, memberships and roles, for administrators;
//! `/admin/audit`: what administrators and moderators did. Forms post to
//! `/admin/…` and work without JavaScript.

use leptos::prelude::*;

use crate::account::messages::{FormMessage, error_code, invalid};
use crate::account::{AdminView, load_admin, load_audit};
use crate::components::{ErrorNotice, PageHeading};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};

/// The administration page.
#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let admin = Resource::new(|| (), |_| load_admin());
    view! {
        <PageHeading title=move || t_string!(i18n, admin.title).to_string() />
        <FormMessage form="admin" />
        <Suspense>
            {move || Suspend::new(async move {
                match admin.await {
                    Ok(view) => view! { <Administration view=view /> }.into_any(),
                    Err(AppError::SignInRequired | AppError::Forbidden) => {
                        view! { <AdminsOnly /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AdminsOnly() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice notice-error" role="alert">{t!(i18n, admin.admins_only)}</p>
        <p><a href="/account/sign-in?next=/admin">{t!(i18n, account.sign_in_link)}</a></p>
    }
}

#[component]
fn Administration(view: AdminView) -> impl IntoView {
    let i18n = use_i18n();
    let code = error_code();
    let org_options = view
        .organisations
        .iter()
        .map(|row| {
            let org = row.organisation.clone();
            view! { <option value=org.id>{org.name}</option> }
        })
        .collect_view();
    view! {
        <p><a href="/admin/audit">{t!(i18n, admin.audit_link)}</a></p>
        <h2>{t!(i18n, admin.organisations_heading)}</h2>
        <table class="data-table">
            <caption>{t!(i18n, admin.organisations_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, admin.org_name)}</th>
                    <th scope="col">{t!(i18n, admin.org_id)}</th>
                    <th scope="col">{t!(i18n, admin.org_iri)}</th>
                    <th scope="col">{t!(i18n, admin.members)}</th>
                </tr>
            </thead>
            <tbody>
                {view
                    .organisations
                    .iter()
                    .map(|row| {
                        let members = row
                            .members
                            .iter()
                            .map(|(pseudonym, email)| format!("{pseudonym} ({email})"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <tr>
                                <th scope="row">{row.organisation.name.clone()}</th>
                                <td>{row.organisation.id.clone()}</td>
                                <td class="iri">{row.organisation.agent_iri.clone()}</td>
                                <td>{members}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <h3 id="new-org-heading">{t!(i18n, admin.new_org_heading)}</h3>
        <form class="stacked-form" method="post" action="/admin/organisations" aria-labelledby="new-org-heading">
            <div class="field">
                <label for="admin-org-name">{t!(i18n, admin.org_name)}</label>
                <input id="admin-org-name" name="name" type="text" required maxlength="200" aria-invalid=invalid(code, "org-name") />
            </div>
            <div class="field">
                <label for="admin-org-id">{t!(i18n, admin.org_id)}</label>
                <p class="hint" id="admin-org-id-hint">{t!(i18n, admin.org_id_hint)}</p>
                <input id="admin-org-id" name="id" type="text" required maxlength="64" pattern="[a-z][a-z0-9-]{1,63}" aria-describedby="admin-org-id-hint" aria-invalid=invalid(code, "org-id") />
            </div>
            <div class="field">
                <label for="admin-org-iri">{t!(i18n, admin.org_iri)}</label>
                <p class="hint" id="admin-org-iri-hint">{t!(i18n, admin.org_iri_hint)}</p>
                <input id="admin-org-iri" name="agent_iri" type="url" required aria-describedby="admin-org-iri-hint" aria-invalid=invalid(code, "org-iri") />
            </div>
            <button type="submit" class="button">{t!(i18n, admin.create_org_button)}</button>
        </form>
        <h3 id="membership-heading">{t!(i18n, admin.membership_heading)}</h3>
        <form class="stacked-form" method="post" action="/admin/memberships" aria-labelledby="membership-heading">
            <div class="field">
                <label for="admin-member-org">{t!(i18n, admin.organisation_label)}</label>
                <select id="admin-member-org" name="organisation" required>{org_options}</select>
            </div>
            <div class="field">
                <label for="admin-email">{t!(i18n, account.email_label)}</label>
                <input id="admin-email" name="email" type="email" required aria-invalid=invalid(code, "email") />
            </div>
            <fieldset class="field">
                <legend>{t!(i18n, admin.membership_action)}</legend>
                <div class="field-checkbox">
                    <input id="admin-action-add" name="action" type="radio" value="add" checked />
                    <label for="admin-action-add">{t!(i18n, admin.add_member)}</label>
                </div>
                <div class="field-checkbox">
                    <input id="admin-action-remove" name="action" type="radio" value="remove" />
                    <label for="admin-action-remove">{t!(i18n, admin.remove_member)}</label>
                </div>
            </fieldset>
            <button type="submit" class="button">{t!(i18n, admin.membership_button)}</button>
        </form>
        <h2>{t!(i18n, admin.accounts_heading)}</h2>
        <table class="data-table">
            <caption>{t!(i18n, admin.accounts_caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, account.pseudonym_label)}</th>
                    <th scope="col">{t!(i18n, account.email_label)}</th>
                    <th scope="col">{t!(i18n, account.organisations_label)}</th>
                    <th scope="col">{t!(i18n, account.role_label)}</th>
                </tr>
            </thead>
            <tbody>
                {view
                    .accounts
                    .into_iter()
                    .map(|row| {
                        let select_id = format!("role-{}", row.id);
                        let role = row.role.clone();
                        let option = move |value: &'static str, label: String| {
                            view! { <option value=value selected=role == value>{label}</option> }
                        };
                        view! {
                            <tr>
                                <th scope="row">{row.pseudonym.clone()}</th>
                                <td>{row.email.clone()}</td>
                                <td>{row.organisations.join(", ")}</td>
                                <td>
                                    <form method="post" action="/admin/roles" class="inline-form">
                                        <input type="hidden" name="account" value=row.id.clone() />
                                        <label class="visually-hidden" for=select_id.clone()>
                                            {t!(i18n, admin.role_for, name = row.pseudonym.clone())}
                                        </label>
                                        <select id=select_id name="role">
                                            {option("citizen", t_string!(i18n, account.role_citizen).to_string())}
                                            {option("moderator", t_string!(i18n, account.role_moderator).to_string())}
                                            {option("admin", t_string!(i18n, account.role_admin).to_string())}
                                        </select>
                                        " "
                                        <button type="submit" class="button button-secondary">{t!(i18n, admin.set_role_button)}</button>
                                    </form>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The audit log page.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let entries = Resource::new(|| (), |_| load_audit());
    view! {
        <PageHeading title=move || t_string!(i18n, admin.audit_title).to_string() />
        <Suspense>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) => {
                        view! {
                            <p class="lead">{t!(i18n, admin.audit_intro)}</p>
                            <table class="data-table">
                                <caption>{t!(i18n, admin.audit_caption)}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, admin.audit_when)}</th>
                                        <th scope="col">{t!(i18n, admin.audit_who)}</th>
                                        <th scope="col">{t!(i18n, admin.audit_what)}</th>
                                        <th scope="col">{t!(i18n, admin.audit_target)}</th>
                                        <th scope="col">{t!(i18n, admin.audit_detail)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {entries
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <tr>
                                                    <td><time datetime=e.at.clone()>{e.at.replace('T', " ").trim_end_matches('Z').to_owned()}</time></td>
                                                    <td>{e.actor}</td>
                                                    <td>{e.action}</td>
                                                    <td>{e.target}</td>
                                                    <td>{e.detail}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }
                    Err(AppError::SignInRequired | AppError::Forbidden) => {
                        view! { <AdminsOnly /> }.into_any()
                    }
                    Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
