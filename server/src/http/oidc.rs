//! `POST /account/oidc/start` and `GET /account/oidc/callback`: sign-in
//! through the configured OpenID Connect provider (`auth/oidc.rs`). The
//! start is a form post (no state change over GET); the callback is the
//! provider's redirect, safe because it must carry the state of a sign-in
//! this browser started (checked against the `plaza_oidc` cookie) and a code
//! only Plaza can redeem (client secret and PKCE verifier).

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::cookies::{cookie_header, cookie_value};
use crate::http::account::{back, local_path, sign_in_as};
use crate::state::AppState;

/// The cookie that binds a sign-in to the browser that started it.
const BROWSER_COOKIE: &str = "plaza_oidc";

/// The start form.
#[derive(Debug, Deserialize)]
pub struct Start {
    #[serde(default)]
    next: Option<String>,
}

/// `POST /account/oidc/start`: to the provider.
pub async fn start(State(state): State<AppState>, Form(form): Form<Start>) -> Response {
    let Some(provider) = &state.oidc else {
        return (
            StatusCode::NOT_FOUND,
            "No sign-in provider is configured on this Plaza.",
        )
            .into_response();
    };
    let next = local_path(form.next.as_deref());
    match provider.start(&state.stores.sql, &next).await {
        Ok(started) => {
            let mut response = Redirect::to(&started.url).into_response();
            response.headers_mut().insert(
                header::SET_COOKIE,
                cookie_header(
                    BROWSER_COOKIE,
                    &started.browser_secret,
                    600,
                    state.config.public_url.is_https(),
                ),
            );
            response
        }
        Err(err) => {
            tracing::error!("OpenID Connect sign-in could not start: {err}");
            back("/account/sign-in", err.code())
        }
    }
}

/// `GET /account/oidc/callback?code=…&state=…` (or `error=…`).
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(provider) = &state.oidc else {
        return (
            StatusCode::NOT_FOUND,
            "No sign-in provider is configured on this Plaza.",
        )
            .into_response();
    };
    let https = state.config.public_url.is_https();
    let code = match (query.get("code"), query.get("error")) {
        (Some(code), None) => Ok(code.as_str()),
        (_, error) => Err(format!(
            "{} {}",
            error.map_or("no code", String::as_str),
            query.get("error_description").map_or("", String::as_str)
        )),
    };
    let secret = cookie_value(&headers, BROWSER_COOKIE, https);
    let outcome = provider
        .finish(
            &state.stores.sql,
            query.get("state").map_or("", String::as_str),
            secret.as_deref(),
            code,
        )
        .await;
    let mut response = match outcome {
        Ok((account, next)) => {
            tracing::info!(%account, "signed in through the OpenID Connect provider");
            sign_in_as(&state, &headers, &account, &next).await
        }
        Err(err) => {
            tracing::warn!("OpenID Connect sign-in failed: {err}");
            back("/account/sign-in", err.code())
        }
    };
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie_header(BROWSER_COOKIE, "", 0, https),
    );
    response
}
