//! The `plaza` binary: subcommands, backups, start-up errors and shutdown.

use crate::support;

use support::process::{plaza, signal, start_server};

#[test]
fn every_subcommand_has_help() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["seed-demo", "--help"],
        &["export", "--help"],
        &["reindex", "--help"],
    ] {
        let output = plaza(dir.path()).args(args).output().expect("run plaza");
        assert!(output.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("Usage: plaza"), "{args:?}: {text}");
    }
}

#[test]
fn reindex_rebuilds_the_search_index_from_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeded = plaza(dir.path()).arg("seed-demo").output().expect("run");
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let search = dir.path().join("data").join("search");
    assert!(
        search.join("meta.json").exists(),
        "the import wrote the index"
    );
    std::fs::remove_dir_all(&search).expect("remove the index");
    let rebuilt = plaza(dir.path()).arg("reindex").output().expect("run");
    let message = String::from_utf8_lossy(&rebuilt.stderr);
    assert!(rebuilt.status.success(), "{message}");
    assert!(
        message.contains("Rebuilt the search index: 7 records"),
        "{message}"
    );
    assert!(search.join("meta.json").exists());
    // While a server holds the stores, reindex refuses with a sentence.
    let mut server = start_server(dir.path(), &[]);
    let refused = plaza(dir.path()).arg("reindex").output().expect("run");
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("locked"), "{message}");
    signal(&server.child, "TERM");
    server.child.wait().expect("the server stops");
}

#[test]
fn seed_demo_then_export_gives_the_whole_store_as_nquads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seeded = plaza(dir.path()).arg("seed-demo").output().expect("run");
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let exported = plaza(dir.path()).arg("export").output().expect("run");
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let nquads = String::from_utf8(exported.stdout).expect("utf-8");
    let quads = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(nquads.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("the export is valid N-Quads");
    assert!(quads.len() > 100, "{} quads", quads.len());
    assert!(nquads.contains("<http://plaza.test/datasets/air-quality>"));
    // Seeding again replaces the demo graphs instead of duplicating them.
    assert!(
        plaza(dir.path())
            .arg("seed-demo")
            .status()
            .expect("run")
            .success()
    );
    let file = dir.path().join("backup.nq");
    let to_file = plaza(dir.path())
        .args(["export", "--output"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(
        to_file.status.success(),
        "{}",
        String::from_utf8_lossy(&to_file.stderr)
    );
    let again = std::fs::read_to_string(&file).expect("backup file");
    assert_eq!(again.lines().count(), nquads.lines().count());
}

#[test]
fn migrate_creates_the_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = plaza(dir.path()).arg("migrate").output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.path().join("data/plaza.db").exists());
}

#[test]
fn a_bad_setting_stops_start_up_with_the_key_and_expected_form() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = plaza(dir.path())
        .env("PLAZA_LOG_FORMAT", "yaml")
        .arg("serve")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("PLAZA_LOG_FORMAT") && stderr.contains("text or json"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unknown_key_in_plaza_toml_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("plaza.toml"), "adress = \"127.0.0.1:1\"\n").expect("write");
    let output = plaza(dir.path()).arg("migrate").output().expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("adress") && stderr.contains("plaza.toml"),
        "{stderr}"
    );
}

/// A running `plaza serve` whose log we read to learn its address.
#[test]
fn sigterm_stops_the_server_cleanly_and_releases_the_stores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = start_server(dir.path(), &[]);
    let health = std::net::TcpStream::connect(&server.address);
    assert!(health.is_ok(), "the server accepts connections");
    signal(&server.child, "TERM");
    let status = server.child.wait().expect("wait");
    assert!(status.success(), "exit status {status:?}");
    let log: Vec<String> = server.log.try_iter().collect();
    assert!(
        log.iter().any(|l| l.contains("SIGTERM received")),
        "{log:?}"
    );
    assert!(
        log.iter().any(|l| l.contains("Plaza stopped cleanly")),
        "{log:?}"
    );
    // The store lock is released: the backup command works offline, and a new server starts.
    assert!(
        plaza(dir.path())
            .arg("export")
            .output()
            .expect("run")
            .status
            .success()
    );
    let mut again = start_server(dir.path(), &[]);
    signal(&again.child, "INT");
    assert!(again.child.wait().expect("wait").success());
}

