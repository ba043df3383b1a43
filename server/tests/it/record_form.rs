//! The record form: errors next to their fields in plain language, nothing
//! typed is lost, a valid record is saved and shown, editing keeps what the
//! form does not show, and the live check answers per field.

use crate::support;

use reqwest::Method;
use support::{TestApp, without_markers};

async fn signed_in(app: &TestApp) -> String {
    app.publisher().await
}

async fn post(app: &TestApp, cookie: &str, pairs: &[(&str, &str)]) -> String {
    let response = app
        .send(Method::POST, "/publish/records", |r| {
            r.header("cookie", cookie).form(pairs)
        })
        .await;
    assert_eq!(
        response.status(),
        303,
        "{}",
        response.text().await.unwrap_or_default()
    );
    response.headers()["location"].to_str().unwrap().to_owned()
}

async fn page(app: &TestApp, cookie: &str, path: &str) -> (u16, String) {
    let response = app
        .send(Method::GET, path, |r| r.header("cookie", cookie))
        .await;
    let status = response.status().as_u16();
    (status, without_markers(&response.text().await.unwrap()))
}

const CSV: &str = "http://publications.europa.eu/resource/authority/file-type/CSV";
const CC0: &str = "http://publications.europa.eu/resource/authority/licence/CC0";
const ENVI: &str = "http://publications.europa.eu/resource/authority/data-theme/ENVI";

#[tokio::test]
async fn errors_show_next_to_their_fields_and_nothing_typed_is_lost() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let location = post(
        &app,
        &cookie,
        &[
            ("kind", "dataset"),
            ("title_en", "Benches <b>in parks</b>"),
            ("keywords", "benches, parks"),
            ("contact_email", "not an address"),
            ("temporal_start", "2024-02-30"),
            ("dist0_download_url", "ftp:/nowhere"),
            ("dist0_format", CSV),
            ("action", "save"),
        ],
    )
    .await;
    assert!(location.starts_with("/publish/drafts/"), "{location}");
    let (status, html) = page(&app, &cookie, location.split('#').next().unwrap()).await;
    assert_eq!(status, 200);
    // Each problem by its field, in words, with the input marked invalid.
    for (field, text) in [
        ("description_en", "This is required: fill it in."),
        (
            "contact_email",
            "Enter an e-mail address like name@example.org.",
        ),
        ("temporal_start", "Enter a date as YYYY-MM-DD."),
        (
            "dist0_download_url",
            "Enter a full web address starting with https:// or http://.",
        ),
    ] {
        let error = format!("<p id=\"{field}-error\" class=\"field-error\">{text}</p>");
        assert!(html.contains(&error), "{field}: {html}");
        assert!(
            html.contains(&format!("href=\"#field-{field}\"")),
            "summary links to {field}"
        );
    }
    assert!(
        !html.contains("sh:") && !html.contains("shacl#"),
        "no raw shape IRIs"
    );
    // What was typed is all there, escaped.
    assert!(
        html.contains("value=\"Benches &lt;b&gt;in parks&lt;/b&gt;\""),
        "{html}"
    );
    assert!(html.contains("value=\"not an address\""));
    assert!(html.contains("value=\"benches, parks\""));
    assert!(
        html.contains(&format!("<option value=\"{CSV}\" selected")),
        "the picked format stays picked"
    );
    // Nothing was stored.
    assert_eq!(app.get("/datasets/benches-b-in-parks-b").await.0, 404);
}

