//! What an edit keeps of a stored description: the record form never
//! drops what it does not show. The properties it controls are replaced
//! (with the nodes only they reach), except texts in languages it does not
//! show; everything else stays.

use std::collections::HashSet;

use app::catalog::publish::FORM_LANGUAGES;
use oxigraph::model::{
    Graph, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, TermRef, TripleRef,
};

use crate::catalog::pages::forms::mapping::{DISTRIBUTION, controlled_properties};

/// What an edit keeps of the `existing` description of `iri`: everything
/// but the properties the form controls (and the nodes only they reach),
/// except texts in languages the form does not show.
pub(super) fn kept_from(existing: &Graph, iri: &NamedNode) -> Graph {
    let controlled: Vec<NamedNodeRef<'static>> = controlled_properties()
        .map(NamedNodeRef::new_unchecked)
        .collect();
    let is_controlled = |triple: &TripleRef<'_>| {
        triple.subject == NamedOrBlankNodeRef::from(iri.as_ref())
            && controlled.contains(&triple.predicate)
    };
    let mut graph = Graph::new();
    let mut dropped: HashSet<NamedOrBlankNode> = HashSet::new();
    for triple in existing.iter().filter(is_controlled) {
        let keep = match triple.object {
            // Texts in languages the form does not show stay.
            TermRef::Literal(l) => l
                .language()
                .is_some_and(|tag| !FORM_LANGUAGES.contains(&tag.to_ascii_lowercase().as_str())),
            _ => false,
        };
        if keep {
            graph.insert(triple);
        } else if let TermRef::BlankNode(b) = triple.object {
            dropped.insert(b.into_owned().into());
        } else if triple.predicate.as_str() == DISTRIBUTION
            && let TermRef::NamedNode(n) = triple.object
        {
            dropped.insert(n.into_owned().into());
        }
    }
    let dropped = reachable(existing, dropped);
    for triple in existing.iter() {
        if !is_controlled(&triple) && !dropped.contains(&triple.subject.into_owned()) {
            graph.insert(triple);
        }
    }
    graph
}

/// `roots` and every blank node they reach, in `graph`.
fn reachable(graph: &Graph, roots: HashSet<NamedOrBlankNode>) -> HashSet<NamedOrBlankNode> {
    let mut seen = roots.clone();
    let mut todo: Vec<NamedOrBlankNode> = roots.into_iter().collect();
    while let Some(node) = todo.pop() {
        for triple in graph.triples_for_subject(node.as_ref()) {
            if let TermRef::BlankNode(b) = triple.object {
                let next: NamedOrBlankNode = b.into_owned().into();
                if seen.insert(next.clone()) {
                    todo.push(next);
                }
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RecordKind;
    use crate::catalog::pages::forms::record_graph;
    use crate::rdf::{Strictness, parse_graph};
    use app::catalog::publish::RecordForm;
    use oxigraph::io::RdfFormat;

    #[test]
    fn an_edit_keeps_what_the_form_does_not_show() {
        let existing = parse_graph(
            br#"@prefix dct: <http://purl.org/dc/terms/> . @prefix dcat: <http://www.w3.org/ns/dcat#> .
            <http://x.test/d> a dcat:Dataset ; dct:title "Old"@en, "Alt"@de ; dct:provenance [ a dct:ProvenanceStatement ] ;
              dcat:contactPoint [ <http://www.w3.org/2006/vcard/ns#fn> "Old contact" ] ."#,
            RdfFormat::Turtle,
            "http://x.test/",
            Strictness::Strict,
        )
        .expect("Turtle");
        let form = RecordForm::from_pairs([("kind", "dataset"), ("title_en", "New")]);
        let iri = NamedNode::new_unchecked("http://x.test/d");
        let (graph, _) = record_graph(&form, &iri, RecordKind::Dataset, Some(&existing));
        let text = graph.to_string();
        assert!(text.contains("ProvenanceStatement"), "{text}");
        assert!(text.contains("\"Alt\"@de"), "{text}");
        assert!(
            text.contains("\"New\"@en") && !text.contains("\"Old\"@en"),
            "{text}"
        );
        assert!(
            !text.contains("Old contact"),
            "the form's contact replaces the old one: {text}"
        );
    }
}
