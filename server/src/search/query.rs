//! Searching the index: words over every language's fields, facet filters,
//! sorting, paging, and facet counts over the whole result.

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::tokenizer::{SimpleTokenizer, TokenStream, Tokenizer};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::search::facets::{FacetKind, normalise};
use crate::search::index::{Inner, SearchError, run};
use crate::search::schema::SORT_LANGUAGES;
use crate::search::{SearchDocument, SearchIndex};

/// The most words of a query that are used (the rest are ignored).
const MAX_WORDS: usize = 16;
const TITLE_BOOST: f32 = 3.0;

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Best match first (last modified first when there are no words).
    #[default]
    Relevance,
    /// Most recently modified first.
    Modified,
    /// By title, A to Z, in the page's language.
    Title,
}

/// One search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The words typed; empty lists everything.
    pub text: String,
    /// Facet values every result must have.
    pub filters: Vec<(FacetKind, String)>,
    /// Order of the results.
    pub sort: SortOrder,
    /// The page's language (for the title order).
    pub lang: String,
    /// Results to skip.
    pub offset: usize,
    /// Results to return.
    pub limit: usize,
    /// Values to count per facet.
    pub facet_values: usize,
}

/// The counts of one facet's values in the whole result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// Which facet.
    pub kind: FacetKind,
    /// Values with their counts, most frequent first.
    pub values: Vec<(String, u64)>,
}

/// The answer to a search.
#[derive(Debug, Clone)]
pub struct SearchResponse {
    /// How many records match in all.
    pub total: usize,
    /// The records of the requested page.
    pub hits: Vec<SearchDocument>,
    /// Counts per facet value over all matching records.
    pub facets: Vec<FacetCounts>,
    /// For each publisher in the counts, the names of one of its records.
    pub publisher_names: Vec<(String, Vec<crate::search::Text>)>,
}

impl SearchIndex {
    /// Record pages with their last modification, newest first: `limit`
    /// of them after `offset` (for the sitemap).
    pub async fn pages(
        &self,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<(String, Option<String>)>, SearchError> {
        let inner = self.inner.clone();
        run(move || {
            let searcher = inner.reader.searcher();
            let top = TopDocs::with_limit(limit.max(1))
                .and_offset(offset)
                .order_by_string_fast_field("sort_modified", Order::Desc);
            let hits = searcher
                .search(&AllQuery, &top)
                .map_err(|e| inner.error(e))?;
            let addresses: Vec<DocAddress> = hits.into_iter().map(|(_, a)| a).collect();
            Ok(inner
                .documents(&searcher, &addresses)?
                .into_iter()
                .map(|d| (d.page, d.modified))
                .collect())
        })
        .await
    }

    /// The indexed records among `iris` (the current version of each
    /// record that is in the catalog; deleted and unknown ones are absent).
    pub async fn documents_by_iri(
        &self,
        iris: Vec<String>,
    ) -> Result<Vec<SearchDocument>, SearchError> {
        let inner = self.inner.clone();
        run(move || {
            let searcher = inner.reader.searcher();
            let mut found = Vec::new();
            for iri in iris {
                let query = TermQuery::new(
                    Term::from_field_text(inner.fields.iri, &iri),
                    IndexRecordOption::Basic,
                );
                let hits = searcher
                    .search(&query, &TopDocs::with_limit(1).order_by_score())
                    .map_err(|e| inner.error(e))?;
                let addresses: Vec<DocAddress> = hits.into_iter().map(|(_, a)| a).collect();
                found.extend(inner.documents(&searcher, &addresses)?);
            }
            Ok(found)
        })
        .await
    }

    /// Runs `request`.
    pub async fn search(&self, request: SearchRequest) -> Result<SearchResponse, SearchError> {
        let inner = self.inner.clone();
        run(move || inner.search(&request)).await
    }
}

impl Inner {
    fn search(&self, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
        let searcher = self.reader.searcher();
        let query = self.query(request);
        let mut facet_collector = FacetCollector::for_field("facet");
        for kind in FacetKind::ALL {
            facet_collector.add_facet(kind.root());
        }
        let top = TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset);
        let has_words = !words(&request.text).is_empty();
        let sort = match request.sort {
            SortOrder::Relevance if !has_words => SortOrder::Modified,
            other => other,
        };
        let (total, addresses, counts) = match sort {
            SortOrder::Relevance => {
                let (total, hits, counts) = searcher
                    .search(&query, &(Count, top.order_by_score(), facet_collector))
                    .map_err(|e| self.error(e))?;
                (
                    total,
                    hits.into_iter().map(|(_, a)| a).collect::<Vec<_>>(),
                    counts,
                )
            }
            SortOrder::Modified => {
                let by = top.order_by_string_fast_field("sort_modified", Order::Desc);
                let (total, hits, counts) = searcher
                    .search(&query, &(Count, by, facet_collector))
                    .map_err(|e| self.error(e))?;
                (total, hits.into_iter().map(|(_, a)| a).collect(), counts)
            }
            SortOrder::Title => {
                let lang = SORT_LANGUAGES
                    .iter()
                    .find(|l| **l == request.lang)
                    .unwrap_or(&SORT_LANGUAGES[0]);
                let by = top.order_by_string_fast_field(format!("sort_title_{lang}"), Order::Asc);
                let (total, hits, counts) = searcher
                    .search(&query, &(Count, by, facet_collector))
                    .map_err(|e| self.error(e))?;
                (total, hits.into_iter().map(|(_, a)| a).collect(), counts)
            }
        };
        let hits = if request.limit == 0 {
            Vec::new()
        } else {
            self.documents(&searcher, &addresses)?
        };
        let facets: Vec<FacetCounts> = FacetKind::ALL
            .into_iter()
            .map(|kind| FacetCounts {
                kind,
                values: counts
                    .top_k(kind.root(), request.facet_values)
                    .into_iter()
                    .filter_map(|(facet, count)| {
                        facet.to_path().last().map(|v| ((*v).to_owned(), count))
                    })
                    .collect(),
            })
            .collect();
        let publisher_names = self.publisher_names(&searcher, &facets)?;
        Ok(SearchResponse {
            total,
            hits,
            facets,
            publisher_names,
        })
    }

