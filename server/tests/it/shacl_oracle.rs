//! Plaza's SHACL verdicts against pySHACL's, file by file, on every RDF file
//! in the shared fixtures. pySHACL runs from PyPI in the virtualenv that
//! `.ci/setup test` makes (`PLAZA_PYSHACL_PYTHON` overrides its path).

use crate::support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use oxigraph::io::RdfFormat;
use plaza::catalog::boundary_nodes;
use plaza::rdf::{Strictness, parse_graph};
use plaza::shacl::validate_body;
use support::fixtures::{rdf_files, reference_python};

/// Files that are not valid RDF, which rdflib reads anyway by dropping what
/// it does not understand. Plaza refuses them with a located parse error
/// instead of judging something else than what the file says.
const INVALID_RDF_TOLERATED_BY_RDFLIB: &[(&str, &str)] = &[(
    "udata-harvest/geonetwork.xml",
    "a property element with rdf:resource also has text content (line 18), which RDF/XML forbids",
)];

/// Plaza's verdict, or why Plaza cannot judge (does not parse even leniently).
fn plaza_verdict(path: &Path, format: RdfFormat) -> Result<bool, String> {
    let body = std::fs::read(path).unwrap();
    let base = "https://plaza.example/";
    let graph = parse_graph(&body, format, base, Strictness::Strict)
        .or_else(|_| parse_graph(&body, format, base, Strictness::Lenient))
        .map_err(|e| e.located_message())?;
    let report = validate_body(&graph, &boundary_nodes(&graph)).expect("validation runs");
    Ok(report.conforms)
}

#[test]
fn verdicts_equal_pyshacl_on_every_fixture_pyshacl_can_judge() {
    let Some(files) = rdf_files() else {
        eprintln!("SKIPPED: ../shared/fixtures is absent; the SHACL oracle test needs it");
        return;
    };
    let Some(python) = reference_python() else {
        return;
    };
    let shapes = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/shacl/shapes");
    let shapes = format!(
        "{},{}",
        shapes.join("dcat-ap-3.0.1.ttl").display(),
        shapes.join("dcat-ap-hvd-3.0.0.ttl").display()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/pyshacl_verdicts.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("pySHACL starts");
    {
        let mut stdin = child.stdin.take().unwrap();
        for file in &files {
            let name = file.rdflib_format;
            writeln!(stdin, "{}\t{name}\t{shapes}", file.path.display()).unwrap();
        }
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "pySHACL script failed");
    let mut judged = 0;
    let mut mismatches = Vec::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let answer: serde_json::Value = serde_json::from_str(line).unwrap();
        let path = PathBuf::from(answer["path"].as_str().unwrap());
        let format = files
            .iter()
            .find(|f| f.path == path)
            .expect("a fixture")
            .format;
        let ours = plaza_verdict(&path, format);
        match answer.get("conforms").and_then(|c| c.as_bool()) {
            Some(theirs) => {
                judged += 1;
                let tolerated = INVALID_RDF_TOLERATED_BY_RDFLIB
                    .iter()
                    .any(|(file, _)| path.ends_with(file));
                if tolerated {
                    let error = ours.expect_err("Plaza refuses the invalid file");
                    assert!(error.starts_with("line "), "no position in {error}");
                    eprintln!(
                        "invalid RDF that rdflib tolerates, refused by Plaza: {} ({error})",
                        path.display()
                    );
                } else if ours != Ok(theirs) {
                    mismatches.push(format!(
                        "{}: pySHACL {theirs}, Plaza {ours:?}",
                        path.display()
                    ));
                }
            }
            None => {
                // pySHACL cannot judge it: Plaza must still answer (a verdict
                // or a parse error with a position), never fail.
                eprintln!(
                    "pySHACL cannot judge {}: Plaza says {ours:?}",
                    path.display()
                );
            }
        }
    }
    eprintln!("{judged} of {} files judged by both", files.len());
    assert!(judged >= 40, "too few files judged: {judged}");
    assert!(
        mismatches.is_empty(),
        "verdicts differ:\n{}",
        mismatches.join("\n")
    );
}
