//! What comes out of a consultation, through the real application: the
//! results dataset the demo's closed consultation publishes in the catalog
//! (valid DCAT-AP 3.0.1, in search, the feed and SPARQL, linking back, and
//! published again only when its results change), the open-data exports
//! (RFC 4180 CSV and JSON with the same fields, no email address and no
//! hidden content in any), the results page, the read API, and reading
//! pages leaves no cookie and no row behind.

use oxigraph::io::RdfFormat;
use plaza::catalog::validate_only;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::forms::{location, page, post};
use crate::support::{TestApp, header};

const SLUG: &str = "school-streets";

fn dataset(app: &TestApp) -> String {
    format!(
        "{}datasets/consultation-{SLUG}-results",
        app.config.public_url.base_iri()
    )
}

async fn versions(app: &TestApp, iri: &str) -> usize {
    let (status, body) = app
        .get(&format!(
            "/api/records/history?iri={}",
            form_urlencoded::byte_serialize(iri.as_bytes()).collect::<String>()
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let history: Value = serde_json::from_str(&body).unwrap();
    history["versions"].as_array().unwrap().len()
}

#[tokio::test]
async fn the_results_dataset_is_valid_dcat_ap_found_everywhere_and_republished_only_on_change() {
    let app = TestApp::spawn().await;
    let iri = dataset(&app);
    let (status, turtle) = app.get_rdf(&iri).await;
    assert_eq!(status, StatusCode::OK, "{turtle}");
    let report = validate_only(
        turtle.as_bytes(),
        RdfFormat::Turtle,
        &app.config.public_url.base_iri(),
    )
    .unwrap();
    // The dataset and its distributions, as imported (strictly). The
    // catalog record Plaza adds when serving it is left aside: its
    // foaf:primaryTopic's class needs RDFS inference (dcat:Dataset is a
    // dcat:Resource), which the shapes' plain sh:class does not do.
    let record = iri.replace("/datasets/", "/records/datasets/");
    let violations: Vec<_> = report
        .results
        .iter()
        .filter(|r| r.severity == app::catalog::publish::Severity::Violation)
        .filter(|r| r.focus_node != record)
        .collect();
    assert!(violations.is_empty(), "{violations:#?}\n{turtle}");
    for expected in [
        "/consultations/school-streets/results>",
        "/consultations/school-streets/export/proposals.csv>",
        "/consultations/school-streets/export/meetings.json>",
        "<http://www.iana.org/assignments/media-types/text/csv>",
        "<http://publications.europa.eu/resource/authority/licence/CC_BY_4_0>",
        "datasets/street-trees>",
        "organisations/havenstad>",
        "nonNegativeInteger",
    ] {
        assert!(turtle.contains(expected), "{expected} missing:\n{turtle}");
    }
    // In search, the feed and SPARQL, like any record.
    let (_, found) = page(&app, "/catalog?q=school+streets", None).await;
    assert!(found.contains("Results of the consultation"), "{found}");
    let (_, feed) = app.get("/catalog.nt?page_size=100").await;
    assert!(feed.contains(&format!("<{iri}>")));
    let ask = format!("ASK {{ GRAPH ?g {{ <{iri}> a <http://www.w3.org/ns/dcat#Dataset> }} }}");
    let r = app
        .send(Method::POST, "/sparql", |r| {
            r.header("content-type", "application/sparql-query")
                .header("accept", "application/sparql-results+json")
                .body(ask.clone())
        })
        .await;
    let answer: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    assert_eq!(answer["boolean"], true, "{answer}");
    // The results page links to it.
    let (status, results) = page(&app, "/consultations/school-streets/results", None).await;
    assert_eq!(status, 200);
    assert!(results.contains("datasets/consultation-school-streets-results"));
    assert!(results.contains("A school street for the Brugschool"));
    assert!(results.contains("Evening at the Brugschool"));
    assert!(results.contains("What we will do."));
    assert_eq!(versions(&app, &iri).await, 1);
    // Published again unchanged: no new version.
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let r = post(
        &app,
        "/moderation/consultations/school-streets/results",
        Some(&moderator),
        &[("summary", "A new summary: the dataset does not carry it.")],
    )
    .await;
    assert!(
        location(&r).contains("done=results_saved"),
        "{}",
        location(&r)
    );
    assert_eq!(versions(&app, &iri).await, 1);
    // A result changes (an answer): a new version.
    let r = post(
        &app,
        "/consultations/school-streets/proposals/5/answer",
        Some(&moderator),
        &[
            ("state", "accepted"),
            ("answer", "Accepted: racks at every gate next spring."),
        ],
    )
    .await;
    assert!(r.status().is_redirection(), "{}", r.status());
    post(
        &app,
        "/moderation/consultations/school-streets/results",
        Some(&moderator),
        &[("summary", "Published again.")],
    )
    .await;
    assert_eq!(versions(&app, &iri).await, 2);
}

/// The emails of every account: none may appear in an export.
async fn emails(app: &TestApp) -> Vec<String> {
    let sql = app.sql().await;
    let all: Vec<String> = sqlx::query_scalar("SELECT email FROM accounts WHERE email IS NOT NULL")
        .fetch_all(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    all
}

#[tokio::test]
async fn every_export_is_rfc_4180_csv_or_json_without_emails_or_hidden_content() {
    let app = TestApp::spawn().await;
    // A hidden proposal and a hidden comment in the demo consultation.
    let sql = app.sql().await;
    sqlx::query(
        "UPDATE consult_proposals SET title = 'HIDDEN PROPOSAL', hidden_at = '2026-01-01T00:00:00Z' \
         WHERE number = 2 AND process_id = (SELECT id FROM consult_processes WHERE slug = 'havenkade-cycle-route')",
    )
    .execute(sql.pool())
    .await
    .unwrap();
    sqlx::query(
        "UPDATE consult_comments SET body = 'HIDDEN COMMENT', hidden_at = '2026-01-01T00:00:00Z' \
         WHERE id = (SELECT MIN(id) FROM consult_comments)",
    )
    .execute(sql.pool())
    .await
    .unwrap();
    sql.close().await;
    let emails = emails(&app).await;
    assert!(emails.len() > 5);
    for slug in ["havenkade-cycle-route", SLUG] {
        for kind in app::consult::ExportKind::ALL {
            let columns = plaza::consult::exports::columns(kind);
            let csv_path = app::consult::export_path(slug, kind, app::consult::ExportFormat::Csv);
            // Compressed on the way, as a browser asks.
            let r = app
                .send(Method::GET, &csv_path, |r| {
                    r.header("accept-encoding", "br")
                })
                .await;
            assert_eq!(r.status(), 200, "{csv_path}");
            assert_eq!(header(&r, "content-encoding"), "br", "{csv_path}");
            let compressed = r.bytes().await.expect("the whole compressed body");
            let mut unpacked = Vec::new();
            brotli::BrotliDecompress(&mut compressed.as_ref(), &mut unpacked).unwrap();
            let r = app.send(Method::GET, &csv_path, |r| r).await;
            assert_eq!(r.status(), 200, "{csv_path}");
            assert!(header(&r, "content-type").starts_with("text/csv; charset=utf-8"));
            assert_eq!(header(&r, "access-control-allow-origin"), "*");
            let csv = r.text().await.unwrap();
            assert_eq!(unpacked, csv.as_bytes(), "{csv_path}: compressed the same");
            let json_path = app::consult::export_path(slug, kind, app::consult::ExportFormat::Json);
            let (status, json) = page(&app, &json_path, None).await;
            assert_eq!(status, 200, "{json_path}");
            for text in [&csv, &json] {
                for email in &emails {
                    assert!(!text.contains(email.as_str()), "{email} in {csv_path}");
                }
                assert!(!text.contains("HIDDEN"), "hidden content in {csv_path}");
            }
            // CSV: a header row, CRLF, every row as wide as the header.
            assert!(csv.starts_with(&columns.join(",")), "{csv_path}: {csv}");
            let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
            assert_eq!(
                reader.headers().unwrap().iter().collect::<Vec<_>>(),
                columns.to_vec()
            );
            let rows: Vec<_> = reader.records().map(|r| r.unwrap()).collect();
            // JSON: the same rows, as objects with the same fields.
            let objects: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&json).unwrap();
            assert_eq!(objects.len(), rows.len(), "{json_path}");
            for object in &objects {
                assert_eq!(
                    object.keys().map(String::as_str).collect::<Vec<_>>().len(),
                    columns.len()
                );
                assert!(columns.iter().all(|c| object.contains_key(*c)));
            }
            if kind == app::consult::ExportKind::Proposals {
                assert!(!rows.is_empty(), "{csv_path}");
                assert!(csv.contains("\r\n"));
            }
        }
    }
    let (status, _) = page(&app, "/consultations/school-streets/export/votes.csv", None).await;
    assert_eq!(status, 404);
    let (status, _) = page(&app, "/consultations/nowhere/export/proposals.csv", None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_read_api_answers_every_origin_with_the_lists_filters() {
    let app = TestApp::spawn().await;
    let r = app
        .send(Method::GET, "/api/v1/processes", |r| {
            r.header("origin", "https://data.europa.example")
        })
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "access-control-allow-origin"), "*");
    let all: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    let closed = all
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["slug"] == SLUG)
        .expect("the closed consultation is listed");
    assert_eq!(closed["current_phase"], "Results");
    assert!(
        closed["results_dataset"]
            .as_str()
            .unwrap()
            .ends_with("-results")
    );
    let (status, body) = app
        .get("/api/v1/processes/school-streets/proposals?state=accepted&sort=supports")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let proposals: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(proposals["total"], 3, "{proposals}");
    let supports: Vec<i64> = proposals["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["supports"].as_i64().unwrap())
        .collect();
    assert!(supports.windows(2).all(|w| w[0] >= w[1]), "{supports:?}");
    let (_, body) = app.get("/api/v1/processes/school-streets/meetings").await;
    let meetings: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(meetings[0]["attendance"], 41);
    assert!(
        meetings[0]["calendar"]
            .as_str()
            .unwrap()
            .ends_with("/calendar.ics")
    );
    // Surveys of a process not yet in its results phase: no results.
    let (_, body) = app
        .get("/api/v1/processes/havenkade-cycle-route/surveys")
        .await;
    let surveys: Value = serde_json::from_str(&body).unwrap();
    assert!(!surveys.as_array().unwrap().is_empty());
    assert!(
        surveys
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["results"].is_null())
    );
    let (status, body) = app.get("/api/v1/processes/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("unknown_process"));
    // In the OpenAPI document.
    let (_, document) = app.get("/api/openapi.json").await;
    for path in [
        "/api/v1/processes",
        "/api/v1/processes/{slug}",
        "/api/v1/processes/{slug}/proposals",
        "/api/v1/processes/{slug}/meetings",
        "/api/v1/processes/{slug}/surveys",
    ] {
        assert!(document.contains(&format!("\"{path}\"")), "{path}");
    }
}

/// Every table's row count.
async fn rows_per_table(app: &TestApp) -> Vec<(String, i64)> {
    let sql = app.sql().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(sql.pool())
    .await
    .unwrap();
    let mut counts = Vec::new();
    for table in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM \"{table}\""))
            .fetch_one(sql.pool())
            .await
            .unwrap();
        counts.push((table, n));
    }
    sql.close().await;
    counts
}

