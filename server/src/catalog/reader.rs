//! The pages' read access to the catalog, implemented on the RDF store.

use app::catalog::{DatasetList, DatasetSummary};
use app::i18n::Locale;
use app::services::{CatalogReader, ServiceError, ServiceFuture};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNodeRef, Term};
use oxigraph::store::{StorageError, Store};

use crate::catalog::pick_literal;
use crate::store::RdfStore;

const DCAT_DATASET: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/dcat#Dataset");
const DCAT_KEYWORD: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://www.w3.org/ns/dcat#keyword");
const DCT_TITLE: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://purl.org/dc/terms/title");
const DCT_DESCRIPTION: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/description");
const DCT_PUBLISHER: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/publisher");
const DCT_MODIFIED: NamedNodeRef<'_> =
    NamedNodeRef::new_unchecked("http://purl.org/dc/terms/modified");
const FOAF_NAME: NamedNodeRef<'_> = NamedNodeRef::new_unchecked("http://xmlns.com/foaf/0.1/name");

/// Reads dataset summaries straight from Oxigraph.
#[derive(Clone)]
pub struct StoreCatalogReader {
    store: RdfStore,
}

impl StoreCatalogReader {
    /// A reader over `store`.
    pub fn new(store: RdfStore) -> Self {
        StoreCatalogReader { store }
    }
}

impl CatalogReader for StoreCatalogReader {
    fn list_datasets(&self, locale: Locale, limit: usize) -> ServiceFuture<'_, DatasetList> {
        let store = self.store.clone();
        Box::pin(async move {
            store
                .run(move |store| list_datasets(store, app::locale::code(locale), limit))
                .await
                .map_err(|err| ServiceError::StoreUnavailable(err.to_string()))
        })
    }
}

/// Every dataset, newest modification first, then by title.
fn list_datasets(store: &Store, lang: &str, limit: usize) -> Result<DatasetList, StorageError> {
    let mut all = Vec::new();
    for quad in store.quads_for_pattern(None, Some(rdf::TYPE), Some(DCAT_DATASET.into()), None) {
        let quad = quad?;
        all.push(summarise(
            store,
            quad.subject.as_ref(),
            quad.graph_name.as_ref(),
            lang,
        )?);
    }
    // A dataset typed in more than one graph is listed once.
    all.sort_by(|a, b| a.iri.cmp(&b.iri));
    all.dedup_by(|a, b| a.iri == b.iri);
    all.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.title.cmp(&b.title))
    });
    let total = all.len();
    all.truncate(limit);
    Ok(DatasetList { total, items: all })
}

fn summarise(
    store: &Store,
    dataset: NamedOrBlankNodeRef<'_>,
    graph: GraphNameRef<'_>,
    lang: &str,
) -> Result<DatasetSummary, StorageError> {
    let literals = |predicate| literals_of(store, dataset, predicate, graph);
    let titles = literals(DCT_TITLE)?;
    let descriptions = literals(DCT_DESCRIPTION)?;
    let keywords = literals(DCAT_KEYWORD)?;
    let modified = literals(DCT_MODIFIED)?
        .into_iter()
        .map(|l| l.value().to_owned())
        .max();
    let publisher = match objects(store, dataset, DCT_PUBLISHER, graph)?
        .into_iter()
        .next()
    {
        Some(Term::NamedNode(agent)) => publisher_name(store, agent.as_ref(), lang)?,
        Some(Term::BlankNode(agent)) => pick_literal(
            &literals_of(store, agent.as_ref().into(), FOAF_NAME, graph)?,
            lang,
        )
        .map(|l| l.value().to_owned()),
        _ => None,
    };
    let iri = match dataset {
        NamedOrBlankNodeRef::NamedNode(node) => node.as_str().to_owned(),
        NamedOrBlankNodeRef::BlankNode(node) => format!("_:{}", node.as_str()),
    };
    let mut keywords_in_lang: Vec<String> = keywords
        .iter()
        .filter(|k| {
            k.language()
                .is_none_or(|tag| tag.eq_ignore_ascii_case(lang))
        })
        .map(|k| k.value().to_owned())
        .collect();
    keywords_in_lang.sort();
    keywords_in_lang.dedup();
    Ok(DatasetSummary {
        title: pick_literal(&titles, lang)
            .map(|l| l.value().to_owned())
            .unwrap_or_else(|| iri.clone()),
        iri,
        description: pick_literal(&descriptions, lang).map(|l| l.value().to_owned()),
        publisher,
        keywords: keywords_in_lang,
        modified: modified.map(|m| m.chars().take(10).collect()),
    })
}

/// The agent's name, wherever the agent is described (its own graph).
fn publisher_name(
    store: &Store,
    agent: NamedNodeRef<'_>,
    lang: &str,
) -> Result<Option<String>, StorageError> {
    let mut names = Vec::new();
    for quad in store.quads_for_pattern(Some(agent.into()), Some(FOAF_NAME), None, None) {
        if let Term::Literal(name) = quad?.object {
            names.push(name);
        }
    }
    Ok(pick_literal(&names, lang).map(|l| l.value().to_owned()))
}

fn objects(
    store: &Store,
    subject: NamedOrBlankNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
    graph: GraphNameRef<'_>,
) -> Result<Vec<Term>, StorageError> {
    store
        .quads_for_pattern(Some(subject), Some(predicate), None, Some(graph))
        .map(|q| q.map(|q| q.object))
        .collect()
}

fn literals_of(
    store: &Store,
    subject: NamedOrBlankNodeRef<'_>,
    predicate: NamedNodeRef<'_>,
    graph: GraphNameRef<'_>,
) -> Result<Vec<Literal>, StorageError> {
    Ok(objects(store, subject, predicate, graph)?
        .into_iter()
        .filter_map(|t| match t {
            Term::Literal(l) => Some(l),
            _ => None,
        })
        .collect())
}
