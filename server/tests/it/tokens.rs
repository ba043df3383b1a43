//! API tokens of an organisation: made on the tokens page (shown once),
//! used by /api/import for that organisation's records only, revoked on the
//! page; the write API's rate limit; and the cookie and headers behind
//! https.

use crate::support;

use reqwest::Method;
use support::{TestApp, without_markers};

fn turtle(agent: &str, slug: &str) -> String {
    format!(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
         <{agent}> a foaf:Agent ; foaf:name \"Publisher\"@en .\n\
         <http://plaza.test/datasets/{slug}> a dcat:Dataset ; dct:title \"{slug}\"@en ; dct:description \"A test.\"@en ; dct:publisher <{agent}> ."
    )
}

async fn tokens_page(app: &TestApp, cookie: &str, query: &str) -> String {
    let response = app
        .send(Method::GET, &format!("/publish/tokens{query}"), |r| {
            r.header("cookie", cookie)
        })
        .await;
    assert_eq!(response.status(), 200);
    without_markers(&response.text().await.unwrap())
}

#[tokio::test]
async fn a_token_made_on_the_page_is_shown_once_writes_its_organisation_only_and_can_be_revoked() {
    let app = TestApp::spawn().await;
    let harbour = app.make_organisation("harbour").await;
    let havenstad = format!(
        "{}organisations/havenstad",
        app.config.public_url.base_iri()
    );
    let cookie = app.publisher().await;

    let created = app
        .send(Method::POST, "/publish/tokens", |r| {
            r.header("cookie", &cookie)
                .form(&[("organisation", "havenstad"), ("name", "nightly harvest")])
        })
        .await;
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("/publish/tokens?created="),
        "{location}"
    );
    let page = tokens_page(
        &app,
        &cookie,
        location.trim_start_matches("/publish/tokens"),
    )
    .await;
    let token = page
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the secret is shown")
        .to_owned();
    assert!(token.starts_with("plaza_"), "{token}");
    assert!(page.contains("nightly harvest") && page.contains("Never"));
    // Shown once: not on the next visit, nor to another session.
    let again = tokens_page(
        &app,
        &cookie,
        location.trim_start_matches("/publish/tokens"),
    )
    .await;
    assert!(!again.contains(&token));
    // Not for another organisation.
    let other = app
        .send(Method::POST, "/publish/tokens", |r| {
            r.header("cookie", &cookie)
                .form(&[("organisation", "harbour"), ("name", "sneaky")])
        })
        .await;
    assert_eq!(other.status(), 403);

    // The token writes its organisation's records, and only those.
    let ours = app
        .post_rdf(
            "/api/import",
            "text/turtle",
            Some(&token),
            turtle(&havenstad, "ours"),
        )
        .await;
    assert_eq!(ours.status(), 200, "{}", ours.text().await.unwrap());
    let theirs = app
        .post_rdf(
            "/api/import",
            "text/turtle",
            Some(&token),
            turtle(&harbour, "theirs"),
        )
        .await;
    assert_eq!(theirs.status(), 403);
    let body: serde_json::Value = theirs.json().await.unwrap();
    assert_eq!(body["error"], "not_your_records");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("you may write records of havenstad"),
        "{body}"
    );
    assert_eq!(app.get("/datasets/theirs").await.0, 404);
    // Nor can it take over another organisation's record by naming itself.
    let site = app.create_token("operator").await;
    app.post_rdf(
        "/api/import",
        "text/turtle",
        Some(&site),
        turtle(&harbour, "harbour-record"),
    )
    .await;
    let takeover = app
        .post_rdf(
            "/api/import",
            "text/turtle",
            Some(&token),
            turtle(&havenstad, "harbour-record"),
        )
        .await;
    assert_eq!(takeover.status(), 403);
    let (_, record) = app
        .get_rdf("http://plaza.test/datasets/harbour-record")
        .await;
    assert!(
        record.contains("organisations/harbour"),
        "unchanged: {record}"
    );

    // Last use is shown; revoking stops it at once.
    let page = tokens_page(&app, &cookie, "").await;
    assert!(!page.contains("Never"), "the last use is recorded");
    let hash = page
        .split("name=\"token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let revoked = app
        .send(Method::POST, "/publish/tokens/revoke", |r| {
            r.header("cookie", &cookie)
                .form(&[("token", hash.as_str())])
        })
        .await;
    assert_eq!(
        revoked.headers()["location"],
        "/publish/tokens?done=token_revoked"
    );
    let refused = app
        .post_rdf(
            "/api/import",
            "text/turtle",
            Some(&token),
            turtle(&havenstad, "after"),
        )
        .await;
    assert_eq!(refused.status(), 401);
    assert!(tokens_page(&app, &cookie, "").await.contains("Revoked on"));
    // Both are in the audit log, with who did them.
    app.make_account("admin@example.org", "admin", &[]).await;
    let admin = app.sign_in("admin@example.org").await;
    let audit = without_markers(
        &app.send(Method::GET, "/admin/audit", |r| r.header("cookie", &admin))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        audit.contains("token.create") && audit.contains("token.revoke"),
        "{audit}"
    );
    assert!(audit.contains("<td>publisher</td>"), "{audit}");
}

#[tokio::test]
async fn the_write_api_answers_429_in_json_with_retry_after() {
    let app = TestApp::spawn_with(&[("PLAZA_WRITE_API_RATE_PER_MINUTE", "2")]).await;
    let mut statuses = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let response = app
            .post_rdf("/api/import", "text/turtle", Some("plaza_wrong"), "")
            .await;
        statuses.push(response.status().as_u16());
        last = Some(response);
    }
    assert_eq!(statuses, [401, 401, 429]);
    let last = last.unwrap();
    assert!(last.headers().contains_key("retry-after"));
    let body: serde_json::Value = last.json().await.unwrap();
    assert_eq!(body["error"], "rate_limited");
    assert!(body["message"].as_str().unwrap().contains("Wait"));
}

#[tokio::test]
async fn behind_https_the_cookie_is_host_prefixed_and_secure_and_hsts_is_sent() {
    let app = TestApp::spawn_with(&[("PLAZA_PUBLIC_URL", "https://plaza.test")]).await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let response = app
        .send(Method::POST, "/account/sign-in", |r| {
            r.form(&[
                ("email", "citizen@example.org"),
                ("password", support::PASSWORD),
            ])
        })
        .await;
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-plaza_session="), "{cookie}");
    for part in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{part} in {cookie}");
    }
    assert!(!cookie.contains("Domain="));
    let page = app.send(Method::GET, "/account/sign-in", |r| r).await;
    assert!(
        page.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self' 'nonce-") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
}
