//! Readable values: a vocabulary IRI becomes its label, an agent its name,
//! a contact point its name and e-mail, a period its dates, a described
//! blank node a short summary; literals in several languages show in the
//! reader's.

use app::catalog::{Property, Value};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};

use crate::catalog::pages::view::labels::property_label;
use crate::vocab::vocabularies;

const NAMES: &[&str] = &[
    "http://xmlns.com/foaf/0.1/name",
    "http://www.w3.org/2006/vcard/ns#fn",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/title",
];
const EMAIL: &str = "http://www.w3.org/2006/vcard/ns#hasEmail";
const START: &[&str] = &[
    "http://www.w3.org/ns/dcat#startDate",
    "http://schema.org/startDate",
];
const END: &[&str] = &[
    "http://www.w3.org/ns/dcat#endDate",
    "http://schema.org/endDate",
];

/// Every property of `node` except `skip`, in a stable order (known
/// properties by label, then the rest).
pub fn properties_of(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    lang: &str,
    skip: &[&str],
) -> Vec<Property> {
    let mut predicates: Vec<String> = graph
        .triples_for_subject(node)
        .map(|t| t.predicate.as_str().to_owned())
        .filter(|p| p != rdf::TYPE.as_str() && !skip.contains(&p.as_str()))
        .collect();
    predicates.sort();
    predicates.dedup();
    let mut properties: Vec<Property> = predicates
        .into_iter()
        .map(|predicate| Property {
            label: property_label(&predicate, lang),
            values: values_of(graph, node, &predicate, lang),
            iri: predicate,
        })
        .filter(|p| !p.values.is_empty())
        .collect();
    properties.sort_by(|a, b| a.label.cmp(&b.label));
    properties
}

/// The values of `property` on `node`, readable.
pub fn values_of(
    graph: &Graph,
    node: NamedOrBlankNodeRef<'_>,
    property: &str,
    lang: &str,
) -> Vec<Value> {
    let objects: Vec<TermRef<'_>> = graph
        .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(property))
        .collect();
    let tagged: Vec<TermRef<'_>> = objects
        .iter()
        .copied()
        .filter(|t| matches!(t, TermRef::Literal(l) if l.language().is_some()))
        .collect();
    // Literals in several languages: the reader's, else all of them.
    let in_lang: Vec<TermRef<'_>> = tagged
        .iter()
        .copied()
        .filter(|t| matches!(t, TermRef::Literal(l) if l.language().is_some_and(|tag| same_language(tag, lang))))
        .collect();
    let mut values: Vec<Value> = objects
        .into_iter()
        .filter(|term| in_lang.is_empty() || !tagged.contains(term) || in_lang.contains(term))
        .map(|term| value_of(graph, term, lang))
        .collect();
    values.sort_by(|a, b| text_of(a).cmp(text_of(b)));
    values.dedup();
    values
}

fn same_language(tag: &str, lang: &str) -> bool {
    tag.eq_ignore_ascii_case(lang) || tag.to_ascii_lowercase().starts_with(&format!("{lang}-"))
}

fn text_of(value: &Value) -> &str {
    match value {
        Value::Text(text) => text,
        Value::Link { label, .. } => label,
    }
}

/// One term, readable.
pub fn value_of(graph: &Graph, term: TermRef<'_>, lang: &str) -> Value {
    match term {
        TermRef::Literal(literal) => Value::Text(literal.value().to_owned()),
        TermRef::NamedNode(node) => {
            let iri = node.as_str();
            if let Some(concept) = vocabularies().concept(iri) {
                return Value::Link {
                    href: iri.to_owned(),
                    label: concept.label(lang).to_owned(),
                };
            }
            if let Some(email) = iri.strip_prefix("mailto:") {
                return Value::Link {
                    href: iri.to_owned(),
                    label: email.to_owned(),
                };
            }
            let label = name_of(graph, node.into(), lang).unwrap_or_else(|| iri.to_owned());
            Value::Link {
                href: iri.to_owned(),
                label,
            }
        }
        TermRef::BlankNode(blank) => summary_of(graph, blank.into(), lang),
        #[allow(unreachable_patterns)]
        _ => Value::Text(term.to_string()),
    }
}

/// A name for a node described in the graph, in `lang` where possible.
pub fn name_of(graph: &Graph, node: NamedOrBlankNodeRef<'_>, lang: &str) -> Option<String> {
    for property in NAMES {
        let literals: Vec<oxigraph::model::Literal> = graph
            .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(property))
            .filter_map(|t| match t {
                TermRef::Literal(l) => Some(l.into_owned()),
                _ => None,
            })
            .collect();
        if let Some(picked) = crate::catalog::pick_literal(&literals, lang) {
            return Some(picked.value().to_owned());
        }
    }
    None
}

/// A described blank node in a few words.
fn summary_of(graph: &Graph, node: NamedOrBlankNodeRef<'_>, lang: &str) -> Value {
    let first = |properties: &[&str]| {
        properties.iter().find_map(|p| {
            graph
                .object_for_subject_predicate(node, NamedNodeRef::new_unchecked(p))
                .map(|t| match t {
                    TermRef::Literal(l) => l.value().to_owned(),
                    other => other.to_string(),
                })
        })
    };
    let (start, end) = (first(START), first(END));
    if start.is_some() || end.is_some() {
        return Value::Text(
            format!(
                "{} – {}",
                start.unwrap_or_default(),
                end.unwrap_or_default()
            )
            .trim()
            .to_owned(),
        );
    }
    let name = name_of(graph, node, lang);
    let email = graph
        .object_for_subject_predicate(node, NamedNodeRef::new_unchecked(EMAIL))
        .map(|t| match t {
            TermRef::NamedNode(n) => n.as_str().to_owned(),
            TermRef::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        });
    match (name, email) {
        (name, Some(email)) => {
            let address = email.trim_start_matches("mailto:").to_owned();
            let label = match name {
                Some(name) => format!("{name} <{address}>"),
                None => address.clone(),
            };
            Value::Link {
                href: format!("mailto:{address}"),
                label,
            }
        }
        (Some(name), None) => Value::Text(name),
        (None, None) => {
            let parts: Vec<String> = properties_of(graph, node, lang, &[])
                .into_iter()
                .map(|p| {
                    let values: Vec<&str> = p.values.iter().map(text_of).collect();
                    format!("{}: {}", p.label, values.join(", "))
                })
                .collect();
            Value::Text(parts.join("; "))
        }
    }
}
