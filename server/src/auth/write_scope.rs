//! Who may write which record: a write on behalf of an organisation may
//! only touch records whose `dct:publisher` is that organisation's agent,
//! both as stored and as sent. Administrators and the command line write
//! without this limit. The catalog's importer checks a scope inside its
//! write lock; only [`crate::auth`] makes one from a caller.

use oxigraph::model::{Graph, NamedNode, NamedNodeRef, TermRef};

use crate::auth::OrganisationId;

const DCT_PUBLISHER: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/publisher");

/// On whose behalf a write is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteScope {
    /// Any record (administrators, the command line).
    Any,
    /// Only the records of these publishers (an API token's organisation,
    /// a publisher's organisations). Each pair is (organisation id, agent IRI).
    Publishers(Vec<(OrganisationId, NamedNode)>),
}

/// A record the scope does not allow, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutOfScope {
    /// The record's IRI.
    pub record: String,
    /// What is wrong and what to do, in a sentence.
    pub reason: String,
}

impl WriteScope {
    /// The scope of these organisations: their records only. An
    /// organisation's IRI is checked when it is made; a bad one writes
    /// nothing.
    pub fn organisations(organisations: &[crate::auth::Organisation]) -> Self {
        WriteScope::Publishers(
            organisations
                .iter()
                .filter_map(|o| {
                    NamedNode::new(&o.agent_iri)
                        .ok()
                        .map(|agent| (o.id.clone(), agent))
                })
                .collect(),
        )
    }

    /// Whether a record with these publishers may be written.
    fn allows(&self, publishers: &[NamedNode]) -> bool {
        match self {
            WriteScope::Any => true,
            WriteScope::Publishers(allowed) => {
                !publishers.is_empty()
                    && publishers
                        .iter()
                        .all(|p| allowed.iter().any(|(_, agent)| agent == p))
            }
        }
    }

    fn names(&self) -> String {
        match self {
            WriteScope::Any => String::new(),
            WriteScope::Publishers(allowed) => allowed
                .iter()
                .map(|(id, agent)| format!("{id} (<{}>)", agent.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Why the record `iri` may not be written, if it may not: `incoming`
    /// is the description sent, `stored` the graph in the store (if any).
    pub fn check(
        &self,
        iri: &NamedNode,
        incoming: &Graph,
        stored: Option<&Graph>,
    ) -> Option<OutOfScope> {
        if *self == WriteScope::Any {
            return None;
        }
        let refuse = |reason: String| {
            Some(OutOfScope {
                record: iri.as_str().to_owned(),
                reason,
            })
        };
        if let Some(stored) = stored
            && !self.covers(iri, stored)
        {
            let owners = publishers(iri, stored);
            let owner = if owners.is_empty() {
                "no organisation (only administrators may change it)".to_owned()
            } else {
                list(&owners)
            };
            return refuse(format!(
                "The record belongs to {owner}; you may write records of {} only.",
                self.names()
            ));
        }
        let sent = publishers(iri, incoming);
        if sent.is_empty() {
            return refuse(format!(
                "The record names no publisher; add dct:publisher with {}.",
                self.names()
            ));
        }
        if !self.allows(&sent) {
            return refuse(format!(
                "The record names {} as publisher; you may write records of {} only.",
                list(&sent),
                self.names()
            ));
        }
        None
    }

    /// Whether the stored record `iri` (in `graph`) is within this scope:
    /// may be edited or deleted.
    /// A deleted record (a tombstone, which describes nothing) is anyone's
    /// to write again; a record that names no publisher is the
    /// administrators'.
    pub fn covers(&self, iri: &NamedNode, graph: &Graph) -> bool {
        *self == WriteScope::Any
            || graph.triples_for_subject(iri).next().is_none()
            || self.allows(&publishers(iri, graph))
    }
}

/// The `dct:publisher` IRIs of `iri` in `graph`.
pub fn publishers(iri: &NamedNode, graph: &Graph) -> Vec<NamedNode> {
    graph
        .objects_for_subject_predicate(iri, DCT_PUBLISHER)
        .filter_map(|o| match o {
            TermRef::NamedNode(n) => Some(n.into_owned()),
            _ => None,
        })
        .collect()
}

fn list(agents: &[NamedNode]) -> String {
    agents
        .iter()
        .map(|a| format!("<{}>", a.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Triple;

    fn graph(record: &NamedNode, publisher: Option<&str>) -> Graph {
        let mut g = Graph::new();
        if let Some(p) = publisher {
            g.insert(&Triple::new(
                record.clone(),
                DCT_PUBLISHER.into_owned(),
                NamedNode::new(p).unwrap(),
            ));
        }
        g
    }

    #[test]
    fn an_organisation_writes_its_own_records_only() {
        let iri = NamedNode::new("https://x.example/datasets/a").unwrap();
        let scope = WriteScope::organisations(&[crate::auth::Organisation {
            id: OrganisationId::from_stored("parks"),
            name: "Parks".into(),
            agent_iri: "https://x.example/agents/parks".into(),
        }]);
        let ours = graph(&iri, Some("https://x.example/agents/parks"));
        let theirs = graph(&iri, Some("https://x.example/agents/roads"));
        let none = graph(&iri, None);
        assert_eq!(scope.check(&iri, &ours, None), None);
        assert_eq!(scope.check(&iri, &ours, Some(&ours)), None);
        assert!(scope.check(&iri, &theirs, None).is_some());
        assert!(
            scope
                .check(&iri, &none, None)
                .unwrap()
                .reason
                .contains("names no publisher")
        );
        // Taking over another organisation's record by naming oneself.
        let taken = scope.check(&iri, &ours, Some(&theirs)).unwrap();
        assert!(
            taken
                .reason
                .contains("belongs to <https://x.example/agents/roads>"),
            "{}",
            taken.reason
        );
        assert_eq!(WriteScope::Any.check(&iri, &none, Some(&theirs)), None);
        assert!(scope.covers(&iri, &ours));
        assert!(!scope.covers(&iri, &theirs));
        // Nobody's record: administrators only; a tombstone: anyone's.
        let mut orphan = Graph::new();
        orphan.insert(&Triple::new(
            iri.clone(),
            NamedNode::new("http://purl.org/dc/terms/title").unwrap(),
            oxigraph::model::Literal::new_simple_literal("x"),
        ));
        assert!(!scope.covers(&iri, &orphan));
        assert!(scope.check(&iri, &ours, Some(&orphan)).is_some());
        assert!(scope.covers(&iri, &Graph::new()));
    }
}
