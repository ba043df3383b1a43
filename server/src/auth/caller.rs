//! Who is calling, as axum extractors: [`Caller`] from the session cookie
//! (anonymous, or a person with a role and the organisations they publish
//! for) and [`BearerCaller`] from an API token (with its organisation).
//! Both give the same [`Caller`] type, whose write scope is built by one
//! function, and what a caller may do is decided in `permission.rs`.

use app::account::Notice;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use crate::auth::cookies::session_id;
use crate::auth::organisations::{organisation, organisations_of};
use crate::auth::{Account, ApiToken, Organisation, Role, WriteScope, accounts, sha256_hex};
use crate::store::SqlStore;

/// What the extractors need of the application state.
#[derive(Clone)]
pub struct AuthState {
    /// Sessions, accounts, organisations and tokens live here.
    pub sql: SqlStore,
    /// Whether Plaza is served over https (which cookie names are in use).
    pub https: bool,
}

/// A person signed in.
#[derive(Debug, Clone)]
pub struct Person {
    /// Their account.
    pub account: Account,
    /// The organisations they publish for.
    pub organisations: Vec<Organisation>,
    /// The hash of the session id (for one-time reveals).
    pub session_hash: String,
}

/// A script with an API token.
#[derive(Debug, Clone)]
pub struct TokenHolder {
    /// The token (never its secret).
    pub token: ApiToken,
    /// The organisation it writes for (none for site-wide tokens and for
    /// tokens made before organisations existed).
    pub organisations: Vec<Organisation>,
}

/// Who is calling.
#[derive(Debug, Clone)]
pub enum Caller {
    /// Nobody signed in.
    Anonymous,
    /// A person, by their session.
    Person(Person),
    /// A script, by its API token.
    Token(TokenHolder),
}

impl Caller {
    /// The person, when a person is calling.
    pub fn person(&self) -> Option<&Person> {
        match self {
            Caller::Person(person) => Some(person),
            _ => None,
        }
    }

    /// The site role (anonymous callers and tokens have none).
    pub fn role(&self) -> Option<Role> {
        self.person().map(|p| p.account.role)
    }

    /// The organisations the caller publishes for.
    pub fn organisations(&self) -> &[Organisation] {
        match self {
            Caller::Anonymous => &[],
            Caller::Person(person) => &person.organisations,
            Caller::Token(holder) => &holder.organisations,
        }
    }

    /// Whether the caller writes any record: an administrator, or the
    /// operator's `--all-organisations` token.
    pub fn writes_everything(&self) -> bool {
        match self {
            Caller::Anonymous => false,
            Caller::Person(person) => person.account.role == Role::Admin,
            Caller::Token(holder) => holder.token.site_wide,
        }
    }

    /// The records the caller may write, the same way for sessions and
    /// tokens: everything, or their organisations' records.
    pub fn write_scope(&self) -> WriteScope {
        if self.writes_everything() {
            WriteScope::Any
        } else {
            WriteScope::organisations(self.organisations())
        }
    }
}

/// Who the request's session cookie belongs to: anonymous when there is no
/// cookie, it is unknown, expired or tampered with, or its account is gone.
pub async fn caller_of_session(
    sql: &SqlStore,
    headers: &HeaderMap,
    https: bool,
) -> Result<Caller, sqlx::Error> {
    let Some(id) = session_id(headers, https) else {
        return Ok(Caller::Anonymous);
    };
    let db = &mut *sql.conn().await?;
    let Some(account_id) = crate::auth::sessions::session_account(db, &id).await? else {
        return Ok(Caller::Anonymous);
    };
    let Some(account) = accounts::account(db, &account_id).await? else {
        return Ok(Caller::Anonymous);
    };
    if account.deleted {
        return Ok(Caller::Anonymous);
    }
    let organisations = organisations_of(db, &account.id).await?;
    Ok(Caller::Person(Person {
        account,
        organisations,
        session_hash: sha256_hex(&id),
    }))
}

/// The caller of a request with `Authorization: Bearer <token>`.
pub async fn caller_of_token(
    sql: &SqlStore,
    headers: &HeaderMap,
) -> Result<Caller, BearerRejection> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let secret = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(BearerRejection::Missing)?;
    let db = &mut *sql.conn().await.map_err(BearerRejection::unavailable)?;
    let token = crate::auth::verify_token(db, secret)
        .await
        .map_err(BearerRejection::unavailable)?
        .ok_or(BearerRejection::Invalid)?;
    let organisations = match &token.organisation {
        Some(id) => organisation(db, id)
            .await
            .map_err(BearerRejection::unavailable)?
            .into_iter()
            .collect(),
        None => Vec::new(),
    };
    Ok(Caller::Token(TokenHolder {
        token,
        organisations,
    }))
}

/// The session could not be looked up (the database failed).
#[derive(Debug)]
pub struct CallerUnavailable {
    path: String,
}

impl IntoResponse for CallerUnavailable {
    fn into_response(self) -> Response {
        // Back to the page of the form, which says to try again later.
        let page = if self.path.starts_with("/publish") {
            "/publish"
        } else {
            "/account/sign-in"
        };
        Redirect::to(&format!("{page}?error={}", Notice::Unavailable.code())).into_response()
    }
}

impl<S> FromRequestParts<S> for Caller
where
    S: Send + Sync,
    AuthState: FromRef<S>,
{
    type Rejection = CallerUnavailable;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let auth = AuthState::from_ref(state);
        caller_of_session(&auth.sql, &parts.headers, auth.https)
            .await
            .map_err(|err| {
                tracing::error!("session lookup: {err}");
                CallerUnavailable {
                    path: parts.uri.path().to_owned(),
                }
            })
    }
}

/// The caller of an API request, by its bearer token.
#[derive(Debug, Clone)]
pub struct BearerCaller(pub Caller);

/// Why a request has no valid API token.
#[derive(Debug, thiserror::Error)]
pub enum BearerRejection {
    /// No `Authorization: Bearer` header.
    #[error("no bearer token")]
    Missing,
    /// Unknown or revoked.
    #[error("the token is not valid or revoked")]
    Invalid,
    /// The database failed.
    #[error("token lookup failed: {0}")]
    Unavailable(String),
}

impl BearerRejection {
    fn unavailable(err: impl std::fmt::Display) -> Self {
        BearerRejection::Unavailable(err.to_string())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for BearerCaller
where
    AuthState: FromRef<S>,
{
    type Rejection = BearerRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let sql = AuthState::from_ref(state).sql;
        Ok(BearerCaller(caller_of_token(&sql, &parts.headers).await?))
    }
}
