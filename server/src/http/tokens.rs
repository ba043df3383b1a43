//! The publishers' API tokens page forms: create a token for one of one's
//! organisations (shown once, on the next page of the same session) and
//! revoke one.

use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use crate::auth::{TokenScope, create_token, revoke_token, token_by_hash};
use crate::http::AppState;
use crate::http::account::{back, require_signed_in};

/// The new-token form.
#[derive(Debug, Deserialize)]
pub struct NewToken {
    organisation: String,
    name: String,
}

/// `POST /publish/tokens`.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<NewToken>,
) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    if !person.speaks_for(&form.organisation) {
        return crate::http::forbidden("You may create tokens only for your own organisations.");
    }
    let sql = &state.stores.sql;
    let secret = match create_token(
        sql,
        TokenScope::Organisation(&form.organisation),
        &form.name,
        Some(&person.account.id),
    )
    .await
    {
        Ok(secret) => secret,
        Err(err) => return back("/publish/tokens", "error", err.code()),
    };
    tracing::info!(organisation = %form.organisation, name = %form.name.trim(), "API token created");
    let detail = format!("Created for {}.", form.organisation);
    if let Err(err) = crate::auth::audit::record(
        sql,
        Some(&person.account),
        "token.create",
        form.name.trim(),
        &detail,
    )
    .await
    {
        tracing::error!("audit log: {err}");
    }
    match crate::auth::reveals::keep(sql, &person.session_hash, &secret).await {
        Ok(id) => back("/publish/tokens", "created", &id),
        Err(err) => {
            tracing::error!("token reveal: {err}");
            back("/publish/tokens", "error", "unavailable")
        }
    }
}

/// The revoke form: the token's hash.
#[derive(Debug, Deserialize)]
pub struct Revoke {
    token: String,
}

/// `POST /publish/tokens/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<Revoke>,
) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    let sql = &state.stores.sql;
    let token = match token_by_hash(sql, &form.token).await {
        Ok(Some(token)) => token,
        Ok(None) => return back("/publish/tokens", "error", "token_unknown"),
        Err(err) => {
            tracing::error!("token revoke: {err}");
            return back("/publish/tokens", "error", "unavailable");
        }
    };
    let allowed = token
        .organisation
        .as_deref()
        .is_some_and(|org| person.speaks_for(org))
        || person.is_admin();
    if !allowed {
        return crate::http::forbidden("You may revoke tokens only of your own organisations.");
    }
    match revoke_token(sql, &token.hash).await {
        Ok(_) => {
            tracing::info!(name = %token.name, "API token revoked");
            let detail = format!(
                "Revoked ({}).",
                token.organisation.as_deref().unwrap_or("all organisations")
            );
            if let Err(err) = crate::auth::audit::record(
                sql,
                Some(&person.account),
                "token.revoke",
                &token.name,
                &detail,
            )
            .await
            {
                tracing::error!("audit log: {err}");
            }
            back("/publish/tokens", "done", "token_revoked")
        }
        Err(err) => {
            tracing::error!("token revoke: {err}");
            back("/publish/tokens", "error", "unavailable")
        }
    }
}
