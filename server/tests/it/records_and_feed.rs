//! Record IRIs with content negotiation, and the Hydra-paged harvest feed.

use crate::support;

use oxigraph::io::RdfFormat;
use plaza::rdf::{Strictness, parse_graph};
use reqwest::StatusCode;
use support::{TestApp, header};

const RECORD: &str = "/datasets/bicycle-counts";

async fn get_with(app: &TestApp, path: &str, accept: &str) -> reqwest::Response {
    app.send(reqwest::Method::GET, path, |r| r.header("Accept", accept))
        .await
}

fn parses_as(body: &str, format: RdfFormat) -> usize {
    parse_graph(
        body.as_bytes(),
        format,
        "http://plaza.test/",
        Strictness::Strict,
    )
    .unwrap_or_else(|e| panic!("{format}: {e}\n{body}"))
    .len()
}

#[tokio::test]
async fn a_record_iri_answers_every_rdf_syntax_by_accept_and_by_suffix() {
    let app = TestApp::spawn().await;
    let cases = [
        ("text/turtle", "ttl", RdfFormat::Turtle),
        (
            "application/ld+json",
            "jsonld",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
        ("application/rdf+xml", "rdf", RdfFormat::RdfXml),
        ("application/n-triples", "nt", RdfFormat::NTriples),
    ];
    let mut sizes = Vec::new();
    for (media, suffix, format) in cases {
        let by_accept = get_with(&app, RECORD, media).await;
        assert_eq!(by_accept.status(), StatusCode::OK, "{media}");
        assert!(header(&by_accept, "content-type").starts_with(media));
        assert_eq!(header(&by_accept, "vary"), "Accept");
        let accepted = by_accept.text().await.unwrap();
        let by_suffix = app.get(&format!("{RECORD}.{suffix}")).await;
        assert_eq!(by_suffix.0, StatusCode::OK, "{suffix}");
        assert_eq!(
            accepted, by_suffix.1,
            "{suffix} and Accept {media} give the same bytes"
        );
        sizes.push(parses_as(&accepted, format));
    }
    assert!(
        sizes.windows(2).all(|w| w[0] == w[1]),
        "same graph in every syntax: {sizes:?}"
    );
}

#[tokio::test]
async fn a_browser_gets_an_html_page_linking_every_alternate() {
    let app = TestApp::spawn().await;
    let response = get_with(&app, RECORD, "text/html,application/xhtml+xml,*/*;q=0.8").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    for (suffix, media) in [
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("rdf", "application/rdf+xml"),
        ("nt", "application/n-triples"),
    ] {
        let href = format!("href=\"{RECORD}.{suffix}\"");
        let linked = html.split("<link ").skip(1).any(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            tag.contains("rel=\"alternate\"")
                && tag.contains(&format!("type=\"{media}\""))
                && tag.contains(&href)
        });
        assert!(linked, "missing alternate {media}");
    }
    let html = support::without_markers(&html);
    assert!(html.contains("Bicycle counts"));
    assert!(html.contains("Version 1"));
}

#[tokio::test]
async fn unacceptable_types_get_406_and_unknown_records_404() {
    let app = TestApp::spawn().await;
    assert_eq!(
        get_with(&app, RECORD, "image/png").await.status(),
        StatusCode::NOT_ACCEPTABLE
    );
    assert_eq!(
        get_with(&app, "/datasets/no-such-thing", "text/turtle")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/datasets/no-such-thing").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/records/datasets/no-such-thing.ttl").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("{RECORD}.ttl?version=zero")).await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_catalog_record_iri_serves_its_record() {
    let app = TestApp::spawn().await;
    let (status, turtle) = app.get("/records/datasets/bicycle-counts.ttl").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        turtle.contains("foaf:primaryTopic <http://plaza.test/datasets/bicycle-counts>"),
        "{turtle}"
    );
}

