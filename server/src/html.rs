//! Plain server-rendered HTML for the machine-facing endpoints (validation
//! reports, record pages until the catalog pages land, the SPARQL editor):
//! escaped text, the site stylesheet, and no script.

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: `body` is already-escaped HTML; `alternates` are
/// (href, media type) pairs for `<link rel="alternate">`.
pub fn page(title: &str, body: &str, alternates: &[(String, &str)]) -> String {
    let links: String = alternates
        .iter()
        .map(|(href, media)| {
            format!(
                "<link rel=\"alternate\" type=\"{}\" href=\"{}\">\n",
                escape(media),
                escape(href)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · Plaza</title>\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"{stylesheet}\">\n{links}</head>\n\
         <body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n\
         <header class=\"site-header\"><nav class=\"plain-nav\" aria-label=\"Plaza\">\
         <a href=\"/\">Plaza</a> <a href=\"/catalog\">Catalog</a> <a href=\"/sparql\">SPARQL</a></nav></header>\n<main id=\"main\">\n{body}\n</main>\n</body>\n</html>\n",
        title = escape(title),
        stylesheet = crate::http::static_files::stylesheet_href(),
    )
}

/// The answer to a form post that failed with `status` (403, 404, 500…):
/// the sentence in English, and `failure` as a response extension, which
/// the router's last layer (`http::form_failures`) renders again in the
/// reader's language.
pub fn form_failure(
    status: axum::http::StatusCode,
    failure: app::form_failure::FormFailure,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let body = failure.sentence(app::i18n::Locale::en);
    let mut response = (
        status,
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; charset=utf-8",
        )],
        body,
    )
        .into_response();
    response.extensions_mut().insert(failure);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b a=\"x\">&'"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
