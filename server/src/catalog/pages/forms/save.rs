//! The record form's save, apart from HTTP: read the stored record and ask
//! whether the caller may edit it, turn the form into a record graph with
//! its checks and SHACL results, then either store it through the importer
//! or keep the form as a draft with its errors.

use app::catalog::publish::{DistributionForm, FieldError, FieldProblem, RecordForm};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;

use crate::auth::{Caller, Denied, Permission, Person};
use crate::catalog::pages::forms::{Prepared, prepare, save_draft};
use crate::catalog::{CatalogStoreError, ImportError, ImportMode};
use crate::state::CatalogServices;
use crate::store::SqlStore;

/// What the form's button asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    /// Store the record if it has no error (the default).
    Save,
    /// Keep the form as a draft with one more, empty distribution.
    AddDistribution,
}

impl FormAction {
    /// The action a posted `action` value names (saving unless it says
    /// otherwise).
    pub fn named(value: &str) -> Self {
        match value {
            "add_distribution" => FormAction::AddDistribution,
            _ => FormAction::Save,
        }
    }
}

/// What a save came to.
#[derive(Debug)]
pub enum SaveOutcome {
    /// The record is stored.
    Saved {
        /// Its IRI.
        iri: NamedNode,
        /// Its version now.
        version: Option<i64>,
    },
    /// Nothing was stored: the form is kept as a draft with its errors.
    Invalid {
        /// The draft's id.
        draft: String,
        /// The errors by field.
        errors: Vec<FieldError>,
    },
    /// The form is kept as a draft with one more distribution.
    DistributionAdded {
        /// The draft's id.
        draft: String,
        /// The new distribution's index in the form.
        distribution: usize,
    },
    /// The form names a record whose address is not an IRI.
    InvalidIri,
    /// The caller may not edit the stored record.
    Denied(Denied),
}

/// Why a save could not complete; nothing was stored.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The stored record could not be read.
    #[error("record form: {0}")]
    ReadRecord(#[source] CatalogStoreError),
    /// The form could not be turned into a record.
    #[error("record form: {0}")]
    ReadForm(String),
    /// The importer failed.
    #[error("record form save: {0}")]
    Save(#[source] ImportError),
    /// The draft could not be kept.
    #[error("record draft: {0}")]
    KeepDraft(#[source] sqlx::Error),
}

/// What the importer made of a form's record.
enum Imported {
    /// Stored, now at `version`.
    Stored { version: Option<i64> },
    /// Refused, with the errors to show on the form.
    Refused(Vec<FieldError>),
}

/// The record form's save use case.
pub struct SaveRecord<'a> {
    /// The catalog the record is read from and written to.
    pub catalog: &'a CatalogServices,
    /// Where drafts are kept.
    pub sql: &'a SqlStore,
}

impl SaveRecord<'_> {
    /// Does what `action` asks with `form`, posted by `person` (`caller`).
    pub async fn run(
        &self,
        caller: &Caller,
        person: &Person,
        mut form: RecordForm,
        action: FormAction,
    ) -> Result<SaveOutcome, SaveError> {
        default_publisher(&mut form, caller, person);
        let editing = match NamedNode::new(form.iri.as_str()) {
            Ok(iri) => Some(iri),
            Err(_) if form.iri.is_empty() => None,
            Err(_) => return Ok(SaveOutcome::InvalidIri),
        };
        // Editing another organisation's record is refused before anything else.
        if let Some(iri) = editing
            && let Err(denied) = self.may_edit(caller, &iri).await?
        {
            return Ok(SaveOutcome::Denied(denied));
        }
        let prepared = prepare(self.catalog, self.sql, &form)
            .await
            .map_err(SaveError::ReadForm)?;
        let errors = match action {
            FormAction::AddDistribution => {
                form.distributions.push(DistributionForm::default());
                let draft = self.keep_draft(person, &form, &[]).await?;
                let distribution = form.distributions.len() - 1;
                return Ok(SaveOutcome::DistributionAdded {
                    draft,
                    distribution,
                });
            }
            FormAction::Save if prepared.errors.is_empty() => {
                match self.store(caller, &prepared).await? {
                    Imported::Stored { version } => {
                        return Ok(SaveOutcome::Saved {
                            iri: prepared.iri,
                            version,
                        });
                    }
                    Imported::Refused(errors) => errors,
                }
            }
            FormAction::Save => prepared.errors,
        };
        let draft = self.keep_draft(person, &form, &errors).await?;
        Ok(SaveOutcome::Invalid { draft, errors })
    }

    /// Whether `caller` may edit the record `iri`, when it is stored.
    async fn may_edit(
        &self,
        caller: &Caller,
        iri: &NamedNode,
    ) -> Result<Result<(), Denied>, SaveError> {
        let stored = self
            .catalog
            .store
            .record_graphs(vec![iri.clone()])
            .await
            .map_err(SaveError::ReadRecord)?;
        Ok(match stored.get(iri) {
            Some(graph) => crate::auth::decide(
                caller,
                Permission::EditRecord {
                    record: iri,
                    stored: graph,
                },
            ),
            None => Ok(()),
        })
    }

    /// Stores `prepared` through the importer (strict, in the caller's
    /// write scope).
    async fn store(&self, caller: &Caller, prepared: &Prepared) -> Result<Imported, SaveError> {
        let body = crate::rdf::serialize_graph(&prepared.graph, RdfFormat::NTriples);
        let imported = self
            .catalog
            .importer
            .import(
                body,
                RdfFormat::NTriples,
                ImportMode::Strict,
                &caller.write_scope(),
            )
            .await;
        match imported {
            Ok(summary) => {
                tracing::info!(record = %prepared.iri, "record saved from the form");
                let version = summary
                    .records
                    .iter()
                    .find(|r| r.iri == prepared.iri.as_str())
                    .and_then(|r| r.version);
                Ok(Imported::Stored { version })
            }
            Err(ImportError::OutOfScope(records)) => Ok(Imported::Refused(
                records
                    .into_iter()
                    .map(|record| FieldError {
                        field: "publisher".into(),
                        kind: FieldProblem::Other,
                        message: record.reason,
                    })
                    .collect(),
            )),
            // Validated as the form's own graph before; a refusal here
            // means the stored record differs (a concurrent edit).
            Err(ImportError::Refused(summary)) => Ok(Imported::Refused(vec![FieldError {
                field: String::new(),
                kind: FieldProblem::Other,
                message: format!(
                    "The catalog refused the record: {} violations.",
                    summary.records_with_violations
                ),
            }])),
            Err(err) => Err(SaveError::Save(err)),
        }
    }

    /// Keeps `form` with `errors` as a draft of `person`; its id.
    async fn keep_draft(
        &self,
        person: &Person,
        form: &RecordForm,
        errors: &[FieldError],
    ) -> Result<String, SaveError> {
        let saved = async {
            let db = &mut *self.sql.conn().await?;
            save_draft(db, &person.account.id, form, errors).await
        };
        saved.await.map_err(SaveError::KeepDraft)
    }
}

/// A publisher of one organisation publishes for it unless they say
/// otherwise.
fn default_publisher(form: &mut RecordForm, caller: &Caller, person: &Person) {
    if form.publisher.is_empty()
        && !caller.writes_everything()
        && let [only] = person.organisations.as_slice()
    {
        form.publisher = only.agent_iri.clone();
    }
}
