//! SHACL results become errors next to the form's fields: the focus node
//! and path say which field (by the table in `mapping.rs`, and the nodes
//! the form makes), the constraint says what kind of error.

use app::catalog::publish::{FieldError, FieldProblem, fields};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNode, TermRef};

use crate::catalog::pages::forms::mapping::{
    APPLICABLE_LEGISLATION, CONTACT_POINT, DISTRIBUTION, DISTRIBUTION_FIELDS, RECORD_FIELDS,
    SPATIAL, TEMPORAL, field_of,
};
use crate::shacl::{Severity, ValidationResult};

/// The form errors for `results` about the record `iri` in `graph`, whose
/// form distributions are `distributions` (in form order). Only
/// violations count: warnings do not stop a save.
pub fn field_errors(
    results: &[ValidationResult],
    iri: &NamedNode,
    graph: &Graph,
    distributions: &[NamedOrBlankNode],
) -> Vec<FieldError> {
    let node_name = |node: &NamedOrBlankNode| match node {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    };
    let via = |property: &str| -> Option<String> {
        graph
            .objects_for_subject_predicate(iri.as_ref(), NamedNodeRef::new_unchecked(property))
            .find_map(|t| match t {
                TermRef::BlankNode(b) => Some(format!("_:{}", b.as_str())),
                TermRef::NamedNode(n) => Some(n.as_str().to_owned()),
                _ => None,
            })
    };
    let contact = via(CONTACT_POINT);
    let period = via(TEMPORAL);
    let mut errors: Vec<FieldError> = results
        .iter()
        .filter(|r| r.severity == Severity::Violation)
        // Results about records the form links to (background knowledge)
        // are not the form's to fix.
        .filter(|r| {
            r.focus_node.starts_with("_:")
                || graph
                    .triples_for_subject(NamedNodeRef::new_unchecked(&r.focus_node))
                    .next()
                    .is_some()
        })
        .map(|result| {
            let path = result.path.as_deref().unwrap_or_default();
            let field = if result.focus_node == iri.as_str() {
                record_field(path)
            } else if let Some(n) = distributions
                .iter()
                .position(|d| node_name(d) == result.focus_node)
            {
                // A result on no field of the distribution is shown at its address.
                let name = field_of(DISTRIBUTION_FIELDS, path).map_or("access_url", |f| f.name);
                fields::distribution(n, name)
            } else if contact.as_deref() == Some(result.focus_node.as_str()) {
                if path.ends_with("hasEmail") {
                    "contact_email".to_owned()
                } else {
                    "contact_name".to_owned()
                }
            } else if period.as_deref() == Some(result.focus_node.as_str()) {
                "temporal_start".to_owned()
            } else {
                String::new()
            };
            // A result no field shows keeps the validator's own words.
            let kind = if field.is_empty() {
                FieldProblem::Other
            } else {
                kind_of(&result.constraint)
            };
            FieldError {
                field,
                kind,
                message: result.message.clone(),
            }
        })
        .collect();
    errors.sort_by(|a, b| (&a.field, &a.kind).cmp(&(&b.field, &b.kind)));
    errors.dedup_by(|a, b| {
        a.field == b.field
            && a.kind == b.kind
            && (a.kind != FieldProblem::Other || a.message == b.message)
    });
    errors
}

/// The field where a result about the record's `path` is shown.
fn record_field(path: &str) -> String {
    if let Some(field) = field_of(RECORD_FIELDS, path) {
        return field.input_name();
    }
    match path {
        CONTACT_POINT => "contact_name".into(),
        SPATIAL => "spatial_place".into(),
        TEMPORAL => "temporal_start".into(),
        APPLICABLE_LEGISLATION => "hvd_category".into(),
        DISTRIBUTION => fields::distribution(0, "access_url"),
        _ => String::new(),
    }
}

fn kind_of(constraint: &str) -> FieldProblem {
    let name = constraint.rsplit([':', '#']).next().unwrap_or(constraint);
    match name {
        "MinCountConstraintComponent" => FieldProblem::Required,
        "MaxCountConstraintComponent" => FieldProblem::TooMany,
        "DatatypeConstraintComponent"
        | "PatternConstraintComponent"
        | "NodeKindConstraintComponent"
        | "MinLengthConstraintComponent"
        | "MaxLengthConstraintComponent" => FieldProblem::Format,
        "ClassConstraintComponent" | "InConstraintComponent" => FieldProblem::Vocabulary,
        _ => FieldProblem::Other,
    }
}
