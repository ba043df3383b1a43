//! Import then export gives back the same graph, for every RDF file of the
//! shared fixtures that Plaza can read: what the harvest feed serves, minus
//! Plaza's own catalog records and paging, is isomorphic to the records'
//! descriptions in the file. Importing the file again changes nothing.

mod support;

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;
use oxigraph::model::{Graph, NamedOrBlankNodeRef};
use plaza::catalog::{same_description, split};
use plaza::rdf::{Strictness, parse_graph};
use reqwest::StatusCode;
use support::TestApp;

const BASE: &str = "http://plaza.test/";

fn fixture_files(dir: &Path, out: &mut Vec<(PathBuf, RdfFormat, &'static str)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "shacl" | "context" | "vocab" | "LICENSES") {
                fixture_files(&path, out);
            }
            continue;
        }
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("ttl") => (RdfFormat::Turtle, "text/turtle"),
            Some("rdf" | "xml") => (RdfFormat::RdfXml, "application/rdf+xml"),
            Some("jsonld") => (
                RdfFormat::JsonLd {
                    profile: Default::default(),
                },
                "application/ld+json",
            ),
            _ => continue,
        };
        out.push((path, format.0, format.1));
    }
}

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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
    if !dir.is_dir() {
        eprintln!("SKIPPED: ../shared/fixtures is absent; the round-trip test needs it");
        return;
    }
    let mut files = Vec::new();
    fixture_files(&dir, &mut files);
    let mut checked = 0;
    for (path, format, content_type) in files {
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
