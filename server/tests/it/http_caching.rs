//! HTTP caching: anonymous pages may be kept briefly by a shared cache,
//! a signed-in reader's never; records and feed pages carry validators
//! from the record version and answer conditional requests with 304.

use reqwest::{Method, StatusCode};

use crate::support::{TestApp, header};

const RECORD: &str = "/datasets/bicycle-counts";

pub async fn get(app: &TestApp, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
    app.send(Method::GET, path, |mut r| {
        for (name, value) in pairs {
            r = r.header(*name, *value);
        }
        r
    })
    .await
}

/// Every value of `Vary`, lower case.
pub fn vary(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .collect()
}

/// Imports the record again with one more keyword: its next version.
pub async fn add_keyword(app: &TestApp, token: &str, path: &str, keyword: &str) {
    let iri = format!("{}{}", app.config.public_url.base_iri(), &path[1..]);
    let (_, current) = app.get_rdf(&iri).await;
    let turtle =
        format!("{current}\n<{iri}> <http://www.w3.org/ns/dcat#keyword> \"{keyword}\"@en .");
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(token),
            turtle,
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
}

/// The record version in a record's entity tag: `W/"<build>-<version>-html-<language>"`
/// for the page, `W/"<version>-<suffix>"` for RDF.
pub fn version_of(etag: &str) -> i64 {
    let opaque = etag.trim_start_matches("W/").trim_matches('"');
    let parts: Vec<&str> = opaque.split('-').collect();
    let at = if opaque.contains("-html-") { 1 } else { 0 };
    parts[at]
        .parse()
        .unwrap_or_else(|_| panic!("no version in {etag}"))
}

#[tokio::test]
async fn an_anonymous_page_may_be_kept_briefly_by_a_shared_cache() {
    let app = TestApp::spawn().await;
    for path in ["/", "/catalog", RECORD] {
        let response = get(&app, path, &[("accept", "text/html")]).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "cache-control"),
            "public, max-age=60",
            "{path}"
        );
        let vary = vary(&response);
        for name in ["cookie", "accept-language", "accept-encoding"] {
            assert!(vary.contains(&name.to_owned()), "{path}: {vary:?}");
        }
    }
    let short = TestApp::spawn_with(&[("PLAZA_PAGE_MAX_AGE_SECONDS", "5")]).await;
    let response = get(&short, "/", &[]).await;
    assert_eq!(header(&response, "cache-control"), "public, max-age=5");
}

#[tokio::test]
async fn a_signed_in_reader_s_pages_are_never_stored_nor_revalidated() {
    let app = TestApp::spawn().await;
    let anonymous = get(&app, RECORD, &[("accept", "text/html")]).await;
    let etag = header(&anonymous, "etag").to_owned();
    assert!(!etag.is_empty());
    let cookie = app.publisher().await;
    for path in ["/", "/catalog", RECORD, "/account"] {
        let response = get(&app, path, &[("accept", "text/html"), ("cookie", &cookie)]).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            header(&response, "cache-control"),
            "private, no-store",
            "{path}"
        );
        assert!(vary(&response).contains(&"cookie".to_owned()), "{path}");
    }
    let page = get(
        &app,
        RECORD,
        &[("accept", "text/html"), ("cookie", &cookie)],
    )
    .await;
    assert_eq!(header(&page, "etag"), "", "no validator on a personal page");
    // The anonymous copy's tag never makes a signed-in page a 304.
    let conditional = get(
        &app,
        RECORD,
        &[
            ("accept", "text/html"),
            ("cookie", &cookie),
            ("if-none-match", &etag),
        ],
    )
    .await;
    assert_eq!(conditional.status(), 200);
    // Bearer tokens are personal too.
    let token = app.create_token("cache").await;
    let api = get(
        &app,
        "/catalog.ttl",
        &[("authorization", &format!("Bearer {token}"))],
    )
    .await;
    assert_eq!(header(&api, "cache-control"), "private, no-store");
}

#[tokio::test]
async fn a_response_that_sets_a_cookie_a_secret_address_errors_and_probes_are_never_kept() {
    let app = TestApp::spawn().await;
    let switched = app
        .send(Method::POST, "/lang", |r| {
            r.form(&[("locale", "fr"), ("next", "/")])
        })
        .await;
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert!(!header(&switched, "set-cookie").is_empty());
    assert_eq!(header(&switched, "cache-control"), "private, no-store");
    let reset = get(&app, "/account/reset?token=not-a-real-one", &[]).await;
    assert_eq!(reset.status(), 200);
    assert_eq!(
        header(&reset, "cache-control"),
        "private, no-store",
        "an address with a secret is never kept"
    );
    for path in [
        "/no-such-page",
        "/datasets/no-such-record.ttl",
        "/healthz",
        "/readyz",
        "/metrics",
    ] {
        let response = get(&app, path, &[]).await;
        assert_eq!(header(&response, "cache-control"), "no-store", "{path}");
    }
}