#[tokio::test]
async fn a_valid_dataset_is_saved_with_eu_iris_and_edited_without_losing_other_properties() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let location = post(
        &app,
        &cookie,
        &[
            ("kind", "dataset"),
            ("title_en", "Public benches"),
            ("title_fr", "Bancs publics"),
            ("description_en", "Every bench in the city's parks."),
            ("keywords", "benches, parks"),
            ("themes", ENVI),
            ("contact_name", "Parks"),
            ("contact_email", "parks@havenstad.example"),
            ("spatial_bbox", "3.6,51.0,3.8,51.1"),
            ("temporal_start", "2024-01-01"),
            ("dist0_title", "Benches (CSV)"),
            ("dist0_description", "One row per bench."),
            ("dist0_access_url", "https://data.havenstad.example/benches"),
            (
                "dist0_download_url",
                "https://data.havenstad.example/benches.csv",
            ),
            ("dist0_format", CSV),
            ("dist0_licence", CC0),
            ("dist0_byte_size", "2048"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(location, "/datasets/public-benches");
    let (_, turtle) = app
        .get_rdf("http://plaza.test/datasets/public-benches")
        .await;
    assert!(
        turtle.contains(ENVI) || turtle.contains("data-theme/ENVI"),
        "{turtle}"
    );
    assert!(turtle.contains("\"Bancs publics\"@fr"));
    assert!(turtle.contains("\"One row per bench.\"@en"), "{turtle}");
    assert!(
        turtle.contains("POLYGON((3.6 51, 3.8 51, 3.8 51.1, 3.6 51.1, 3.6 51))"),
        "{turtle}"
    );
    assert!(
        turtle.contains("\"2048\"^^xsd:nonNegativeInteger") || turtle.contains("2048"),
        "{turtle}"
    );

    // A property the form does not show, added by import, survives an edit.
    let token = app.create_token("importer").await;
    let extra = "@prefix dct: <http://purl.org/dc/terms/> .\n<http://plaza.test/datasets/public-benches> dct:provenance [ a dct:ProvenanceStatement ; <http://www.w3.org/2000/01/rdf-schema#label> \"Surveyed in 2023\" ] .";
    let (_, current) = app
        .get_rdf("http://plaza.test/datasets/public-benches")
        .await;
    let response = app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            format!("{current}\n{extra}"),
        )
        .await;
    assert_eq!(response.status(), 200);
    let (_, imported) = app
        .get_rdf("http://plaza.test/datasets/public-benches")
        .await;
    assert!(imported.contains("Surveyed in 2023"), "{imported}");
    let (status, form) = page(
        &app,
        &cookie,
        "/publish/edit?record=%2Fdatasets%2Fpublic-benches",
    )
    .await;
    assert_eq!(status, 200);
    assert!(form.contains("value=\"Public benches\""), "{form}");
    assert!(
        form.contains("value=\"3.6,51,3.8,51.1\""),
        "the box comes back as numbers: {form}"
    );
    let location = post(
        &app,
        &cookie,
        &[
            ("kind", "dataset"),
            ("iri", "http://plaza.test/datasets/public-benches"),
            ("title_en", "Public benches and picnic tables"),
            ("title_fr", "Bancs publics"),
            ("description_en", "Every bench in the city's parks."),
            ("keywords", "benches, parks"),
            ("themes", ENVI),
            ("contact_name", "Parks"),
            ("contact_email", "parks@havenstad.example"),
            (
                "dist0_iri",
                "http://plaza.test/datasets/public-benches/distributions/1",
            ),
            ("dist0_title", "Benches (CSV)"),
            ("dist0_access_url", "https://data.havenstad.example/benches"),
            ("dist0_format", CSV),
            ("dist0_licence", CC0),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(location, "/datasets/public-benches");
    let (_, turtle) = app
        .get_rdf("http://plaza.test/datasets/public-benches")
        .await;
    assert!(turtle.contains("Public benches and picnic tables"));
    assert!(
        turtle.contains("Surveyed in 2023"),
        "the provenance is kept: {turtle}"
    );
    let (_, html) = page(&app, &cookie, "/datasets/public-benches").await;
    assert!(html.contains("What changed in version 3"), "{html}");
}

#[tokio::test]
async fn adding_a_distribution_without_javascript_keeps_the_form() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let location = post(
        &app,
        &cookie,
        &[
            ("kind", "dataset"),
            ("title_en", "Trees"),
            ("dist0_title", "First"),
            ("action", "add_distribution"),
        ],
    )
    .await;
    assert!(location.ends_with("#dist1"), "{location}");
    let (_, html) = page(&app, &cookie, location.split('#').next().unwrap()).await;
    assert!(html.contains("id=\"dist1\""));
    assert!(html.contains("value=\"First\""));
    assert!(
        !html.contains("field-error"),
        "adding is not saving: no errors yet"
    );
}

#[tokio::test]
async fn the_live_check_answers_errors_and_quality_only_when_signed_in() {
    let app = TestApp::spawn().await;
    let form = serde_json::json!({ "form": { "kind": "dataset", "iri": "", "slug": "", "titles": [["en", "Trees"]], "descriptions": [],
        "keywords": "", "themes": [], "publisher": "", "contact_name": "", "contact_email": "x", "landing_page": "", "languages": [],
        "access_rights": "", "frequency": "", "spatial_place": "", "spatial_bbox": "", "temporal_start": "", "temporal_end": "", "issued": "",
        "hvd_category": "", "endpoint_url": "", "endpoint_description": "", "distributions": [] } });
    let anonymous = app
        .send(Method::POST, "/api/fn/check-form", |r| r.json(&form))
        .await;
    assert_eq!(anonymous.status(), 401);
    let refusal: serde_json::Value = anonymous.json().await.unwrap();
    assert_eq!(refusal["error"], "sign_in_required", "{refusal}");
    let cookie = signed_in(&app).await;
    let checked: serde_json::Value = app
        .send(Method::POST, "/api/fn/check-form", |r| {
            r.header("cookie", &cookie).json(&form)
        })
        .await
        .json()
        .await
        .unwrap();
    let fields: Vec<&str> = checked["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"contact_email") && fields.contains(&"description_en"),
        "{checked}"
    );
    assert!(
        checked["quality"]["dimensions"]
            .as_array()
            .is_some_and(|d| d.len() >= 4)
    );
}

#[tokio::test]
async fn a_deleted_record_leaves_the_catalog_and_keeps_its_history() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let (status, confirm) = page(
        &app,
        &cookie,
        "/publish/confirm-delete?record=%2Fdatasets%2Fbicycle-counts",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        confirm.contains("Delete the record at /datasets/bicycle-counts?"),
        "{confirm}"
    );
    // A cross-site post deletes nothing.
    let refused = app
        .send(Method::POST, "/publish/records/delete", |r| {
            r.header("cookie", &cookie)
                .header("origin", "http://evil.example")
                .form(&[("record", "/datasets/bicycle-counts")])
        })
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(app.get("/datasets/bicycle-counts").await.0, 200);

    let response = app
        .send(Method::POST, "/publish/records/delete", |r| {
            r.header("cookie", &cookie)
                .form(&[("record", "/datasets/bicycle-counts")])
        })
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/publish?done=deleted");
    assert_eq!(app.get("/datasets/bicycle-counts").await.0, 404);
    let (status, _) = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts")
        .await;
    assert_eq!(status, 410);
    let (_, search) = page(&app, &cookie, "/catalog?q=bicycle").await;
    assert!(search.contains(">0 results<"), "gone from the search");
    let (_, feed) = app.get("/catalog.nt").await;
    assert!(!feed.contains("<http://plaza.test/datasets/bicycle-counts> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"));
    let (status, old) = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts?version=1")
        .await;
    assert_eq!(status, 200, "the first version stays readable");
    assert!(old.contains("Bicycle counts"));
    // Deleting again: nothing there.
    let again = app
        .send(Method::POST, "/publish/records/delete", |r| {
            r.header("cookie", &cookie)
                .form(&[("record", "/datasets/bicycle-counts")])
        })
        .await;
    assert_eq!(again.status(), 404);
}

#[tokio::test]
async fn hostile_text_in_every_form_field_is_kept_as_text_and_changes_nothing_else() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let fields = [
        "slug",
        "title_en",
        "title_fr",
        "description_en",
        "description_fr",
        "keywords",
        "themes",
        "publisher",
        "contact_name",
        "contact_email",
        "landing_page",
        "languages",
        "access_rights",
        "frequency",
        "spatial_place",
        "spatial_bbox",
        "temporal_start",
        "temporal_end",
        "issued",
        "hvd_category",
        "endpoint_url",
        "endpoint_description",
        "serves_datasets",
        "dist0_title",
        "dist0_description",
        "dist0_access_url",
        "dist0_download_url",
        "dist0_format",
        "dist0_media_type",
        "dist0_licence",
        "dist0_byte_size",
        "dist0_iri",
        "iri",
        "kind",
    ];
    let attacks = [
        "\"><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "x\" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #",
        "http://x.test/a> <http://x.test/b> <http://x.test/c> . <http://x.test/d",
    ];
    let (_, before) = app.get("/catalog.nt").await;
    for attack in attacks {
        for field in fields {
            let mut pairs = vec![
                ("kind", "dataset"),
                ("title_en", "Probe"),
                ("action", "save"),
            ];
            pairs.retain(|(k, _)| *k != field);
            pairs.push((field, attack));
            let response = app
                .send(Method::POST, "/publish/records", |r| {
                    r.header("cookie", &cookie).form(&pairs)
                })
                .await;
            let status = response.status().as_u16();
            if status != 303 && status != 400 {
                panic!(
                    "{field} with {attack:?}: {status} {}",
                    response.text().await.unwrap_or_default()
                );
            }
            if status == 303 {
                let location = response.headers()["location"].to_str().unwrap().to_owned();
                if location.starts_with("/publish/drafts/") {
                    let (_, html) = page(&app, &cookie, location.split('#').next().unwrap()).await;
                    if let Some(at) = html.find("<script>alert") {
                        panic!(
                            "{field} echoed a script: {}",
                            &html[at.saturating_sub(300)..(at + 60).min(html.len())]
                        );
                    }
                    assert!(!html.contains("<img src=x"), "{field} echoed an element");
                }
            }
        }
    }
    // The demo records are all still there; text stayed text (a record
    // whose description is an attack string may be stored: it is a
    // literal), and no injected triple exists.
    let (_, after) = app.get("/catalog.nt").await;
    for line in before
        .lines()
        .filter(|l| l.contains("<http://www.w3.org/ns/dcat#dataset>"))
    {
        assert!(after.contains(line), "lost: {line}");
    }
    assert!(!after.contains("<http://x.test/b> <http://x.test/c>"));
    assert!(!after.contains("<http://x.test/a> <http://x.test/b>"));
}

