//! The account forms that change state, as plain HTML form posts that work
//! without JavaScript: sign up, sign in, sign out (here or everywhere),
//! password reset, profile, data download and deletion. Each answers with
//! a redirect (post, redirect, get) whose `error=` or `done=` code the page
//! turns into a message. Cross-site posts never get here (`csrf.rs`);
//! sign-in, sign-up and reset are rate-limited (`rate_limit.rs`).

use app::account::Notice;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::accounts::{
    NewAccount, authenticate, create_account, set_password, set_pseudonym,
};
use crate::auth::cookies::{new_session_cookie, no_session_cookie, session_id};
use crate::auth::personal_data::{DeletionError, delete_account};
use crate::auth::resets::{finish_reset, start_reset};
use crate::auth::{
    AccountId, Caller, Denied, Permission, end_account_sessions, end_session, start_session,
};
use crate::routes::Routes;
use crate::state::AppState;

/// The account journey's form posts: sign-up, sign-in, reset, password
/// change and provider sign-in limited to `auth.sign_in_rate_per_minute`
/// per client address; sign-out, profile, deletion and data download.
pub fn routes(auth: &crate::config::AuthConfig) -> Routes {
    Routes::new()
        .post("/account/sign-in", sign_in)
        .post("/account/sign-up", sign_up)
        .post("/account/reset", reset)
        .post("/account/oidc/start", crate::http::oidc::start)
        .post("/account/password", change_password)
        .get("/account/oidc/callback", crate::http::oidc::callback)
        .map_router(|router| {
            router.layer(crate::rate_limit::sign_in_layer(
                auth.sign_in_rate_per_minute,
                auth.behind_proxy,
            ))
        })
        .post("/account/sign-out", sign_out)
        .post("/account/profile", profile)
        .post("/account/delete", delete)
        .get("/account/data.json", download)
}

/// A redirect to `path` with the form's answer: `error=CODE` or `done=CODE`.
pub fn back(path: &str, notice: Notice) -> Response {
    let key = if notice.is_error() { "error" } else { "done" };
    back_with(path, key, notice.code())
}

/// A redirect to `path` with `key=value` (before its `#fragment`, if any).
pub fn back_with(path: &str, key: &str, value: &str) -> Response {
    let (path, fragment) = match path.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (path, String::new()),
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}{key}={value}{fragment}")).into_response()
}

