//! Catalog search: words in every language, facets, sorting, stable pages,
//! an index kept in step with imports and rebuilt from the store, and
//! hostile input through the search box and the filters.

use crate::support;

use support::{TestApp, without_markers};

/// The page's HTML with Leptos' markers removed.
async fn page(app: &TestApp, path: &str) -> String {
    let (status, body) = app.get(path).await;
    assert_eq!(status, 200, "{path}");
    without_markers(&body)
}

/// The "N results" count of a result page.
fn count(html: &str) -> usize {
    html.split("class=\"results-count\">")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no result count in {html}"))
}

/// The titles of the results, in order.
fn titles(html: &str) -> Vec<String> {
    html.split("class=\"card-title\"")
        .skip(1)
        .filter_map(|card| {
            let link = card.split("<a href=").nth(1)?;
            link.split_once('>')?.1.split("</a>").next()
        })
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn words_find_records_in_any_language_and_in_other_word_forms() {
    let app = TestApp::spawn().await;
    for (words, expected) in [
        ("bicycle", "Bicycle counts"),
        ("BICYCLE counts", "Bicycle counts"),
        // English stemming: "count" matches "counts".
        ("count", "Bicycle counts"),
        // French text, found from the English page; "compteurs" is in the
        // French description only, and accents need not be typed.
        ("compteurs", "Bicycle counts"),
        ("qualite air", "Air quality measurements"),
    ] {
        let html = page(&app, &format!("/catalog?q={}", words.replace(' ', "+"))).await;
        assert!(count(&html) >= 1, "{words}: {html}");
        assert_eq!(titles(&html)[0], expected, "{words}");
    }
    let html = page(&app, "/catalog?q=zeppelin").await;
    assert_eq!(count(&html), 0);
    assert!(html.contains("Nothing matches this search"));
}

#[tokio::test]
async fn facets_count_every_value_and_a_facet_link_narrows_the_results() {
    let app = TestApp::spawn().await;
    let all = page(&app, "/catalog").await;
    assert_eq!(count(&all), 7);
    for facet in [
        "Type",
        "Theme",
        "Publisher",
        "Format",
        "Licence",
        "Keyword",
        "Language",
        "Access rights",
    ] {
        assert!(
            all.contains(&format!(">{facet}</h3>")),
            "facet {facet} missing"
        );
    }
    // The CSV link of the format facet, as a reader would follow it.
    let csv = "/catalog?format=http%3A%2F%2Fpublications.europa.eu%2Fresource%2Fauthority%2Ffile-type%2FCSV";
    assert!(
        all.contains(&csv.replace('&', "&amp;")),
        "CSV facet link missing"
    );
    let listed: usize = all
        .split(&format!("href=\"{csv}\""))
        .nth(1)
        .and_then(|rest| rest.split("class=\"facet-count\">").nth(1))
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.parse().ok())
        .expect("a count next to CSV");
    let filtered = page(&app, csv).await;
    assert_eq!(
        count(&filtered),
        listed,
        "the facet count is the result count"
    );
    assert!(listed < 7);
    assert!(
        filtered.contains("Remove filter"),
        "the active filter is shown"
    );
    assert!(
        filtered.contains("aria-current=\"true\""),
        "the selected value is marked"
    );
    // Two filters narrow further; the theme facet still counts within the filter.
    let both = page(&app, &format!("{csv}&theme=http%3A%2F%2Fpublications.europa.eu%2Fresource%2Fauthority%2Fdata-theme%2FTRAN")).await;
    assert!(count(&both) <= listed);
    assert_eq!(titles(&both), ["Bicycle counts"]);
}

