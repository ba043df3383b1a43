//! The publishers' side for the pages (`app::catalog::publish::Publishing`): who is
//! signed in, their import reports in words, and the record form.

use crate::catalog::import_reports::{RecordBody, StoredReport};
use app::catalog::publish::Outcome;
use app::catalog::publish::Publishing;
use app::catalog::publish::{
    FormCheck, FormOptions, FormPageData, FormSource, ImportReportView, Options, PublisherInfo,
    RecordForm, ReportGroup, ReportIssue, ReportRecord,
};
use app::i18n::Locale;
use app::services::{ServiceError, ServiceFuture};

use crate::auth::{Caller, Permission, Person, caller_of_session, decide};
use crate::catalog::KindInRdf;
use crate::catalog::RecordKind;
use crate::catalog::pages::forms::{form_of, load_draft, prepare};
use crate::catalog::pages::view::property_label;
use crate::catalog::{CatalogIris, current_graphs};
use crate::search::pick_text;
use crate::state::CatalogServices;
use crate::store::SqlStore;

/// The publishers' side on the SQL store.
#[derive(Clone)]
pub struct PublishingService {
    sql: SqlStore,
    iris: CatalogIris,
    catalog: CatalogServices,
    https: bool,
}

impl PublishingService {
    /// The service over `sql` and `catalog`; `https` says which cookie
    /// name is in use.
    pub fn new(sql: SqlStore, catalog: CatalogServices, https: bool) -> Self {
        PublishingService {
            sql,
            iris: catalog.importer.iris().clone(),
            catalog,
            https,
        }
    }

    async fn options(
        &self,
        caller: &Caller,
        lang: &str,
        form: &RecordForm,
    ) -> Result<FormOptions, ServiceError> {
        use crate::vocab::{schemes, vocabularies};
        let writes_everything = caller.writes_everything();
        let scheme = |iri: &str| -> Options {
            vocabularies()
                .scheme(iri)
                .map(|c| (c.iri.clone(), c.label(lang).to_owned()))
                .collect()
        };
        let mut publishers: Options = self
            .catalog
            .search
            .publisher_stats()
            .await
            .map_err(unavailable)?
            .into_iter()
            .filter(|p| p.key.contains("://"))
            // A publisher picks one of their organisations; administrators
            // any publisher the catalog knows.
            .filter(|_| writes_everything)
            .map(|p| {
                let name =
                    pick_text(&p.names, lang).map_or_else(|| p.key.clone(), |t| t.value.clone());
                (p.key, name)
            })
            .collect();
        let organisations = if writes_everything {
            let mut db = self.sql.conn().await.map_err(unavailable)?;
            crate::auth::organisations::list_organisations(&mut db)
                .await
                .map_err(unavailable)?
        } else {
            caller.organisations().to_vec()
        };
        for org in organisations {
            if !publishers.iter().any(|(k, _)| *k == org.agent_iri) {
                publishers.push((org.agent_iri, org.name));
            }
        }
        if !form.publisher.is_empty() && !publishers.iter().any(|(k, _)| *k == form.publisher) {
            publishers.push((form.publisher.clone(), form.publisher.clone()));
        }
        let mut languages = scheme(schemes::LANGUAGE);
        languages.sort_by_key(|a| a.1.to_lowercase());
        Ok(FormOptions {
            themes: scheme(schemes::DATA_THEME),
            publishers,
            languages,
            access_rights: scheme(schemes::ACCESS_RIGHT),
            frequencies: scheme(schemes::FREQUENCY),
            file_types: scheme(schemes::FILE_TYPE),
            media_types: scheme(schemes::MEDIA_TYPE),
            licences: scheme(schemes::LICENCE),
            hvd_categories: scheme(schemes::HVD_CATEGORY),
        })
    }

    /// The caller of the session in `headers`.
    async fn caller(&self, headers: &http::HeaderMap) -> Result<Caller, ServiceError> {
        caller_of_session(&self.sql, headers, self.https)
            .await
            .map_err(unavailable)
    }

    /// The signed-in person who may publish (administrators included).
    async fn publishing_person(
        &self,
        headers: &http::HeaderMap,
    ) -> Result<(Caller, Person), ServiceError> {
        let caller = self.caller(headers).await?;
        let person = caller.person_who_may(Permission::Publish)?.clone();
        Ok((caller, person))
    }
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    ServiceError::Unavailable(err.to_string())
}