#[tokio::test]
async fn reading_pages_sets_no_cookie_and_writes_no_row() {
    let app = TestApp::spawn().await;
    // The clock writes too: the minute task claims the phases that began.
    // Claim them first, so what follows counts only what reading writes.
    let sql = app.sql().await;
    plaza::notify::phases::tell_started(&sql).await.unwrap();
    sql.close().await;
    let before = rows_per_table(&app).await;
    for path in [
        "/",
        "/consultations",
        "/consultations/havenkade-cycle-route",
        "/consultations/havenkade-cycle-route?sort=random&page=2",
        "/consultations/havenkade-cycle-route/proposals/1",
        "/consultations/havenkade-cycle-route/surveys/1",
        "/consultations/havenkade-cycle-route/meetings/2",
        "/consultations/school-streets/results",
        "/consultations/school-streets/export/engagement.csv",
        "/api/v1/processes",
    ] {
        let r = app.send(Method::GET, path, |r| r).await;
        assert_eq!(r.status(), 200, "{path}");
        assert!(
            r.headers().get("set-cookie").is_none(),
            "{path} sets a cookie: {:?}",
            r.headers().get("set-cookie")
        );
        let _ = r.text().await;
    }
    assert_eq!(rows_per_table(&app).await, before, "reading wrote rows");
    // The figures count contributions: the results page says how many.
    let (_, results) = page(&app, "/consultations/school-streets/results", None).await;
    assert!(results.contains("people made"), "{results}");
}
