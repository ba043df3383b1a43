//! The pages' read side of the catalog (`app::catalog::CatalogReader`):
//! searches from the index, record pages from the store and the history.

use std::sync::Arc;

use app::catalog::CatalogReader;
use app::catalog::{PublisherSummary, RecordView, SearchPage, SearchParams};
use app::i18n::Locale;
use app::services::{ServiceError, ServiceFuture};
use oxigraph::model::NamedNode;

use crate::catalog::pages::view::{DIFFED_VERSIONS, RecordSource, record_view};
use crate::catalog::{
    CatalogIris, CatalogStore, current_graphs, facts_of, graph_of_nquads, list_versions,
    version_nquads, version_results,
};
use crate::search::{PublisherStats, SearchCatalogReader, SearchIndex, pick_text};
use crate::store::SqlStore;

/// Quality checks listed per publisher.
const CHECKS_LISTED: usize = 5;

/// A publisher's figures as its pages show them.
fn publisher_summary(stats: PublisherStats, lang: &str) -> PublisherSummary {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(stats.key.as_bytes());
    let name = pick_text(&stats.names, lang)
        .map(|t| t.value.clone())
        .unwrap_or_else(|| crate::vocab::fallback_label(&stats.key));
    let ratings = ["excellent", "good", "sufficient", "bad"]
        .into_iter()
        .map(|rating| {
            let count = stats
                .ratings
                .iter()
                .find(|(r, _)| r == rating)
                .map_or(0, |(_, c)| *c);
            (rating.to_owned(), count)
        })
        .collect();
    let average = stats.quality_permille_sum as f64 / stats.records.max(1) as f64 / 10.0;
    PublisherSummary {
        id: hex::encode(&digest[..8]),
        key: stats.key,
        name,
        records: stats.records,
        quality_percent: average.round() as u32,
        ratings,
        missing: stats.missing.into_iter().take(CHECKS_LISTED).collect(),
    }
}

/// Paths under which records have pages.
const RECORD_PATHS: &[&str] = &["/datasets/", "/services/", "/series/", "/records/"];

/// The catalog as the pages read it.
#[derive(Clone)]
pub struct CatalogPages {
    index: SearchIndex,
    search: SearchCatalogReader,
    store: Arc<dyn CatalogStore>,
    sql: SqlStore,
    iris: CatalogIris,
}

impl CatalogPages {
    /// Pages over `search`, `store` and the history in `sql`.
    pub fn new(
        search: SearchIndex,
        store: Arc<dyn CatalogStore>,
        sql: SqlStore,
        iris: CatalogIris,
    ) -> Self {
        CatalogPages {
            index: search.clone(),
            search: SearchCatalogReader::new(search),
            store,
            sql,
            iris,
        }
    }

    async fn record_view(
        &self,
        lang: &str,
        path: &str,
        version: Option<i64>,
    ) -> Result<Option<RecordView>, String> {
        if !RECORD_PATHS.iter().any(|p| path.starts_with(p)) || path.contains(['?', '#', ' ']) {
            return Ok(None);
        }
        let Ok(requested) = NamedNode::new(format!(
            "{}{}",
            self.iris.base,
            path.trim_start_matches('/')
        )) else {
            return Ok(None);
        };
        let resource = if path.starts_with("/records/") {
            match self
                .store
                .record_of_catalog_record(requested)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(resource) => resource,
                None => return Ok(None),
            }
        } else {
            requested
        };
        let exact = current_graphs(
            self.store.as_ref(),
            &self.sql,
            &self.iris,
            vec![resource.clone()],
        )
        .await
        .map_err(|e| e.to_string())?;
        let Some(current) = exact.get(&resource) else {
            return Ok(None);
        };
        let Some(facts) = facts_of(&self.iris, &resource, current) else {
            return Ok(None);
        };
        let version = version.unwrap_or(facts.version);
        let db = &mut *self.sql.conn().await.map_err(|e| e.to_string())?;
        let graph = if version == facts.version {
            current.clone()
        } else {
            match version_nquads(db, resource.as_str(), version, facts.version)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(nquads) => graph_of_nquads(&nquads),
                None => return Ok(None),
            }
        };
        let versions = list_versions(db, resource.as_str(), facts.version)
            .await
            .map_err(|e| e.to_string())?;
        let mut recent_graphs = Vec::new();
        let oldest_compared = (facts.version - DIFFED_VERSIONS as i64).max(1);
        for number in oldest_compared..=facts.version {
            if let Some(nquads) = version_nquads(db, resource.as_str(), number, facts.version)
                .await
                .map_err(|e| e.to_string())?
            {
                recent_graphs.push((number, graph_of_nquads(&nquads)));
            }
        }
        let results: Vec<serde_json::Value> = version_results(db, resource.as_str(), version)
            .await
            .map_err(|e| e.to_string())?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        Ok(record_view(&RecordSource {
            resource: &resource,
            path,
            graph: &graph,
            version,
            current_version: facts.version,
            versions: &versions,
            recent_graphs: &recent_graphs,
            results: &results,
            lang,
            base: &self.iris.base,
        }))
    }
}

impl CatalogReader for CatalogPages {
    fn search(&self, locale: Locale, params: SearchParams) -> ServiceFuture<'_, SearchPage> {
        self.search.search(locale, params)
    }

    fn publishers(&self, locale: Locale) -> ServiceFuture<'_, Vec<PublisherSummary>> {
        Box::pin(async move {
            let lang = app::locale::code(locale);
            let stats = self
                .index
                .publisher_stats()
                .await
                .map_err(|e| ServiceError::Unavailable(e.to_string()))?;
            Ok(stats
                .into_iter()
                .map(|s| publisher_summary(s, lang))
                .collect())
        })
    }

    fn record(
        &self,
        locale: Locale,
        path: String,
        version: Option<i64>,
    ) -> ServiceFuture<'_, RecordView> {
        Box::pin(async move {
            let lang = app::locale::code(locale);
            self.record_view(lang, &path, version)
                .await
                .map_err(ServiceError::Unavailable)?
                .ok_or(ServiceError::NotFound)
        })
    }
}
