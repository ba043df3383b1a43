//! The administrators' forms: organisations, memberships and roles. Every
//! change is written to the audit log. Plain form posts with redirects, like
//! the account forms.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use sqlx::Row;

use crate::auth::Role;
use crate::auth::accounts::{account, account_by_email, set_role};
use crate::auth::audit;
use crate::auth::organisations::{add_member, create_organisation, organisation, remove_member};
use crate::http::AppState;
use crate::http::account::{back, require_signed_in};
use crate::http::signed_in::SignedIn;

/// The signed-in administrator, or the answer to give instead.
async fn require_admin(state: &AppState, headers: &HeaderMap) -> Result<SignedIn, Response> {
    let person = require_signed_in(state, headers).await?;
    if person.is_admin() {
        Ok(person)
    } else {
        Err(crate::http::forbidden(
            "Only administrators manage organisations, memberships and roles.",
        ))
    }
}

/// How many administrators there are.
pub async fn admin_count(state: &AppState) -> Result<i64, sqlx::Error> {
    let row =
        sqlx::query("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND deleted_at IS NULL")
            .fetch_one(state.stores.sql.pool())
            .await?;
    Ok(row.get(0))
}

/// The new-organisation form.
#[derive(Debug, Deserialize)]
pub struct NewOrganisation {
    id: String,
    name: String,
    agent_iri: String,
}

/// `POST /admin/organisations`.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<NewOrganisation>,
) -> Response {
    let admin = match require_admin(&state, &headers).await {
        Ok(admin) => admin,
        Err(response) => return response,
    };
    match create_organisation(&state.stores.sql, &form.id, &form.name, &form.agent_iri).await {
        Ok(org) => {
            let detail = format!("Created {} with publisher {}.", org.name, org.agent_iri);
            log(&state, &admin, "organisation.create", &org.id, &detail).await;
            back("/admin", "done", "organisation_created")
        }
        Err(err) => back("/admin", "error", err.code()),
    }
}

/// The membership form: `action` is `add` or `remove`.
#[derive(Debug, Deserialize)]
pub struct Membership {
    organisation: String,
    email: String,
    action: String,
}

/// `POST /admin/memberships`.
pub async fn membership(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<Membership>,
) -> Response {
    let admin = match require_admin(&state, &headers).await {
        Ok(admin) => admin,
        Err(response) => return response,
    };
    let sql = &state.stores.sql;
    let org = match organisation(sql, &form.organisation).await {
        Ok(Some(org)) => org,
        Ok(None) => return back("/admin", "error", "organisation_unknown"),
        Err(err) => return failed(err),
    };
    let member = match account_by_email(sql, &form.email).await {
        Ok(Some(member)) if !member.deleted => member,
        Ok(_) => return back("/admin", "error", "account_unknown"),
        Err(err) => return failed(err),
    };
    let (changed, action, done) = match form.action.as_str() {
        "add" => (
            add_member(sql, &org.id, &member.id).await,
            "membership.add",
            "member_added",
        ),
        "remove" => (
            remove_member(sql, &org.id, &member.id).await,
            "membership.remove",
            "member_removed",
        ),
        _ => return back("/admin", "error", "action_unknown"),
    };
    match changed {
        Ok(true) => {
            let detail = format!("{} for {}.", done.replace('_', " "), org.name);
            log(&state, &admin, action, &member.pseudonym, &detail).await;
            back("/admin", "done", done)
        }
        Ok(false) => back("/admin", "done", "unchanged"),
        Err(err) => failed(err),
    }
}

/// The role form.
#[derive(Debug, Deserialize)]
pub struct SetRole {
    account: String,
    role: String,
}

/// `POST /admin/roles`: at least one administrator always remains.
pub async fn role(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SetRole>,
) -> Response {
    let admin = match require_admin(&state, &headers).await {
        Ok(admin) => admin,
        Err(response) => return response,
    };
    let Ok(role) = form.role.parse::<Role>() else {
        return back("/admin", "error", "role_unknown");
    };
    let sql = &state.stores.sql;
    let target = match account(sql, &form.account).await {
        Ok(Some(target)) if !target.deleted => target,
        Ok(_) => return back("/admin", "error", "account_unknown"),
        Err(err) => return failed(err),
    };
    if target.role == role {
        return back("/admin", "done", "unchanged");
    }
    if target.role == Role::Admin && admin_count(&state).await.unwrap_or(0) <= 1 {
        return back("/admin", "error", "last_admin");
    }
    if let Err(err) = set_role(sql, &target.id, role).await {
        return failed(err);
    }
    let detail = format!("Role {} → {}.", target.role.as_str(), role.as_str());
    log(&state, &admin, "role.set", &target.pseudonym, &detail).await;
    back("/admin", "done", "role_set")
}

async fn log(state: &AppState, actor: &SignedIn, action: &str, target: &str, detail: &str) {
    if let Err(err) = audit::record(
        &state.stores.sql,
        Some(&actor.account),
        action,
        target,
        detail,
    )
    .await
    {
        tracing::error!("audit log: {err}");
    }
}

fn failed(err: sqlx::Error) -> Response {
    tracing::error!("administration: {err}");
    back("/admin", "error", "unavailable")
}
