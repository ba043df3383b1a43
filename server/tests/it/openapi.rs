//! The OpenAPI document is built from the routes' own declarations: every
//! documented route is in it and served, and every route that answers
//! JSON (every route under `/api/`, and any other that answers a JSON
//! request with JSON) is documented.

use crate::support;

use plaza::routes::DeclaredRoute;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use support::TestApp;

fn declared_routes() -> Vec<DeclaredRoute> {
    let dir = tempfile::tempdir().unwrap();
    let config = support::test_config(dir.path(), &[]);
    plaza::http::journeys(&config).declared()
}

async fn document(app: &TestApp) -> Value {
    let (status, body) = app.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn every_documented_route_is_in_the_document_and_served() {
    let app = TestApp::spawn().await;
    let document = document(&app).await;
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["info"]["title"], "Plaza API");
    assert_eq!(document["servers"][0]["url"], "http://plaza.test");
    assert_eq!(
        document["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let documented: Vec<_> = declared_routes()
        .into_iter()
        .filter(|route| route.documented)
        .collect();
    assert!(documented.len() >= 9, "{documented:?}");
    for route in &documented {
        let method = route.method.to_lowercase();
        assert!(
            document["paths"][&route.path][&method].is_object(),
            "{} {} is declared as documented but is missing from the document",
            route.method,
            route.path
        );
        // A path parameter gets a value the demo city has.
        let path = route.path.replace("{slug}", "havenkade-cycle-route");
        let response = app.send(route.method.parse().unwrap(), &path, |r| r).await;
        assert_ne!(
            response.status(),
            StatusCode::NOT_FOUND,
            "{} {} is documented but not served",
            route.method,
            route.path
        );
    }
    // Leptos' server functions are documented apart, every one of them.
    let mut server_fns = 0;
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        let operation = &document["paths"][path][method.as_str().to_lowercase()];
        assert!(
            operation.is_object(),
            "the server function {method} {path} is missing from the document: list it in server/src/api/server_fns.rs"
        );
        assert_eq!(
            operation["responses"]["400"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/CallError",
            "{path}"
        );
        server_fns += 1;
    }
    assert!(server_fns >= 13, "only {server_fns} server functions");
    let response = app
        .send(Method::POST, "/api/fn/search-catalog", |r| {
            r.json(&serde_json::json!({ "lang": "en", "params": {
                "q": "", "filters": [], "sort": "Relevance", "page": 1, "page_size": 5 } }))
        })
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_schemas_come_from_the_types_the_handlers_answer_with() {
    let app = TestApp::spawn().await;
    let document = document(&app).await;
    let schemas = &document["components"]["schemas"];
    for name in [
        "Error",
        "ValidationReport",
        "ValidationResult",
        "ImportSummary",
        "History",
    ] {
        assert!(schemas[name].is_object(), "no schema {name}: {schemas}");
    }
    let import = &document["paths"]["/api/import"]["post"];
    assert_eq!(import["security"][0]["bearer"], serde_json::json!([]));
    assert_eq!(
        import["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ImportSummary"
    );
    let outcome = serde_json::to_string(&schemas["Outcome"]).unwrap();
    for value in ["created", "updated", "unchanged", "refused"] {
        assert!(outcome.contains(value), "{outcome}");
    }
    // The error body the server sends has the members the schema names.
    let (_, body) = app.get("/api/no-such-endpoint").await;
    let error: Value = serde_json::from_str(&body).unwrap();
    for member in schemas["Error"]["required"].as_array().unwrap() {
        assert!(error.get(member.as_str().unwrap()).is_some(), "{error}");
    }
}

#[tokio::test]
async fn every_route_that_answers_json_is_documented() {
    let app = TestApp::spawn().await;
    let mut checked = 0;
    for route in declared_routes() {
        if route.documented || route.path == "/api/{*rest}" {
            continue;
        }
        assert!(
            !route.path.starts_with("/api/"),
            "{} {} is under /api/ but not documented: declare it with Routes::documented",
            route.method,
            route.path
        );
        if route.method != "GET" || route.path.contains('{') {
            continue;
        }
        let response = app
            .send(Method::GET, &route.path, |r| {
                r.header("Accept", "application/json")
            })
            .await;
        let content_type = support::header(&response, "content-type");
        assert!(
            !content_type.contains("json"),
            "GET {} answers {content_type} but is not in the OpenAPI document: declare it with Routes::documented",
            route.path
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} routes checked");
}
