//! `POST /lang`: the language switch without JavaScript. Sets the language
//! cookie that the app reads and sends the reader back where they were.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::routes::Routes;
use crate::state::AppState;

/// The language switch.
pub fn routes() -> Routes {
    Routes::new().post("/lang", switch)
}

/// The cookie the app's i18n context reads (leptos_i18n's default name).
pub const LANG_COOKIE: &str = "i18n_pref_locale";

/// The switch form's fields.
#[derive(Debug, Deserialize)]
pub struct LangForm {
    /// Locale code, e.g. `fr`.
    locale: String,
    /// Where to go back to: a path on this site.
    next: Option<String>,
}

/// Sets the language cookie and redirects (303) to `next`.
pub async fn switch(State(state): State<AppState>, Form(form): Form<LangForm>) -> Response {
    let Some(locale) = app::locale::parse(&form.locale) else {
        let known: Vec<&str> = app::locale::all()
            .iter()
            .map(|l| app::locale::code(*l))
            .collect();
        let message = format!(
            "Unknown language {:?} in field `locale`; choose one of: {}.",
            form.locale,
            known.join(", ")
        );
        return (StatusCode::BAD_REQUEST, message).into_response();
    };
    let secure = if state.config.public_url.is_https() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        app::locale::code(locale)
    );
    let mut response = Redirect::to(&local_path(form.next.as_deref())).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The reader's language, as the pages choose it: the language cookie,
/// else the first language of `Accept-Language` the interface speaks, else
/// the default.
pub fn locale_of(headers: &axum::http::HeaderMap) -> app::i18n::Locale {
    let from_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANG_COOKIE)
        .and_then(|(_, code)| app::locale::parse(code));
    let from_accept = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .into_iter()
            .flat_map(|v| v.split(','))
            .filter_map(|range| range.split(';').next())
            .filter_map(|tag| tag.trim().split('-').next())
            .find_map(app::locale::parse)
    };
    from_cookie.or_else(from_accept).unwrap_or_default()
}

/// Keeps `next` only when it is a path on this site, so the switch cannot
/// be used to send people to another site.
fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/catalog?page=2")), "/catalog?page=2");
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(Some("/a\r\nSet-Cookie: x=y")), "/");
        assert_eq!(local_path(None), "/");
    }
}
