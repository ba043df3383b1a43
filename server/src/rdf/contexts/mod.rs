//! Local copies of the JSON-LD contexts that DCAT-AP documents name by URL.
//! Plaza never fetches a context from the network: a document whose context
//! is not one of these gets a clear error instead.
//!
//! Sources and licences are in `NOTICE.md` beside this file.

/// (URL as written in documents, file contents).
const CONTEXTS: &[(&str, &str)] = &[
    (
        "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld",
        include_str!("dcat-ap-3.0.1.jsonld"),
    ),
    (
        "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld",
        include_str!("dcat-ap-3.0.x-examples-context.jsonld"),
    ),
    (
        "https://semiceu.github.io/DCAT-AP/releases/3.0.1/html/examples/context.jsonld",
        include_str!("dcat-ap-3.0.x-examples-context.jsonld"),
    ),
    (
        "https://semiceu.github.io/DCAT-AP/releases/3.0.0-hvd/context/hvd.jsonld",
        include_str!("dcat-ap-hvd-3.0.0.jsonld"),
    ),
    (
        "https://semiceu.github.io/MLDCAT-AP/releases/3.1.0/context/mldcat-ap.jsonld",
        include_str!("mldcat-ap-3.1.0.jsonld"),
    ),
    (
        "https://w3id.org/dspace/2025/1/context.jsonld",
        include_str!("dspace-2025-1.jsonld"),
    ),
    (
        "https://w3id.org/dspace/2025/1/odrl-profile.jsonld",
        include_str!("dspace-2025-1-odrl.jsonld"),
    ),
    (
        "https://w3id.org/dspace/2024/1/context.json",
        include_str!("dspace-2024-1.json"),
    ),
];

/// The local copy of the context published at `url` (`http` and `https`
/// name the same context).
pub fn local_context(url: &str) -> Option<&'static str> {
    let wanted = url
        .strip_prefix("http://")
        .map_or_else(|| url.to_owned(), |rest| format!("https://{rest}"));
    CONTEXTS
        .iter()
        .find(|(known, _)| *known == wanted)
        .map(|(_, body)| *body)
}

/// The context URLs Plaza knows, for error messages.
pub fn known_context_urls() -> impl Iterator<Item = &'static str> {
    CONTEXTS.iter().map(|(url, _)| *url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_context_is_json_with_a_context_member() {
        for (url, body) in CONTEXTS {
            let json: serde_json::Value =
                serde_json::from_str(body).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(json.get("@context").is_some(), "{url} has no @context");
        }
    }

    #[test]
    fn http_and_https_name_the_same_context() {
        assert!(
            local_context("http://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld")
                .is_some()
        );
        assert!(local_context("https://example.org/context.jsonld").is_none());
    }
}