impl Publishing for PublishingService {
    fn load_form(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        source: FormSource,
    ) -> ServiceFuture<'_, FormPageData> {
        Box::pin(async move {
            let (caller, session) = self.publishing_person(&headers).await?;
            let lang = app::locale::code(locale);
            let (form, errors) = match source {
                FormSource::New(kind) => {
                    let mut form = RecordForm {
                        kind,
                        publisher: session
                            .organisations
                            .first()
                            .map(|o| o.agent_iri.clone())
                            .unwrap_or_default(),
                        ..RecordForm::default()
                    };
                    if form.kind == RecordKind::Dataset {
                        form.distributions.push(Default::default());
                    }
                    (form, Vec::new())
                }
                FormSource::Draft(id) => match load_draft(
                    &mut *self.sql.conn().await.map_err(unavailable)?,
                    &session.account.id,
                    &id,
                )
                .await
                .map_err(unavailable)?
                {
                    Some(draft) => draft,
                    None => return Err(ServiceError::NotFound),
                },
                FormSource::Edit(path) => {
                    let Ok(iri) = oxigraph::model::NamedNode::new(format!(
                        "{}{}",
                        self.iris.base,
                        path.trim_start_matches('/')
                    )) else {
                        return Err(ServiceError::NotFound);
                    };
                    let stored = current_graphs(
                        self.catalog.store.as_ref(),
                        &self.sql,
                        &self.iris,
                        vec![iri.clone()],
                    )
                    .await
                    .map_err(unavailable)?;
                    let Some(graph) = stored.get(&iri) else {
                        return Err(ServiceError::NotFound);
                    };
                    // Another organisation's record: no form to edit it.
                    decide(
                        &caller,
                        Permission::EditRecord {
                            record: &iri,
                            stored: graph,
                        },
                    )?;
                    // The form edits a record typed both dataset and
                    // series as a dataset, as it always has.
                    let kind = [
                        RecordKind::Dataset,
                        RecordKind::DataService,
                        RecordKind::DatasetSeries,
                    ]
                    .into_iter()
                    .find(|k| {
                        graph.contains(oxigraph::model::TripleRef::new(
                            iri.as_ref(),
                            oxigraph::model::vocab::rdf::TYPE,
                            k.class().as_ref(),
                        ))
                    })
                    .unwrap_or_default();
                    let mut form = form_of(graph, &iri, kind);
                    if kind == RecordKind::Dataset && form.distributions.is_empty() {
                        form.distributions.push(Default::default());
                    }
                    (form, Vec::new())
                }
            };
            let prepared = prepare(&self.catalog, &self.sql, &form)
                .await
                .map_err(ServiceError::Unavailable)?;
            let record_page = prepared
                .exists
                .then(|| crate::search::page_of(&self.iris, &prepared.iri));
            let options = self.options(&caller, lang, &form).await?;
            Ok(FormPageData {
                form,
                errors,
                quality: prepared.quality,
                options,
                record_page,
            })
        })
    }

    fn check_form(
        &self,
        headers: http::HeaderMap,
        form: RecordForm,
    ) -> ServiceFuture<'_, FormCheck> {
        Box::pin(async move {
            self.publishing_person(&headers).await?;
            let prepared = prepare(&self.catalog, &self.sql, &form)
                .await
                .map_err(ServiceError::Unavailable)?;
            Ok(FormCheck {
                errors: prepared.errors,
                quality: prepared.quality,
            })
        })
    }

    fn publisher(&self, headers: http::HeaderMap) -> ServiceFuture<'_, Option<PublisherInfo>> {
        Box::pin(async move {
            let caller = self.caller(&headers).await?;
            let Ok(person) = caller.person_who_may(Permission::Publish) else {
                return Ok(None);
            };
            let person = person.clone();
            let organisations = person
                .organisations
                .iter()
                .map(|o| app::account::OrganisationView {
                    id: o.id.to_string(),
                    name: o.name.clone(),
                    agent_iri: o.agent_iri.clone(),
                })
                .collect();
            Ok(Some(PublisherInfo {
                pseudonym: person.account.pseudonym,
                organisations,
            }))
        })
    }

    fn import_report(
        &self,
        headers: http::HeaderMap,
        locale: Locale,
        id: String,
    ) -> ServiceFuture<'_, ImportReportView> {
        Box::pin(async move {
            let (_, session) = self.publishing_person(&headers).await?;
            let mut db = self.sql.conn().await.map_err(unavailable)?;
            let stored = crate::catalog::import_reports::report(&mut db, &session.account.id, &id)
                .await
                .map_err(unavailable)?;
            let stored = stored.ok_or(ServiceError::NotFound)?;
            Ok(report_view(&self.iris, app::locale::code(locale), stored))
        })
    }
}

/// A stored report in the reader's language: records with results first,
/// results grouped by property.
fn report_view(iris: &CatalogIris, lang: &str, stored: StoredReport) -> ImportReportView {
    let report = stored.report;
    let summary = report.summary.unwrap_or_default();
    let mut records: Vec<ReportRecord> = summary
        .records
        .into_iter()
        .map(|r| record_view(iris, lang, r))
        .collect();
    records.sort_by_key(|r| r.groups.is_empty());
    ImportReportView {
        file_name: stored.file_name,
        mode: stored.mode,
        created_at: stored.created_at.into_string(),
        outcome: stored.outcome,
        failure: report.failure,
        detail: report.detail,
        message: report.message,
        lenient_would_parse: report.lenient_would_parse,
        counts: (summary.created, summary.updated, summary.unchanged),
        records_with_violations: summary.records_with_violations,
        records,
        refused: summary
            .refused
            .into_iter()
            .map(|r| (r.node, r.reason))
            .collect(),
        unattached_triples: summary.unattached_triples,
    }
}

fn record_view(iris: &CatalogIris, lang: &str, record: RecordBody) -> ReportRecord {
    let iri = record.iri;
    let mut groups: Vec<ReportGroup> = Vec::new();
    for result in record.results {
        let property = result
            .path
            .as_deref()
            .map(|p| property_label(p, lang))
            .unwrap_or_default();
        let issue = ReportIssue {
            severity: result.severity,
            message: result.message,
            node: (result.focus_node != iri).then_some(result.focus_node),
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
    let stored = record.outcome != Outcome::Refused;
    let page = oxigraph::model::NamedNode::new(iri.clone())
        .ok()
        .filter(|_| stored)
        .map(|node| crate::search::page_of(iris, &node));
    ReportRecord {
        iri,
        page,
        outcome: record.outcome,
        groups,
    }
}