#[tokio::test]
async fn a_data_service_is_saved_with_its_endpoint_and_the_datasets_it_serves() {
    let app = TestApp::spawn().await;
    let cookie = signed_in(&app).await;
    let location = post(
        &app,
        &cookie,
        &[
            ("kind", "service"),
            ("title_en", "Air quality API"),
            ("description_en", "Live measurements."),
            ("endpoint_url", "https://api.havenstad.example/air"),
            ("serves_datasets", "http://plaza.test/datasets/air-quality"),
            ("action", "save"),
        ],
    )
    .await;
    if location != "/services/air-quality-api" {
        let (_, html) = page(&app, &cookie, location.split('#').next().unwrap()).await;
        let summary = html.split("error-summary").nth(1).unwrap_or_default();
        panic!("refused: {}", &summary[..summary.len().min(1500)]);
    }
    let (_, turtle) = app
        .get_rdf("http://plaza.test/services/air-quality-api")
        .await;
    assert!(
        turtle.contains("dcat:servesDataset <http://plaza.test/datasets/air-quality>"),
        "{turtle}"
    );
    assert!(turtle.contains("dcat:endpointURL <https://api.havenstad.example/air>"));
    let (_, search) = page(&app, &cookie, "/catalog?type=service").await;
    assert!(search.contains("Air quality API"));
}