#[tokio::test]
async fn a_record_and_each_of_its_representations_answer_a_conditional_request_with_304() {
    let app = TestApp::spawn().await;
    let mut tags = Vec::new();
    for (accept, language) in [
        ("text/html", "en"),
        ("text/html", "fr"),
        ("text/turtle", "en"),
        ("application/ld+json", "en"),
        ("application/rdf+xml", "en"),
        ("application/n-triples", "en"),
    ] {
        let headers = [("accept", accept), ("accept-language", language)];
        let full = get(&app, RECORD, &headers).await;
        assert_eq!(full.status(), 200, "{accept}");
        let etag = header(&full, "etag").to_owned();
        let modified = header(&full, "last-modified").to_owned();
        assert!(etag.starts_with("W/\""), "{accept}: {etag}");
        assert_eq!(version_of(&etag), 1, "{accept}: {etag}");
        assert!(
            httpdate::parse_http_date(&modified).is_ok(),
            "{accept}: {modified}"
        );
        tags.push(etag.clone());

        let by_tag = get(
            &app,
            RECORD,
            &[headers[0], headers[1], ("if-none-match", &etag)],
        )
        .await;
        assert_eq!(by_tag.status(), 304, "{accept}");
        assert_eq!(header(&by_tag, "etag"), etag);
        assert_eq!(header(&by_tag, "cache-control"), "public, max-age=60");
        assert!(vary(&by_tag).contains(&"accept".to_owned()));
        assert!(by_tag.bytes().await.unwrap().is_empty());

        let by_date = get(
            &app,
            RECORD,
            &[headers[0], headers[1], ("if-modified-since", &modified)],
        )
        .await;
        assert_eq!(by_date.status(), 304, "{accept}");
        let other = get(
            &app,
            RECORD,
            &[headers[0], headers[1], ("if-none-match", "W/\"0-ttl\"")],
        )
        .await;
        assert_eq!(other.status(), 200, "{accept}");
    }
    let mut distinct = tags.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        tags.len(),
        "one tag per representation: {tags:?}"
    );
    let suffixed = get(&app, &format!("{RECORD}.ttl"), &[]).await;
    assert_eq!(header(&suffixed, "etag"), tags[2], "same Turtle, same tag");
}

#[tokio::test]
async fn a_new_version_of_a_record_gives_new_validators_and_a_full_answer() {
    let app = TestApp::spawn().await;
    let token = app.create_token("versions").await;
    let before: Vec<(String, String)> = {
        let mut out = Vec::new();
        for accept in ["text/html", "text/turtle"] {
            let response = get(&app, RECORD, &[("accept", accept)]).await;
            out.push((accept.to_owned(), header(&response, "etag").to_owned()));
        }
        out
    };
    let feed_before = header(&get(&app, "/catalog.ttl", &[]).await, "etag").to_owned();
    add_keyword(&app, &token, RECORD, "counted").await;
    for (accept, old) in before {
        let response = get(
            &app,
            RECORD,
            &[("accept", &accept), ("if-none-match", &old)],
        )
        .await;
        assert_eq!(response.status(), 200, "{accept}");
        let new = header(&response, "etag").to_owned();
        assert_eq!(version_of(&new), 2, "{accept}: {new}");
        assert_ne!(new, old, "{accept}");
        assert!(
            response.text().await.unwrap().contains("counted"),
            "{accept}"
        );
    }
    let feed = get(&app, "/catalog.ttl", &[("if-none-match", &feed_before)]).await;
    assert_eq!(feed.status(), 200);
    assert_ne!(header(&feed, "etag"), feed_before);
}

#[tokio::test]
async fn feed_pages_carry_validators_and_answer_a_conditional_request_with_304() {
    let app = TestApp::spawn().await;
    let first = get(&app, "/catalog.ttl?page_size=2", &[]).await;
    assert_eq!(first.status(), 200);
    let etag = header(&first, "etag").to_owned();
    let modified = header(&first, "last-modified").to_owned();
    assert!(etag.starts_with("W/\"feed-"), "{etag}");
    assert!(httpdate::parse_http_date(&modified).is_ok(), "{modified}");
    assert_eq!(header(&first, "cache-control"), "public, max-age=60");

    let again = get(
        &app,
        "/catalog.ttl?page_size=2",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status(), 304);
    let since = get(
        &app,
        "/catalog.ttl?page_size=2",
        &[("if-modified-since", &modified)],
    )
    .await;
    assert_eq!(since.status(), 304);

    let second = get(
        &app,
        "/catalog.ttl?page=2&page_size=2",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(second.status(), 200, "another page has another tag");
    let json = get(
        &app,
        "/catalog.jsonld?page_size=2",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(json.status(), 200, "another syntax has another tag");
    let negotiated = get(&app, "/catalog?page_size=2", &[("accept", "text/turtle")]).await;
    assert!(vary(&negotiated).contains(&"accept".to_owned()));
    let tag = header(&negotiated, "etag").to_owned();
    let negotiated = get(
        &app,
        "/catalog?page_size=2",
        &[("accept", "text/turtle"), ("if-none-match", &tag)],
    )
    .await;
    assert_eq!(negotiated.status(), 304);
    assert!(vary(&negotiated).contains(&"accept".to_owned()));
}
