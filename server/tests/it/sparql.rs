//! `/sparql` over HTTP: the protocol's three ways in, every result format,
//! updates refused, the limits, CORS, and a real client (SPARQLWrapper).

use crate::support;

use reqwest::{Method, StatusCode};
use support::{TestApp, header};

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }";

async fn query(app: &TestApp, text: &str, accept: &str) -> reqwest::Response {
    let url = format!("/sparql?{}", form_urlencoded_pair("query", text));
    app.send(Method::GET, &url, |r| r.header("Accept", accept))
        .await
}

fn form_urlencoded_pair(name: &str, value: &str) -> String {
    let mut out = format!("{name}=");
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

async fn dataset_count(app: &TestApp) -> String {
    let body = query(app, COUNT, "text/csv").await.text().await.unwrap();
    body.lines().nth(1).expect("one row").trim().to_owned()
}

#[tokio::test]
async fn select_answers_in_json_xml_csv_and_tsv() {
    let app = TestApp::spawn().await;
    for (accept, expected) in [
        ("application/sparql-results+json", "\"value\":\"7\""),
        ("application/sparql-results+xml", ">7</literal>"),
        ("text/csv", "n\r\n7"),
        ("text/tab-separated-values", "?n\n7"),
    ] {
        let response = query(&app, COUNT, accept).await;
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert!(header(&response, "content-type").starts_with(accept));
        let body = response.text().await.unwrap();
        assert!(body.contains(expected), "{accept}: {body}");
    }
}

#[tokio::test]
async fn construct_answers_in_every_graph_syntax() {
    let app = TestApp::spawn().await;
    let construct = "CONSTRUCT { ?d a <http://www.w3.org/ns/dcat#Dataset> } WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }";
    for accept in [
        "text/turtle",
        "application/ld+json",
        "application/n-triples",
        "application/rdf+xml",
    ] {
        let response = query(&app, construct, accept).await;
        assert_eq!(response.status(), StatusCode::OK, "{accept}");
        assert!(
            header(&response, "content-type").starts_with(accept),
            "{accept}"
        );
        assert!(response.text().await.unwrap().contains("bicycle-counts"));
    }
}

#[tokio::test]
async fn post_as_form_and_as_sparql_query_both_work() {
    let app = TestApp::spawn().await;
    let form = app
        .send(Method::POST, "/sparql", |r| {
            r.header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/csv")
                .body(form_urlencoded_pair("query", COUNT))
        })
        .await;
    assert_eq!(form.text().await.unwrap().lines().nth(1), Some("7"));
    let direct = app
        .send(Method::POST, "/sparql", |r| {
            r.header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv")
                .body(COUNT)
        })
        .await;
    assert_eq!(direct.text().await.unwrap().lines().nth(1), Some("7"));
}

#[tokio::test]
async fn updates_are_refused_and_the_store_is_untouched() {
    let app = TestApp::spawn().await;
    let before = dataset_count(&app).await;
    let drop_all = "DROP ALL";
    let attempts = [
        app.send(Method::POST, "/sparql", |r| {
            r.header("Content-Type", "application/sparql-update")
                .body(drop_all)
        })
        .await,
        app.send(Method::POST, "/sparql", |r| {
            r.header("Content-Type", "application/x-www-form-urlencoded")
                .body(form_urlencoded_pair("update", drop_all))
        })
        .await,
        query(&app, drop_all, "application/sparql-results+json").await,
        query(
            &app,
            "DELETE WHERE { ?s ?p ?o }",
            "application/sparql-results+json",
        )
        .await,
    ];
    for response in attempts {
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "read_only", "{body}");
    }
    assert_eq!(dataset_count(&app).await, before);
}

#[tokio::test]
async fn a_query_that_runs_too_long_is_stopped_with_a_clear_error() {
    let app = TestApp::spawn_with(&[("PLAZA_SPARQL_TIMEOUT_MS", "50")]).await;
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let response = query(&app, heavy, "application/sparql-results+json").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "query_timeout");
    assert!(body["message"].as_str().unwrap().contains("50 ms"));
}

