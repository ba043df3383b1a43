//! The publishers' import page: uploading a file and reading its report,
//! which is private to the person who made it.

use crate::support;

use reqwest::Method;
use reqwest::multipart::{Form, Part};
use support::{TestApp, without_markers};

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
async fn an_uploaded_file_is_imported_and_its_report_groups_results_by_record_and_property() {
    let app = TestApp::spawn().await;
    // An administrator: the file's records name no publisher.
    app.make_account("uploader@example.org", "admin", &[]).await;
    let cookie = app.sign_in("uploader@example.org").await;
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
    app.make_account("someone@example.org", "admin", &[]).await;
    let other = app.sign_in("someone@example.org").await;
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
    assert_eq!(
        response.headers()["location"],
        "/account/sign-in?error=signin&next=/publish"
    );
    let (_, import_page) = page(&app, "/publish/import", None).await;
    assert!(import_page.contains("Sign in as a publisher"));
}
