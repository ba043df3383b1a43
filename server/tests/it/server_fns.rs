//! Server functions called by scripts or with a broken body answer a 4xx
//! with the API's error body, never a 500: the arguments a function cannot
//! read are the caller's mistake, and the answer names what is wrong.

use crate::support;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use support::TestApp;

async fn call(app: &TestApp, path: &str, json: Value) -> (StatusCode, Value) {
    let response = app.send(Method::POST, path, |r| r.json(&json)).await;
    let status = response.status();
    assert_eq!(
        support::header(&response, "content-type"),
        "application/json"
    );
    (status, response.json().await.expect("a JSON body"))
}

#[tokio::test]
async fn a_server_function_called_without_a_field_answers_400_naming_the_field() {
    let app = TestApp::spawn().await;
    let (status, body) = call(&app, "/api/fn/search-catalog", json!({ "lang": "en" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"], "bad_arguments", "{body}");
    let message = body["message"].as_str().expect("a message");
    assert!(message.contains("missing field `params`"), "{message}");
}

#[tokio::test]
async fn arguments_of_the_wrong_type_or_shape_answer_400_too() {
    let app = TestApp::spawn().await;
    let wrong_type = json!({ "lang": "en", "params": { "q": 3, "filters": [], "sort": "Relevance", "page": 1, "page_size": 5 } });
    for body in [wrong_type, json!([1, 2]), json!("text")] {
        let (status, answer) = call(&app, "/api/fn/search-catalog", body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {answer}");
        assert_eq!(answer["error"], "bad_arguments", "{answer}");
    }
    // A form-encoded function (the default encoding) without its `path`.
    let response = app
        .send(Method::POST, "/api/fn/load-record", |r| {
            r.form(&[("lang", "en")])
        })
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let answer: Value = response.json().await.unwrap();
    assert!(
        answer["message"].as_str().unwrap().contains("`path`"),
        "{answer}"
    );
}

#[tokio::test]
async fn a_refusal_keeps_its_status_and_comes_in_the_same_body() {
    let app = TestApp::spawn().await;
    let response = app
        .send(Method::POST, "/api/fn/admin", |r| r.form(&[("", "")]))
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "sign_in_required", "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}
