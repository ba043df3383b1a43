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

use crate::auth::{Caller, Denied, Permission, forbidden};
use crate::catalog::import_reports::save_report;
use crate::catalog::{ImportError, ImportMode};
use crate::routes::Routes;
use crate::state::AppState;

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
        return Redirect::to("/publish/import?error=empty").into_response();
    }
    let suffix = file_name
        .rsplit_once('.')
        .map(|(_, s)| s.to_ascii_lowercase());
    let format = suffix
        .as_deref()
        .map(|s| if s == "xml" { "rdf" } else { s })
        .and_then(crate::rdf::rdf_format_for_suffix);
    let Some(format) = format else {
        return Redirect::to("/publish/import?error=format").into_response();
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
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The import ran, but its report could not be saved; see the server log.",
            )
                .into_response();
        }
    };
    Redirect::to(&format!("/publish/imports/{id}")).into_response()
}

fn upload_failed(reason: &str) -> Response {
    tracing::warn!("upload failed: {reason}");
    Redirect::to("/publish/import?error=upload").into_response()
}

/// What an import gave, as a report to keep: the outcome and JSON.
fn report_of(
    result: Result<crate::catalog::ImportSummary, ImportError>,
) -> (&'static str, serde_json::Value) {
    match result {
        Ok(summary) => {
            let outcome = if summary.stored {
                "stored"
            } else {
                "unchanged"
            };
            (outcome, json!({ "summary": summary }))
        }
        Err(ImportError::Refused(summary)) => ("refused", json!({ "summary": *summary })),
        Err(ImportError::Parse {
            error,
            lenient_would_parse,
        }) => (
            "failed",
            json!({
                "message": format!("The file is not valid RDF: {}.", error.located_message()),
                "line": error.line,
                "column": error.column,
                "lenient_would_parse": lenient_would_parse,
            }),
        ),
        Err(ImportError::OutOfScope(records)) => (
            "refused",
            json!({ "message": "Nothing was stored: the file has records of other organisations.", "out_of_scope": records }),
        ),
        Err(ImportError::NoRecords) => (
            "failed",
            json!({ "message": ImportError::NoRecords.to_string() }),
        ),
        Err(other) => {
            tracing::error!("import from the import page failed: {other}");
            (
                "failed",
                json!({ "message": "Plaza could not complete the import; nothing was changed. The error is in the server log." }),
            )
        }
    }
}

/// Whether the stored record `iri` exists and `caller` may not edit it.
async fn owned_elsewhere(
    state: &AppState,
    caller: &Caller,
    iri: &oxigraph::model::NamedNode,
) -> Result<bool, crate::catalog::CatalogStoreError> {
    let stored = state.catalog.store.record_graphs(vec![iri.clone()]).await?;
    Ok(stored.get(iri).is_some_and(|graph| {
        !caller.may(Permission::EditRecord {
            record: iri,
            stored: graph,
        })
    }))
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
    Ok(save_form(&state, &caller, person, &body).await)
}

