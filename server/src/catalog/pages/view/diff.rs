//! What changed between two versions of a record, property by property, in
//! words: the record's own properties, then each distribution's (matched by
//! IRI, or by download/access URL, or by title).

use std::collections::BTreeMap;

use app::catalog::{Change, Value};
use oxigraph::model::{Graph, NamedNodeRef, NamedOrBlankNodeRef, TermRef};

use crate::catalog::pages::view::values::{name_of, properties_of};

const DISTRIBUTION: &str = "http://www.w3.org/ns/dcat#distribution";
const KEYS: &[&str] = &[
    "http://www.w3.org/ns/dcat#downloadURL",
    "http://www.w3.org/ns/dcat#accessURL",
];

/// The changes from `old` to `new` of the record `resource`.
pub fn changes(
    old: &Graph,
    new: &Graph,
    resource: NamedNodeRef<'_>,
    lang: &str,
    distribution_word: &str,
) -> Vec<Change> {
    let mut out = compare(
        old,
        new,
        resource.into(),
        resource.into(),
        lang,
        "",
        &[DISTRIBUTION],
    );
    let old_parts = distributions(old, resource, lang);
    let new_parts = distributions(new, resource, lang);
    for (key, (old_node, title)) in &old_parts {
        match new_parts.get(key) {
            Some((new_node, _)) => {
                let prefix = format!("{distribution_word} “{title}”: ");
                out.extend(compare(old, new, *old_node, *new_node, lang, &prefix, &[]));
            }
            None => out.push(Change {
                property: distribution_word.to_owned(),
                added: Vec::new(),
                removed: vec![title.clone()],
            }),
        }
    }
    for (key, (_, title)) in &new_parts {
        if !old_parts.contains_key(key) {
            out.push(Change {
                property: distribution_word.to_owned(),
                added: vec![title.clone()],
                removed: Vec::new(),
            });
        }
    }
    out
}

fn compare(
    old: &Graph,
    new: &Graph,
    old_node: NamedOrBlankNodeRef<'_>,
    new_node: NamedOrBlankNodeRef<'_>,
    lang: &str,
    prefix: &str,
    skip: &[&str],
) -> Vec<Change> {
    // Every language of a text counts as a value here, so a changed French
    // title shows even on the English page.
    let texts = |graph: &Graph, node| -> BTreeMap<String, (String, Vec<String>)> {
        properties_of(graph, node, lang, skip)
            .into_iter()
            .map(|p| {
                let mut values: Vec<String> = graph
                    .objects_for_subject_predicate(node, NamedNodeRef::new_unchecked(&p.iri))
                    .map(|t| match t {
                        TermRef::Literal(l) => match l.language() {
                            Some(tag) => format!("{} ({tag})", l.value()),
                            None => l.value().to_owned(),
                        },
                        _ => String::new(),
                    })
                    .filter(|s| !s.is_empty())
                    .collect();
                values.extend(p.values.iter().filter_map(|v| match v {
                    Value::Link { label, .. } => Some(label.clone()),
                    Value::Text(_) => None,
                }));
                if values.is_empty() {
                    values = p
                        .values
                        .iter()
                        .map(|v| match v {
                            Value::Text(t) => t.clone(),
                            Value::Link { label, .. } => label.clone(),
                        })
                        .collect();
                }
                values.sort();
                values.dedup();
                (p.iri, (p.label, values))
            })
            .collect()
    };
    let before = texts(old, old_node);
    let after = texts(new, new_node);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let empty = (String::new(), Vec::new());
            let (label_before, old_values) = before.get(key).unwrap_or(&empty);
            let (label_after, new_values) = after.get(key).unwrap_or(&empty);
            let added: Vec<String> = new_values
                .iter()
                .filter(|v| !old_values.contains(v))
                .cloned()
                .collect();
            let removed: Vec<String> = old_values
                .iter()
                .filter(|v| !new_values.contains(v))
                .cloned()
                .collect();
            (!added.is_empty() || !removed.is_empty()).then(|| Change {
                property: format!(
                    "{prefix}{}",
                    if label_after.is_empty() {
                        label_before
                    } else {
                        label_after
                    }
                ),
                added,
                removed,
            })
        })
        .collect()
}

/// The distributions of `resource`, by matching key, with a title.
fn distributions<'a>(
    graph: &'a Graph,
    resource: NamedNodeRef<'_>,
    lang: &str,
) -> BTreeMap<String, (NamedOrBlankNodeRef<'a>, String)> {
    let mut out = BTreeMap::new();
    for term in
        graph.objects_for_subject_predicate(resource, NamedNodeRef::new_unchecked(DISTRIBUTION))
    {
        let node: NamedOrBlankNodeRef<'_> = match term {
            TermRef::NamedNode(n) => n.into(),
            TermRef::BlankNode(b) => b.into(),
            _ => continue,
        };
        let url = KEYS.iter().find_map(|p| {
            graph
                .object_for_subject_predicate(node, NamedNodeRef::new_unchecked(p))
                .map(|t| t.to_string())
        });
        let title = name_of(graph, node, lang)
            .or_else(|| url.clone())
            .unwrap_or_else(|| "—".to_owned());
        let key = match node {
            NamedOrBlankNodeRef::NamedNode(n) => n.as_str().to_owned(),
            NamedOrBlankNodeRef::BlankNode(_) => url.unwrap_or_else(|| title.clone()),
        };
        out.insert(key, (node, title));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;

    fn graph(body: &str) -> Graph {
        let prefixes = "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n";
        parse_graph(
            format!("{prefixes}{body}").as_bytes(),
            RdfFormat::Turtle,
            "http://x.test/",
            Strictness::Strict,
        )
        .expect("Turtle")
    }

    #[test]
    fn changed_titles_keywords_and_distributions_are_listed_in_words() {
        let old = graph("<http://x.test/d> dct:title \"Trees\"@en ; dcat:keyword \"parks\" ;
            dcat:distribution [ dcat:downloadURL <http://x.test/t.csv> ; dct:title \"CSV\" ; dcat:byteSize 10 ] .");
        let new = graph("<http://x.test/d> dct:title \"Street trees\"@en ; dcat:keyword \"parks\", \"nature\" ;
            dcat:distribution [ dcat:downloadURL <http://x.test/t.csv> ; dct:title \"CSV\" ; dcat:byteSize 12 ] ,
                              [ dcat:downloadURL <http://x.test/t.json> ; dct:title \"JSON\" ] .");
        let changes = changes(
            &old,
            &new,
            NamedNodeRef::new_unchecked("http://x.test/d"),
            "en",
            "Distribution",
        );
        let find = |property: &str| {
            changes
                .iter()
                .find(|c| c.property == property)
                .unwrap_or_else(|| panic!("{property} in {changes:?}"))
        };
        assert_eq!(find("Title").added, ["Street trees (en)"]);
        assert_eq!(find("Title").removed, ["Trees (en)"]);
        assert_eq!(find("Keywords").added, ["nature"]);
        assert_eq!(find("Distribution “CSV”: Size (bytes)").added, ["12"]);
        assert_eq!(find("Distribution").added, ["JSON"]);
        assert_eq!(changes.len(), 4);
    }
}
