//! The publishers' forms that change state, as plain HTML form posts that
//! work without JavaScript: upload a file to import, save the record form,
//! delete a record. Each answers with a redirect (post, redirect, get), so a
//! reload never posts twice. The pages themselves are Leptos routes. Only
//! publishers get here, and they write only their organisations' records
//! (administrators any). Cross-site posts never get here (`csrf.rs`).

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

use app::catalog::publish::RecordForm;

use crate::auth::{Caller, Denied, Permission};
use crate::catalog::import_reports::save_report;
use crate::catalog::pages::forms::{FormAction, SaveError, SaveOutcome, SaveRecord};
use crate::catalog::{ImportError, ImportMode};
use crate::html::form_failure;
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;
use app::account::Notice;
use app::catalog::publish::{ImportFailure, ReportOutcome};
use app::form_failure::FormFailure;

/// The publishers' form posts: import, the record form, deletion and API
/// tokens.
pub fn routes() -> Routes {
    Routes::new()
        .post("/publish/import", import)
        .post("/publish/records", save_record)
        .post("/publish/records/delete", delete_record)
        .post("/publish/tokens", crate::http::tokens::create)
        .post("/publish/tokens/revoke", crate::http::tokens::revoke)
}

/// `POST /publish/import`: a file and a mode, as `multipart/form-data`.
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    multipart: Multipart,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Publish)?;
    Ok(import_file(&state, &caller, person, multipart).await)
}

async fn import_file(
    state: &AppState,
    caller: &Caller,
    person: &crate::auth::Person,
    mut multipart: Multipart,
) -> Response {
    let mut file_name = String::new();
    let mut body = Vec::new();
    let mut mode = ImportMode::Strict;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().map(str::to_owned).as_deref() {
                Some("file") => {
                    file_name = field
                        .file_name()
                        .unwrap_or_default()
                        .chars()
                        .take(300)
                        .collect();
                    match field.bytes().await {
                        Ok(bytes) => body = bytes.to_vec(),
                        Err(err) => return upload_failed(&err.to_string()),
                    }
                }
                Some("mode") if field.text().await.is_ok_and(|t| t == "lenient") => {
                    mode = ImportMode::Lenient;
                }
                _ => {}
            },
            Ok(None) => break,
            Err(err) => return upload_failed(&err.to_string()),
        }
    }
    if body.is_empty() {
        return back("/publish/import", Notice::ImportEmpty);
    }
    let suffix = file_name
        .rsplit_once('.')
        .map(|(_, s)| s.to_ascii_lowercase());
    let format = suffix
        .as_deref()
        .map(|s| if s == "xml" { "rdf" } else { s })
        .and_then(crate::rdf::rdf_format_for_suffix);
    let Some(format) = format else {
        return back("/publish/import", Notice::ImportFormat);
    };
    let result = state
        .catalog
        .importer
        .import(body, format, mode, &caller.write_scope())
        .await;
    let (outcome, report) = report_of(result);
    let saved = async {
        let db = &mut *state.stores.sql.conn().await?;
        save_report(db, &person.account.id, &file_name, mode, outcome, &report).await
    };
    let id = match saved.await {
        Ok(id) => id,
        Err(err) => {
            tracing::error!("import report: {err}");
            return form_failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                FormFailure::ReportNotSaved,
            );
        }
    };
    Redirect::to(&format!("/publish/imports/{id}")).into_response()
}

fn upload_failed(reason: &str) -> Response {
    tracing::warn!("upload failed: {reason}");
    back("/publish/import", Notice::ImportUpload)
}

/// What an import gave, as a report to keep: the outcome and JSON.
fn report_of(
    result: Result<crate::catalog::ImportSummary, ImportError>,
) -> (ReportOutcome, serde_json::Value) {
    let failed = |failure: ImportFailure| json!({ "failure": failure });
    match result {
        Ok(summary) => {
            let outcome = if summary.stored {
                ReportOutcome::Stored
            } else {
                ReportOutcome::Unchanged
            };
            (outcome, json!({ "summary": summary }))
        }
        Err(ImportError::Refused(summary)) => {
            (ReportOutcome::Refused, json!({ "summary": *summary }))
        }
        Err(ImportError::Parse {
            error,
            lenient_would_parse,
        }) => (
            ReportOutcome::Failed,
            json!({
                "failure": ImportFailure::NotRdf,
                "detail": error.located_message(),
                "line": error.line,
                "column": error.column,
                "lenient_would_parse": lenient_would_parse,
            }),
        ),
        Err(ImportError::OutOfScope(records)) => (
            ReportOutcome::Refused,
            json!({ "failure": ImportFailure::OutOfScope, "out_of_scope": records }),
        ),
        Err(ImportError::NoRecords) => (ReportOutcome::Failed, failed(ImportFailure::NoRecords)),
        Err(other) => {
            tracing::error!("import from the import page failed: {other}");
            (ReportOutcome::Failed, failed(ImportFailure::Unavailable))
        }
    }
}

