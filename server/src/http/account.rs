//! The account forms that change state, as plain HTML form posts that work
//! without JavaScript: sign up, sign in, sign out (here or everywhere),
//! password reset, profile, data download and deletion. Each answers with
//! a redirect (post, redirect, get) whose `error=` or `done=` code the page
//! turns into a message. Cross-site posts never get here (`csrf.rs`);
//! sign-in, sign-up and reset are rate-limited (`rate_limit.rs`).

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::accounts::{
    NewAccount, authenticate, create_account, delete_account, set_password, set_pseudonym,
};
use crate::auth::resets::{finish_reset, start_reset};
use crate::auth::{end_account_sessions, end_session, start_session};
use crate::http::AppState;
use crate::http::signed_in::{SignedIn, new_session_cookie, session_cookie, session_id, signed_in};

/// A redirect to `path` with `key=code`.
pub fn back(path: &str, key: &str, code: &str) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}{key}={code}")).into_response()
}

/// The signed-in person, or a redirect to the sign-in page.
pub async fn require_signed_in(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<SignedIn, Response> {
    match signed_in(
        &state.stores.sql,
        headers,
        state.config.public_url.is_https(),
    )
    .await
    {
        Ok(Some(person)) => Ok(person),
        Ok(None) => Err(back("/account/sign-in", "error", "signin")),
        Err(err) => {
            tracing::error!("session lookup: {err}");
            Err(back("/account/sign-in", "error", "unavailable"))
        }
    }
}

/// Starts a session for `account_id` (ending the request's old one: a new
/// id at every sign-in) and redirects to `to` with the cookie set.
pub async fn sign_in_as(
    state: &AppState,
    headers: &HeaderMap,
    account_id: &str,
    to: &str,
) -> Response {
    let https = state.config.public_url.is_https();
    if let Some(old) = session_id(headers, https) {
        let _ = end_session(&state.stores.sql, &old).await;
    }
    match start_session(&state.stores.sql, "account", account_id).await {
        Ok(id) => {
            let mut response = Redirect::to(to).into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, new_session_cookie(&id, https));
            response
        }
        Err(err) => {
            tracing::error!("sign-in: {err}");
            back("/account/sign-in", "error", "unavailable")
        }
    }
}

/// Where to go after signing in: a path on this site only.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/account".to_owned(),
    }
}

/// The sign-up form.
#[derive(Debug, Deserialize)]
pub struct SignUp {
    email: String,
    password: String,
    pseudonym: String,
    #[serde(default)]
    privacy: Option<String>,
}

/// `POST /account/sign-up`.
pub async fn sign_up(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignUp>,
) -> Response {
    if form.privacy.is_none() {
        return back("/account/sign-up", "error", "privacy");
    }
    let created = create_account(
        &state.stores.sql,
        NewAccount {
            email: &form.email,
            password: Some(&form.password),
            pseudonym: &form.pseudonym,
            email_verified: false,
        },
    )
    .await;
    match created {
        Ok(account) => {
            tracing::info!(account = %account.id, "account created");
            sign_in_as(&state, &headers, &account.id, "/account?done=welcome").await
        }
        Err(err) => {
            if err.code() == "unavailable" {
                tracing::error!("sign-up: {err}");
            }
            back("/account/sign-up", "error", err.code())
        }
    }
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignIn {
    email: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// `POST /account/sign-in`: the same answer for an unknown email and a
/// wrong password.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignIn>,
) -> Response {
    match authenticate(&state.stores.sql, &form.email, &form.password).await {
        Ok(Some(account)) if !account.deleted => {
            tracing::info!(account = %account.id, "signed in with a password");
            let to = local_path(form.next.as_deref());
            sign_in_as(&state, &headers, &account.id, &to).await
        }
        Ok(_) => back("/account/sign-in", "error", "credentials"),
        Err(err) => {
            tracing::error!("sign-in: {err}");
            back("/account/sign-in", "error", "unavailable")
        }
    }
}

/// The sign-out form: `everywhere` ends every session of the account.
#[derive(Debug, Deserialize)]
pub struct SignOut {
    #[serde(default)]
    everywhere: Option<String>,
}

/// `POST /account/sign-out`.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignOut>,
) -> Response {
    let https = state.config.public_url.is_https();
    let mut done = "signed_out";
    if form.everywhere.is_some()
        && let Ok(Some(person)) = signed_in(&state.stores.sql, &headers, https).await
    {
        if let Err(err) = end_account_sessions(&state.stores.sql, &person.account.id).await {
            tracing::error!("sign-out everywhere: {err}");
            return back("/account", "error", "unavailable");
        }
        done = "signed_out_everywhere";
    }
    if let Some(id) = session_id(&headers, https) {
        let _ = end_session(&state.stores.sql, &id).await;
    }
    let mut response = back("/account/sign-in", "done", done);
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie("", 0, https));
    response
}

