//! The pages' read side of the catalog (`app::services::CatalogReader`):
//! searches from the index, record pages from the store and the history.

use std::sync::Arc;

use app::catalog::{RecordView, SearchPage, SearchParams};
use app::i18n::Locale;
use app::services::{CatalogReader, ServiceError, ServiceFuture};
use oxigraph::model::NamedNode;

use crate::catalog::view::{DIFFED_VERSIONS, RecordSource, record_view};
use crate::catalog::{
    CatalogIris, CatalogStore, exact_graphs, facts_of, graph_of_nquads, list_versions,
    version_nquads, version_results,
};
use crate::search::{SearchCatalogReader, SearchIndex};
use crate::store::SqlStore;

/// Paths under which records have pages.
const RECORD_PATHS: &[&str] = &["/datasets/", "/services/", "/series/", "/records/"];

/// The catalog as the pages read it.
#[derive(Clone)]
pub struct CatalogPages {
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
        let stored = self
            .store
            .record_graphs(vec![resource.clone()])
            .await
            .map_err(|e| e.to_string())?;
        let exact = exact_graphs(&self.sql, &self.iris, stored)
            .await
            .map_err(|e| e.to_string())?;
        let Some(current) = exact.get(&resource) else {
            return Ok(None);
        };
        let Some(facts) = facts_of(&self.iris, &resource, current) else {
            return Ok(None);
        };
        let version = version.unwrap_or(facts.version);
        let graph = if version == facts.version {
            current.clone()
        } else {
            match version_nquads(&self.sql, resource.as_str(), version, facts.version)
                .await
                .map_err(|e| e.to_string())?
            {
                Some(nquads) => graph_of_nquads(&nquads),
                None => return Ok(None),
            }
        };
        let versions = list_versions(&self.sql, resource.as_str(), facts.version)
            .await
            .map_err(|e| e.to_string())?;
        let mut recent_graphs = Vec::new();
        let oldest_compared = (facts.version - DIFFED_VERSIONS as i64).max(1);
        for number in oldest_compared..=facts.version {
            if let Some(nquads) =
                version_nquads(&self.sql, resource.as_str(), number, facts.version)
                    .await
                    .map_err(|e| e.to_string())?
            {
                recent_graphs.push((number, graph_of_nquads(&nquads)));
            }
        }
        let results: Vec<serde_json::Value> =
            version_results(&self.sql, resource.as_str(), version)
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

    fn record(
        &self,
        locale: Locale,
        path: String,
        version: Option<i64>,
    ) -> ServiceFuture<'_, Option<RecordView>> {
        Box::pin(async move {
            let lang = app::locale::code(locale);
            self.record_view(lang, &path, version)
                .await
                .map_err(ServiceError::StoreUnavailable)
        })
    }
}
