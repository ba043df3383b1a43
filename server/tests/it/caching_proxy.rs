//! Plaza behind a real caching proxy (Varnish, from Debian): anonymous
//! pages are kept and served from the cache, a signed-in reader's never,
//! and a stale copy is revalidated with a 304 until the record changes.
//!
//! The VCL has no cookie rule of its own (Varnish's built-in one would
//! pass every request with a cookie): what is kept and for whom is decided
//! by Plaza's `Cache-Control` and `Vary` alone, as with any shared cache.
//! Skipped without `varnishd`, unless PLAZA_REQUIRE_VARNISH is set (as in
//! `make test`).

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::http_caching::{add_keyword, version_of};
use crate::support::TestApp;

const RECORD: &str = "/datasets/bicycle-counts";

/// A Varnish in front of `backend`, killed when dropped.
struct Varnish {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Varnish {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn vcl(backend_port: u16) -> String {
    format!(
        r#"vcl 4.1;
backend plaza {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}

sub vcl_recv {{
    if (req.method != "GET" && req.method != "HEAD") {{ return (pass); }}
    return (hash);
}}

sub vcl_backend_response {{
    # No serving stale copies while refreshing them, and keep expired
    # copies an hour so that they are revalidated with If-None-Match.
    set beresp.grace = 0s;
    set beresp.keep = 1h;
    if (beresp.was_304) {{ set beresp.http.X-Revalidated = "304"; }}
    else {{ unset beresp.http.X-Revalidated; }}
}}

sub vcl_deliver {{
    if (obj.hits > 0) {{ set resp.http.X-Cache = "HIT"; }}
    else {{ set resp.http.X-Cache = "MISS"; }}
}}
"#
    )
}

/// Starts Varnish in front of `app`, or `None` when it is not installed.
async fn varnish_for(app: &TestApp) -> Option<Varnish> {
    let installed = Command::new("varnishd")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        assert!(
            std::env::var_os("PLAZA_REQUIRE_VARNISH").is_none(),
            "PLAZA_REQUIRE_VARNISH is set but varnishd is missing (run .ci/setup test)"
        );
        eprintln!("skipped: varnishd is not installed (apt-get install varnish)");
        return None;
    }
    let backend_port: u16 = app
        .base
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    let dir = tempfile::tempdir().unwrap();
    let vcl_path = dir.path().join("plaza.vcl");
    std::fs::write(&vcl_path, vcl(backend_port)).unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap();
    let child = Command::new("varnishd")
        .arg("-F")
        .args(["-j", "none"])
        .arg("-n")
        .arg(dir.path().join("work"))
        .args(["-a", &format!("127.0.0.1:{port}")])
        .arg("-f")
        .arg(&vcl_path)
        .args(["-s", "malloc,32m"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("varnishd starts");
    let varnish = Varnish {
        child,
        base: format!("http://127.0.0.1:{port}"),
        _dir: dir,
    };
    for _ in 0..150 {
        if app
            .client
            .get(format!("{}/healthz", varnish.base))
            .send()
            .await
            .is_ok()
        {
            return Some(varnish);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("Varnish did not start listening on port {port}");
}

async fn through(
    app: &TestApp,
    varnish: &Varnish,
    path: &str,
    pairs: &[(&str, &str)],
) -> (reqwest::StatusCode, reqwest::header::HeaderMap, String) {
    let mut request = app.client.get(format!("{}{path}", varnish.base));
    for (name, value) in pairs {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("through Varnish");
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.unwrap())
}

fn value<'a>(headers: &'a reqwest::header::HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn a_caching_proxy_keeps_anonymous_pages_and_never_a_signed_in_reader_s() {
    let app = TestApp::spawn().await;
    let Some(varnish) = varnish_for(&app).await else {
        return;
    };
    let html = [("accept", "text/html")];
    let (status, first, anonymous) = through(&app, &varnish, RECORD, &html).await;
    assert_eq!(status, 200);
    assert_eq!(value(&first, "x-cache"), "MISS");
    let (_, second, cached) = through(&app, &varnish, RECORD, &html).await;
    assert_eq!(
        value(&second, "x-cache"),
        "HIT",
        "the anonymous page is kept"
    );
    assert!(!value(&second, "age").is_empty());
    assert_eq!(cached, anonymous);

    let cookie = app.publisher().await;
    let signed_in = [("accept", "text/html"), ("cookie", cookie.as_str())];
    for attempt in 0..2 {
        let (status, headers, page) = through(&app, &varnish, RECORD, &signed_in).await;
        assert_eq!(status, 200);
        assert_eq!(value(&headers, "x-cache"), "MISS", "attempt {attempt}");
        assert_eq!(value(&headers, "cache-control"), "private, no-store");
        assert_ne!(
            page, anonymous,
            "the signed-in page is not the anonymous copy"
        );
    }
    let (_, after, still) = through(&app, &varnish, RECORD, &html).await;
    assert_eq!(
        value(&after, "x-cache"),
        "HIT",
        "the anonymous copy is still there"
    );
    assert_eq!(still, anonymous);

    let json_ld = format!("{RECORD}.jsonld");
    for path in ["/", "/catalog.ttl", json_ld.as_str()] {
        through(&app, &varnish, path, &[]).await;
        let (_, headers, _) = through(&app, &varnish, path, &[]).await;
        assert_eq!(value(&headers, "x-cache"), "HIT", "{path}");
    }
}

#[tokio::test]
async fn a_caching_proxy_revalidates_with_304_until_the_record_changes() {
    let app = TestApp::spawn_with(&[("PLAZA_PAGE_MAX_AGE_SECONDS", "1")]).await;
    let Some(varnish) = varnish_for(&app).await else {
        return;
    };
    let token = app.create_token("proxy").await;
    let turtle = [("accept", "text/turtle")];
    let (_, first, body) = through(&app, &varnish, RECORD, &turtle).await;
    let etag = value(&first, "etag").to_owned();
    assert_eq!(version_of(&etag), 1);

    // The client's own copy is current: 304 from the proxy.
    let (status, _, _) = through(
        &app,
        &varnish,
        RECORD,
        &[turtle[0], ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(status, 304);

    // Expired, the proxy asks Plaza with the tag it has, and Plaza says 304.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, refreshed, again) = through(&app, &varnish, RECORD, &turtle).await;
    assert_eq!(status, 200);
    assert_eq!(value(&refreshed, "x-revalidated"), "304");
    assert_eq!(value(&refreshed, "etag"), etag);
    assert_eq!(again, body);

    // A new version: the next revalidation gets the new record in full.
    add_keyword(&app, &token, RECORD, "proxied").await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, changed, new_body) = through(
        &app,
        &varnish,
        RECORD,
        &[turtle[0], ("if-none-match", &etag)],
    )
    .await;
    assert_eq!(status, 200, "the old tag no longer matches");
    assert_eq!(value(&changed, "x-revalidated"), "");
    assert_eq!(version_of(value(&changed, "etag")), 2);
    assert!(new_body.contains("proxied"));
}
