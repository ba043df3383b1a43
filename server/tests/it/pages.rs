//! Server-rendered pages: content, language, not-found handling, headers.

use crate::support;

use reqwest::Method;
use support::{TestApp, header, without_markers};

/// Every page of the navigation and footer, with a word of its heading.
const PAGES: &[(&str, &str)] = &[
    ("/", "Welcome"),
    ("/catalog", "Catalog"),
    ("/consultations", "Consultations"),
    ("/maps", "Map stories"),
    ("/models", "Models"),
    ("/account/sign-in", "Sign in"),
    ("/accessibility", "Accessibility statement"),
    ("/privacy", "Privacy"),
];

#[tokio::test]
async fn the_home_page_is_complete_html_without_javascript() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<html lang=\"en\""),
        "html lang missing: {}",
        &body[..body.len().min(400)]
    );
    assert!(
        body.contains("<title>Welcome to the city&#x27;s Plaza · Plaza</title>")
            || body.contains("<title>Welcome to the city's Plaza · Plaza</title>"),
        "{body}"
    );
    assert!(body.contains("Skip to main content"));
    // Data from the RDF store is in the HTML itself, not loaded by script.
    assert!(body.contains("Air quality measurements"), "{body}");
    assert!(body.contains("7 datasets in the catalog"), "{body}");
    assert!(body.contains("City of Havenstad"));
}

#[tokio::test]
async fn every_page_renders_with_its_own_title_and_heading() {
    let app = TestApp::spawn().await;
    for (path, heading) in PAGES {
        let (status, body) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        let title = body
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("");
        assert!(title.ends_with("· Plaza"), "{path} has title {title:?}");
        assert!(
            body.contains(&format!("<h1>{heading}")),
            "{path} lacks heading {heading}"
        );
        assert!(
            body.contains("href=\"/accessibility\"") && body.contains("href=\"/privacy\""),
            "{path} footer"
        );
    }
}

#[tokio::test]
async fn the_catalog_lists_every_demo_dataset_newest_first() {
    let app = TestApp::spawn().await;
    let (_, body) = app.get("/catalog").await;
    let air = body
        .find("Air quality measurements")
        .expect("air quality listed");
    let bikes = body.find("Bicycle counts").expect("bicycle counts listed");
    let budget = body.find("City budget 2026").expect("budget listed");
    assert!(air < bikes && bikes < budget, "sorted by last modification");
    assert!(body.contains(">7 results<"), "{body}");
}

#[tokio::test]
async fn french_comes_from_the_cookie_or_the_accept_language_header() {
    let app = TestApp::spawn().await;
    let by_cookie = app
        .send(Method::GET, "/catalog", |r| {
            r.header("cookie", "i18n_pref_locale=fr")
        })
        .await
        .text()
        .await
        .map(|html| without_markers(&html))
        .expect("body");
    assert!(by_cookie.contains("<html lang=\"fr\""));
    assert!(by_cookie.contains("<h1>Catalogue"));
    assert!(
        by_cookie.contains("Mesures de la qualité de l&#x27;air")
            || by_cookie.contains("Mesures de la qualité de l'air")
    );
    let by_header = app
        .send(Method::GET, "/", |r| {
            r.header("accept-language", "fr-BE,fr;q=0.9,en;q=0.5")
        })
        .await
        .text()
        .await
        .map(|html| without_markers(&html))
        .expect("body");
    assert!(by_header.contains("<html lang=\"fr\""));
    assert!(by_header.contains("Bienvenue"));
}

#[tokio::test]
async fn the_language_form_sets_the_cookie_and_returns_to_the_page() {
    let app = TestApp::spawn().await;
    let response = app
        .send(Method::POST, "/lang", |r| {
            r.form(&[("locale", "fr"), ("next", "/catalog")])
        })
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/catalog");
    let cookie = response.headers()["set-cookie"].to_str().expect("ascii");
    assert!(
        cookie.starts_with("i18n_pref_locale=fr;") && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test]
async fn the_language_form_refuses_unknown_languages_and_foreign_redirects() {
    let app = TestApp::spawn().await;
    let response = app
        .send(Method::POST, "/lang", |r| r.form(&[("locale", "xx")]))
        .await;
    assert_eq!(response.status(), 400);
    let message = response.text().await.expect("body");
    assert!(
        message.contains("locale") && message.contains("en, fr"),
        "{message}"
    );
    let response = app
        .send(Method::POST, "/lang", |r| {
            r.form(&[("locale", "en"), ("next", "//evil.example/")])
        })
        .await;
    assert_eq!(response.headers()["location"], "/");
}

#[tokio::test]
async fn an_unknown_page_is_a_real_404_page() {
    let app = TestApp::spawn().await;
    let response = app.send(Method::GET, "/no/such/page", |r| r).await;
    assert_eq!(response.status(), 404);
    assert!(header(&response, "content-type").starts_with("text/html"));
    let body = response.text().await.expect("body");
    assert!(body.contains("<h1>Page not found"), "{body}");
    assert!(
        body.contains("href=\"/catalog\""),
        "the 404 page keeps the navigation"
    );
}

#[tokio::test]
async fn an_unknown_api_path_is_a_json_404() {
    let app = TestApp::spawn().await;
    let response = app.send(Method::POST, "/api/nothing-here", |r| r).await;
    assert_eq!(response.status(), 404);
    assert!(header(&response, "content-type").starts_with("application/json"));
    let json: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(json["error"], "not_found");
    assert!(
        json["message"]
            .as_str()
            .expect("message")
            .contains("/api/nothing-here")
    );
}

#[tokio::test]
async fn an_oversized_body_gets_413() {
    let app = TestApp::spawn_with(&[("PLAZA_MAX_BODY_BYTES", "1024")]).await;
    let response = app
        .client
        .post(app.url("/lang"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("locale=en&next=/{}", "a".repeat(4096)))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_csp_nonce_matching_the_inline_script() {
    let app = TestApp::spawn().await;
    let response = app.send(Method::GET, "/", |r| r).await;
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    let csp = headers["content-security-policy"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("the page policy carries a nonce");
    let body = response.text().await.expect("body");
    // Inline scripts with content (Leptos also writes an empty one, which runs nothing).
    let inline_scripts: Vec<&str> = body
        .split("<script")
        .skip(1)
        .filter(|tag| {
            let (attributes, rest) = tag.split_once('>').unwrap_or((tag, ""));
            !attributes.contains(" src=") && !rest.starts_with("</script>")
        })
        .collect();
    assert!(
        inline_scripts.len() >= 2,
        "the hydration script and resource data are inline"
    );
    for tag in inline_scripts {
        let attributes = tag.split('>').next().unwrap_or("");
        assert!(
            attributes.contains(&format!("nonce=\"{nonce}\"")),
            "inline script without the nonce: <script{attributes}>"
        );
    }
    // Other responses get the strict policy without any nonce.
    let health = app.send(Method::GET, "/healthz", |r| r).await;
    let policy = health.headers()["content-security-policy"]
        .to_str()
        .expect("ascii");
    assert!(
        !policy.contains("nonce-") && policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
}

#[tokio::test]
async fn each_response_gets_a_fresh_nonce() {
    let app = TestApp::spawn().await;
    let policy = |r: &reqwest::Response| {
        r.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned()
    };
    let first = app.send(Method::GET, "/", |r| r).await;
    let second = app.send(Method::GET, "/", |r| r).await;
    assert_ne!(policy(&first), policy(&second));
}
