//! A crash in the middle of an import (the server killed with SIGKILL while
//! it writes) leaves no partial record: after a restart the catalog holds
//! all of the import's records, complete, or none of them.

use crate::support;

use std::time::Duration;

use support::process::{plaza, signal, start_server};

// Enough quads (about 120,000) that the import takes the bulk-load path.
const DATASETS: usize = 2000;

fn count(address: &str, query: &str) -> usize {
    let url = format!("http://{address}/sparql");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let body = reqwest::Client::new()
            .post(url)
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "text/csv")
            .body(query.to_owned())
            .send()
            .await
            .expect("sparql answers")
            .text()
            .await
            .unwrap();
        body.lines()
            .nth(1)
            .expect("a count")
            .trim()
            .parse()
            .unwrap()
    })
}

const DATASET_GRAPHS: &str = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <http://www.w3.org/ns/dcat#Dataset> } }";
const COMPLETE_RECORDS: &str = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <http://www.w3.org/ns/dcat#Dataset> ; <http://www.w3.org/ns/dcat#distribution> ?d . ?d a <http://www.w3.org/ns/dcat#Distribution> . ?c <http://www.w3.org/ns/dcat#record> ?r . ?r <http://purl.org/dc/terms/modified> ?m } }";

fn token_again(dir: &std::path::Path) -> String {
    let output = plaza(dir)
        .args([
            "token",
            "create",
            "--all-organisations",
            "--name",
            "after-crash",
        ])
        .output()
        .expect("token");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

#[test]
fn sigkill_during_an_import_leaves_all_records_or_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let token = plaza(dir.path())
        .args(["token", "create", "--all-organisations", "--name", "crash"])
        .output()
        .expect("token");
    assert!(token.status.success());
    let token = String::from_utf8(token.stdout).unwrap().trim().to_owned();
    let catalog = dir.path().join("catalog.ttl");
    let generated = plaza(dir.path())
        .args([
            "generate-catalog",
            "--datasets",
            &DATASETS.to_string(),
            "--output",
        ])
        .arg(&catalog)
        .status()
        .expect("generate");
    assert!(generated.success());
    let settings = [
        ("PLAZA_DEMO", "false"),
        ("PLAZA_MAX_BODY_BYTES", "200000000"),
    ];
    let mut server = start_server(dir.path(), &settings);
    let body = std::fs::read(&catalog).unwrap();
    // Lenient: generated records, like real ones, use EU vocabulary IRIs
    // that the shapes want typed.
    let url = format!("http://{}/api/import?mode=lenient", server.address);
    // The import runs in the background; the test waits for the log line
    // that says it started writing, then kills the server outright.
    let request = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            reqwest::Client::new()
                .post(url)
                .header("Content-Type", "text/turtle")
                .bearer_auth(token)
                .body(body)
                .timeout(Duration::from_secs(600))
                .send()
                .await
                .map(|r| r.status())
        })
    });
    let mut writing = false;
    while !request.is_finished() {
        match server.log.recv_timeout(Duration::from_millis(100)) {
            Ok(line) if line.contains("import: writing") => {
                writing = true;
                break;
            }
            _ => {}
        }
    }
    assert!(
        writing,
        "the import never reached its writing stage: {:?}",
        request.join()
    );
    signal(&server.child, "KILL");
    server.child.wait().expect("wait");
    let answer = request.join().expect("request thread");
    assert!(
        answer.is_err(),
        "the import finished before the kill: {answer:?}"
    );

    let mut restarted = start_server(dir.path(), &settings);
    let graphs = count(&restarted.address, DATASET_GRAPHS);
    let complete = count(&restarted.address, COMPLETE_RECORDS);
    eprintln!("after the crash: {graphs} dataset graphs, {complete} complete records");
    assert!(
        graphs == 0 || graphs == DATASETS,
        "a partial import: {graphs} of {DATASETS}"
    );
    assert_eq!(
        graphs, complete,
        "a record without its distributions or catalog record"
    );
    if graphs == 0 {
        // The history rows the crashed import wrote are ignored, and the
        // same import now goes through, each record at version 1.
        let url = format!("http://{}/api/import?mode=lenient", restarted.address);
        let body = std::fs::read(&catalog).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let summary: serde_json::Value = runtime.block_on(async {
            reqwest::Client::new()
                .post(url)
                .header("Content-Type", "text/turtle")
                .bearer_auth(token_again(dir.path()))
                .body(body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap()
        });
        assert_eq!(summary["created"], DATASETS, "{}", summary["error"]);
        assert!(
            summary["records"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["version"] == 1)
        );
        assert_eq!(count(&restarted.address, COMPLETE_RECORDS), DATASETS);
    }
    signal(&restarted.child, "TERM");
    assert!(restarted.child.wait().expect("wait").success());
}
