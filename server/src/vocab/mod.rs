//! The EU controlled vocabularies DCAT-AP 3 asks for (data themes, file
//! types, languages, licences, access rights, frequencies, HVD categories
//! and the HVD regulation), bundled in `eu-vocabularies.ttl`: labels for
//! facets and pages, options for the publisher forms, and typed terms as
//! background knowledge for validation.

use std::collections::HashMap;
use std::sync::LazyLock;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Graph, NamedNodeRef, Term, Triple};

const SOURCE: &str = include_str!("eu-vocabularies.ttl");
const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
const SKOS_IN_SCHEME: &str = "http://www.w3.org/2004/02/skos/core#inScheme";

/// One concept: its IRI, scheme and labels by language.
#[derive(Debug, Clone)]
pub struct Concept {
    /// The official IRI.
    pub iri: String,
    /// The concept scheme (authority table) IRI.
    pub scheme: String,
    /// Labels by lower-case language tag.
    pub labels: HashMap<String, String>,
}

impl Concept {
    /// The label in `lang`, else English, else any.
    pub fn label(&self, lang: &str) -> &str {
        self.labels
            .get(lang)
            .or_else(|| self.labels.get("en"))
            .or_else(|| self.labels.values().next())
            .map_or(self.iri.as_str(), String::as_str)
    }
}

/// The bundled vocabularies.
pub struct Vocabularies {
    graph: Graph,
    concepts: Vec<Concept>,
    by_iri: HashMap<String, usize>,
}

static VOCABULARIES: LazyLock<Vocabularies> = LazyLock::new(Vocabularies::load);

/// The bundled vocabularies, read once.
pub fn vocabularies() -> &'static Vocabularies {
    &VOCABULARIES
}

impl Vocabularies {
    fn load() -> Self {
        let graph: Graph = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(SOURCE.as_bytes())
            .map(|quad| quad.map(Triple::from))
            .collect::<Result<_, _>>()
            .expect("the bundled EU vocabularies are valid Turtle (checked by a test)");
        let mut concepts: Vec<Concept> = Vec::new();
        let mut by_iri = HashMap::new();
        let in_scheme = NamedNodeRef::new_unchecked(SKOS_IN_SCHEME);
        let pref_label = NamedNodeRef::new_unchecked(SKOS_PREF_LABEL);
        for triple in graph.triples_for_predicate(in_scheme) {
            let (
                oxigraph::model::NamedOrBlankNodeRef::NamedNode(subject),
                oxigraph::model::TermRef::NamedNode(scheme),
            ) = (triple.subject, triple.object)
            else {
                continue;
            };
            let labels = graph
                .objects_for_subject_predicate(subject, pref_label)
                .filter_map(|term| match term.into_owned() {
                    Term::Literal(literal) => Some((
                        literal.language().unwrap_or("en").to_ascii_lowercase(),
                        literal.value().to_owned(),
                    )),
                    _ => None,
                })
                .collect();
            by_iri.insert(subject.as_str().to_owned(), concepts.len());
            concepts.push(Concept {
                iri: subject.as_str().to_owned(),
                scheme: scheme.as_str().to_owned(),
                labels,
            });
        }
        Vocabularies {
            graph,
            concepts,
            by_iri,
        }
    }

    /// The concept `iri`, if bundled.
    pub fn concept(&self, iri: &str) -> Option<&Concept> {
        self.by_iri.get(iri).map(|i| &self.concepts[*i])
    }

    /// The concepts of the scheme `scheme`, in file order.
    pub fn scheme(&self, scheme: &str) -> impl Iterator<Item = &Concept> {
        self.concepts.iter().filter(move |c| c.scheme == scheme)
    }

    /// A label for `value` in `lang`: the concept's label when bundled,
    /// else the last segment of an IRI, else the value itself.
    pub fn label(&self, value: &str, lang: &str) -> String {
        match self.concept(value) {
            Some(concept) => concept.label(lang).to_owned(),
            None => fallback_label(value),
        }
    }

    /// Every triple, as background knowledge for validation.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The bundled triples about the vocabulary terms `data` refers to (as
    /// objects): their classes and labels, the background knowledge the
    /// DCAT-AP shapes' class constraints need.
    pub fn background_for(&self, data: &Graph) -> Vec<Triple> {
        let mut terms: Vec<NamedNodeRef<'_>> = data
            .iter()
            .filter_map(|t| match t.object {
                oxigraph::model::TermRef::NamedNode(n) if self.by_iri.contains_key(n.as_str()) => {
                    Some(n)
                }
                _ => None,
            })
            .collect();
        terms.sort();
        terms.dedup();
        terms
            .into_iter()
            .flat_map(|term| self.graph.triples_for_subject(term).map(|t| t.into_owned()))
            .collect()
    }
}

/// The readable end of an IRI (`…/file-type/CSV` → `CSV`), or the value.
pub fn fallback_label(value: &str) -> String {
    if value.contains("://") {
        let trimmed = value.trim_end_matches(['/', '#']);
        let tail = trimmed
            .rsplit(['/', '#'])
            .next()
            .filter(|t| !t.is_empty())
            .unwrap_or(trimmed);
        tail.replace(['_', '-'], " ")
    } else {
        value.to_owned()
    }
}

/// The authority tables' scheme IRIs.
pub mod schemes {
    /// EU data themes.
    pub const DATA_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme";
    /// File types.
    pub const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type";
    /// Languages.
    pub const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language";
    /// Licences.
    pub const LICENCE: &str = "http://publications.europa.eu/resource/authority/licence";
    /// Access rights.
    pub const ACCESS_RIGHT: &str = "http://publications.europa.eu/resource/authority/access-right";
    /// Frequencies.
    pub const FREQUENCY: &str = "http://publications.europa.eu/resource/authority/frequency";
    /// High-value dataset categories.
    pub const HVD_CATEGORY: &str = "http://data.europa.eu/bna/asd487ae75";
    /// IANA media types.
    pub const MEDIA_TYPE: &str = "http://www.iana.org/assignments/media-types";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_concept_has_an_english_and_a_french_label() {
        let vocab = vocabularies();
        assert!(vocab.concepts.len() > 100);
        for concept in &vocab.concepts {
            assert!(concept.labels.contains_key("en"), "{}", concept.iri);
            assert!(concept.labels.contains_key("fr"), "{}", concept.iri);
        }
        assert_eq!(vocab.scheme(schemes::DATA_THEME).count(), 13);
        assert_eq!(vocab.scheme(schemes::ACCESS_RIGHT).count(), 3);
    }

    #[test]
    fn labels_come_in_the_reader_language_with_a_readable_fallback() {
        let vocab = vocabularies();
        let tran = "http://publications.europa.eu/resource/authority/data-theme/TRAN";
        assert_eq!(vocab.label(tran, "fr"), "Transports");
        assert_eq!(vocab.label(tran, "de"), "Transport");
        assert_eq!(
            vocab.label("http://example.org/formats/open_street-map", "en"),
            "open street map"
        );
        assert_eq!(vocab.label("bicycles", "en"), "bicycles");
    }
}
