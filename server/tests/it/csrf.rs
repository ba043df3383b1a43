//! Cross-site request forgery: a form post (or a server function call) from
//! another site is refused with 403 before anything runs; Plaza's own
//! pages, API clients with a bearer token and the SPARQL endpoint work.

use crate::support;

use reqwest::Method;
use support::TestApp;

#[tokio::test]
async fn a_cross_site_post_is_refused_with_403_and_changes_nothing() {
    let app = TestApp::spawn().await;
    app.make_account("victim@example.org", "admin", &[]).await;
    let posts: [(&str, Vec<(&str, &str)>); 8] = [
        ("/lang", vec![("locale", "fr"), ("next", "/")]),
        (
            "/account/sign-in",
            vec![
                ("email", "victim@example.org"),
                ("password", support::PASSWORD),
            ],
        ),
        (
            "/account/sign-up",
            vec![
                ("email", "forged@example.org"),
                ("password", support::PASSWORD),
                ("pseudonym", "forged"),
                ("privacy", "yes"),
            ],
        ),
        ("/account/delete", vec![("confirm", "yes")]),
        (
            "/publish/records",
            vec![
                ("kind", "dataset"),
                ("title_en", "Forged"),
                ("description_en", "Forged."),
                ("action", "save"),
            ],
        ),
        (
            "/publish/records/delete",
            vec![("record", "/datasets/bicycle-counts")],
        ),
        ("/api/fn/search-catalog", vec![("lang", "en")]),
        (
            "/admin/roles",
            vec![("account", "anything"), ("role", "admin")],
        ),
    ];
    for (path, form) in &posts {
        for (header, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
            ("origin", "null"),
        ] {
            let response = app
                .send(Method::POST, path, |r| r.header(header, value).form(form))
                .await;
            assert_eq!(response.status(), 403, "{path} with {header}: {value}");
            assert!(response.headers().get("set-cookie").is_none(), "{path}");
        }
    }
    assert_eq!(
        app.get("/datasets/bicycle-counts").await.0,
        200,
        "nothing was deleted"
    );
    assert_eq!(
        app.get("/datasets/forged").await.0,
        404,
        "nothing was created"
    );
}

#[tokio::test]
async fn plazas_own_pages_api_clients_and_sparql_are_not_concerned() {
    let app = TestApp::spawn().await;
    let host = app.base.trim_start_matches("http://").to_owned();
    // The language switch from Plaza's own page (the Origin is the host the
    // browser used, here not the public URL).
    let own = app
        .send(Method::POST, "/lang", |r| {
            r.header("origin", format!("http://{host}"))
                .header("sec-fetch-site", "same-origin")
                .form(&[("locale", "fr"), ("next", "/")])
        })
        .await;
    assert_eq!(own.status(), 303);
    // An API client with a bearer token, whatever page runs it.
    let token = app.create_token("harvester").await;
    let api = app
        .send(Method::POST, "/api/validate", |r| {
            r.header("origin", "https://portal.example")
                .header("authorization", format!("Bearer {token}"))
                .header("content-type", "text/turtle")
                .body("<http://x.test/a> <http://x.test/b> <http://x.test/c> .")
        })
        .await;
    assert_ne!(api.status(), 403);
    // SPARQL by POST from another origin (read-only, CORS open).
    let sparql = app
        .send(Method::POST, "/sparql", |r| {
            r.header("origin", "https://notebook.example")
                .header("content-type", "application/sparql-query")
                .header("accept", "application/sparql-results+json")
                .body("ASK { ?s ?p ?o }")
        })
        .await;
    assert_eq!(sparql.status(), 200);
}
