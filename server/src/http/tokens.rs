//! The publishers' API tokens page forms: create a token for one of one's
//! organisations (shown once, on the next page of the same session) and
//! revoke one. Each change and its audit entry commit together.

use app::account::Notice;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{
    Caller, Denied, OrganisationId, Permission, TokenScope, audit, create_token, reveals,
    revoke_token, token_by_hash,
};
use crate::http::account::{back, back_with};
use crate::state::AppState;

/// The new-token form.
#[derive(Debug, Deserialize)]
pub struct NewToken {
    organisation: String,
    name: String,
}

/// `POST /publish/tokens`.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<NewToken>,
) -> Result<Response, Denied> {
    let organisation = OrganisationId::from_stored(form.organisation.as_str());
    let person = caller.person_who_may(Permission::CreateToken(&organisation))?;
    let made = async {
        let mut tx = state.stores.sql.begin().await?;
        let secret = match create_token(
            &mut tx,
            TokenScope::Organisation(&organisation),
            &form.name,
            Some(&person.account.id),
        )
        .await
        {
            Ok(secret) => secret,
            Err(err) => return Ok(Err(err.code())),
        };
        let detail = format!("Created for {organisation}.");
        audit::record(
            &mut tx,
            Some(&person.account),
            "token.create",
            form.name.trim(),
            &detail,
        )
        .await?;
        let reveal = reveals::keep(&mut tx, &person.session_hash, &secret).await?;
        tx.commit().await?;
        Ok::<_, sqlx::Error>(Ok(reveal))
    };
    Ok(match made.await {
        Ok(Ok(reveal)) => {
            tracing::info!(%organisation, name = %form.name.trim(), "API token created");
            back_with("/publish/tokens", "created", &reveal)
        }
        Ok(Err(code)) => back("/publish/tokens", code),
        Err(err) => {
            tracing::error!("token creation: {err}");
            back("/publish/tokens", Notice::Unavailable)
        }
    })
}

/// The revoke form: the token's hash.
#[derive(Debug, Deserialize)]
pub struct Revoke {
    token: String,
}

/// `POST /publish/tokens/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<Revoke>,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::ManageOwnAccount)?;
    let revoked = async {
        let mut tx = state.stores.sql.begin().await?;
        let Some(token) = token_by_hash(&mut tx, &form.token).await? else {
            return Ok(Err(None));
        };
        let person = match caller.person_who_may(Permission::RevokeToken(&token)) {
            Ok(person) => person,
            Err(denied) => return Ok(Err(Some(denied))),
        };
        revoke_token(&mut tx, &token.hash).await?;
        let detail = format!(
            "Revoked ({}).",
            token
                .organisation
                .as_ref()
                .map_or("all organisations", OrganisationId::as_str)
        );
        audit::record(
            &mut tx,
            Some(&person.account),
            "token.revoke",
            &token.name,
            &detail,
        )
        .await?;
        tx.commit().await?;
        tracing::info!(name = %token.name, "API token revoked");
        Ok::<_, sqlx::Error>(Ok(()))
    };
    match revoked.await {
        Ok(Ok(())) => Ok(back("/publish/tokens", Notice::TokenRevoked)),
        Ok(Err(None)) => Ok(back("/publish/tokens", Notice::TokenUnknown)),
        Ok(Err(Some(denied))) => Err(denied),
        Err(err) => {
            tracing::error!("token revoke: {err}");
            Ok(back("/publish/tokens", Notice::Unavailable))
        }
    }
}