/// `POST /publish/records`: the record form. `action=save` stores the
/// record when it has no violation, else keeps a draft with the errors;
/// `action=add_distribution` keeps a draft with one more distribution.
/// Either way the browser is sent to a page it can reload.
pub async fn save_record(
    State(state): State<AppState>,
    caller: Caller,
    body: axum::body::Bytes,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Publish)?;
    let (form, action) = record_form_of(&body);
    let save = SaveRecord {
        catalog: &state.catalog,
        sql: &state.stores.sql,
    };
    let outcome = save.run(&caller, person, form, action).await;
    answer_save(&state, outcome)
}

/// The answer to a save: the record's page, the draft (at its errors or at
/// the new distribution), or why nothing was saved.
fn answer_save(
    state: &AppState,
    outcome: Result<SaveOutcome, SaveError>,
) -> Result<Response, Denied> {
    Ok(match outcome {
        Ok(SaveOutcome::Saved { iri, .. }) => Redirect::to(&page_path(state, &iri)).into_response(),
        Ok(SaveOutcome::Invalid { draft, .. }) => {
            Redirect::to(&format!("/publish/drafts/{draft}#form-errors")).into_response()
        }
        Ok(SaveOutcome::DistributionAdded {
            draft,
            distribution,
        }) => Redirect::to(&format!("/publish/drafts/{draft}#dist{distribution}")).into_response(),
        Ok(SaveOutcome::InvalidIri) => {
            form_failure(StatusCode::BAD_REQUEST, FormFailure::NoRecordNamed)
        }
        Ok(SaveOutcome::Denied(denied)) => return Err(denied),
        Err(err) => {
            tracing::error!("{err}");
            let failure = match err {
                SaveError::ReadRecord(_) => FormFailure::RecordNotRead,
                SaveError::ReadForm(_) => FormFailure::FormNotRead,
                SaveError::Save(_) => FormFailure::RecordNotSaved,
                SaveError::KeepDraft(_) => FormFailure::DraftNotKept,
            };
            form_failure(StatusCode::INTERNAL_SERVER_ERROR, failure)
        }
    })
}

/// The record form and the button it was posted with, from the posted pairs.
fn record_form_of(body: &[u8]) -> (RecordForm, FormAction) {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let form = RecordForm::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map_or(FormAction::Save, |(_, v)| FormAction::named(v));
    (form, action)
}

/// The path of the record `iri`'s page on this site.
fn page_path(state: &AppState, iri: &oxigraph::model::NamedNode) -> String {
    let iris = state.catalog.importer.iris();
    let page = crate::search::page_of(iris, iri);
    page.strip_prefix(iris.base.trim_end_matches('/'))
        .unwrap_or(&page)
        .to_owned()
}

/// `POST /publish/records/delete`: deletes the record at `record` (a page
/// path), after the confirmation page.
pub async fn delete_record(
    State(state): State<AppState>,
    caller: Caller,
    body: axum::body::Bytes,
) -> Result<Response, Denied> {
    caller.person_who_may(Permission::Publish)?;
    Ok(delete_at(&state, &caller, &body).await)
}

async fn delete_at(state: &AppState, caller: &Caller, body: &[u8]) -> Response {
    let path = form_urlencoded::parse(body)
        .find(|(k, _)| k == "record")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let base = state.catalog.importer.iris().base.clone();
    let Ok(iri) =
        oxigraph::model::NamedNode::new(format!("{base}{}", path.trim_start_matches('/')))
    else {
        return form_failure(StatusCode::BAD_REQUEST, FormFailure::NoRecordNamed);
    };
    match state
        .catalog
        .importer
        .delete(&iri, &caller.write_scope())
        .await
    {
        Ok(true) => back("/publish", Notice::RecordDeleted),
        Ok(false) => form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchRecord),
        Err(ImportError::OutOfScope(_)) => form_failure(
            StatusCode::FORBIDDEN,
            FormFailure::AnotherOrganisationsRecord,
        ),
        Err(err) => {
            tracing::error!("delete: {err}");
            form_failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                FormFailure::RecordNotDeleted,
            )
        }
    }
}
