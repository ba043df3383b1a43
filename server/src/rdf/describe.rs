//! The description of one resource inside a larger graph: its own triples
//! and those of everything it owns (blank nodes, distributions, agents and
//! other nodes described in the same graph), stopping at other records.

use std::collections::HashSet;

use oxigraph::model::{Graph, NamedOrBlankNode, NamedOrBlankNodeRef, TermRef};

/// The triples describing `root` in `graph`, following objects that are
/// subjects in `graph` unless they are in `stop` (other records, catalogs).
/// `root` itself may be in `stop`: the walk starts there regardless.
pub fn describe(
    graph: &Graph,
    root: NamedOrBlankNodeRef<'_>,
    stop: &HashSet<NamedOrBlankNode>,
) -> Graph {
    let mut out = Graph::new();
    let mut seen: HashSet<NamedOrBlankNode> = HashSet::new();
    let mut todo = vec![root.into_owned()];
    seen.insert(root.into_owned());
    while let Some(node) = todo.pop() {
        for triple in graph.triples_for_subject(node.as_ref()) {
            out.insert(triple);
            let next: Option<NamedOrBlankNode> = match triple.object {
                TermRef::NamedNode(n) => Some(n.into_owned().into()),
                TermRef::BlankNode(b) => Some(b.into_owned().into()),
                _ => None,
            };
            if let Some(next) = next
                && !stop.contains(&next)
                && !seen.contains(&next)
            {
                seen.insert(next.clone());
                todo.push(next);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::{Strictness, parse_graph};
    use oxigraph::io::RdfFormat;
    use oxigraph::model::NamedNode;

    #[test]
    fn a_description_follows_owned_nodes_and_stops_at_other_records() {
        let graph = parse_graph(
            br#"@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
            <d> a dcat:Dataset ; dct:publisher <org> ; dcat:distribution [ dct:title "csv" ] ; dcat:inSeries <s> .
            <org> dct:title "Org" .
            <s> a dcat:DatasetSeries ; dct:title "Series" .
            <other> dct:title "not reachable" ."#,
            RdfFormat::Turtle,
            "https://x.example/",
            Strictness::Strict,
        )
        .unwrap();
        let series: NamedOrBlankNode = NamedNode::new("https://x.example/s").unwrap().into();
        let stop = HashSet::from([series]);
        let root = NamedNode::new("https://x.example/d").unwrap();
        let description = describe(&graph, root.as_ref().into(), &stop);
        assert_eq!(description.len(), 6, "{description}");
    }
}
