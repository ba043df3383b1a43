//! `/api/validate` and `/api/import` through HTTP, on a real server.

use crate::support;

use reqwest::StatusCode;
use serde_json::Value;
use support::{TestApp, header, test_data};

const TURTLE: &str = "text/turtle";
const TREES: &str = "https://data.example.org/datasets/trees";

async fn json(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    (status, response.json().await.expect("a JSON body"))
}

async fn spawn_empty() -> TestApp {
    TestApp::spawn_with(&[("PLAZA_DEMO", "false")]).await
}

#[tokio::test]
async fn a_conforming_dataset_validates_with_a_json_report() {
    let app = spawn_empty().await;
    let (status, report) = json(
        app.post_rdf(
            "/api/validate",
            TURTLE,
            None,
            test_data("conformant-dataset.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["conforms"], true, "{report}");
    assert_eq!(report["results"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn each_result_names_node_path_severity_message_and_shape() {
    let app = spawn_empty().await;
    let (status, report) = json(
        app.post_rdf(
            "/api/validate",
            TURTLE,
            None,
            test_data("example-ms_dataset.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["conforms"], false);
    let first = &report["results"][0];
    for field in ["focus_node", "path", "severity", "message", "shape"] {
        assert!(!first[field].is_null(), "{field} missing in {first}");
    }
    assert!(
        !first["message"]
            .as_str()
            .unwrap()
            .contains("semiceu.github.io"),
        "messages are plain language, not shape IRIs: {first}"
    );
}

#[tokio::test]
async fn the_report_comes_as_turtle_or_html_by_accept_and_406_otherwise() {
    let app = spawn_empty().await;
    let body = test_data("example-ms_dataset.ttl");
    let ask = |accept: &'static str| {
        let body = body.clone();
        let app = &app;
        async move {
            app.send(reqwest::Method::POST, "/api/validate", |r| {
                r.header("Content-Type", TURTLE)
                    .header("Accept", accept)
                    .body(body)
            })
            .await
        }
    };
    let turtle = ask("text/turtle").await;
    assert_eq!(turtle.status(), StatusCode::OK);
    assert!(header(&turtle, "content-type").starts_with("text/turtle"));
    let text = turtle.text().await.unwrap();
    assert!(text.contains("sh:ValidationReport"), "{text}");
    let html = ask("text/html").await;
    assert!(header(&html, "content-type").starts_with("text/html"));
    assert!(html.text().await.unwrap().contains("does not conform"));
    assert_eq!(ask("image/png").await.status(), StatusCode::NOT_ACCEPTABLE);
}

#[tokio::test]
async fn a_data_service_gets_a_verdict_despite_the_shapes_defect() {
    let app = spawn_empty().await;
    let (status, report) = json(
        app.post_rdf(
            "/api/validate",
            TURTLE,
            None,
            test_data("example-data_service_openapi_sla.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert!(report["conforms"].is_boolean());
    let shapes: Vec<&str> = report["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        shapes.contains(&"DCAT-AP HVD 3.0.0"),
        "HVD shapes apply to HVD records: {shapes:?}"
    );
}

#[tokio::test]
async fn json_ld_with_a_remote_context_is_read_from_the_local_copy() {
    let app = spawn_empty().await;
    let response = app
        .post_rdf(
            "/api/validate",
            "application/ld+json",
            None,
            test_data("example-bee-population.jsonld"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn malformed_rdf_is_a_400_with_line_and_column() {
    let app = spawn_empty().await;
    let (status, error) = json(
        app.post_rdf(
            "/api/validate",
            TURTLE,
            None,
            test_data("example-bees_wasps_dataset.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid_rdf");
    assert_eq!(error["line"], 2, "{error}");
    assert!(error["column"].as_u64().is_some());
    assert!(error["message"].as_str().unwrap().contains("line 2"));
}

#[tokio::test]
async fn an_unsupported_media_type_is_a_415_naming_the_accepted_ones() {
    let app = spawn_empty().await;
    let (status, error) = json(
        app.post_rdf("/api/validate", "text/csv", None, "a,b\n1,2")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(error["message"].as_str().unwrap().contains("text/turtle"));
}

#[tokio::test]
async fn an_oversized_body_is_a_413() {
    let app =
        TestApp::spawn_with(&[("PLAZA_DEMO", "false"), ("PLAZA_MAX_BODY_BYTES", "1000")]).await;
    let token = app.create_token("big").await;
    let body = test_data("dataset.rdf");
    assert!(body.len() > 1000);
    let response = app
        .post_rdf("/api/import", "application/rdf+xml", Some(&token), body)
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn import_needs_a_valid_token() {
    let app = spawn_empty().await;
    let body = test_data("conformant-dataset.ttl");
    let missing = app
        .post_rdf("/api/import", TURTLE, None, body.clone())
        .await;
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    assert!(header(&missing, "www-authenticate").starts_with("Bearer"));
    let wrong = app
        .post_rdf("/api/import", TURTLE, Some("plaza_nope"), body)
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.get("/datasets/trees").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_strict_import_refuses_the_whole_body_when_a_record_violates() {
    let app = spawn_empty().await;
    let token = app.create_token("strict").await;
    let mut body = test_data("conformant-dataset.ttl");
    // A second dataset without a description: a violation.
    body.extend_from_slice(
        b"\n<https://data.example.org/datasets/bad> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> \"Bad\" .\n",
    );
    let (status, error) = json(
        app.post_rdf("/api/import", TURTLE, Some(&token), body)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["summary"]["stored"], false);
    let records = error["summary"]["records"].as_array().unwrap();
    assert!(
        records.iter().all(|r| r["outcome"] == "refused"),
        "{records:?}"
    );
    // The conforming record was not stored either: all or nothing.
    let (status, _) = app.get_rdf(TREES).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_lenient_import_stores_records_with_their_violations() {
    let app = spawn_empty().await;
    let token = app.create_token("lenient").await;
    let (status, summary) = json(
        app.post_rdf(
            "/api/import?mode=lenient",
            TURTLE,
            Some(&token),
            test_data("example-ms_dataset.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["created"], 1);
    assert_eq!(summary["records_with_violations"], 1);
    let record = &summary["records"][0];
    assert!(!record["results"].as_array().unwrap().is_empty());
    let (status, turtle) = app.get_rdf(record["iri"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(turtle.contains("dcat:CatalogRecord"), "{turtle}");
}

#[tokio::test]
async fn re_importing_the_same_file_changes_nothing() {
    let app = spawn_empty().await;
    let token = app.create_token("again").await;
    let body = test_data("conformant-dataset.ttl");
    let (_, first) = json(
        app.post_rdf("/api/import", TURTLE, Some(&token), body.clone())
            .await,
    )
    .await;
    assert_eq!(first["created"], 1, "{first}");
    let (_, before) = app.get_rdf(TREES).await;
    let (status, second) = json(
        app.post_rdf("/api/import", TURTLE, Some(&token), body)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (second["created"].clone(), second["unchanged"].clone()),
        (0.into(), 1.into()),
        "{second}"
    );
    assert_eq!(second["stored"], false);
    let (_, after) = app.get_rdf(TREES).await;
    assert_eq!(before, after, "the stored record is byte-for-byte the same");
}

#[tokio::test]
async fn an_update_keeps_the_previous_version() {
    let app = spawn_empty().await;
    let token = app.create_token("versions").await;
    let body = test_data("conformant-dataset.ttl");
    app.post_rdf("/api/import", TURTLE, Some(&token), body.clone())
        .await;
    let changed = String::from_utf8(body)
        .unwrap()
        .replace("Street trees", "Street trees 2026");
    let (_, summary) = json(
        app.post_rdf("/api/import", TURTLE, Some(&token), changed)
            .await,
    )
    .await;
    assert_eq!(summary["updated"], 1, "{summary}");
    assert_eq!(summary["records"][0]["version"], 2);
    let (_, current) = app.get_rdf(TREES).await;
    assert!(current.contains("Street trees 2026"));
    let (status, first) = app.get_rdf(&format!("{TREES}?version=1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        first.contains("\"Street trees\"@en") && !first.contains("2026\"@en"),
        "{first}"
    );
    let (status, history) = app.get(&format!("/api/records/history?iri={TREES}")).await;
    assert_eq!(status, StatusCode::OK);
    let history: Value = serde_json::from_str(&history).unwrap();
    assert_eq!(history["current_version"], 2);
    assert_eq!(history["versions"].as_array().unwrap().len(), 2);
    let (status, _) = app.get_rdf(&format!("{TREES}?version=3")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_import_parameters_and_bodies_get_clear_errors() {
    let app = spawn_empty().await;
    let token = app.create_token("errors").await;
    let body = test_data("conformant-dataset.ttl");
    let (status, error) = json(
        app.post_rdf("/api/import?mode=sloppy", TURTLE, Some(&token), body)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["parameter"], "mode");
    let (status, error) = json(
        app.post_rdf(
            "/api/import",
            TURTLE,
            Some(&token),
            test_data("example-ms_catalogue_simple.ttl"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"], "no_records");
    let (status, _) = json(
        app.post_rdf("/api/import", TURTLE, Some(&token), "  ")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn importing_a_record_as_plaza_exported_it_makes_a_new_version_not_a_stale_one() {
    let app = TestApp::spawn().await;
    let token = app.create_token("round trip").await;
    let (_, exported) = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts")
        .await;
    assert!(exported.contains("dcat:version \"1\""));
    let changed = exported.replace("Bicycle counts\"@en", "Bicycle counters\"@en");
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            changed.clone(),
        )
        .await;
    assert_eq!(response.status(), 200);
    let (_, again) = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts")
        .await;
    assert!(
        again.contains("dcat:version \"2\"") && !again.contains("dcat:version \"1\""),
        "{again}"
    );
    let second = again.replace("Bicycle counters\"@en", "Bicycle counts\"@en");
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            second,
        )
        .await;
    assert_eq!(response.status(), 200);
    let (_, third) = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts")
        .await;
    assert!(third.contains("dcat:version \"3\""), "{third}");
}
