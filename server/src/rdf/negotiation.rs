//! Content negotiation (RFC 9110 §12.5.1) between the HTML page of a
//! resource and its RDF serialisations, and the media types and suffixes
//! Plaza accepts for RDF bodies.

use oxigraph::io::RdfFormat;

/// One way to represent a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Representation {
    /// The human page.
    Html,
    /// An RDF serialisation.
    Rdf(RdfFormat),
}

impl Representation {
    /// The media type sent in `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Representation::Html => "text/html",
            Representation::Rdf(format) => format.media_type(),
        }
    }
}

/// What a record can be served as, HTML first (the default).
pub const OFFERED: &[Representation] = &[
    Representation::Html,
    Representation::Rdf(RdfFormat::Turtle),
    Representation::Rdf(RdfFormat::JsonLd {
        profile: oxigraph::io::JsonLdProfileSet::empty(),
    }),
    Representation::Rdf(RdfFormat::RdfXml),
    Representation::Rdf(RdfFormat::NTriples),
];

/// The suffixes of a record's RDF alternates (`…/x.ttl`), with their media
/// types, in the order of `OFFERED`.
pub const SUFFIXES: &[(&str, &str)] = &[
    ("ttl", "text/turtle"),
    ("jsonld", "application/ld+json"),
    ("rdf", "application/rdf+xml"),
    ("nt", "application/n-triples"),
];

/// The RDF syntaxes Plaza reads and writes, with their file suffixes.
const RDF_SYNTAXES: &[(RdfFormat, &str)] = &[
    (RdfFormat::Turtle, "ttl"),
    (
        RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
        "jsonld",
    ),
    (RdfFormat::RdfXml, "rdf"),
    (RdfFormat::NTriples, "nt"),
    (RdfFormat::NQuads, "nq"),
    (RdfFormat::TriG, "trig"),
];

/// The RDF syntax named by a `Content-Type` value (parameters such as
/// `charset` are ignored), or `None` for anything else.
pub fn rdf_format_for_content_type(content_type: &str) -> Option<RdfFormat> {
    let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
    // Common aliases that clients and harvesters send for the same syntaxes.
    let essence = match essence.as_str() {
        "application/xml" | "text/xml" => "application/rdf+xml",
        "application/x-turtle" => "text/turtle",
        other => other,
    };
    RDF_SYNTAXES
        .iter()
        .map(|(format, _)| *format)
        .find(|format| format.media_type() == essence)
}

/// The RDF syntax of a file suffix such as `ttl` (without the dot).
pub fn rdf_format_for_suffix(suffix: &str) -> Option<RdfFormat> {
    RDF_SYNTAXES
        .iter()
        .find(|(_, s)| s.eq_ignore_ascii_case(suffix))
        .map(|(format, _)| *format)
}

/// One media range of an `Accept` header with its weight.
struct MediaRange {
    kind: String,
    subtype: String,
    quality: f32,
}

impl MediaRange {
    fn parse(item: &str) -> Option<Self> {
        let mut parts = item.split(';');
        let (kind, subtype) = parts.next()?.trim().split_once('/')?;
        let mut quality = 1.0;
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                quality = value
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))?;
            }
        }
        Some(MediaRange {
            kind: kind.trim().to_ascii_lowercase(),
            subtype: subtype.trim().to_ascii_lowercase(),
            quality,
        })
    }

    /// How specifically this range matches `media_type` (2 exact, 1 `type/*`,
    /// 0 `*/*`), or `None` when it does not match.
    fn specificity(&self, media_type: &str) -> Option<u8> {
        let (kind, subtype) = media_type.split_once('/')?;
        match (self.kind.as_str(), self.subtype.as_str()) {
            ("*", "*") => Some(0),
            (k, "*") if k == kind => Some(1),
            (k, s) if k == kind && s == subtype => Some(2),
            _ => None,
        }
    }
}

/// Picks the best of `offered` for an `Accept` header: the highest weight of
/// the most specific matching range wins; ties go to the earlier offer. No
/// header means the first offer. `None` means nothing acceptable (406).
/// Malformed ranges are ignored.
pub fn negotiate(accept: Option<&str>, offered: &[Representation]) -> Option<Representation> {
    best_offer(accept, offered, |r| r.media_type())
}

/// [`negotiate`] over plain media types (for JSON APIs and SPARQL results).
pub fn negotiate_media(accept: Option<&str>, offered: &[&'static str]) -> Option<&'static str> {
    best_offer(accept, offered, |m| m)
}

fn best_offer<T: Copy>(
    accept: Option<&str>,
    offered: &[T],
    media: impl Fn(T) -> &'static str,
) -> Option<T> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let ranges: Vec<MediaRange> = accept.split(',').filter_map(MediaRange::parse).collect();
    let mut best: Option<(f32, T)> = None;
    for &offer in offered {
        let quality = ranges
            .iter()
            .filter_map(|range| range.specificity(media(offer)).map(|s| (s, range.quality)))
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map(|(_, quality)| quality)
            .unwrap_or(0.0);
        if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, offer));
        }
    }
    best.map(|(_, offer)| offer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: &str) -> Option<&'static str> {
        negotiate(Some(accept), OFFERED).map(Representation::media_type)
    }

    #[test]
    fn a_browser_gets_html() {
        let chrome =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        assert_eq!(pick(chrome), Some("text/html"));
        assert_eq!(negotiate(None, OFFERED), Some(Representation::Html));
    }

    #[test]
    fn rdf_clients_get_the_syntax_they_ask_for() {
        assert_eq!(pick("text/turtle"), Some("text/turtle"));
        assert_eq!(pick("application/n-triples"), Some("application/n-triples"));
        assert_eq!(
            pick("application/rdf+xml;q=0.5, application/ld+json"),
            Some("application/ld+json")
        );
        assert_eq!(
            pick("text/turtle;q=0.9, application/ld+json;q=0.8"),
            Some("text/turtle")
        );
    }

    #[test]
    fn wildcards_match_by_specificity_and_ties_go_to_the_first_offer() {
        assert_eq!(pick("*/*"), Some("text/html"));
        assert_eq!(pick("application/*"), Some("application/ld+json"));
        assert_eq!(pick("*/*;q=0.1, text/turtle"), Some("text/turtle"));
        assert_eq!(pick("text/*, text/html;q=0"), Some("text/turtle"));
    }

    #[test]
    fn unacceptable_requests_get_nothing() {
        assert_eq!(pick("application/json"), None);
        assert_eq!(pick("text/turtle;q=0"), None);
        assert_eq!(
            pick("text/turtle;q=high"),
            None,
            "a malformed range is ignored"
        );
    }

    #[test]
    fn content_types_and_suffixes_name_rdf_syntaxes() {
        assert_eq!(
            rdf_format_for_content_type("text/turtle; charset=utf-8"),
            Some(RdfFormat::Turtle)
        );
        assert_eq!(
            rdf_format_for_content_type("Application/N-Quads"),
            Some(RdfFormat::NQuads)
        );
        assert_eq!(rdf_format_for_content_type("application/json"), None);
        assert_eq!(
            rdf_format_for_suffix("jsonld").map(|f| f.media_type()),
            Some("application/ld+json")
        );
        assert_eq!(rdf_format_for_suffix("TTL"), Some(RdfFormat::Turtle));
        assert_eq!(rdf_format_for_suffix("csv"), None);
    }
}
