//! Sign-in through a real OpenID Connect provider (the certified npm
//! package oidc-provider, started on loopback by the test): the first
//! sign-in creates or links the account by verified email, state and
//! browser binding are checked, an unverified email is refused, and a
//! provider whose issuer does not match is not trusted.

use crate::support;

use std::process::{Child, Command, Stdio};

use reqwest::Method;
use support::{PASSWORD, TestApp, without_markers};

const CLIENT_ID: &str = "plaza";
const CLIENT_SECRET: &str = "a client secret for tests";

/// The provider process, stopped when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_provider() -> Option<Provider> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    start_provider_on(port)
}

fn start_provider_on(port: u16) -> Option<Provider> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end");
    if !root.join("node_modules/oidc-provider").is_dir() {
        assert!(
            std::env::var_os("PLAZA_REQUIRE_OIDC_PROVIDER").is_none(),
            "PLAZA_REQUIRE_OIDC_PROVIDER is set but end2end/node_modules has no oidc-provider (run .ci/setup test)"
        );
        eprintln!("SKIPPED: no oidc-provider in end2end/node_modules (run .ci/setup test)");
        return None;
    }
    let mut child = Command::new("node")
        .arg(root.join("oidc_provider.mjs"))
        .env("OIDC_PORT", port.to_string())
        .env("OIDC_CLIENT_ID", CLIENT_ID)
        .env("OIDC_CLIENT_SECRET", CLIENT_SECRET)
        .env(
            "OIDC_REDIRECT_URI",
            "http://plaza.test/account/oidc/callback",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert!(line.starts_with("ready "), "{line}");
    Some(Provider {
        child,
        issuer: line.trim().trim_start_matches("ready ").to_owned(),
    })
}

async fn app_with(provider: &Provider, issuer: &str) -> TestApp {
    let _ = provider;
    TestApp::spawn_with(&[
        ("PLAZA_OIDC_ISSUER", issuer),
        ("PLAZA_OIDC_CLIENT_ID", CLIENT_ID),
        ("PLAZA_OIDC_CLIENT_SECRET", CLIENT_SECRET),
        ("PLAZA_OIDC_NAME", "City Login"),
    ])
    .await
}

/// What came back to Plaza's callback, and the browser cookie of the start.
struct Returned {
    callback: String,
    browser_cookie: String,
}

/// Starts a sign-in on Plaza and signs in at the provider as `login`,
/// through its login and consent pages; stops at the redirect to Plaza.
async fn sign_in_at_provider(app: &TestApp, login: &str) -> Returned {
    let start = app
        .send(Method::POST, "/account/oidc/start", |r| {
            r.form(&[("next", "/account")])
        })
        .await;
    assert_eq!(start.status(), 303);
    let browser_cookie = start.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert!(browser_cookie.starts_with("plaza_oidc="));
    let mut url = start.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        url.contains("code_challenge_method=S256")
            && url.contains("nonce=")
            && url.contains("state="),
        "{url}"
    );
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for _ in 0..20 {
        if url.starts_with("http://plaza.test/") {
            return Returned {
                callback: url.trim_start_matches("http://plaza.test").to_owned(),
                browser_cookie,
            };
        }
        let response = browser.get(&url).send().await.unwrap();
        let base = response.url().clone();
        if response.status().is_redirection() {
            url = base
                .join(response.headers()["location"].to_str().unwrap())
                .unwrap()
                .to_string();
            continue;
        }
        let page = response.text().await.unwrap();
        let action = page
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("a form on the provider's page: {page}"))
            .to_owned();
        let form: Vec<(&str, &str)> = if page.contains("name=\"login\"") {
            vec![
                ("prompt", "login"),
                ("login", login),
                ("password", "anything"),
            ]
        } else {
            vec![("prompt", "consent")]
        };
        let posted = browser
            .post(base.join(&action).unwrap())
            .form(&form)
            .send()
            .await
            .unwrap();
        assert!(posted.status().is_redirection(), "{}", posted.status());
        url = base
            .join(posted.headers()["location"].to_str().unwrap())
            .unwrap()
            .to_string();
    }
    panic!("the provider never sent the browser back");
}

async fn back_at_plaza(app: &TestApp, returned: &Returned, with_cookie: bool) -> reqwest::Response {
    app.send(Method::GET, &returned.callback, |r| {
        if with_cookie {
            r.header("cookie", &returned.browser_cookie)
        } else {
            r
        }
    })
    .await
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("plaza_session=") && !v.contains("Max-Age=0"))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

#[tokio::test]
async fn the_first_sign_in_creates_the_account_and_the_next_finds_it() {
    let Some(provider) = start_provider() else {
        return;
    };
    let app = app_with(&provider, &provider.issuer).await;
    let (_, page) = app.get("/account/sign-in").await;
    assert!(page.contains("Sign in with City Login"), "{page}");
    let csp = app
        .send(Method::GET, "/account/sign-in", |r| r)
        .await
        .headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains(&format!("form-action 'self' {}", provider.issuer)),
        "{csp}"
    );

    let returned = sign_in_at_provider(&app, "ada").await;
    let response = back_at_plaza(&app, &returned, true).await;
    assert_eq!(response.headers()["location"], "/account");
    let cookie = session_cookie(&response).expect("signed in");
    let account = without_markers(
        &app.send(Method::GET, "/account", |r| r.header("cookie", &cookie))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(account.contains("ada@city.example"), "{account}");
    assert!(account.contains(&provider.issuer), "the provider is listed");

    // The same callback again (a replay) signs nobody in.
    let replay = back_at_plaza(&app, &returned, true).await;
    assert_eq!(
        replay.headers()["location"],
        "/account/sign-in?error=oidc_failed"
    );
    assert!(session_cookie(&replay).is_none());

    // The second sign-in finds the same account.
    let again = back_at_plaza(&app, &sign_in_at_provider(&app, "ada").await, true).await;
    assert!(session_cookie(&again).is_some());
    let sql = app.sql().await;
    let accounts: i64 = // The demo city's own people aside.
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email IS NULL OR email NOT LIKE '%@havenstad.example'")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    assert_eq!(accounts, 1);
}

