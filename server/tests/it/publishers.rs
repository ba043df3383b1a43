//! The publishers' dashboard and pages: records and quality per publisher,
//! a chart with its table, and a to-do list that links to the records
//! missing each check.

use crate::support;

use support::{TestApp, without_markers};

async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let (status, body) = app.get(path).await;
    (status.as_u16(), without_markers(&body))
}

#[tokio::test]
async fn the_dashboard_counts_each_publishers_records_and_quality() {
    let app = TestApp::spawn().await;
    let token = app.create_token("publishers").await;
    let body = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
        <http://plaza.test/datasets/port-calls> a dcat:Dataset ; dct:title \"Port calls\"@en ; dct:description \"Ships.\"@en ;\n\
          dct:publisher <http://plaza.test/organisations/port> .\n\
        <http://plaza.test/organisations/port> a foaf:Agent ; foaf:name \"Port authority\"@en .";
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            body,
        )
        .await;
    assert_eq!(response.status(), 200);

    let (status, dashboard) = page(&app, "/publishers").await;
    assert_eq!(status, 200);
    assert!(dashboard.contains("<h1>Publishers</h1>"));
    assert!(dashboard.contains("<svg role=\"img\""), "the chart");
    assert!(
        dashboard.contains("<caption>Records and metadata quality per publisher</caption>"),
        "its table"
    );
    let havenstad = dashboard.find(">City of Havenstad</a>").expect("the city");
    let port = dashboard.find(">Port authority</a>").expect("the port");
    assert!(havenstad < port, "most records first");
    assert!(
        dashboard.contains("publisher=http%3A%2F%2Fplaza.test%2Forganisations%2Fport\">1</a>"),
        "{dashboard}"
    );

    let link = dashboard[port - 200..port]
        .rsplit("href=\"")
        .next()
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the publisher's page")
        .to_owned();
    assert!(link.starts_with("/publishers/"), "{link}");
    let (status, publisher) = page(&app, &link).await;
    assert_eq!(status, 200);
    assert!(publisher.contains("<h1>Port authority</h1>"));
    assert!(publisher.contains("1 records, average metadata quality"));
    assert!(publisher.contains("What to improve first"));
    // Each check links to the publisher's records that miss it.
    assert!(publisher.contains("missing=keyword"), "{publisher}");
    let (_, todo) = page(
        &app,
        "/catalog?publisher=http%3A%2F%2Fplaza.test%2Forganisations%2Fport&missing=keyword",
    )
    .await;
    assert!(todo.contains(">1 results<"));
    assert!(
        todo.contains("Missing: Keywords"),
        "the to-do filter shows as a chip"
    );

    assert_eq!(page(&app, "/publishers/0000000000000000").await.0, 404);
}
