//! Per-publisher figures for the publishers' dashboard, counted in the
//! index: records, summed quality, ratings and the checks most often
//! missed.

use tantivy::collector::{FacetCollector, TopDocs};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Order, Term};

use crate::search::facets::FacetKind;
use crate::search::index::{Inner, SearchError, run};
use crate::search::{SearchIndex, Text};

/// The most publishers listed.
const MAX_PUBLISHERS: usize = 1_000;

/// One publisher's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublisherStats {
    /// The publisher's IRI (or name, for a blank-node publisher).
    pub key: String,
    /// Its names, from one of its records.
    pub names: Vec<Text>,
    /// How many records it publishes.
    pub records: u64,
    /// The sum of its records' quality, in thousandths.
    pub quality_permille_sum: i64,
    /// Records per rating (`excellent`, …).
    pub ratings: Vec<(String, u64)>,
    /// Records per quality check missed, most first.
    pub missing: Vec<(String, u64)>,
}

impl SearchIndex {
    /// Figures for every publisher, most records first.
    pub async fn publisher_stats(&self) -> Result<Vec<PublisherStats>, SearchError> {
        let inner = self.inner.clone();
        run(move || inner.publisher_stats()).await
    }
}

impl Inner {
    fn publisher_stats(&self) -> Result<Vec<PublisherStats>, SearchError> {
        let searcher = self.reader.searcher();
        let mut all = FacetCollector::for_field("facet");
        all.add_facet(FacetKind::Publisher.root());
        let counts = searcher
            .search(&AllQuery, &all)
            .map_err(|e| self.error(e))?;
        let publishers: Vec<(String, u64)> = counts
            .top_k(FacetKind::Publisher.root(), MAX_PUBLISHERS)
            .into_iter()
            .filter_map(|(facet, count)| facet.to_path().last().map(|v| ((*v).to_owned(), count)))
            .collect();
        let mut out = Vec::with_capacity(publishers.len());
        for (key, records) in publishers {
            let term = Term::from_facet(self.fields.facet, &FacetKind::Publisher.path(&key));
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let mut facets = FacetCollector::for_field("facet");
            facets.add_facet(FacetKind::Quality.root());
            facets.add_facet(FacetKind::Missing.root());
            let quality = TopDocs::with_limit(records.max(1) as usize)
                .order_by_fast_field::<i64>("quality", Order::Desc);
            let (facet_counts, qualities) = searcher
                .search(&query, &(facets, quality))
                .map_err(|e| self.error(e))?;
            let values = |kind: FacetKind| -> Vec<(String, u64)> {
                facet_counts
                    .top_k(kind.root(), 100)
                    .into_iter()
                    .filter_map(|(facet, count)| {
                        facet.to_path().last().map(|v| ((*v).to_owned(), count))
                    })
                    .collect()
            };
            let first: Vec<DocAddress> = qualities.iter().take(1).map(|(_, a)| *a).collect();
            let names = self
                .documents(&searcher, &first)?
                .into_iter()
                .next()
                .map(|d| d.publisher_names)
                .unwrap_or_default();
            out.push(PublisherStats {
                key,
                names,
                records,
                quality_permille_sum: qualities.iter().filter_map(|(q, _)| *q).sum(),
                ratings: values(FacetKind::Quality),
                missing: values(FacetKind::Missing),
            });
        }
        Ok(out)
    }
}
