//! Form posts and pages as a browser sees them: a post with an optional
//! session cookie, the redirect's location, the new session cookie.

use reqwest::Method;

use crate::support::{TestApp, without_markers};

/// POSTs `form` to `path`, signed in with `cookie` when given.
pub async fn post(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.send(Method::POST, path, |r| {
        let r = r.form(form);
        match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        }
    })
    .await
}

/// The redirect's target.
pub fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The session cookie a response sets ("name=value"), checked to be
/// HttpOnly and SameSite=Lax.
pub fn cookie_of(response: &reqwest::Response) -> String {
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_owned()
}

/// GETs `path` (signed in with `cookie` when given): status and body.
pub async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let response = app
        .send(Method::GET, path, |r| match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        })
        .await;
    let status = response.status().as_u16();
    (status, without_markers(&response.text().await.unwrap()))
}
