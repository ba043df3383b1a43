//! The publishers' side for the pages (`app::services::Publishing`): who is
//! signed in, and their import reports in words.

use app::catalog::publish::{
    ImportReportView, PublisherInfo, ReportGroup, ReportIssue, ReportRecord,
};
use app::i18n::Locale;
use app::services::{Publishing, ServiceError, ServiceFuture};
use serde_json::Value;
use sqlx::Row;

use crate::auth::{Session, session, token_by_hash};
use crate::catalog::CatalogIris;
use crate::catalog::view::property_label;
use crate::http::publish::session_id;
use crate::store::SqlStore;

/// The publishers' side on the SQL store.
#[derive(Clone)]
pub struct PublishingService {
    sql: SqlStore,
    iris: CatalogIris,
    https: bool,
}

impl PublishingService {
    /// The service over `sql`; `https` says which cookie name is in use.
    pub fn new(sql: SqlStore, iris: CatalogIris, https: bool) -> Self {
        PublishingService { sql, iris, https }
    }

    async fn session(&self, headers: &http::HeaderMap) -> Result<Option<Session>, ServiceError> {
        let Some(id) = session_id(headers, self.https) else {
            return Ok(None);
        };
        session(&self.sql, &id).await.map_err(unavailable)
    }
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::StoreUnavailable(err.to_string())
}

impl Publishing for PublishingService {
    fn publisher(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<PublisherInfo>> {
        Box::pin(async move {
            let Some(session) = self.session(&headers).await? else {
                return Ok(None);
            };
            if session.kind != "token" {
                return Ok(None);
            }
            let token = token_by_hash(&self.sql, &session.subject)
                .await
                .map_err(unavailable)?;
            Ok(token.map(|t| PublisherInfo { token_name: t.name }))
        })
    }

    fn import_report(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        id: String,
    ) -> ServiceFuture<'_, Option<ImportReportView>> {
        Box::pin(async move {
            let Some(session) = self.session(&headers).await? else {
                return Ok(None);
            };
            let row = sqlx::query(
                "SELECT file_name, mode, created_at, outcome, report FROM import_reports WHERE id = $1 AND subject = $2",
            )
            .bind(&id)
            .bind(&session.subject)
            .fetch_optional(self.sql.pool())
            .await
            .map_err(unavailable)?;
            let Some(row) = row else {
                return Ok(None);
            };
            let report: Value =
                serde_json::from_str(&row.get::<String, _>(4)).unwrap_or(Value::Null);
            Ok(Some(report_view(
                &self.iris,
                app::locale::code(locale),
                row.get(0),
                row.get(1),
                row.get(2),
                row.get(3),
                &report,
            )))
        })
    }
}

/// A stored report in the reader's language: records with results first,
/// results grouped by property.
fn report_view(
    iris: &CatalogIris,
    lang: &str,
    file_name: String,
    mode: String,
    created_at: String,
    outcome: String,
    report: &Value,
) -> ImportReportView {
    let summary = &report["summary"];
    let count = |key: &str| summary[key].as_u64().unwrap_or(0);
    let mut records: Vec<ReportRecord> = summary["records"]
        .as_array()
        .map(|all| all.iter().map(|r| record_view(iris, lang, r)).collect())
        .unwrap_or_default();
    records.sort_by_key(|r| r.groups.is_empty());
    let refused = summary["refused"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|r| {
                    (
                        r["node"].as_str().unwrap_or_default().to_owned(),
                        r["reason"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    ImportReportView {
        file_name,
        mode,
        created_at,
        outcome,
        message: report["message"].as_str().map(str::to_owned),
        lenient_would_parse: report["lenient_would_parse"].as_bool().unwrap_or(false),
        counts: (count("created"), count("updated"), count("unchanged")),
        records_with_violations: count("records_with_violations"),
        records,
        refused,
        unattached_triples: count("unattached_triples"),
    }
}

fn record_view(iris: &CatalogIris, lang: &str, record: &Value) -> ReportRecord {
    let iri = record["iri"].as_str().unwrap_or_default().to_owned();
    let outcome = record["outcome"].as_str().unwrap_or("refused").to_owned();
    let mut groups: Vec<ReportGroup> = Vec::new();
    for result in record["results"].as_array().into_iter().flatten() {
        let property = result["path"]
            .as_str()
            .map(|p| property_label(p, lang))
            .unwrap_or_default();
        let focus = result["focus_node"].as_str().unwrap_or_default();
        let issue = ReportIssue {
            severity: result["severity"]
                .as_str()
                .unwrap_or("Violation")
                .to_owned(),
            message: result["message"].as_str().unwrap_or_default().to_owned(),
            node: (focus != iri).then(|| focus.to_owned()),
        };
        match groups.iter_mut().find(|g| g.property == property) {
            Some(group) => group.issues.push(issue),
            None => groups.push(ReportGroup {
                property,
                issues: vec![issue],
            }),
        }
    }
    groups.sort_by(|a, b| a.property.cmp(&b.property));
    let stored = outcome != "refused";
    let page = oxigraph::model::NamedNode::new(iri.clone())
        .ok()
        .filter(|_| stored)
        .map(|node| crate::search::page_of(iris, &node));
    ReportRecord {
        iri,
        page,
        outcome,
        groups,
    }
}