#[tokio::test]
async fn sorting_by_title_pages_through_every_record_once_with_stable_urls() {
    let app = TestApp::spawn().await;
    let token = app.create_token("search test").await;
    let body = plaza::demo::generate_catalog(45, "http://plaza.test/");
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            body,
        )
        .await;
    assert_eq!(
        response.status(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let mut seen = Vec::new();
    for number in 1..=3 {
        let path = format!("/catalog?sort=title&page={number}");
        let html = page(&app, &path).await;
        assert_eq!(count(&html), 52);
        let on_page = titles(&html);
        assert_eq!(
            on_page.len(),
            if number < 3 { 20 } else { 12 },
            "page {number}"
        );
        assert_eq!(
            titles(&page(&app, &path).await),
            on_page,
            "the same URL gives the same page"
        );
        seen.extend(on_page);
    }
    let mut sorted = seen.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(seen, sorted, "titles in order across pages");
    let page_two = page(&app, "/catalog?sort=title&page=2").await;
    assert!(page_two.contains("rel=\"prev\"") && page_two.contains("rel=\"next\""));
    assert!(page_two.contains("aria-current=\"page\""));
}

#[tokio::test]
async fn an_imported_record_is_found_at_once_and_an_update_replaces_it() {
    let app = TestApp::spawn().await;
    let token = app.create_token("search test").await;
    let dataset = |title: &str| {
        format!(
            "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
             <http://plaza.test/datasets/heat-map> a dcat:Dataset ; dct:title \"{title}\"@en ;\n\
               dct:description \"Surface temperature.\"@en ."
        )
    };
    let import = |body: String| {
        let app = &app;
        let token = token.clone();
        async move {
            let response = app
                .post_rdf(
                    "/api/import?mode=lenient",
                    "text/turtle",
                    Some(&token),
                    body,
                )
                .await;
            assert_eq!(response.status(), 200);
        }
    };
    import(dataset("Urban heat islands")).await;
    assert_eq!(
        titles(&page(&app, "/catalog?q=islands").await),
        ["Urban heat islands"]
    );
    import(dataset("Cool spots in summer")).await;
    assert_eq!(
        count(&page(&app, "/catalog?q=islands").await),
        0,
        "the old title is gone"
    );
    assert_eq!(
        titles(&page(&app, "/catalog?q=spots").await),
        ["Cool spots in summer"]
    );
    assert_eq!(
        count(&page(&app, "/catalog").await),
        8,
        "the record is listed once"
    );
}

#[tokio::test]
async fn a_missing_index_is_rebuilt_and_a_stale_one_is_brought_in_step_at_start() {
    let app = TestApp::spawn().await;
    let token = app.create_token("search test").await;
    let dir = app.stop().await;
    let search_dir = dir.path().join("search");
    let before = search_dir.with_extension("before");
    copy_dir(&search_dir, &before);

    // A record imported while the index copy above was taken stays unknown
    // to that copy.
    let app = TestApp::spawn_in(dir, &[]).await;
    let body = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
        <http://plaza.test/datasets/lidar> a dcat:Dataset ; dct:title \"Lidar point cloud\"@en ; dct:description \"3D.\"@en .";
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            body,
        )
        .await;
    assert_eq!(response.status(), 200);
    let dir = app.stop().await;
    std::fs::remove_dir_all(&search_dir).expect("remove index");
    std::fs::rename(&before, &search_dir).expect("put the stale index back");

    let app = TestApp::spawn_in(dir, &[]).await;
    assert_eq!(
        titles(&page(&app, "/catalog?q=lidar").await),
        ["Lidar point cloud"],
        "reconciled"
    );
    let dir = app.stop().await;

    std::fs::remove_dir_all(&search_dir).expect("remove index");
    let app = TestApp::spawn_in(dir, &[]).await;
    assert_eq!(
        count(&page(&app, "/catalog").await),
        8,
        "rebuilt from the store"
    );
    let dir = app.stop().await;

    std::fs::write(search_dir.join("meta.json"), "not json").expect("damage the index");
    let app = TestApp::spawn_in(dir, &[]).await;
    assert_eq!(
        count(&page(&app, "/catalog").await),
        8,
        "a damaged index is rebuilt"
    );
}

#[tokio::test]
async fn hostile_text_in_the_search_box_and_filters_is_shown_as_text_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let attacks = [
        "\"} } DROP ALL ; INSERT DATA { <a> <b> <c> } #",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "title:* OR 1=1 --",
        "' ; DELETE WHERE { ?s ?p ?o } ;",
        "*",
        "\u{0}\u{1}",
    ];
    for attack in attacks {
        let encoded: String = form_urlencoded::byte_serialize(attack.as_bytes()).collect();
        for path in [
            format!("/catalog?q={encoded}"),
            format!("/catalog?theme={encoded}&publisher={encoded}&keyword={encoded}"),
            format!("/catalog?q={encoded}&sort={encoded}&page={encoded}"),
        ] {
            let html = page(&app, &path).await;
            assert!(!html.contains("<script>alert"), "{path}");
            assert!(!html.contains("<img src=x"), "{path}");
        }
    }
    // The store is untouched: the feed still counts seven records.
    let (_, triples) = app.get("/catalog.nt").await;
    assert!(
        triples.contains("<http://www.w3.org/ns/hydra/core#totalItems> \"7\""),
        "{triples}"
    );
    assert_eq!(count(&page(&app, "/catalog").await), 7);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("read index dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy file");
    }
}

#[tokio::test]
async fn the_search_server_function_answers_json_as_the_browser_calls_it() {
    let app = TestApp::spawn().await;
    let response = app
        .send(reqwest::Method::POST, "/api/fn/search-catalog", |r| {
            r.json(&serde_json::json!({
                "lang": "fr",
                "params": { "q": "vélo", "filters": [["type", "dataset"]], "sort": "Title", "page": 1, "page_size": 20 }
            }))
        })
        .await;
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(page["total"], 1);
    assert_eq!(
        page["items"][0]["title"], "Comptages vélo",
        "the French title"
    );
    let themes = page["facets"]
        .as_array()
        .and_then(|f| f.iter().find(|g| g["name"] == "theme"))
        .expect("theme facet");
    assert_eq!(
        themes["values"][0]["label"], "Transports",
        "labels in French"
    );
}

#[tokio::test]
async fn the_sitemap_lists_every_record_page_and_robots_txt_points_to_it() {
    let app = TestApp::spawn().await;
    let (status, robots) = app.get("/robots.txt").await;
    assert_eq!(status, 200);
    assert!(
        robots.contains("Sitemap: http://plaza.test/sitemap.xml"),
        "{robots}"
    );
    let (status, index) = app.get("/sitemap.xml").await;
    assert_eq!(status, 200);
    assert!(index.contains("<loc>http://plaza.test/sitemap/pages.xml</loc>"));
    assert!(index.contains("<loc>http://plaza.test/sitemap/records-1.xml</loc>"));
    assert!(!index.contains("records-2.xml"));
    let (_, pages) = app.get("/sitemap/pages.xml").await;
    assert!(pages.contains("<loc>http://plaza.test/catalog</loc>"));
    let (status, records) = app.get("/sitemap/records-1.xml").await;
    assert_eq!(status, 200);
    assert_eq!(records.matches("<url>").count(), 7, "{records}");
    assert!(
        records.contains(
            "<loc>http://plaza.test/datasets/bicycle-counts</loc><lastmod>2026-11-20</lastmod>"
        ),
        "{records}"
    );
    for missing in [
        "/sitemap/records-2.xml",
        "/sitemap/records-0.xml",
        "/sitemap/other.xml",
    ] {
        assert_eq!(app.get(missing).await.0, 404, "{missing}");
    }
}