async fn save_form(
    state: &AppState,
    caller: &Caller,
    person: &crate::auth::Person,
    body: &[u8],
) -> Response {
    use app::catalog::publish::{DistributionForm, RecordForm};
    let author = &person.account.id;
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let mut form = RecordForm::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // A publisher of one organisation publishes for it unless they say otherwise.
    if form.publisher.is_empty()
        && !caller.writes_everything()
        && let [only] = person.organisations.as_slice()
    {
        form.publisher = only.agent_iri.clone();
    }
    let action = pairs
        .iter()
        .find(|(k, _)| k == "action")
        .map_or("save", |(_, v)| v.as_str());
    if !form.iri.is_empty() && oxigraph::model::NamedNode::new(form.iri.as_str()).is_err() {
        return (
            StatusCode::BAD_REQUEST,
            "The form names a record whose address is not a valid IRI; nothing was saved. Open the record's edit page again.",
        )
            .into_response();
    }
    // Editing another organisation's record is refused before anything else.
    if let Ok(iri) = oxigraph::model::NamedNode::new(form.iri.as_str()) {
        match owned_elsewhere(state, caller, &iri).await {
            Ok(false) => {}
            Ok(true) => {
                return Denied::Forbidden(crate::auth::Refusal::AnotherOrganisationsRecord)
                    .into_response();
            }
            Err(err) => {
                tracing::error!("record form: {err}");
                return (StatusCode::INTERNAL_SERVER_ERROR, "Plaza could not read the record; nothing was saved. The error is in the server log.").into_response();
            }
        }
    }
    let prepared =
        match crate::catalog::pages::forms::prepare(&state.catalog, &state.stores.sql, &form).await
        {
            Ok(prepared) => prepared,
            Err(err) => {
                tracing::error!("record form: {err}");
                return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Plaza could not read the form; nothing was saved. The error is in the server log.",
            )
                .into_response();
            }
        };
    let mut errors = prepared.errors;
    if action == "add_distribution" {
        form.distributions.push(DistributionForm::default());
        errors.clear();
    } else if errors.is_empty() {
        let body = crate::rdf::serialize_graph(&prepared.graph, oxigraph::io::RdfFormat::NTriples);
        match state
            .catalog
            .importer
            .import(
                body,
                oxigraph::io::RdfFormat::NTriples,
                ImportMode::Strict,
                &caller.write_scope(),
            )
            .await
        {
            Ok(_) => {
                tracing::info!(record = %prepared.iri, "record saved from the form");
                let page = crate::search::page_of(state.catalog.importer.iris(), &prepared.iri);
                let path = page
                    .strip_prefix(state.catalog.importer.iris().base.trim_end_matches('/'))
                    .unwrap_or(&page)
                    .to_owned();
                return Redirect::to(&path).into_response();
            }
            Err(ImportError::OutOfScope(records)) => {
                for record in records {
                    errors.push(app::catalog::publish::FieldError {
                        field: "publisher".into(),
                        kind: "other".into(),
                        message: record.reason,
                    });
                }
            }
            Err(ImportError::Refused(summary)) => {
                // Validated as the form's own graph above; a refusal here
                // means the stored record differs (a concurrent edit).
                errors.push(app::catalog::publish::FieldError {
                    field: String::new(),
                    kind: "other".into(),
                    message: format!(
                        "The catalog refused the record: {} violations.",
                        summary.records_with_violations
                    ),
                });
            }
            Err(err) => {
                tracing::error!("record form save: {err}");
                return (StatusCode::INTERNAL_SERVER_ERROR, "Plaza could not save the record; nothing was changed. The error is in the server log.").into_response();
            }
        }
    }
    let saved = async {
        let db = &mut *state.stores.sql.conn().await?;
        crate::catalog::pages::forms::save_draft(db, author, &form, &errors).await
    };
    match saved.await {
        Ok(id) => {
            let anchor = if action == "add_distribution" {
                format!("#dist{}", form.distributions.len().saturating_sub(1))
            } else {
                "#form-errors".to_owned()
            };
            Redirect::to(&format!("/publish/drafts/{id}{anchor}")).into_response()
        }
        Err(err) => {
            tracing::error!("record draft: {err}");
            (StatusCode::INTERNAL_SERVER_ERROR, "Plaza could not keep your draft; nothing was saved. The error is in the server log.").into_response()
        }
    }
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
        return (StatusCode::BAD_REQUEST, "The form names no record.").into_response();
    };
    match state
        .catalog
        .importer
        .delete(&iri, &caller.write_scope())
        .await
    {
        Ok(true) => Redirect::to("/publish?deleted=1").into_response(),
        Ok(false) => (
            StatusCode::NOT_FOUND,
            "There is no record at that address (it may be deleted already).",
        )
            .into_response(),
        Err(ImportError::OutOfScope(_)) => forbidden(
            "This record belongs to another organisation: you may not delete it. Nothing was changed.",
        ),
        Err(err) => {
            tracing::error!("delete: {err}");
            (StatusCode::INTERNAL_SERVER_ERROR, "Plaza could not delete the record; nothing was changed. The error is in the server log.").into_response()
        }
    }
}
