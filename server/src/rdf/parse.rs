//! Reading an RDF body into one in-memory graph: every syntax Plaza accepts,
//! errors with line and column, JSON-LD contexts from local copies only, and
//! fresh blank nodes so that two documents never share one by accident.

use std::collections::HashMap;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, Graph, NamedOrBlankNode, Term, Triple};
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};

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
    let triples = if matches!(format, RdfFormat::JsonLd { .. }) {
        parse_json_ld(body, base_iri, strictness)?
    } else {
        parse_other(body, format, base_iri, strictness)?
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
                let location = err.location();
                ParseError {
                    message: strip_location(&err.to_string()),
                    line: location.as_ref().map(|l| l.start.line + 1),
                    column: location.as_ref().map(|l| l.start.column + 1),
                }
            })
        })
        .collect()
}

fn parse_json_ld(
    body: &[u8],
    base_iri: &str,
    strictness: Strictness,
) -> Result<Vec<Triple>, ParseError> {
    let mut parser = JsonLdParser::new()
        .with_base_iri(base_iri)
        .map_err(|e| plain_error(format!("invalid base IRI {base_iri}: {e}")))?;
    if strictness == Strictness::Lenient {
        parser = parser.lenient();
    }
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
                let location = err.location();
                ParseError {
                    message: strip_location(&err.to_string()),
                    line: location.as_ref().map(|l| l.start.line + 1),
                    column: location.as_ref().map(|l| l.start.column + 1),
                }
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
    fn json_ld_contexts_come_from_local_copies() {
        let body = br#"{"@context": "https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld",
                        "@id": "https://example.org/d", "@type": "Dataset", "title": {"en": "x"}}"#;
        let graph = parse_graph(body, RdfFormat::JsonLd { profile: Default::default() }, BASE, Strictness::Strict)
            .expect("parses offline");
        assert!(graph.len() >= 2, "{graph}");
    }

    #[test]
    fn the_official_dcat_ap_3_0_1_context_works() {
        let body = br#"{"@context": "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld",
                        "@id": "https://example.org/d", "@type": "Dataset", "title": {"en": "x"}}"#;
        let graph = parse_graph(body, RdfFormat::JsonLd { profile: Default::default() }, BASE, Strictness::Strict)
            .expect("parses offline");
        assert_eq!(graph.len(), 2, "{graph}");
    }

    #[test]
    fn an_unknown_remote_context_is_refused_without_fetching() {
        let body = br#"{"@context": "https://example.org/ctx.jsonld", "@id": "https://example.org/d"}"#;
        let err = parse_graph(body, RdfFormat::JsonLd { profile: Default::default() }, BASE, Strictness::Strict)
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
