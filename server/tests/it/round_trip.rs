//! Import then export gives back the same graph, for every RDF file of the
//! shared fixtures that Plaza can read: what the harvest feed serves, minus
//! Plaza's own catalog records and paging, is isomorphic to the records'
//! descriptions in the file. Importing the file again changes nothing.

use crate::support;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Graph, NamedOrBlankNodeRef};
use plaza::catalog::{same_description, split};
use plaza::rdf::{Strictness, parse_graph};
use reqwest::StatusCode;
use support::TestApp;
use support::fixtures::rdf_files;

const BASE: &str = "http://plaza.test/";

/// The feed's triples without Plaza's own: catalog, catalog records, paging.
fn exported_descriptions(feed: &Graph) -> Graph {
    feed.iter()
        .filter(|t| match t.subject {
            NamedOrBlankNodeRef::NamedNode(n) => {
                let iri = n.as_str();
                iri != "http://plaza.test/catalog"
                    && !iri.starts_with("http://plaza.test/records/")
                    && !iri.starts_with("http://plaza.test/catalog.nt")
            }
            NamedOrBlankNodeRef::BlankNode(_) => true,
        })
        .collect()
}

#[tokio::test]
async fn import_then_export_is_isomorphic_for_every_readable_fixture() {
    let Some(files) = rdf_files() else {
        eprintln!("SKIPPED: ../shared/fixtures is absent; the round-trip test needs it");
        return;
    };
    let mut checked = 0;
    for file in files {
        let (path, format, content_type) = (file.path, file.format, file.media_type);
        let body = std::fs::read(&path).unwrap();
        let Ok(graph) = parse_graph(&body, format, BASE, Strictness::Lenient) else {
            eprintln!(
                "not RDF Plaza can read (a negative test elsewhere): {}",
                path.display()
            );
            continue;
        };
        let expected: Graph = split(graph, BASE)
            .records
            .iter()
            .flat_map(|r| r.description.iter().map(|t| t.into_owned()))
            .collect();
        if expected.is_empty() {
            eprintln!("no records in {}", path.display());
            continue;
        }
        let app = TestApp::spawn_with(&[("PLAZA_DEMO", "false")]).await;
        let token = app.create_token("round-trip").await;
        let response = app
            .post_rdf(
                "/api/import?mode=lenient",
                content_type,
                Some(&token),
                body.clone(),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}: {}",
            path.display(),
            response.text().await.unwrap()
        );
        let (status, feed) = app.get("/catalog.nt?page_size=1000").await;
        assert_eq!(status, StatusCode::OK);
        let feed = parse_graph(
            feed.as_bytes(),
            RdfFormat::NTriples,
            BASE,
            Strictness::Strict,
        )
        .unwrap();
        let exported = exported_descriptions(&feed);
        if !same_description(&expected, &exported) {
            let ground = |g: &Graph| -> std::collections::BTreeSet<String> {
                g.iter()
                    .filter(|t| !t.to_string().contains("_:"))
                    .map(|t| t.to_string())
                    .collect()
            };
            let (a, b) = (ground(&expected), ground(&exported));
            for only in a.difference(&b).take(5) {
                eprintln!("only in the file: {only}");
            }
            for only in b.difference(&a).take(5) {
                eprintln!("only in the export: {only}");
            }
        }
        assert!(
            same_description(&expected, &exported),
            "{}: {} triples in, {} out",
            path.display(),
            expected.len(),
            exported.len()
        );
        // Importing the same file again changes nothing.
        let again: serde_json::Value = app
            .post_rdf("/api/import?mode=lenient", content_type, Some(&token), body)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            (
                again["created"].as_u64(),
                again["updated"].as_u64(),
                again["stored"].as_bool()
            ),
            (Some(0), Some(0), Some(false)),
            "{}: re-import changed something",
            path.display()
        );
        checked += 1;
    }
    eprintln!("{checked} fixtures round-tripped");
    assert!(checked >= 40, "only {checked} fixtures were checked");
}