#[test]
fn export_works_while_the_server_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = start_server(dir.path(), &[]);
    let output = plaza(dir.path()).arg("export").output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("bicycle-counts"));
    signal(&server.child, "TERM");
    server.child.wait().expect("wait");
}

#[test]
fn a_locked_data_dir_gives_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut server = start_server(dir.path(), &[]);
    let output = plaza(dir.path()).arg("seed-demo").output().expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("locked by another process"), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    signal(&server.child, "TERM");
    server.child.wait().expect("wait");
}

#[test]
fn a_corrupt_data_dir_gives_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rdf = dir.path().join("data/rdf");
    std::fs::create_dir_all(&rdf).expect("mkdir");
    std::fs::write(rdf.join("CURRENT"), "MANIFEST-999999\n").expect("write");
    let output = plaza(dir.path()).arg("serve").output().expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Could not open the RDF store") && stderr.contains("plaza export"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_data_dir_that_is_a_file_gives_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("data"), "not a directory").expect("write");
    let output = plaza(dir.path()).arg("serve").output().expect("run");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("data directory"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Runs `plaza ARGS` on `dir` with `stdin`; (success, stdout, stderr).
fn run(dir: &std::path::Path, args: &[&str], stdin: &str) -> (bool, String, String) {
    use std::io::Write;
    let mut child = plaza(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run plaza");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_first_administrator_an_organisation_and_its_token_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    let (ok, _, err) = run(
        path,
        &[
            "account",
            "create",
            "--email",
            "you@city.example",
            "--pseudonym",
            "Open data team",
            "--role",
            "admin",
        ],
        "password123456\n",
    );
    assert!(!ok && err.contains("common password"), "{err}");
    let (ok, _, err) = run(
        path,
        &[
            "account",
            "create",
            "--email",
            "you@city.example",
            "--pseudonym",
            "Open data team",
            "--role",
            "admin",
        ],
        "a long and unusual passphrase\n",
    );
    assert!(ok, "{err}");
    assert!(err.contains("with role admin"), "{err}");

    let (ok, _, err) = run(
        path,
        &["token", "create", "--org", "parks", "--name", "harvest"],
        "",
    );
    assert!(
        !ok && err.contains("There is no organisation \"parks\""),
        "{err}"
    );
    let (ok, _, err) = run(
        path,
        &[
            "org",
            "create",
            "--id",
            "parks",
            "--name",
            "Parks",
            "--publisher",
            "http://plaza.test/organisations/parks",
        ],
        "",
    );
    assert!(ok, "{err}");
    let (ok, listed, _) = run(path, &["org", "list"], "");
    assert!(
        ok && listed.contains("parks\tParks\thttp://plaza.test/organisations/parks"),
        "{listed}"
    );
    let (ok, _, err) = run(
        path,
        &[
            "org",
            "add-member",
            "--org",
            "parks",
            "--email",
            "you@city.example",
        ],
        "",
    );
    assert!(ok && err.contains("now publishes for Parks"), "{err}");

    let (ok, token, err) = run(
        path,
        &["token", "create", "--org", "parks", "--name", "harvest"],
        "",
    );
    assert!(ok, "{err}");
    assert!(
        token.trim().starts_with("plaza_") && err.contains("writes only parks's records"),
        "{err}"
    );
    let (ok, _, err) = run(path, &["token", "revoke", "--name", "harvest"], "");
    assert!(ok && err.contains("Revoked the token \"harvest\""), "{err}");
    let (ok, _, err) = run(path, &["token", "revoke", "--name", "harvest"], "");
    assert!(
        !ok && err.contains("no unrevoked token named \"harvest\""),
        "{err}"
    );
}