/// The reset forms: `email` asks for a link; `token` and `password` use it.
#[derive(Debug, Deserialize)]
pub struct Reset {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    password: Option<String>,
}

/// `POST /account/reset`.
pub async fn reset(State(state): State<AppState>, Form(form): Form<Reset>) -> Response {
    if let (Some(token), Some(password)) = (&form.token, &form.password) {
        return match finish_reset(&state.stores.sql, token, password).await {
            Ok(account) => {
                tracing::info!(%account, "password reset");
                back("/account/sign-in", "done", "password_reset")
            }
            Err(err) => {
                if err.code() == "unavailable" {
                    tracing::error!("reset: {err}");
                }
                let token: String = token.chars().filter(char::is_ascii_hexdigit).collect();
                back(
                    &format!("/account/reset?token={token}"),
                    "error",
                    err.code(),
                )
            }
        };
    }
    let email = form.email.unwrap_or_default();
    match start_reset(&state.stores.sql, &email).await {
        Ok(Some((account, secret))) => {
            let link = format!(
                "{}/account/reset?token={secret}",
                state.config.public_url.as_str()
            );
            let body = format!(
                "Hello {},\n\nSomeone (we hope you) asked to reset the password of your Plaza account.\n\
                 Open this link within an hour to choose a new password:\n\n{link}\n\n\
                 If you did not ask for this, ignore this message: your password stays as it is.\n",
                account.pseudonym
            );
            if let Some(to) = account.email {
                // Sent after answering, so that the answer takes as long as
                // for an unknown email; a failed send is logged.
                let mailer = state.mailer.clone();
                tokio::spawn(async move {
                    let _ = mailer.send(&to, "Reset your Plaza password", &body).await;
                });
            }
        }
        Ok(None) => {}
        Err(err) => {
            tracing::error!("reset: {err}");
            return back("/account/reset", "error", "unavailable");
        }
    }
    // The same answer whether or not the email is registered.
    back("/account/reset", "done", "reset_sent")
}

/// The change-password form.
#[derive(Debug, Deserialize)]
pub struct ChangePassword {
    current: String,
    password: String,
}

/// `POST /account/password`: the current password, then the new one; every
/// other session ends.
pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<ChangePassword>,
) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    let sql = &state.stores.sql;
    let email = person.account.email.clone().unwrap_or_default();
    match authenticate(sql, &email, &form.current).await {
        Ok(Some(account)) if account.id == person.account.id => {}
        Ok(_) => return back("/account", "error", "current_password"),
        Err(err) => {
            tracing::error!("password change: {err}");
            return back("/account", "error", "unavailable");
        }
    }
    if let Err(err) = set_password(sql, &person.account.id, &form.password).await {
        return back("/account", "error", err.code());
    }
    // Other devices are signed out; this one signs in afresh.
    if let Err(err) = end_account_sessions(sql, &person.account.id).await {
        tracing::error!("password change: {err}");
    }
    tracing::info!(account = %person.account.id, "password changed");
    sign_in_as(
        &state,
        &headers,
        &person.account.id,
        "/account?done=password_changed",
    )
    .await
}

/// The profile form.
#[derive(Debug, Deserialize)]
pub struct Profile {
    pseudonym: String,
}

/// `POST /account/profile`.
pub async fn profile(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<Profile>,
) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    match set_pseudonym(&state.stores.sql, &person.account.id, &form.pseudonym).await {
        Ok(()) => back("/account", "done", "profile"),
        Err(err) => back("/account", "error", err.code()),
    }
}

/// The deletion form: `confirm` must be ticked.
#[derive(Debug, Deserialize)]
pub struct Delete {
    #[serde(default)]
    confirm: Option<String>,
}

/// `POST /account/delete`: personal data erased at once.
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<Delete>,
) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    if form.confirm.is_none() {
        return back("/account", "error", "confirm");
    }
    if person.is_admin() && crate::http::admin::admin_count(&state).await.unwrap_or(0) <= 1 {
        return back("/account", "error", "last_admin");
    }
    if let Err(err) = delete_account(&state.stores.sql, &person.account.id).await {
        tracing::error!("account deletion: {err}");
        return back("/account", "error", "unavailable");
    }
    tracing::info!(account = %person.account.id, "account deleted");
    let mut response = Redirect::to("/account/deleted").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie("", 0, state.config.public_url.is_https()),
    );
    response
}

/// `GET /account/data.json`: everything tied to the account, as one file.
pub async fn download(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let person = match require_signed_in(&state, &headers).await {
        Ok(person) => person,
        Err(response) => return response,
    };
    match crate::auth::personal_data::export(&state.stores.sql, &person.account).await {
        Ok(data) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"plaza-my-data.json\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(err) => {
            tracing::error!("data download: {err}");
            back("/account", "error", "unavailable")
        }
    }
}
