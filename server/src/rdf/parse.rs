//! Reading an RDF body into one in-memory graph: every syntax Plaza accepts,
//! errors with line and column, JSON-LD contexts from local copies only, and
//! fresh blank nodes so that two documents never share one by accident.

use std::collections::HashMap;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, Graph, NamedOrBlankNode, Term, Triple};
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdfxml::RdfXmlParser;

use crate::rdf::contexts::{known_context_urls, local_context};

/// Why a body is not RDF Plaza can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// What is wrong, in words.
    pub message: String,
    /// 1-based line of the error, when the parser knows it.
    pub line: Option<u64>,
    /// 1-based column of the error, when the parser knows it.
    pub column: Option<u64>,
}

impl ParseError {
    /// "line 3, column 7: …" or just the message.
    pub fn located_message(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("line {line}, column {column}: {}", self.message),
            (Some(line), None) => format!("line {line}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

/// How strictly to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Refuse IRIs and literals that break the RDF rules.
    Strict,
    /// Oxigraph's lenient mode: accept such IRIs and literals as written
    /// (syntax errors still fail).
    Lenient,
}

/// Parses `body` in `format`, resolving relative IRIs against `base_iri`.
/// Named graphs in quad formats are merged into the one graph returned.
pub fn parse_graph(
    body: &[u8],
    format: RdfFormat,
    base_iri: &str,
    strictness: Strictness,
) -> Result<Graph, ParseError> {
    let triples = match format {
        RdfFormat::JsonLd { .. } => parse_json_ld(body, base_iri, strictness)?,
        RdfFormat::RdfXml => parse_rdf_xml(body, base_iri, strictness)?,
        _ => parse_other(body, format, base_iri, strictness)?,
    };
    Ok(with_fresh_blank_nodes(triples))
}

fn parse_other(
    body: &[u8],
    format: RdfFormat,
    base_iri: &str,
    strictness: Strictness,
) -> Result<Vec<Triple>, ParseError> {
    let mut parser = RdfParser::from_format(format)
        .with_base_iri(base_iri)
        .map_err(|e| plain_error(format!("invalid base IRI {base_iri}: {e}")))?;
    if strictness == Strictness::Lenient {
        parser = parser.lenient();
    }
    parser
        .for_slice(body)
        .map(|quad| {
            quad.map(Triple::from).map_err(|err| {
                let start = err.location().map(|l| (l.start.line, l.start.column));
                located(&err.to_string(), start)
            })
        })
        .collect()
}

/// RDF/XML errors carry no position, but the parser knows how far it read:
/// the line and column come from that byte offset.
fn parse_rdf_xml(
    body: &[u8],
    base_iri: &str,
    strictness: Strictness,
) -> Result<Vec<Triple>, ParseError> {
    let mut parser = RdfXmlParser::new()
        .with_base_iri(base_iri)
        .map_err(|e| plain_error(format!("invalid base IRI {base_iri}: {e}")))?;
    if strictness == Strictness::Lenient {
        parser = parser.lenient();
    }
    let mut reader = parser.for_slice(body);
    let mut triples = Vec::new();
    while let Some(triple) = reader.next() {
        match triple {
            Ok(triple) => triples.push(triple),
            Err(err) => {
                let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
                let (line, column) = line_and_column(body, offset);
                return Err(ParseError {
                    message: err.to_string(),
                    line: Some(line),
                    column: Some(column),
                });
            }
        }
    }
    Ok(triples)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(body: &[u8], offset: usize) -> (u64, u64) {
    let before = &body[..offset.min(body.len())];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}

/// JSON-LD is always read strictly: its algorithm already drops what does
/// not map to an IRI, and Oxigraph's lenient mode would keep such keys as
/// relative IRIs, which RDF does not allow.
fn parse_json_ld(
    body: &[u8],
    base_iri: &str,
    _strictness: Strictness,
) -> Result<Vec<Triple>, ParseError> {
    let parser = JsonLdParser::new()
        .with_base_iri(base_iri)
        .map_err(|e| plain_error(format!("invalid base IRI {base_iri}: {e}")))?;
    parser
        .for_slice(body)
        .with_load_document_callback(|url, _options| {
            let document = local_context(url).ok_or_else(|| unknown_context(url))?;
            Ok(JsonLdRemoteDocument {
                document: document.as_bytes().to_vec(),
                document_url: url.to_owned(),
            })
        })
        .map(|quad| {
            quad.map(Triple::from).map_err(|err| {
                let start = err.location().map(|l| (l.start.line, l.start.column));
                located(&err.to_string(), start)
            })
        })
        .collect()
}

fn unknown_context(url: &str) -> Box<dyn std::error::Error + Send + Sync> {
    let known: Vec<&str> = known_context_urls().collect();
    format!(
        "the JSON-LD context {url} is not one Plaza has a local copy of, and Plaza never \
         fetches contexts from the network; inline the context in the document or use one of: {}",
        known.join(", ")
    )
    .into()
}

/// Parsers put the position in their message too; the caller reports it
/// separately, so the message keeps only the explanation.
fn strip_location(message: &str) -> String {
    let trimmed = message.trim();
    match trimmed.split_once(": ") {
        Some((head, rest))
            if head.starts_with("Parser error at")
                || head.starts_with("error at")
                || head.chars().next().is_some_and(|c| c.is_ascii_digit()) =>
        {
            rest.to_owned()
        }
        _ => trimmed.to_owned(),
    }
}

/// A parser's error at a 0-based (line, column), reported 1-based.
fn located(message: &str, start: Option<(u64, u64)>) -> ParseError {
    ParseError {
        message: strip_location(message),
        line: start.map(|(line, _)| line + 1),
        column: start.map(|(_, column)| column + 1),
    }
}

fn plain_error(message: String) -> ParseError {
    ParseError {
        message,
        line: None,
        column: None,
    }
}

/// Replaces every blank node by a fresh one (same node, same replacement).
fn with_fresh_blank_nodes(triples: Vec<Triple>) -> Graph {
    let mut renamed: HashMap<BlankNode, BlankNode> = HashMap::new();
    let mut fresh = |node: BlankNode| renamed.entry(node).or_default().clone();
    let mut graph = Graph::new();
    for triple in triples {
        let subject = match triple.subject {
            NamedOrBlankNode::BlankNode(node) => NamedOrBlankNode::BlankNode(fresh(node)),
            other => other,
        };
        let object = match triple.object {
            Term::BlankNode(node) => Term::BlankNode(fresh(node)),
            other => other,
        };
        graph.insert(&Triple::new(subject, triple.predicate, object));
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://plaza.example/";

    fn turtle() -> RdfFormat {
        RdfFormat::Turtle
    }

    #[test]
    fn turtle_parses_and_resolves_relative_iris() {
        let graph = parse_graph(
            b"<datasets/a> a <http://www.w3.org/ns/dcat#Dataset> .",
            turtle(),
            BASE,
            Strictness::Strict,
        )
        .expect("parses");
        let triple = graph.iter().next().expect("one triple");
        assert_eq!(
            triple.subject.to_string(),
            "<https://plaza.example/datasets/a>"
        );
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let body = b"@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title \"x\" ;\n   dct:title \"y\" \"z\" .\n";
        let err = parse_graph(body, turtle(), BASE, Strictness::Strict).expect_err("broken");
        assert_eq!(err.line, Some(3), "{err:?}");
        assert!(err.column.is_some(), "{err:?}");
        assert!(err.located_message().starts_with("line 3, column"));
    }

    #[test]
    fn an_undeclared_prefix_is_an_error_with_its_line() {
        let body = b"<a> <b> <c> .\n\n<d> ex:p <e> .\n";
        let err = parse_graph(body, turtle(), BASE, Strictness::Strict).expect_err("broken");
        assert_eq!(err.line, Some(3), "{err:?}");
        assert!(err.message.contains("ex"), "{err:?}");
    }

    #[test]
    fn rdf_xml_errors_name_their_line() {
        let body = b"<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dct=\"http://purl.org/dc/terms/\">\n <rdf:Description rdf:about=\"http://example.org/a\">\n  <dct:subject rdf:resource=\"http://example.org/b\">text</dct:subject>\n </rdf:Description>\n</rdf:RDF>\n";
        let err =
            parse_graph(body, RdfFormat::RdfXml, BASE, Strictness::Strict).expect_err("broken");
        assert_eq!(err.line, Some(4), "{err:?}");
    }

    #[test]
    fn json_ld_contexts_come_from_local_copies() {
        let body = br#"{"@context": "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld",
                        "@id": "https://example.org/d", "@type": "Dataset", "title": {"en": "x"}}"#;
        let graph = parse_graph(
            body,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
            BASE,
            Strictness::Strict,
        )
        .expect("parses offline");
        assert!(graph.len() >= 2, "{graph}");
    }

    #[test]
    fn the_official_dcat_ap_3_0_1_context_works() {
        let body = br#"{"@context": "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld",
                        "@id": "https://example.org/d", "@type": "Dataset", "title": {"en": "x"}}"#;
        let graph = parse_graph(
            body,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
            BASE,
            Strictness::Strict,
        )
        .expect("parses offline");
        assert_eq!(graph.len(), 2, "{graph}");
    }

    #[test]
    fn an_unknown_remote_context_is_refused_without_fetching() {
        let body =
            br#"{"@context": "https://example.org/ctx.jsonld", "@id": "https://example.org/d"}"#;
        let err = parse_graph(
            body,
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
            BASE,
            Strictness::Strict,
        )
        .expect_err("unknown context");
        assert!(err.message.contains("never fetches"), "{err:?}");
    }

    #[test]
    fn blank_nodes_are_fresh_in_every_parse() {
        let body = b"_:x <http://example.org/p> \"1\" .";
        let a = parse_graph(body, turtle(), BASE, Strictness::Strict).unwrap();
        let b = parse_graph(body, turtle(), BASE, Strictness::Strict).unwrap();
        let subject = |g: &Graph| g.iter().next().unwrap().subject.to_string();
        assert_ne!(subject(&a), subject(&b));
    }

    #[test]
    fn lenient_mode_accepts_an_iri_without_a_scheme_where_strict_mode_refuses() {
        let body = b"<http://example.org/a> <http://example.org/p> <http://exa mple.org/b> .";
        assert!(parse_graph(body, RdfFormat::NTriples, BASE, Strictness::Strict).is_err());
        assert!(parse_graph(body, RdfFormat::NTriples, BASE, Strictness::Lenient).is_ok());
    }
}
