//! Operations endpoints: liveness, readiness, metrics.

use crate::support;

use support::TestApp;

#[tokio::test]
async fn healthz_says_the_process_is_alive() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!(status, 200);
    assert!(body.contains("alive"), "{body}");
}

#[tokio::test]
async fn readyz_reports_both_stores_ok() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/readyz").await;
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["status"], "ready");
    assert_eq!(json["checks"]["sql"], "ok");
    assert_eq!(json["checks"]["rdf"], "ok");
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_report_store_sizes() {
    let app = TestApp::spawn().await;
    app.get("/catalog").await;
    app.get("/no/such/page").await;
    let (status, body) = app.get("/metrics").await;
    assert_eq!(status, 200);
    assert!(body.contains("plaza_http_requests_total"), "{body}");
    assert!(body.contains("route=\"/catalog\""), "{body}");
    assert!(body.contains("route=\"unmatched\""), "{body}");
    assert!(
        body.contains("plaza_http_request_duration_seconds_bucket"),
        "{body}"
    );
    let quads = body
        .lines()
        .find(|l| l.starts_with("plaza_rdf_quads "))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .expect("plaza_rdf_quads gauge");
    assert!(
        quads > 100.0,
        "the demo city has well over 100 statements, got {quads}"
    );
    assert!(
        body.lines().any(|l| l.starts_with("plaza_sql_bytes ")),
        "{body}"
    );
}
