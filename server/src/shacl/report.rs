//! A SHACL validation report as Plaza hands it out: JSON for scripts,
//! `sh:ValidationReport` RDF for SHACL tools.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{BlankNode, Graph, Literal, NamedNode, NamedNodeRef, Term, Triple};
use serde::Serialize;

const SH: &str = "http://www.w3.org/ns/shacl#";

pub use app::catalog::publish::Severity;

/// The SHACL term for `severity`.
fn severity_iri(severity: Severity) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{}", severity.name()))
}

/// One `sh:ValidationResult`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ValidationResult {
    /// The node that failed (an IRI, or `_:id` for a blank node).
    pub focus_node: String,
    /// The property path, when the shape has one (an IRI for simple paths).
    pub path: Option<String>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong and what to do, in English.
    pub message: String,
    /// The shape that produced the result.
    pub shape: Option<String>,
    /// The SHACL constraint component (e.g. `sh:MinCountConstraintComponent`).
    pub constraint: String,
    /// The offending value, when there is one (N-Triples syntax).
    pub value: Option<String>,
    /// Which shapes set the result came from.
    pub shapes: &'static str,
    #[serde(skip)]
    pub(crate) focus_term: Term,
    #[serde(skip)]
    pub(crate) value_term: Option<Term>,
}

impl ValidationResult {
    /// A result read back from storage, with only what pages show.
    pub fn for_display(focus_node: &str, path: Option<&str>, message: &str) -> Self {
        ValidationResult {
            focus_node: focus_node.to_owned(),
            path: path.map(str::to_owned),
            severity: Severity::Violation,
            message: message.to_owned(),
            shape: None,
            constraint: String::new(),
            value: None,
            shapes: "",
            focus_term: Literal::new_simple_literal(focus_node).into(),
            value_term: None,
        }
    }
}

/// The outcome of validating one body.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ValidationReport {
    /// True when there is no result at all (SHACL's definition).
    pub conforms: bool,
    /// The shapes sets that were applied.
    pub shapes: Vec<&'static str>,
    /// Number of `sh:Violation` results.
    pub violations: usize,
    /// Number of `sh:Warning` results.
    pub warnings: usize,
    /// Every result, in a stable order (focus node, path, constraint).
    pub results: Vec<ValidationResult>,
}

impl ValidationReport {
    /// Builds a report from results (sorted and counted here).
    pub fn new(shapes: Vec<&'static str>, mut results: Vec<ValidationResult>) -> Self {
        results.sort_by(|a, b| {
            (&a.focus_node, &a.path, &a.constraint, &a.value, &a.shape).cmp(&(
                &b.focus_node,
                &b.path,
                &b.constraint,
                &b.value,
                &b.shape,
            ))
        });
        results.dedup();
        let count = |s| results.iter().filter(|r| r.severity == s).count();
        ValidationReport {
            conforms: results.is_empty(),
            shapes,
            violations: count(Severity::Violation),
            warnings: count(Severity::Warning),
            results,
        }
    }

    /// The report as a `sh:ValidationReport` graph.
    pub fn to_graph(&self) -> Graph {
        let sh = |name: &str| NamedNode::new_unchecked(format!("{SH}{name}"));
        let mut graph = Graph::new();
        let report = BlankNode::default();
        graph.insert(&Triple::new(
            report.clone(),
            rdf::TYPE,
            sh("ValidationReport"),
        ));
        graph.insert(&Triple::new(
            report.clone(),
            sh("conforms"),
            Literal::new_typed_literal(self.conforms.to_string(), xsd::BOOLEAN),
        ));
        for result in &self.results {
            let node = BlankNode::default();
            graph.insert(&Triple::new(report.clone(), sh("result"), node.clone()));
            graph.insert(&Triple::new(
                node.clone(),
                rdf::TYPE,
                sh("ValidationResult"),
            ));
            graph.insert(&Triple::new(
                node.clone(),
                sh("focusNode"),
                result.focus_term.clone(),
            ));
            graph.insert(&Triple::new(
                node.clone(),
                sh("resultSeverity"),
                severity_iri(result.severity),
            ));
            graph.insert(&Triple::new(
                node.clone(),
                sh("resultMessage"),
                Literal::new_language_tagged_literal_unchecked(&result.message, "en"),
            ));
            if let Some(path) = result.path.as_deref().and_then(|p| NamedNode::new(p).ok()) {
                graph.insert(&Triple::new(node.clone(), sh("resultPath"), path));
            }
            if let Some(shape) = result.shape.as_deref().and_then(|s| NamedNode::new(s).ok()) {
                graph.insert(&Triple::new(node.clone(), sh("sourceShape"), shape));
            }
            if let Ok(component) = NamedNode::new(&result.constraint) {
                graph.insert(&Triple::new(
                    node.clone(),
                    sh("sourceConstraintComponent"),
                    component,
                ));
            }
            if let Some(value) = &result.value_term {
                graph.insert(&Triple::new(node.clone(), sh("value"), value.clone()));
            }
        }
        graph
    }
}

/// The readable form of an IRI in messages: `dct:title` for well-known
/// namespaces, the IRI otherwise.
pub fn compact(iri: &str) -> String {
    const PREFIXES: &[(&str, &str)] = &[
        ("dcat:", "http://www.w3.org/ns/dcat#"),
        ("dct:", "http://purl.org/dc/terms/"),
        ("foaf:", "http://xmlns.com/foaf/0.1/"),
        ("vcard:", "http://www.w3.org/2006/vcard/ns#"),
        ("adms:", "http://www.w3.org/ns/adms#"),
        ("dcatap:", "http://data.europa.eu/r5r/"),
        ("skos:", "http://www.w3.org/2004/02/skos/core#"),
        ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
        ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
        ("prov:", "http://www.w3.org/ns/prov#"),
        ("odrl:", "http://www.w3.org/ns/odrl/2/"),
        ("spdx:", "http://spdx.org/rdf/terms#"),
        ("locn:", "http://www.w3.org/ns/locn#"),
        ("owl:", "http://www.w3.org/2002/07/owl#"),
        ("eli:", "http://data.europa.eu/eli/ontology#"),
        ("sh:", "http://www.w3.org/ns/shacl#"),
    ];
    PREFIXES
        .iter()
        .find_map(|(prefix, ns)| iri.strip_prefix(ns).map(|local| format!("{prefix}{local}")))
        .unwrap_or_else(|| iri.to_owned())
}

/// `sh:` IRIs as constants for the validator.
pub(crate) fn sh(name: &str) -> NamedNodeRef<'static> {
    match name {
        "name" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#name"),
        "minCount" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#minCount"),
        "maxCount" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#maxCount"),
        "class" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#class"),
        "datatype" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#datatype"),
        "nodeKind" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#nodeKind"),
        "in" => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#in"),
        _ => NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#message"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_namespaces_are_compacted() {
        assert_eq!(compact("http://purl.org/dc/terms/title"), "dct:title");
        assert_eq!(compact("https://example.org/x"), "https://example.org/x");
    }
}