#[tokio::test]
async fn the_feed_pages_with_hydra_and_each_page_is_self_contained() {
    let app = TestApp::spawn().await;
    let (status, page) = app.get("/catalog.nt?page_size=2&page=2").await;
    assert_eq!(status, StatusCode::OK);
    let graph = parse_graph(
        page.as_bytes(),
        RdfFormat::NTriples,
        "http://plaza.test/",
        Strictness::Strict,
    )
    .unwrap();
    let hydra = |name: &str| format!("<http://www.w3.org/ns/hydra/core#{name}>");
    let view = "<http://plaza.test/catalog.nt?page=2&page_size=2>";
    for (predicate, object) in [
        ("first", "<http://plaza.test/catalog.nt?page=1&page_size=2>"),
        (
            "previous",
            "<http://plaza.test/catalog.nt?page=1&page_size=2>",
        ),
        ("next", "<http://plaza.test/catalog.nt?page=3&page_size=2>"),
        ("last", "<http://plaza.test/catalog.nt?page=4&page_size=2>"),
    ] {
        assert!(
            page.contains(&format!("{view} {} {object} .", hydra(predicate))),
            "{predicate} missing:\n{page}"
        );
    }
    assert!(page.contains(&format!("{view} {} \"7\"", hydra("totalItems"))));
    assert!(page.contains(&format!(
        "{view} {} {} .",
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        hydra("PartialCollectionView")
    )));
    // Two datasets, with their distributions and publisher described on the page.
    let datasets = graph
        .iter()
        .filter(|t| t.predicate.as_str() == "http://www.w3.org/ns/dcat#dataset")
        .count();
    assert_eq!(datasets, 2);
    assert!(page.contains("<http://www.w3.org/ns/dcat#Distribution>"));
    assert!(page.contains("<http://xmlns.com/foaf/0.1/name> \"City of Havenstad\"@en"));
}

#[tokio::test]
async fn the_feed_filters_by_modification_date_and_text() {
    let app = TestApp::spawn().await;
    let total = |page: String| {
        page.lines()
            .find(|l| {
                l.starts_with(
                    "<http://plaza.test/catalog> <http://www.w3.org/ns/hydra/core#totalItems>",
                )
            })
            .map(|l| l.split('"').nth(1).unwrap().parse::<usize>().unwrap())
            .expect("totalItems")
    };
    assert_eq!(total(app.get("/catalog.nt").await.1), 7);
    assert_eq!(total(app.get("/catalog.nt?q=BICYCLE").await.1), 1);
    assert_eq!(
        total(app.get("/catalog.nt?modified_since=2999-01-01").await.1),
        0
    );
    assert_eq!(
        total(
            app.get("/catalog.nt?modified_since=2000-01-01T00:00:00Z")
                .await
                .1
        ),
        7
    );
}

#[tokio::test]
async fn bad_feed_parameters_are_400_and_pages_past_the_end_404() {
    let app = TestApp::spawn().await;
    for query in [
        "page=0",
        "page=x",
        "page_size=-1",
        "modified_since=last%20week",
    ] {
        let (status, body) = app.get(&format!("/catalog.ttl?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {body}");
        assert!(body.contains("parameter"), "{body}");
    }
    assert_eq!(
        app.get("/catalog.ttl?page=9").await.0,
        StatusCode::NOT_FOUND
    );
    let (status, capped) = app.get("/catalog.nt?page_size=100000").await;
    assert_eq!(status, StatusCode::OK);
    assert!(capped.contains("<http://www.w3.org/ns/hydra/core#itemsPerPage> \"1000\""));
}

#[tokio::test]
async fn the_catalog_negotiates_between_the_page_and_the_feed() {
    let app = TestApp::spawn().await;
    let html = get_with(&app, "/catalog", "text/html").await;
    assert!(header(&html, "content-type").starts_with("text/html"));
    let turtle = get_with(&app, "/catalog", "text/turtle").await;
    assert_eq!(turtle.status(), StatusCode::OK);
    assert!(header(&turtle, "content-type").starts_with("text/turtle"));
    assert!(
        turtle
            .text()
            .await
            .unwrap()
            .contains("hydra:PartialCollectionView")
    );
    assert_eq!(
        get_with(&app, "/catalog", "image/png").await.status(),
        StatusCode::NOT_ACCEPTABLE
    );
}
