//! `/sitemap.xml` (a sitemap index), `/sitemap/pages.xml` (the site's own
//! pages) and `/sitemap/records-N.xml` (record pages, 10,000 a file, with
//! their last modification), for search engines; and `/robots.txt`, which
//! points to it.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::html::escape;
use crate::routes::Routes;
use crate::state::AppState;

/// Record pages per sitemap file (the protocol allows 50,000).
const PER_FILE: usize = 10_000;
/// The site's own pages.
const PAGES: &[&str] = &[
    "",
    "catalog",
    "consultations",
    "maps",
    "models",
    "accessibility",
    "privacy",
];

fn xml(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `/robots.txt` and the sitemaps.
pub fn routes() -> Routes {
    Routes::new()
        .get("/robots.txt", robots)
        .get("/sitemap.xml", index)
        .get("/sitemap/{name}", file)
}

/// The sitemap index.
pub async fn index(State(state): State<AppState>) -> Response {
    let base = state.config.public_url.base_iri();
    let records = state.catalog.search.len() as usize;
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    body.push_str(&format!(
        "  <sitemap><loc>{}sitemap/pages.xml</loc></sitemap>\n",
        escape(&base)
    ));
    for number in 1..=records.div_ceil(PER_FILE) {
        body.push_str(&format!(
            "  <sitemap><loc>{}sitemap/records-{number}.xml</loc></sitemap>\n",
            escape(&base)
        ));
    }
    body.push_str("</sitemapindex>\n");
    xml(body)
}

/// A sitemap file: `pages.xml` or `records-N.xml`.
pub async fn file(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let base = state.config.public_url.base_iri();
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    if name == "pages.xml" {
        for page in PAGES {
            body.push_str(&format!(
                "  <url><loc>{}{page}</loc></url>\n",
                escape(&base)
            ));
        }
    } else {
        let Some(number) = name
            .strip_prefix("records-")
            .and_then(|n| n.strip_suffix(".xml"))
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n >= 1)
        else {
            return (StatusCode::NOT_FOUND, "No such sitemap file.").into_response();
        };
        let pages = match state
            .catalog
            .search
            .pages((number - 1) * PER_FILE, PER_FILE)
            .await
        {
            Ok(pages) => pages,
            Err(err) => {
                tracing::error!("sitemap: {err}");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The search index did not answer; try again.",
                )
                    .into_response();
            }
        };
        if pages.is_empty() {
            return (StatusCode::NOT_FOUND, "No such sitemap file.").into_response();
        }
        for (page, modified) in pages {
            body.push_str(&format!("  <url><loc>{}</loc>", escape(&page)));
            if let Some(date) = modified.filter(|m| m.len() >= 10) {
                body.push_str(&format!("<lastmod>{}</lastmod>", escape(&date[..10])));
            }
            body.push_str("</url>\n");
        }
    }
    body.push_str("</urlset>\n");
    xml(body)
}

/// `robots.txt`: everything may be crawled except the API, and the sitemap.
pub async fn robots(State(state): State<AppState>) -> Response {
    let base = state.config.public_url.base_iri();
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nDisallow: /api/\nAllow: /\n\nSitemap: {base}sitemap.xml\n"),
    )
        .into_response()
}
