//! Compression: what Plaza writes is compressed by `Accept-Encoding`; the
//! built front end is served as compressed at build time, with its cache
//! lifetime by name.

use std::io::Read;

use crate::support::{TestApp, header};

const RECORD: &str = "/datasets/bicycle-counts";

/// The body as sent, decoded with `encoding`.
pub fn decode(encoding: &str, bytes: &[u8]) -> String {
    let mut out = Vec::new();
    match encoding {
        "br" => brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("brotli"),
        "gzip" => {
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut out)
                .expect("gzip");
        }
        "zstd" => out = zstd::decode_all(bytes).expect("zstd"),
        "" => out = bytes.to_vec(),
        other => panic!("unexpected encoding {other}"),
    }
    String::from_utf8(out).expect("UTF-8")
}

async fn fetch(app: &TestApp, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
    app.send(reqwest::Method::GET, path, |mut r| {
        for (name, value) in pairs {
            r = r.header(*name, *value);
        }
        r
    })
    .await
}

fn varies_by(response: &reqwest::Response, name: &str) -> bool {
    crate::http_caching::vary(response).contains(&name.to_ascii_lowercase())
}

#[tokio::test]
async fn pages_rdf_json_and_the_feed_come_in_the_encoding_the_client_prefers() {
    let app = TestApp::spawn().await;
    let cases = [
        ("/", "text/html", "<!DOCTYPE html>"),
        (RECORD, "text/turtle", "dcat:Dataset"),
        ("/catalog.jsonld", "application/ld+json", "\"@id\""),
        ("/api/openapi.json", "application/json", "\"openapi\""),
    ];
    for (path, accept, needle) in cases {
        let plain = fetch(&app, path, &[("accept", accept)]).await;
        assert_eq!(header(&plain, "content-encoding"), "", "{path}");
        assert!(varies_by(&plain, "accept-encoding"), "{path}");
        let plain_body = plain.text().await.unwrap();
        assert!(plain_body.contains(needle), "{path}");
        for (offered, chosen) in [
            ("br", "br"),
            ("gzip", "gzip"),
            ("zstd", "zstd"),
            ("gzip, deflate, br, zstd", "zstd"),
            ("gzip;q=1, br;q=0.5", "gzip"),
        ] {
            let response = fetch(
                &app,
                path,
                &[("accept", accept), ("accept-encoding", offered)],
            )
            .await;
            assert_eq!(response.status(), 200, "{path} {offered}");
            assert_eq!(
                header(&response, "content-encoding"),
                chosen,
                "{path} {offered}"
            );
            assert!(varies_by(&response, "accept-encoding"), "{path}");
            let bytes = response.bytes().await.unwrap();
            let body = decode(chosen, &bytes);
            assert!(body.contains(needle), "{path} {offered}");
            assert!(
                bytes.len() * 2 < plain_body.len(),
                "{path} {chosen}: {} bytes compressed of {}",
                bytes.len(),
                plain_body.len()
            );
        }
    }
}

/// A site root with a hashed and a plain stylesheet, each with the `.br`
/// and `.gz` cargo-leptos' `--precompress` writes beside it.
fn built_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let css = "body { font-family: sans-serif; color: #222; }\n".repeat(40);
    for name in ["plaza.AbCdEfGhIjKlMnOpQrStUv.css", "plaza.css"] {
        std::fs::write(pkg.join(name), &css).unwrap();
        let mut br = Vec::new();
        brotli::BrotliCompress(&mut css.as_bytes(), &mut br, &Default::default()).unwrap();
        std::fs::write(pkg.join(format!("{name}.br")), br).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, css.as_bytes()).unwrap();
        std::fs::write(pkg.join(format!("{name}.gz")), gz.finish().unwrap()).unwrap();
    }
    site
}

#[tokio::test]
async fn built_files_are_served_as_compressed_at_build_time_and_hashed_names_are_kept_a_year() {
    let site = built_site();
    let root = site.path().display().to_string();
    let app = TestApp::spawn_with(&[("PLAZA_SITE_ROOT", &root)]).await;
    let hashed = "/pkg/plaza.AbCdEfGhIjKlMnOpQrStUv.css";
    let css = std::fs::read_to_string(site.path().join("pkg/plaza.css")).unwrap();
    for (offered, chosen) in [("br", "br"), ("gzip", "gzip"), ("gzip, br", "br"), ("", "")] {
        let response = fetch(&app, hashed, &[("accept-encoding", offered)]).await;
        assert_eq!(response.status(), 200, "{offered}");
        assert_eq!(header(&response, "content-encoding"), chosen, "{offered}");
        assert!(header(&response, "content-type").starts_with("text/css"));
        assert!(varies_by(&response, "accept-encoding"));
        assert_eq!(
            header(&response, "cache-control"),
            "public, max-age=31536000, immutable"
        );
        let bytes = response.bytes().await.unwrap();
        if !chosen.is_empty() {
            let file = format!("pkg/plaza.AbCdEfGhIjKlMnOpQrStUv.css.{}", &chosen[..2]);
            assert_eq!(bytes, std::fs::read(site.path().join(file)).unwrap());
        }
        assert_eq!(decode(chosen, &bytes), css, "{offered}");
    }

    // A signed-in reader gets the same file, kept as long.
    let cookie = app.publisher().await;
    let signed_in = fetch(
        &app,
        hashed,
        &[("cookie", &cookie), ("accept-encoding", "br")],
    )
    .await;
    assert_eq!(
        header(&signed_in, "cache-control"),
        "public, max-age=31536000, immutable"
    );

    // A name without a hash may change with the next build: revalidated.
    let plain = fetch(&app, "/pkg/plaza.css", &[("accept-encoding", "br")]).await;
    assert_eq!(header(&plain, "cache-control"), "public, no-cache");
    let modified = header(&plain, "last-modified").to_owned();
    assert!(!modified.is_empty());
    let again = fetch(&app, "/pkg/plaza.css", &[("if-modified-since", &modified)]).await;
    assert_eq!(again.status(), 304);

    // Anything else is the not-found page, for any method.
    let missing = fetch(&app, "/pkg/plaza.AbCdEfGhIjKlMnOpQrStUw.css", &[]).await;
    assert_eq!(missing.status(), 404);
    assert!(header(&missing, "content-type").starts_with("text/html"));
    assert_eq!(header(&missing, "cache-control"), "no-store");
    let posted = app
        .send(reqwest::Method::POST, "/pkg/no-such-file.css", |r| r)
        .await;
    assert_eq!(posted.status(), 404);
}