#[tokio::test]
async fn an_answer_over_the_row_cap_is_refused_with_advice() {
    let app = TestApp::spawn_with(&[("PLAZA_SPARQL_MAX_ROWS", "5")]).await;
    let response = query(
        &app,
        "SELECT * WHERE { ?s ?p ?o }",
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "too_many_rows");
    assert!(body["message"].as_str().unwrap().contains("LIMIT"));
    assert_eq!(
        query(&app, "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "text/csv")
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn bad_queries_and_formats_get_clear_errors() {
    let app = TestApp::spawn().await;
    let response = query(&app, "SELEKT * WHERE {}", "application/sparql-results+json").await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        query(&app, COUNT, "image/png").await.status(),
        StatusCode::NOT_ACCEPTABLE
    );
    let no_query = app
        .send(Method::GET, "/sparql", |r| {
            r.header("Accept", "application/sparql-results+json")
        })
        .await;
    assert_eq!(no_query.status(), StatusCode::BAD_REQUEST);
    let remote = query(
        &app,
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "application/sparql-results+json",
    )
    .await;
    assert_eq!(
        remote.status(),
        StatusCode::BAD_REQUEST,
        "SERVICE never reaches out"
    );
}

#[tokio::test]
async fn reads_are_open_to_other_origins() {
    let app = TestApp::spawn().await;
    let preflight = app
        .send(Method::OPTIONS, "/sparql", |r| {
            r.header("Origin", "https://yasgui.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
        })
        .await;
    assert_eq!(header(&preflight, "access-control-allow-origin"), "*");
    let response = app
        .send(
            Method::GET,
            &format!("/sparql?{}", form_urlencoded_pair("query", COUNT)),
            |r| r.header("Origin", "https://yasgui.example"),
        )
        .await;
    assert_eq!(header(&response, "access-control-allow-origin"), "*");
}

#[tokio::test]
async fn browsers_get_an_editor_with_examples_and_results_as_a_table() {
    let app = TestApp::spawn().await;
    let editor = app
        .send(Method::GET, "/sparql", |r| r.header("Accept", "text/html"))
        .await;
    assert_eq!(editor.status(), StatusCode::OK);
    let html = editor.text().await.unwrap();
    assert!(html.contains("<textarea id=\"query\" name=\"query\""));
    assert!(html.contains("Examples"));
    let results = query(&app, COUNT, "text/html").await.text().await.unwrap();
    assert!(results.contains("<td>7</td>"), "{results}");
}

#[tokio::test]
async fn sparqlwrapper_reads_every_format() {
    let Some(python) = support::fixtures::reference_python() else {
        return;
    };
    let app = TestApp::spawn().await;
    let script = r#"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, TURTLE, POST
endpoint = sys.argv[1]
count = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }"
client = SPARQLWrapper(endpoint)
client.setQuery(count)
client.setReturnFormat(JSON)
assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == "7"
client.setReturnFormat(XML)
assert client.query().convert().getElementsByTagName("literal")[0].firstChild.data == "7"
client.setReturnFormat(CSV)
assert client.query().convert().decode().splitlines()[1] == "7"
client.setReturnFormat(TSV)
assert client.query().convert().decode().splitlines()[1] == "7"
client.setMethod(POST)
client.setReturnFormat(JSON)
assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == "7"
client.setQuery("CONSTRUCT { ?d a <http://www.w3.org/ns/dcat#Dataset> } WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }")
client.setReturnFormat(TURTLE)
graph = client.query().convert()
assert b"bicycle-counts" in graph, graph
print("ok")
"#;
    let endpoint = app.url("/sparql");
    let output = tokio::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&endpoint)
        .output()
        .await
        .expect("python runs");
    assert!(
        output.status.success(),
        "SPARQLWrapper failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
