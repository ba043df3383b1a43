//! Running a shapes set over a data graph with rudof's native engine, and
//! turning its results into Plaza's report with plain-English messages.

use oxigraph::model::{Graph, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef};
use rudof_rdf::rdf_core::BuildRDF;
use rudof_rdf::rdf_impl::OxigraphInMemory;
use shacl::validator::processor::{GraphValidation, ShaclProcessor};
use shacl::validator::store::Graph as ShaclGraph;
use shacl::validator::{ShaclConfig, ShaclValidationMode};

use crate::shacl::report::{Severity, ValidationResult, compact, sh};
use crate::shacl::shapes::ShapeSet;

/// The validator itself failed (not the data): a defect, reported as 500.
#[derive(Debug, thiserror::Error)]
#[error("SHACL validation with the {shapes} shapes failed: {reason}")]
pub struct ValidatorError {
    shapes: &'static str,
    reason: String,
}

/// Validates `data` against `shapes`; returns the results.
pub fn run_shapes(
    data: &Graph,
    shapes: &ShapeSet,
) -> Result<Vec<ValidationResult>, ValidatorError> {
    let mut store = OxigraphInMemory::new();
    for triple in data {
        let triple = triple.into_owned();
        store
            .add_triple(triple.subject, triple.predicate, triple.object)
            .map_err(|e| ValidatorError {
                shapes: shapes.name,
                reason: e.to_string(),
            })?;
    }
    let mut validation = GraphValidation::new(ShaclGraph::from(store));
    let report = validation
        .validate(
            &shapes.schema,
            &ShaclValidationMode::Native,
            &ShaclConfig::new(),
        )
        .map_err(|e| ValidatorError {
            shapes: shapes.name,
            reason: e.to_string(),
        })?;
    Ok(report
        .results()
        .iter()
        .map(|result| convert(result, shapes))
        .collect())
}

fn convert(
    result: &shacl::validator::report::ValidationResult,
    shapes: &ShapeSet,
) -> ValidationResult {
    let focus_term: Term = result.focus_node().clone().into();
    let value_term: Option<Term> = result.value().cloned().map(Into::into);
    let path = result.path().map(|path| match path.pred() {
        Some(iri) => iri.as_str().to_owned(),
        None => path.to_string(),
    });
    let shape = result.source().map(|s| Term::from(s.clone()));
    let constraint = Term::from(result.constraint_component().clone());
    let constraint = match &constraint {
        Term::NamedNode(node) => node.as_str().to_owned(),
        other => other.to_string(),
    };
    let severity = match result.severity() {
        shacl::types::Severity::Warning => Severity::Warning,
        shacl::types::Severity::Info
        | shacl::types::Severity::Debug
        | shacl::types::Severity::Trace => Severity::Info,
        _ => Severity::Violation,
    };
    // rudof's own messages ("MinCount(1) not satisfied") are for SHACL
    // experts: only a shape's sh:message is used as it is.
    let given = shape
        .as_ref()
        .and_then(|shape| shape_message(shapes, shape));
    let message = given.unwrap_or_else(|| {
        explain(
            shapes,
            shape.as_ref(),
            path.as_deref(),
            &constraint,
            value_term.as_ref(),
        )
    });
    ValidationResult {
        focus_node: node_text(&focus_term),
        path,
        severity,
        message,
        shape: shape.as_ref().map(node_text),
        constraint,
        value: value_term.as_ref().map(node_text),
        shapes: shapes.name,
        focus_term,
        value_term,
    }
}

fn shape_message(shapes: &ShapeSet, shape: &Term) -> Option<String> {
    let node: NamedOrBlankNode = match shape {
        Term::NamedNode(n) => n.clone().into(),
        Term::BlankNode(b) => b.clone().into(),
        _ => return None,
    };
    match shapes
        .graph
        .object_for_subject_predicate(NamedOrBlankNodeRef::from(&node), sh("message"))?
    {
        TermRef::Literal(literal) => Some(literal.value().to_owned()),
        _ => None,
    }
}

fn node_text(term: &Term) -> String {
    match term {
        Term::NamedNode(node) => node.as_str().to_owned(),
        Term::BlankNode(node) => format!("_:{}", node.as_str()),
        other => other.to_string(),
    }
}

/// A sentence saying what is wrong and what to do, built from the
/// constraint component and the shape's own parameters.
fn explain(
    shapes: &ShapeSet,
    shape: Option<&Term>,
    path: Option<&str>,
    constraint: &str,
    value: Option<&Term>,
) -> String {
    let shape_node: Option<NamedOrBlankNode> = match shape {
        Some(Term::NamedNode(n)) => Some(n.clone().into()),
        Some(Term::BlankNode(b)) => Some(b.clone().into()),
        _ => None,
    };
    let parameter = |name: &str| -> Option<Term> {
        let node = shape_node.as_ref()?;
        shapes
            .graph
            .object_for_subject_predicate(NamedOrBlankNodeRef::from(node), sh(name))
            .map(TermRef::into_owned)
    };
    let property = path.map(compact).unwrap_or_else(|| "This node".to_owned());
    let shown = |term: &Term| match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => format!("\"{}\"", l.value()),
        other => other.to_string(),
    };
    let number = |name: &str| match parameter(name) {
        Some(Term::Literal(l)) => l.value().to_owned(),
        _ => "?".to_owned(),
    };
    let value_text = value.map(shown).unwrap_or_default();
    let component = constraint.rsplit('#').next().unwrap_or(constraint);
    match component {
        "MinCountConstraintComponent" => {
            let min = number("minCount");
            if min == "1" {
                format!("{property} is missing: add at least one value.")
            } else {
                format!("{property} needs at least {min} values.")
            }
        }
        "MaxCountConstraintComponent" => format!(
            "{property} has too many values: at most {} allowed.",
            number("maxCount")
        ),
        "ClassConstraintComponent" => {
            let class = parameter("class").map(|c| shown(&c)).unwrap_or_default();
            format!(
                "{property}: the value {value_text} must be a {class}; describe it with rdf:type {class}."
            )
        }
        "DatatypeConstraintComponent" => {
            let datatype = parameter("datatype").map(|c| shown(&c)).unwrap_or_default();
            format!("{property}: the value {value_text} must be a literal of type {datatype}.")
        }
        "NodeKindConstraintComponent" => {
            let kind = parameter("nodeKind")
                .map(|k| match k {
                    Term::NamedNode(n) => kind_words(&n),
                    other => other.to_string(),
                })
                .unwrap_or_default();
            format!("{property}: the value {value_text} must be {kind}.")
        }
        "InConstraintComponent" => {
            format!("{property}: the value {value_text} is not one of the allowed values.")
        }
        other => {
            let what = other.trim_end_matches("ConstraintComponent");
            if value_text.is_empty() {
                format!("{property} does not meet the {what} constraint of the shape.")
            } else {
                format!(
                    "{property}: the value {value_text} does not meet the {what} constraint of the shape."
                )
            }
        }
    }
}

fn kind_words(kind: &NamedNode) -> String {
    match kind.as_str().rsplit('#').next().unwrap_or_default() {
        "IRI" => "an IRI".into(),
        "BlankNode" => "a blank node".into(),
        "Literal" => "a literal".into(),
        "BlankNodeOrIRI" => "an IRI or a blank node".into(),
        "IRIOrLiteral" => "an IRI or a literal".into(),
        "BlankNodeOrLiteral" => "a blank node or a literal".into(),
        other => other.to_owned(),
    }
}
