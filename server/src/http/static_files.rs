//! The built front end and `public/` files from the site root, and the
//! not-found page for every other address.
//!
//! cargo-leptos (`hash-files = true`) names the WASM, JS and CSS after a
//! hash of their content (`/pkg/plaza.<hash>.wasm`) and writes the hashes
//! to `hash.txt` beside the binary; a release build with `--precompress`
//! puts a `.br` and a `.gz` beside every file. Files are served as
//! compressed at build time when the browser accepts it, with
//! `Vary: Accept-Encoding`; a content-hashed name is kept for a year
//! (`immutable`: a new build has new names), any other name is revalidated
//! on every use (`Last-Modified`, `304`). Test binaries and `cargo build`
//! runs have no hash file: Leptos then links the plain names, which are
//! never called immutable.

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower::util::BoxCloneSyncService;
use tower::{Service, ServiceExt};
use tower_http::services::ServeDir;

/// Marks a response as a file of the site root, which is the same for
/// every reader: `caching` leaves its headers alone.
#[derive(Debug, Clone, Copy)]
pub struct StaticFile;

/// Marks the not-found page, so it is not taken for a file.
#[derive(Debug, Clone, Copy)]
struct NotAFile;

/// A content-hashed file: a year, never revalidated.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// A file whose name stays the same across builds: revalidated every time.
const REVALIDATE: &str = "public, no-cache";

/// The not-found page's service (Leptos' error handler).
pub type NotFound = BoxCloneSyncService<Request, Response, Infallible>;

/// Serves the file at the request's path under `site_root`, or answers
/// with `not_found` (for any method: a POST to an unknown address gets
/// the not-found page, not 405).
pub fn service(
    site_root: &Path,
    not_found: NotFound,
) -> impl Service<Request, Response = Response, Error = Infallible, Future: Send>
+ Clone
+ Send
+ Sync
+ 'static {
    let not_found = BoxCloneSyncService::new(not_found.map_response(|mut response: Response| {
        response.extensions_mut().insert(NotAFile);
        response
    }));
    let files = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found);
    tower::service_fn(move |request: Request| {
        let files = files.clone();
        async move {
            let hashed = is_content_hashed(request.uri().path());
            let response = files.oneshot(request).await?.into_response();
            Ok::<_, Infallible>(with_file_headers(response, hashed))
        }
    })
}

fn with_file_headers(mut response: Response, hashed: bool) -> Response {
    let found = response.status().is_success() || response.status().as_u16() == 304;
    if response.extensions().get::<NotAFile>().is_some() || !found {
        return response;
    }
    let headers = response.headers_mut();
    let policy = if hashed { IMMUTABLE } else { REVALIDATE };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    // Whether a precompressed file was chosen depends on Accept-Encoding.
    headers.append(
        header::VARY,
        HeaderValue::from_static(header::ACCEPT_ENCODING.as_str()),
    );
    response.extensions_mut().insert(StaticFile);
    response
}

/// Whether `path` names a file under `/pkg/` that cargo-leptos named after
/// its content: `<stem>.<hash>.<extension>`, the hash being 22 characters
/// of unpadded base64url (an MD5).
pub fn is_content_hashed(path: &str) -> bool {
    let Some(name) = path.strip_prefix("/pkg/").filter(|n| !n.contains('/')) else {
        return false;
    };
    let mut parts = name.rsplitn(3, '.');
    let (Some(_extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !stem.is_empty()
        && hash.len() == 22
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The content hashes cargo-leptos wrote for this build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetHashes {
    /// Of the JS loader.
    pub js: String,
    /// Of the WASM bundle.
    pub wasm: String,
    /// Of the stylesheet.
    pub css: String,
}

impl AssetHashes {
    /// Reads `js: …`, `wasm: …` and `css: …` lines.
    pub fn parse(text: &str) -> Option<Self> {
        let find = |name: &str| {
            text.lines()
                .filter_map(|line| line.split_once(':'))
                .find(|(key, _)| key.trim() == name)
                .map(|(_, hash)| hash.trim().to_owned())
                .filter(|hash| !hash.is_empty())
        };
        Some(AssetHashes {
            js: find("js")?,
            wasm: find("wasm")?,
            css: find("css")?,
        })
    }
}

/// Where Leptos looks for the hash file: `hash.txt` beside the binary.
pub fn hash_file() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join("hash.txt"))
}

/// This build's hashes, when it has a hash file (read once).
pub fn asset_hashes() -> Option<&'static AssetHashes> {
    static HASHES: OnceLock<Option<AssetHashes>> = OnceLock::new();
    HASHES
        .get_or_init(|| {
            let text = std::fs::read_to_string(hash_file()?).ok()?;
            AssetHashes::parse(&text)
        })
        .as_ref()
}

/// The stylesheet's address, hashed when the build is.
pub fn stylesheet_href() -> String {
    match asset_hashes() {
        Some(hashes) => format!("/pkg/plaza.{}.css", hashes.css),
        None => "/pkg/plaza.css".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_with_a_content_hash_under_pkg_are_hashed() {
        assert!(is_content_hashed("/pkg/plaza.Xq3kT0d9bA1-2_cdefghij.wasm"));
        assert!(is_content_hashed("/pkg/plaza.Xq3kT0d9bA1-2_cdefghij.js"));
        assert!(!is_content_hashed("/pkg/plaza.wasm"));
        assert!(!is_content_hashed("/pkg/plaza_bg.wasm"));
        assert!(!is_content_hashed("/pkg/plaza.short.css"));
        assert!(!is_content_hashed("/favicon.Xq3kT0d9bA1-2_cdefghij.svg"));
        assert!(!is_content_hashed(
            "/pkg/snippets/x/inline0.Xq3kT0d9bA1-2_cdefghij.js"
        ));
        assert!(!is_content_hashed("/pkg/.Xq3kT0d9bA1-2_cdefghij.js"));
    }

    #[test]
    fn the_hash_file_gives_every_front_end_file() {
        let text = "js: AAAAAAAAAAAAAAAAAAAAAA\nwasm: BBBBBBBBBBBBBBBBBBBBBB\ncss: CCCCCCCCCCCCCCCCCCCCCC\n";
        let hashes = AssetHashes::parse(text).unwrap();
        assert_eq!(hashes.css, "CCCCCCCCCCCCCCCCCCCCCC");
        assert_eq!(hashes.wasm, "BBBBBBBBBBBBBBBBBBBBBB");
        assert_eq!(AssetHashes::parse("js: A\nwasm: B\n"), None);
    }
}
