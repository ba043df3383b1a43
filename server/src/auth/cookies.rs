//! Plaza's cookies: `__Host-` names and `Secure` behind https, always
//! HttpOnly and SameSite=Lax for the whole site.

use axum::http::{HeaderMap, HeaderValue, header};

use crate::auth::SESSION_SECONDS;

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

/// The `Set-Cookie` value that removes the session cookie.
pub fn no_session_cookie(https: bool) -> HeaderValue {
    session_cookie("", 0, https)
}
