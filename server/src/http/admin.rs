//! The administrators' forms: organisations, memberships and roles. Every
//! change and its audit entry commit together in one transaction, or
//! neither does. Plain form posts with redirects, like the account forms.

use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use sqlx::AnyConnection;

use crate::auth::accounts::{
    account, account_by_email, admin_count, hold_administrators, set_role,
};
use crate::auth::organisations::{add_member, create_organisation, organisation, remove_member};
use crate::auth::{AccountId, Caller, Denied, OrganisationId, Permission, Person, Role, audit};
use app::account::Notice;

use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The administrators' form posts.
pub fn routes() -> Routes {
    Routes::new()
        .post("/admin/organisations", create)
        .post("/admin/memberships", membership)
        .post("/admin/roles", role)
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
    caller: Caller,
    Form(form): Form<NewOrganisation>,
) -> Result<Response, Denied> {
    let admin = caller.person_who_may(Permission::Administer)?;
    let outcome = async {
        let mut tx = state.stores.sql.begin().await?;
        let org = match create_organisation(&mut tx, &form.id, &form.name, &form.agent_iri).await {
            Ok(org) => org,
            Err(err) => return Ok(Err(err.code())),
        };
        let detail = format!("Created {} with publisher {}.", org.name, org.agent_iri);
        log(
            &mut tx,
            admin,
            "organisation.create",
            org.id.as_str(),
            &detail,
        )
        .await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(Notice::OrganisationCreated))
    };
    Ok(answer(outcome.await))
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
    caller: Caller,
    Form(form): Form<Membership>,
) -> Result<Response, Denied> {
    let admin = caller.person_who_may(Permission::Administer)?;
    let outcome = async {
        let mut tx = state.stores.sql.begin().await?;
        let id = OrganisationId::from_stored(form.organisation.trim());
        let Some(org) = organisation(&mut tx, &id).await? else {
            return Ok(Err(Notice::OrganisationUnknown));
        };
        let member = match account_by_email(&mut tx, &form.email).await? {
            Some(member) if !member.deleted => member,
            _ => return Ok(Err(Notice::AccountUnknown)),
        };
        let (changed, action, done) = match form.action.as_str() {
            "add" => (
                add_member(&mut tx, &org.id, &member.id).await?,
                "membership.add",
                Notice::MemberAdded,
            ),
            "remove" => (
                remove_member(&mut tx, &org.id, &member.id).await?,
                "membership.remove",
                Notice::MemberRemoved,
            ),
            _ => return Ok(Err(Notice::ActionUnknown)),
        };
        if !changed {
            return Ok(Ok(Notice::Unchanged));
        }
        let detail = format!("{} for {}.", done.code().replace('_', " "), org.name);
        log(&mut tx, admin, action, &member.pseudonym, &detail).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(done))
    };
    Ok(answer(outcome.await))
}

/// The role form.
#[derive(Debug, Deserialize)]
pub struct SetRole {
    account: String,
    role: String,
}

/// `POST /admin/roles`: at least one administrator always remains (checked
/// in the transaction that changes the role).
pub async fn role(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<SetRole>,
) -> Result<Response, Denied> {
    let admin = caller.person_who_may(Permission::Administer)?;
    let Ok(role) = form.role.parse::<Role>() else {
        return Ok(back("/admin", Notice::RoleUnknown));
    };
    let outcome = async {
        let mut tx = state.stores.sql.begin().await?;
        hold_administrators(&mut tx).await?;
        let target = match account(&mut tx, &AccountId::from_stored(form.account.trim())).await? {
            Some(target) if !target.deleted => target,
            _ => return Ok(Err(Notice::AccountUnknown)),
        };
        if target.role == role {
            return Ok(Ok(Notice::Unchanged));
        }
        if target.role == Role::Admin && admin_count(&mut tx).await? <= 1 {
            return Ok(Err(Notice::LastAdmin));
        }
        set_role(&mut tx, &target.id, role).await?;
        let detail = format!("Role {} → {}.", target.role.as_str(), role.as_str());
        log(&mut tx, admin, "role.set", &target.pseudonym, &detail).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(Notice::RoleSet))
    };
    Ok(answer(outcome.await))
}

/// The audit entry of an administrator's action, in the action's transaction.
async fn log(
    db: &mut AnyConnection,
    actor: &Person,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    audit::record(db, Some(&actor.account), action, target, detail).await
}

/// Back to the administration page with the outcome: `done=…` or `error=…`.
fn answer(outcome: Result<Result<Notice, Notice>, sqlx::Error>) -> Response {
    match outcome {
        Ok(Ok(done)) => back("/admin", done),
        Ok(Err(error)) => back("/admin", error),
        Err(err) => {
            tracing::error!("administration: {err}");
            back("/admin", Notice::Unavailable)
        }
    }
}