/// Starts a session for `account_id` (ending the request's old one: a new
/// id at every sign-in) and redirects to `to` with the cookie set.
pub async fn sign_in_as(
    state: &AppState,
    headers: &HeaderMap,
    account_id: &AccountId,
    to: &str,
) -> Response {
    let https = state.config.public_url.is_https();
    let started = async {
        let db = &mut *state.stores.sql.conn().await?;
        if let Some(old) = session_id(headers, https) {
            end_session(db, &old).await?;
        }
        start_session(db, account_id).await
    };
    match started.await {
        Ok(id) => {
            let mut response = Redirect::to(to).into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, new_session_cookie(&id, https));
            response
        }
        Err(err) => {
            tracing::error!("sign-in: {err}");
            back("/account/sign-in", Notice::Unavailable)
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
        return back("/account/sign-up", Notice::Privacy);
    }
    let created = async {
        let db = &mut *state.stores.sql.conn().await?;
        create_account(
            db,
            NewAccount {
                email: &form.email,
                password: Some(&form.password),
                pseudonym: &form.pseudonym,
                email_verified: false,
            },
        )
        .await
    };
    let created = created.await;
    match created {
        Ok(account) => {
            tracing::info!(account = %account.id, "account created");
            sign_in_as(&state, &headers, &account.id, "/account?done=welcome").await
        }
        Err(err) => {
            if err.code() == Notice::Unavailable {
                tracing::error!("sign-up: {err}");
            }
            back("/account/sign-up", err.code())
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
    let found = async {
        let db = &mut *state.stores.sql.conn().await?;
        authenticate(db, &form.email, &form.password).await
    };
    match found.await {
        Ok(Some(account)) if !account.deleted => {
            tracing::info!(account = %account.id, "signed in with a password");
            let to = local_path(form.next.as_deref());
            sign_in_as(&state, &headers, &account.id, &to).await
        }
        Ok(_) => back("/account/sign-in", Notice::Credentials),
        Err(err) => {
            tracing::error!("sign-in: {err}");
            back("/account/sign-in", Notice::Unavailable)
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
    caller: Caller,
    headers: HeaderMap,
    Form(form): Form<SignOut>,
) -> Response {
    let https = state.config.public_url.is_https();
    let mut done = Notice::SignedOut;
    let ended = async {
        let db = &mut *state.stores.sql.conn().await?;
        if form.everywhere.is_some()
            && let Some(person) = caller.person()
        {
            end_account_sessions(db, &person.account.id).await?;
            done = Notice::SignedOutEverywhere;
        }
        if let Some(id) = session_id(&headers, https) {
            end_session(db, &id).await?;
        }
        Ok::<_, sqlx::Error>(())
    };
    if let Err(err) = ended.await {
        tracing::error!("sign-out: {err}");
        return back("/account", Notice::Unavailable);
    }
    let mut response = back("/account/sign-in", done);
    response
        .headers_mut()
        .insert(header::SET_COOKIE, no_session_cookie(https));
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
                back("/account/sign-in", Notice::PasswordReset)
            }
            Err(err) => {
                if err.code() == Notice::Unavailable {
                    tracing::error!("reset: {err}");
                }
                let token: String = token.chars().filter(char::is_ascii_hexdigit).collect();
                back(&format!("/account/reset?token={token}"), err.code())
            }
        };
    }
    let email = form.email.unwrap_or_default();
    let started = async {
        let db = &mut *state.stores.sql.conn().await?;
        start_reset(db, &email).await
    };
    match started.await {
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
            return back("/account/reset", Notice::Unavailable);
        }
    }
    // The same answer whether or not the email is registered.
    back("/account/reset", Notice::ResetSent)
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
    caller: Caller,
    headers: HeaderMap,
    Form(form): Form<ChangePassword>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    let email = person.account.email.clone().unwrap_or_default();
    let changed = async {
        let db = &mut *state.stores.sql.conn().await?;
        match authenticate(db, &email, &form.current).await? {
            Some(account) if account.id == person.account.id => {}
            _ => return Ok(Err(Notice::CurrentPassword)),
        }
        if let Err(err) = set_password(db, &person.account.id, &form.password).await {
            return Ok(Err(err.code()));
        }
        // Other devices are signed out; this one signs in afresh.
        end_account_sessions(db, &person.account.id).await?;
        Ok::<_, sqlx::Error>(Ok(()))
    };
    match changed.await {
        Ok(Ok(())) => {}
        Ok(Err(code)) => return Ok(back("/account", code)),
        Err(err) => {
            tracing::error!("password change: {err}");
            return Ok(back("/account", Notice::Unavailable));
        }
    }
    tracing::info!(account = %person.account.id, "password changed");
    Ok(sign_in_as(
        &state,
        &headers,
        &person.account.id,
        "/account?done=password_changed",
    )
    .await)
}

/// The profile form.
#[derive(Debug, Deserialize)]
pub struct Profile {
    pseudonym: String,
}

/// `POST /account/profile`.
pub async fn profile(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<Profile>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    let changed = async {
        let db = &mut *state.stores.sql.conn().await?;
        Ok(set_pseudonym(db, &person.account.id, &form.pseudonym).await)
    };
    Ok(match changed.await {
        Ok(Ok(())) => back("/account", Notice::Profile),
        Ok(Err(err)) => back("/account", err.code()),
        Err::<_, sqlx::Error>(err) => {
            tracing::error!("profile: {err}");
            back("/account", Notice::Unavailable)
        }
    })
}

/// The deletion form: `confirm` must be ticked.
#[derive(Debug, Deserialize)]
pub struct Delete {
    #[serde(default)]
    confirm: Option<String>,
    /// "Also erase my contributions": the text of their proposals and
    /// comments goes too.
    #[serde(default)]
    erase_contributions: Option<String>,
}

/// `POST /account/delete`: personal data erased at once.
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<Delete>,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    if form.confirm.is_none() {
        return Ok(back("/account", Notice::Confirm));
    }
    match delete_account(
        &state.stores.sql,
        &person.account.id,
        form.erase_contributions.is_some(),
    )
    .await
    {
        Ok(()) => {}
        Err(DeletionError::LastAdministrator) => {
            return Ok(back("/account", Notice::LastAdmin));
        }
        Err(err) => {
            tracing::error!("account deletion: {err}");
            return Ok(back("/account", Notice::Unavailable));
        }
    }
    tracing::info!(account = %person.account.id, "account deleted");
    let mut response = Redirect::to("/account/deleted").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        no_session_cookie(state.config.public_url.is_https()),
    );
    Ok(response)
}

/// `GET /account/data.json`: everything tied to the account, as one file.
pub async fn download(State(state): State<AppState>, caller: Caller) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::ManageOwnAccount)?;
    Ok(
        match crate::auth::personal_data::export(&state.stores.sql, &person.account.id).await {
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
                back("/account", Notice::Unavailable)
            }
        },
    )
}
