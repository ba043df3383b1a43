//! The publishers' forms that change state, as plain HTML form posts that
//! work without JavaScript: sign in with an API token, sign out, and upload
//! a file to import. Each answers with a redirect (post, redirect, get), so
//! a reload never posts twice. The pages themselves are Leptos routes.
//! Cross-site posts never get here (`csrf.rs`).

use axum::Form;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;

use crate::auth::{SESSION_SECONDS, end_session, session, start_session, verify_token};
use crate::catalog::{ImportError, ImportMode};
use crate::http::AppState;
use crate::store::now_rfc3339;

/// The cookie's name: with the `__Host-` prefix (Secure, whole site, no
/// domain) when Plaza is served over https.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-plaza_session"
    } else {
        "plaza_session"
    }
}

/// The session id in the request's cookies.
pub fn session_id(headers: &HeaderMap, https: bool) -> Option<String> {
    let name = cookie_name(https);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

fn set_cookie(value: &str, max_age: i64, https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(https)
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignIn {
    token: String,
}

/// `POST /publish/sign-in`.
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<SignIn>,
) -> Response {
    let https = state.config.public_url.is_https();
    let token = match verify_token(&state.stores.sql, &form.token).await {
        Ok(Some(token)) => token,
        Ok(None) => return Redirect::to("/publish?error=token").into_response(),
        Err(err) => {
            tracing::error!("sign-in: {err}");
            return Redirect::to("/publish?error=unavailable").into_response();
        }
    };
    // A new session id at every sign-in.
    if let Some(old) = session_id(&headers, https) {
        let _ = end_session(&state.stores.sql, &old).await;
    }
    match start_session(&state.stores.sql, "token", &token.hash).await {
        Ok(id) => {
            tracing::info!(token = %token.name, "publisher signed in");
            let mut response = Redirect::to("/publish").into_response();
            response
                .headers_mut()
                .insert(header::SET_COOKIE, set_cookie(&id, SESSION_SECONDS, https));
            response
        }
        Err(err) => {
            tracing::error!("sign-in: {err}");
            Redirect::to("/publish?error=unavailable").into_response()
        }
    }
}

/// `POST /publish/sign-out`.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let https = state.config.public_url.is_https();
    if let Some(id) = session_id(&headers, https) {
        let _ = end_session(&state.stores.sql, &id).await;
    }
    let mut response = Redirect::to("/publish").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, set_cookie("", 0, https));
    response
}

/// `POST /publish/import`: a file and a mode, as `multipart/form-data`.
pub async fn import(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let https = state.config.public_url.is_https();
    let subject = match session_id(&headers, https) {
        Some(id) => session(&state.stores.sql, &id).await.ok().flatten(),
        None => None,
    };
    let Some(subject) = subject else {
        return Redirect::to("/publish?error=signin").into_response();
    };
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
    let result = state.catalog.importer.import(body, format, mode).await;
    let (outcome, report) = report_of(result);
    let id = match save_report(&state, &subject.subject, &file_name, mode, outcome, &report).await {
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

async fn save_report(
    state: &AppState,
    subject: &str,
    file_name: &str,
    mode: ImportMode,
    outcome: &str,
    report: &serde_json::Value,
) -> Result<String, sqlx::Error> {
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let id = hex::encode(random);
    sqlx::query(
        "INSERT INTO import_reports (id, subject, created_at, file_name, mode, outcome, report) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(subject)
    .bind(now_rfc3339())
    .bind(file_name)
    .bind(if mode == ImportMode::Lenient { "lenient" } else { "strict" })
    .bind(outcome)
    .bind(report.to_string())
    .execute(state.stores.sql.pool())
    .await?;
    Ok(id)
}

/// The signed-in publisher's session subject, if any.
async fn subject(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let id = session_id(headers, state.config.public_url.is_https())?;
    session(&state.stores.sql, &id)
        .await
        .ok()
        .flatten()
        .map(|s| s.subject)
}

/// `POST /publish/records`: the record form. `action=save` stores the
/// record when it has no violation, else keeps a draft with the errors;
/// `action=add_distribution` keeps a draft with one more distribution.
/// Either way the browser is sent to a page it can reload.
pub async fn save_record(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    use app::catalog::publish::{DistributionForm, RecordForm};
    let Some(subject) = subject(&state, &headers).await else {
        return Redirect::to("/publish?error=signin").into_response();
    };
    let pairs: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let mut form = RecordForm::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
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
    let prepared =
        match crate::catalog::forms::prepare(&state.catalog, &state.stores.sql, &form).await {
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
            .import(body, oxigraph::io::RdfFormat::NTriples, ImportMode::Strict)
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
    match crate::catalog::forms::save_draft(&state.stores.sql, &subject, &form, &errors).await {
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
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if subject(&state, &headers).await.is_none() {
        return Redirect::to("/publish?error=signin").into_response();
    }
    let path = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "record")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let base = state.catalog.importer.iris().base.clone();
    let Ok(iri) =
        oxigraph::model::NamedNode::new(format!("{base}{}", path.trim_start_matches('/')))
    else {
        return (StatusCode::BAD_REQUEST, "The form names no record.").into_response();
    };
    match state.catalog.importer.delete(&iri).await {
        Ok(true) => Redirect::to("/publish?deleted=1").into_response(),
        Ok(false) => (
            StatusCode::NOT_FOUND,
            "There is no record at that address (it may be deleted already).",
        )
            .into_response(),
        Err(err) => {
            tracing::error!("delete: {err}");
            (StatusCode::INTERNAL_SERVER_ERROR, "Plaza could not delete the record; nothing was changed. The error is in the server log.").into_response()
        }
    }
}