    fn query(&self, request: &SearchRequest) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in words(&request.text) {
            let alternatives = self.word_query(&word);
            if !alternatives.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
            }
        }
        for (kind, value) in &request.filters {
            let term = Term::from_facet(self.fields.facet, &kind.path(&normalise(*kind, value)));
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        }
    }

    /// One word, as each field's analyser reads it, in any field.
    fn word_query(&self, word: &str) -> Vec<(Occur, Box<dyn Query>)> {
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (_, pair) in &self.fields.texts {
            let Some(mut analyser) = self.index.tokenizers().get(&pair.analyser) else {
                continue;
            };
            let mut stream = analyser.token_stream(word);
            let mut terms = Vec::new();
            while stream.advance() {
                terms.push(stream.token().text.clone());
            }
            for term in terms {
                let title = TermQuery::new(
                    Term::from_field_text(pair.title, &term),
                    IndexRecordOption::WithFreqs,
                );
                let text = TermQuery::new(
                    Term::from_field_text(pair.text, &term),
                    IndexRecordOption::WithFreqs,
                );
                alternatives.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(title), TITLE_BOOST)),
                ));
                alternatives.push((Occur::Should, Box::new(text)));
            }
        }
        alternatives
    }

    pub(crate) fn documents(
        &self,
        searcher: &Searcher,
        addresses: &[DocAddress],
    ) -> Result<Vec<SearchDocument>, SearchError> {
        addresses
            .iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(*address).map_err(|e| self.error(e))?;
                let json = doc
                    .get_first(self.fields.document)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default();
                serde_json::from_str(json).map_err(|e| {
                    SearchError::Task(format!("a stored search document does not read back: {e}"))
                })
            })
            .collect()
    }

    fn publisher_names(
        &self,
        searcher: &Searcher,
        facets: &[FacetCounts],
    ) -> Result<Vec<(String, Vec<crate::search::Text>)>, SearchError> {
        let Some(publishers) = facets.iter().find(|f| f.kind == FacetKind::Publisher) else {
            return Ok(Vec::new());
        };
        let mut names = Vec::new();
        for (publisher, _) in &publishers.values {
            let term = Term::from_facet(self.fields.facet, &FacetKind::Publisher.path(publisher));
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let top = searcher
                .search(&query, &TopDocs::with_limit(1).order_by_score())
                .map_err(|e| self.error(e))?;
            let addresses: Vec<DocAddress> = top.into_iter().map(|(_, a)| a).collect();
            if let Some(document) = self.documents(searcher, &addresses)?.into_iter().next() {
                names.push((publisher.clone(), document.publisher_names));
            }
        }
        Ok(names)
    }
}

/// The words of a query as typed (split on anything not a letter or digit).
pub fn words(text: &str) -> Vec<String> {
    let mut tokenizer = SimpleTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() && words.len() < MAX_WORDS {
        words.push(stream.token().text.clone());
    }
    words
}
