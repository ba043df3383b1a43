//! The session cookie, and who a request is signed in as: the account, its
//! site role and the organisations it publishes for. Every handler and
//! service that needs a person asks here, so authorization has one source.

use axum::http::{HeaderMap, HeaderValue, header};

use crate::auth::organisations::organisations_of;
use crate::auth::{Account, Organisation, Role, SESSION_SECONDS, session};
use crate::catalog::WriteScope;
use crate::store::SqlStore;

/// A cookie's name: `__Host-{base}` (Secure, whole site, no domain) when
/// Plaza is served over https, `{base}` otherwise.
pub fn cookie_name(base: &str, https: bool) -> String {
    if https {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// The value of the cookie `base` (see [`cookie_name`]) in the request.
pub fn cookie_value(headers: &HeaderMap, base: &str, https: bool) -> Option<String> {
    let name = cookie_name(base, https);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The `Set-Cookie` value that stores `value` in the cookie `base` for
/// `max_age` seconds (empty and 0 to remove it): HttpOnly, SameSite=Lax,
/// the whole site, Secure behind https.
pub fn cookie_header(base: &str, value: &str, max_age: i64, https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(base, https)
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

const SESSION_COOKIE: &str = "plaza_session";

/// The session id in the request's cookies.
pub fn session_id(headers: &HeaderMap, https: bool) -> Option<String> {
    cookie_value(headers, SESSION_COOKIE, https)
}

/// The `Set-Cookie` value that stores session `id` (empty and `max_age` 0
/// to remove it).
pub fn session_cookie(id: &str, max_age: i64, https: bool) -> HeaderValue {
    cookie_header(SESSION_COOKIE, id, max_age, https)
}

/// The cookie of a new session.
pub fn new_session_cookie(id: &str, https: bool) -> HeaderValue {
    session_cookie(id, SESSION_SECONDS, https)
}

/// A person signed in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Their account.
    pub account: Account,
    /// The organisations they publish for.
    pub organisations: Vec<Organisation>,
    /// The hash of the session id (for one-time reveals).
    pub session_hash: String,
}

impl SignedIn {
    /// Whether they manage organisations, memberships and roles.
    pub fn is_admin(&self) -> bool {
        self.account.role == Role::Admin
    }

    /// Whether they moderate contributions (administrators do too).
    pub fn is_moderator(&self) -> bool {
        self.account.role >= Role::Moderator
    }

    /// Whether they may use the publishers' pages.
    pub fn is_publisher(&self) -> bool {
        self.is_admin() || !self.organisations.is_empty()
    }

    /// The records they may write.
    pub fn scope(&self) -> WriteScope {
        if self.is_admin() {
            return WriteScope::Any;
        }
        WriteScope::Publishers(
            self.organisations
                .iter()
                .filter_map(|o| {
                    oxigraph::model::NamedNode::new(&o.agent_iri)
                        .ok()
                        .map(|agent| (o.id.clone(), agent))
                })
                .collect(),
        )
    }

    /// Whether they publish for (or administer) `organisation`.
    pub fn speaks_for(&self, organisation: &str) -> bool {
        self.is_admin() || self.organisations.iter().any(|o| o.id == organisation)
    }
}

/// Who the request's session cookie belongs to; `None` when there is no
/// cookie, it is unknown, expired or tampered with, or its account is gone.
pub async fn signed_in(
    sql: &SqlStore,
    headers: &HeaderMap,
    https: bool,
) -> Result<Option<SignedIn>, sqlx::Error> {
    let Some(id) = session_id(headers, https) else {
        return Ok(None);
    };
    let Some(found) = session(sql, &id).await? else {
        return Ok(None);
    };
    if found.kind != "account" {
        return Ok(None);
    }
    let Some(account) = crate::auth::accounts::account(sql, &found.subject).await? else {
        return Ok(None);
    };
    if account.deleted {
        return Ok(None);
    }
    let organisations = organisations_of(sql, &account.id).await?;
    Ok(Some(SignedIn {
        account,
        organisations,
        session_hash: crate::auth::sha256_hex(&id),
    }))
}
