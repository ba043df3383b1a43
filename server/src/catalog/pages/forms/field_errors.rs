//! SHACL results become errors next to the form's fields: the focus node
//! and path say which field, the constraint says what kind of error.

use app::catalog::publish::{FORM_LANGUAGES, FieldError, fields};
use oxigraph::model::{Graph, NamedNode, NamedNodeRef, NamedOrBlankNode, TermRef};

use crate::shacl::{Severity, ValidationResult};

const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const R5R: &str = "http://data.europa.eu/r5r/";

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
    let contact = via(&format!("{DCAT}contactPoint"));
    let period = via(&format!("{DCT}temporal"));
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
            let local = |ns: &str| path.strip_prefix(ns).unwrap_or_default().to_owned();
            let field = if result.focus_node == iri.as_str() {
                record_field(path)
            } else if let Some(n) = distributions
                .iter()
                .position(|d| node_name(d) == result.focus_node)
            {
                let name = match (local(DCAT).as_str(), local(DCT).as_str()) {
                    ("downloadURL", _) => "download_url",
                    ("mediaType", _) => "media_type",
                    ("byteSize", _) => "byte_size",
                    (_, "format") => "format",
                    (_, "license") => "licence",
                    (_, "title") => "title",
                    (_, "description") => "description",
                    _ => "access_url",
                };
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
                "other"
            } else {
                kind_of(&result.constraint)
            };
            FieldError {
                field,
                kind: kind.to_owned(),
                message: result.message.clone(),
            }
        })
        .collect();
    errors.sort_by(|a, b| (&a.field, &a.kind).cmp(&(&b.field, &b.kind)));
    errors.dedup_by(|a, b| {
        a.field == b.field && a.kind == b.kind && (a.kind != "other" || a.message == b.message)
    });
    errors
}

fn record_field(path: &str) -> String {
    let dct = |l: &str| format!("{DCT}{l}");
    let dcat = |l: &str| format!("{DCAT}{l}");
    let first = FORM_LANGUAGES[0];
    match path {
        p if p == dct("title") => fields::title(first),
        p if p == dct("description") => fields::description(first),
        p if p == dcat("keyword") => "keywords".into(),
        p if p == dcat("theme") => "themes".into(),
        p if p == dct("publisher") => "publisher".into(),
        p if p == dcat("contactPoint") => "contact_name".into(),
        p if p == dcat("landingPage") => "landing_page".into(),
        p if p == dct("language") => "languages".into(),
        p if p == dct("accessRights") => "access_rights".into(),
        p if p == dct("accrualPeriodicity") => "frequency".into(),
        p if p == dct("spatial") => "spatial_place".into(),
        p if p == dct("temporal") => "temporal_start".into(),
        p if p == dct("issued") => "issued".into(),
        p if p == format!("{R5R}hvdCategory") || p == format!("{R5R}applicableLegislation") => {
            "hvd_category".into()
        }
        p if p == dcat("endpointURL") => "endpoint_url".into(),
        p if p == dcat("endpointDescription") => "endpoint_description".into(),
        p if p == dcat("servesDataset") => "serves_datasets".into(),
        p if p == dcat("distribution") => fields::distribution(0, "access_url"),
        _ => String::new(),
    }
}

fn kind_of(constraint: &str) -> &'static str {
    let name = constraint.rsplit([':', '#']).next().unwrap_or(constraint);
    match name {
        "MinCountConstraintComponent" => "required",
        "MaxCountConstraintComponent" => "too_many",
        "DatatypeConstraintComponent"
        | "PatternConstraintComponent"
        | "NodeKindConstraintComponent"
        | "MinLengthConstraintComponent"
        | "MaxLengthConstraintComponent" => "format",
        "ClassConstraintComponent" | "InConstraintComponent" => "vocabulary",
        _ => "other",
    }
}
