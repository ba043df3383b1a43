//! The shared fixtures (`../shared/fixtures`) and the Python reference
//! tools (the virtualenv `.ci/setup test` makes).

use std::path::{Path, PathBuf};

use oxigraph::io::RdfFormat;

/// One RDF file of the fixtures.
pub struct RdfFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its syntax.
    pub format: RdfFormat,
    /// The Content-Type to send it with.
    pub media_type: &'static str,
    /// rdflib's name for the syntax.
    pub rdflib_format: &'static str,
}

/// The fixtures directory, when it is there.
pub fn fixtures_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
    dir.is_dir().then_some(dir)
}

/// Every catalog RDF file of the fixtures (not shapes, contexts or
/// vocabularies), in path order; `None` when the fixtures are absent.
pub fn rdf_files() -> Option<Vec<RdfFile>> {
    let mut out = Vec::new();
    walk(&fixtures_dir()?, &mut out);
    Some(out)
}

fn walk(dir: &Path, out: &mut Vec<RdfFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "shacl" | "context" | "vocab" | "LICENSES") {
                walk(&path, out);
            }
            continue;
        }
        let (format, media_type, rdflib_format) = match path.extension().and_then(|e| e.to_str()) {
            Some("ttl") => (RdfFormat::Turtle, "text/turtle", "turtle"),
            Some("rdf" | "xml") => (RdfFormat::RdfXml, "application/rdf+xml", "xml"),
            Some("jsonld") => (
                RdfFormat::JsonLd {
                    profile: Default::default(),
                },
                "application/ld+json",
                "json-ld",
            ),
            _ => continue,
        };
        out.push(RdfFile {
            path,
            format,
            media_type,
            rdflib_format,
        });
    }
}

/// The Python with pySHACL, rdflib and SPARQLWrapper, or `None` (a failure
/// when PLAZA_REQUIRE_PYSHACL is set, as in `make test`).
pub fn reference_python() -> Option<PathBuf> {
    let path = std::env::var_os("PLAZA_PYSHACL_PYTHON")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/plaza-venv/bin/python"))
        })
        .filter(|p| p.is_file());
    if path.is_none() {
        assert!(
            std::env::var_os("PLAZA_REQUIRE_PYSHACL").is_none(),
            "PLAZA_REQUIRE_PYSHACL is set but there is no Python virtualenv (run .ci/setup test)"
        );
        eprintln!("SKIPPED: no Python virtualenv at ~/.cache/plaza-venv (run .ci/setup test)");
    }
    path
}
