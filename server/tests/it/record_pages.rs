//! Record pages as people read them: readable properties, distributions
//! with their links, quality with advice, validation problems, the history
//! with what changed, old versions, schema.org JSON-LD, both languages.

use crate::support;

use reqwest::Method;
use support::{TestApp, without_markers};

async fn html(app: &TestApp, path: &str) -> (u16, String) {
    let response = app
        .send(Method::GET, path, |r| r.header("Accept", "text/html"))
        .await;
    let status = response.status().as_u16();
    (
        status,
        without_markers(&response.text().await.expect("body")),
    )
}

async fn import(app: &TestApp, token: &str, turtle: &str) {
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(token),
            turtle.to_owned(),
        )
        .await;
    assert_eq!(
        response.status(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
}

const PREFIXES: &str = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n\
    @prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .\n\
    @prefix lic: <http://publications.europa.eu/resource/authority/licence/> .\n";

#[tokio::test]
async fn a_record_page_shows_every_property_in_words_and_its_downloads() {
    let app = TestApp::spawn().await;
    let token = app.create_token("pages").await;
    import(
        &app,
        &token,
        &format!(
            "{PREFIXES}<http://plaza.test/datasets/trees> a dcat:Dataset ; dct:title \"Street trees\"@en, \"Arbres\"@fr ;
              dct:description \"Every street tree.\"@en ; dcat:keyword \"nature\"@en ;
              dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
              dcat:distribution [ dct:title \"Trees (CSV)\"@en ; dcat:accessURL <http://plaza.test/trees> ;
                dcat:downloadURL <http://files.example/trees.csv> ; dct:format ft:CSV ; dct:license lic:CC0 ] ."
        ),
    )
    .await;
    let (status, page) = html(&app, "/datasets/trees").await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Street trees</h1>"), "{page}");
    assert!(
        page.contains(">Themes</dt>") && page.contains(">Environment</a>"),
        "theme label"
    );
    assert!(
        page.contains("href=\"http://files.example/trees.csv\""),
        "download link"
    );
    assert!(page.contains("Creative Commons CC0 1.0"), "licence label");
    assert!(page.contains("of 405 points"), "quality score");
    assert!(page.contains("Add a contact point"), "quality advice");
    // schema.org JSON-LD for search engines.
    let json = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("schema.org JSON-LD");
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    assert_eq!(value["@type"], "Dataset");
    assert_eq!(value["name"], "Street trees");
    assert_eq!(
        value["distribution"][0]["contentUrl"],
        "http://files.example/trees.csv"
    );
    // The same page in French.
    let french = app
        .send(Method::GET, "/datasets/trees", |r| {
            r.header("cookie", "i18n_pref_locale=fr")
        })
        .await
        .text()
        .await
        .map(|h| without_markers(&h))
        .expect("body");
    assert!(french.contains("<h1>Arbres</h1>"));
    assert!(french.contains(">Thèmes</dt>") && french.contains(">Environnement</a>"));
    assert!(french.contains("points sur 405"));
}

#[tokio::test]
async fn a_lenient_record_shows_its_problems_and_each_update_says_what_changed() {
    let app = TestApp::spawn().await;
    let token = app.create_token("pages").await;
    let version = |title: &str, keyword: &str| {
        format!(
            "{PREFIXES}<http://plaza.test/datasets/noise> a dcat:Dataset ; dct:title \"{title}\"@en ;
              dcat:keyword \"{keyword}\" ; dcat:distribution [ a dcat:Distribution ; dcat:accessURL <http://plaza.test/noise> ; dcat:byteSize \"many\" ] ."
        )
    };
    import(&app, &token, &version("Noise", "sound")).await;
    import(&app, &token, &version("Noise levels", "sound")).await;
    let (_, page) = html(&app, "/datasets/noise").await;
    // No description: a violation, with the property named in words.
    assert!(
        page.contains("Problems found by DCAT-AP validation"),
        "{page}"
    );
    assert!(page.contains("· Description:"), "{page}");
    assert!(page.contains("Distribution: Size (bytes)"), "{page}");
    // The history, newest first, with the change in words.
    assert!(page.contains("Version 2") && page.contains("Version 1"));
    assert!(page.contains("What changed in version 2"));
    assert!(
        page.contains("<ins>Noise levels (en)</ins>") && page.contains("<del>Noise (en)</del>"),
        "{page}"
    );
    // The first version, with a notice and a link back.
    let (status, old) = html(&app, "/datasets/noise?version=1").await;
    assert_eq!(status, 200);
    assert!(old.contains("<h1>Noise</h1>"));
    assert!(old.contains("You are reading version 1; the current version is 2."));
    assert!(
        old.contains("href=\"/datasets/noise.ttl?version=1\""),
        "alternates of the old version"
    );
    for missing in [
        "/datasets/noise?version=3",
        "/datasets/noise?version=0",
        "/datasets/nothing-here",
    ] {
        let (status, page) = html(&app, missing).await;
        assert_eq!(status, 404, "{missing}");
        assert!(page.contains("Page not found"));
    }
}

#[tokio::test]
async fn an_imported_record_with_a_foreign_iri_has_its_page_at_its_catalog_record() {
    let app = TestApp::spawn().await;
    let token = app.create_token("pages").await;
    import(
        &app,
        &token,
        &format!("{PREFIXES}<https://data.gov.example/dataset/42> a dcat:Dataset ; dct:title \"Harvested\"@en ; dct:description \"From elsewhere.\"@en ."),
    )
    .await;
    let (_, search) = html(&app, "/catalog?q=harvested").await;
    let href = search
        .split("class=\"card-title\"")
        .nth(1)
        .and_then(|card| card.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a result link")
        .to_owned();
    assert!(
        href.starts_with("http://plaza.test/records/external/"),
        "{href}"
    );
    let path = href.trim_start_matches("http://plaza.test");
    let (status, page) = html(&app, path).await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Harvested</h1>"));
    assert!(page.contains("data-iri=\"https://data.gov.example/dataset/42\""));
}