#[tokio::test]
async fn an_account_with_the_same_email_is_linked_and_an_unproven_password_removed() {
    let Some(provider) = start_provider() else {
        return;
    };
    let app = app_with(&provider, &provider.issuer).await;
    // Someone signed up with linus's address without owning it.
    let sql = app.sql().await;
    let squatter = plaza::auth::accounts::create_account(
        &mut sql.conn().await.unwrap(),
        plaza::auth::accounts::NewAccount {
            email: "linus@city.example",
            password: Some(PASSWORD),
            pseudonym: "squatter",
            email_verified: false,
        },
    )
    .await
    .unwrap();
    let squatter_session = app.sign_in("linus@city.example").await;

    let response = back_at_plaza(&app, &sign_in_at_provider(&app, "linus").await, true).await;
    assert!(session_cookie(&response).is_some());
    let linked: String = sqlx::query_scalar("SELECT account_id FROM oidc_identities")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    assert_eq!(linked, squatter.id.as_str(), "linked by email");
    let password = app
        .send(Method::POST, "/account/sign-in", |r| {
            r.form(&[("email", "linus@city.example"), ("password", PASSWORD)])
        })
        .await;
    assert_eq!(
        password.headers()["location"],
        "/account/sign-in?error=credentials",
        "the password is gone"
    );
    let old = app
        .send(Method::GET, "/account", |r| {
            r.header("cookie", &squatter_session)
        })
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !old.contains("linus@city.example"),
        "the squatter's session ended"
    );
}

#[tokio::test]
async fn an_unverified_email_a_forged_state_and_another_browser_are_refused() {
    let Some(provider) = start_provider() else {
        return;
    };
    let app = app_with(&provider, &provider.issuer).await;
    let unverified = back_at_plaza(&app, &sign_in_at_provider(&app, "grace").await, true).await;
    assert_eq!(
        unverified.headers()["location"],
        "/account/sign-in?error=oidc_unverified"
    );
    assert!(session_cookie(&unverified).is_none());

    let forged = app
        .send(
            Method::GET,
            "/account/oidc/callback?code=stolen&state=forged",
            |r| r,
        )
        .await;
    assert_eq!(
        forged.headers()["location"],
        "/account/sign-in?error=oidc_failed"
    );
    assert!(session_cookie(&forged).is_none());

    // A callback carried to another browser (login CSRF) is refused.
    let returned = sign_in_at_provider(&app, "ada").await;
    let elsewhere = back_at_plaza(&app, &returned, false).await;
    assert_eq!(
        elsewhere.headers()["location"],
        "/account/sign-in?error=oidc_failed"
    );
    assert!(session_cookie(&elsewhere).is_none());

    let sql = app.sql().await;
    let accounts: i64 = // The demo city's own people aside.
    sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE email IS NULL OR email NOT LIKE '%@havenstad.example'")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    assert_eq!(accounts, 0, "nobody was created");
    let (_, told) = app.get("/account/sign-in?error=oidc_unverified").await;
    assert!(
        told.contains("did not confirm your email address"),
        "{told}"
    );
}

#[tokio::test]
async fn a_provider_whose_issuer_does_not_match_is_not_trusted() {
    let Some(provider) = start_provider() else {
        return;
    };
    // The same provider under another name: its discovery document names
    // 127.0.0.1, not localhost.
    let wrong = provider.issuer.replace("127.0.0.1", "localhost");
    let app = app_with(&provider, &wrong).await;
    let start = app
        .send(Method::POST, "/account/oidc/start", |r| {
            r.form(&[("next", "/account")])
        })
        .await;
    assert_eq!(
        start.headers()["location"],
        "/account/sign-in?error=oidc_failed"
    );
}

#[tokio::test]
async fn new_signing_keys_at_the_provider_are_picked_up() {
    let Some(provider) = start_provider() else {
        return;
    };
    let app = app_with(&provider, &provider.issuer).await;
    let first = back_at_plaza(&app, &sign_in_at_provider(&app, "ada").await, true).await;
    assert!(session_cookie(&first).is_some());
    // The provider restarts with a new key; Plaza still holds the old one.
    let port: u16 = provider.issuer.rsplit(':').next().unwrap().parse().unwrap();
    drop(provider);
    let provider = start_provider_on(port).expect("the provider starts again");
    let second = back_at_plaza(&app, &sign_in_at_provider(&app, "ada").await, true).await;
    assert!(
        session_cookie(&second).is_some(),
        "{:?}",
        second.headers().get("location")
    );
    drop(provider);
}
