//! The publishers' pages: signing in with an API token (a session cookie),
//! uploading a file on the import page and reading its report, signing out;
//! cross-site form posts are refused.

mod support;

use reqwest::Method;
use reqwest::multipart::{Form, Part};
use support::{TestApp, without_markers};

/// Signs in with `token` and returns the session cookie ("name=value").
async fn sign_in(app: &TestApp, token: &str) -> String {
    let response = app
        .send(Method::POST, "/publish/sign-in", |r| {
            r.form(&[("token", token)])
        })
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/publish");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(cookie.starts_with("plaza_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    cookie.split(';').next().expect("name=value").to_owned()
}

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let response = app
        .send(Method::GET, path, |r| match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        })
        .await;
    let status = response.status().as_u16();
    (
        status,
        without_markers(&response.text().await.expect("body")),
    )
}

async fn upload(app: &TestApp, cookie: &str, name: &str, body: &str, mode: &str) -> String {
    let form = Form::new()
        .part(
            "file",
            Part::bytes(body.as_bytes().to_vec()).file_name(name.to_owned()),
        )
        .text("mode", mode.to_owned());
    let response = app
        .send(Method::POST, "/publish/import", |r| {
            r.header("cookie", cookie).multipart(form)
        })
        .await;
    assert_eq!(response.status(), 303);
    response.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned()
}

#[tokio::test]
async fn a_publisher_signs_in_with_a_token_and_a_wrong_token_is_told_so() {
    let app = TestApp::spawn().await;
    let (_, signed_out) = page(&app, "/publish", None).await;
    assert!(signed_out.contains("action=\"/publish/sign-in\""));
    assert!(signed_out.contains("type=\"password\""));

    let wrong = app
        .send(Method::POST, "/publish/sign-in", |r| {
            r.form(&[("token", "plaza_nope")])
        })
        .await;
    assert_eq!(wrong.status(), 303);
    assert_eq!(wrong.headers()["location"], "/publish?error=token");
    assert!(wrong.headers().get("set-cookie").is_none());
    let (_, told) = page(&app, "/publish?error=token", None).await;
    assert!(told.contains("This token is not valid or has been revoked"));

    let token = app.create_token("Parks department").await;
    let cookie = sign_in(&app, &token).await;
    let (_, signed_in) = page(&app, "/publish", Some(&cookie)).await;
    assert!(
        signed_in.contains("Signed in with the token “Parks department”."),
        "{signed_in}"
    );

    // Signing out ends the session on the server, not only in the browser.
    let out = app
        .send(Method::POST, "/publish/sign-out", |r| {
            r.header("cookie", &cookie)
        })
        .await;
    assert_eq!(out.status(), 303);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let (_, after) = page(&app, "/publish", Some(&cookie)).await;
    assert!(
        after.contains("action=\"/publish/sign-in\""),
        "the old cookie no longer signs in"
    );
}

#[tokio::test]
async fn a_cross_site_form_post_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = app.create_token("victim").await;
    for (header, value) in [
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "cross-site"),
        ("origin", "null"),
    ] {
        let response = app
            .send(Method::POST, "/publish/sign-in", |r| {
                r.header(header, value).form(&[("token", token.as_str())])
            })
            .await;
        assert_eq!(response.status(), 403, "{header}: {value}");
        assert!(response.headers().get("set-cookie").is_none());
    }
    // The same form from Plaza's own origin works.
    let response = app
        .send(Method::POST, "/publish/sign-in", |r| {
            r.header("origin", "http://plaza.test")
                .header("sec-fetch-site", "same-origin")
                .form(&[("token", token.as_str())])
        })
        .await;
    assert_eq!(response.status(), 303);
}

#[tokio::test]
async fn an_uploaded_file_is_imported_and_its_report_groups_results_by_record_and_property() {
    let app = TestApp::spawn().await;
    let token = app.create_token("uploader").await;
    let cookie = sign_in(&app, &token).await;
    let file = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
        <http://plaza.test/datasets/benches> a dcat:Dataset ; dct:title \"Benches\"@en .\n\
        <http://plaza.test/datasets/fountains> a dcat:Dataset ; dct:title \"Fountains\"@en ; dct:description \"Drinking water.\"@en .";

    // Strict: refused, nothing stored, the report says why.
    let location = upload(&app, &cookie, "parks.ttl", file, "strict").await;
    assert!(location.starts_with("/publish/imports/"), "{location}");
    let (status, report) = page(&app, &location, Some(&cookie)).await;
    assert_eq!(status, 200);
    assert!(
        report.contains("Nothing was stored: 1 records have violations"),
        "{report}"
    );
    assert!(
        report.contains("<h4>Description</h4>"),
        "grouped by property: {report}"
    );
    assert!(report.contains("dct:description is missing"));
    assert_eq!(app.get("/datasets/benches").await.0, 404);

    // Lenient: stored, each record links to its page.
    let stored = upload(&app, &cookie, "parks.ttl", file, "lenient").await;
    let (_, report) = page(&app, &stored, Some(&cookie)).await;
    assert!(
        report.contains("Stored: 2 created, 0 updated, 0 unchanged."),
        "{report}"
    );
    assert!(report.contains("href=\"http://plaza.test/datasets/benches\""));
    assert_eq!(app.get("/datasets/benches").await.0, 200);

    // A file that is not RDF: the line and column, nothing stored.
    let location = upload(&app, &cookie, "broken.ttl", "<a> <b> .", "strict").await;
    let (_, report) = page(&app, &location, Some(&cookie)).await;
    assert!(report.contains("The file is not valid RDF"), "{report}");
    assert!(report.contains("line 1"), "{report}");

    // A name Plaza cannot read the syntax from.
    let location = upload(&app, &cookie, "parks.docx", file, "strict").await;
    assert_eq!(location, "/publish/import?error=format");

    // Reports are private to the session that made them.
    let other = sign_in(&app, &app.create_token("someone else").await).await;
    assert_eq!(page(&app, &stored, Some(&other)).await.0, 404);
    assert_eq!(page(&app, &stored, None).await.0, 404);
    assert_eq!(page(&app, &stored, Some(&cookie)).await.0, 200);
}

#[tokio::test]
async fn uploading_without_signing_in_sends_to_the_sign_in_page() {
    let app = TestApp::spawn().await;
    let form = Form::new().part(
        "file",
        Part::bytes(b"<a> <b> <c> .".to_vec()).file_name("x.nt"),
    );
    let response = app
        .send(Method::POST, "/publish/import", |r| r.multipart(form))
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/publish?error=signin");
    let (_, import_page) = page(&app, "/publish/import", None).await;
    assert!(import_page.contains("Sign in as a publisher"));
}
