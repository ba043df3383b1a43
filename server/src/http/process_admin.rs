//! The consultation form's posts (moderators and administrators), as
//! `multipart/form-data` because of the cover image: create a process or
//! save one; and the cover images, served with the type sniffed when they
//! were uploaded. A refused form goes back to itself, with what was typed.

use app::account::Notice;
use app::consult::{AreaKind, COVER_MAX_BYTES, PhaseKind, ProcessInput};
use app::form_failure::FormFailure;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::auth::{Caller, Denied, Permission};
use crate::consult::process_admin::{self, ProcessFormError};
use crate::consult::{covers, processes};
use crate::http::account::back;
use crate::routes::Routes;
use crate::state::AppState;

/// The consultation form's posts and the covers.
pub fn routes() -> Routes {
    Routes::new()
        .post("/moderation/consultations", create)
        .post("/moderation/consultations/{slug}", edit)
        .get("/consultations/{slug}/cover/{file}", cover)
}

/// The form as typed, and the cover's bytes if one was chosen (`None`
/// also when it is larger than allowed: then `too_large`).
struct Posted {
    input: ProcessInput,
    cover: Option<Vec<u8>>,
    too_large: bool,
}

async fn read_form(mut multipart: Multipart) -> Result<Posted, String> {
    let mut input = ProcessInput {
        phases: ProcessInput::empty_phases(),
        ..ProcessInput::default()
    };
    let mut cover = None;
    let mut too_large = false;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| e.to_string())? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "cover" {
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|e| e.to_string())? {
                if bytes.len() + chunk.len() > COVER_MAX_BYTES {
                    too_large = true;
                    break;
                }
                bytes.extend_from_slice(&chunk);
            }
            if !too_large && !bytes.is_empty() {
                cover = Some(bytes);
            }
            continue;
        }
        let text = field.text().await.map_err(|e| e.to_string())?;
        match name.as_str() {
            "slug" => input.slug = text,
            "title" => input.title = text,
            "summary" => input.summary = text,
            "body" => input.body = text,
            "area_kind" => input.area_kind = AreaKind::from_code(&text).unwrap_or_default(),
            "area" => input.area = text,
            "organisation" => input.organisation = text,
            "max_supports" => input.max_supports = text,
            "support_threshold" => input.support_threshold = text,
            "evidence" => input.evidence = text,
            "cover_alt" => input.cover_alt = text,
            "remove_cover" => input.remove_cover = text == "yes",
            other => {
                let phase = PhaseKind::ALL.into_iter().find_map(|kind| {
                    let rest = other.strip_prefix(kind.code())?;
                    Some((kind, rest.to_owned()))
                });
                if let Some((kind, rest)) = phase
                    && let Some(field) = input.phases.iter_mut().find(|p| p.kind == kind)
                {
                    match rest.as_str() {
                        "_starts_at" => field.starts_at = text,
                        "_ends_at" => field.ends_at = text,
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(Posted {
        input,
        cover,
        too_large,
    })
}

async fn save(
    state: &AppState,
    caller: &Caller,
    editing: Option<&str>,
    multipart: Multipart,
) -> Result<Response, Denied> {
    let person = caller.person_who_may(Permission::Moderate)?;
    let form_page = match editing {
        Some(slug) => format!("/moderation/consultations/{slug}/edit"),
        None => "/moderation/consultations/new".to_owned(),
    };
    let posted = match read_form(multipart).await {
        Ok(posted) => posted,
        Err(reason) => {
            tracing::warn!("consultation form upload failed: {reason}");
            return Ok(back(&form_page, Notice::ImportUpload));
        }
    };
    let mut input = posted.input;
    if posted.too_large {
        // Checked as if it were there: the form says it is too large.
        input.remove_cover = false;
    }
    let oversized = posted.too_large.then(|| vec![0u8; COVER_MAX_BYTES + 1]);
    let cover = posted.cover.as_deref().or(oversized.as_deref());
    let saved = process_admin::save(
        &state.stores.sql,
        &state.catalog.search,
        &state.config.data_dir,
        &person.account,
        editing,
        &input,
        cover,
    )
    .await;
    Ok(match saved {
        Ok(slug) => {
            tracing::info!(consultation = %slug, "consultation saved");
            back(&format!("/consultations/{slug}"), Notice::ProcessSaved)
        }
        Err(ProcessFormError::Refused(_)) => back(&form_page, Notice::ProcessInvalid),
        Err(ProcessFormError::NotFound) => {
            crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal)
        }
        Err(error) => {
            tracing::error!("consultation form failed: {error}");
            back(&form_page, Notice::Unavailable)
        }
    })
}

/// `POST /moderation/consultations`: a new consultation.
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    multipart: Multipart,
) -> Result<Response, Denied> {
    save(&state, &caller, None, multipart).await
}

/// `POST /moderation/consultations/{slug}`: the consultation, changed.
pub async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path(slug): Path<String>,
    multipart: Multipart,
) -> Result<Response, Denied> {
    save(&state, &caller, Some(&slug), multipart).await
}

/// `GET /consultations/{slug}/cover/{file}`: the process's current cover,
/// with the type it was sniffed as, never another.
pub async fn cover(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let current = async {
        let mut db = state.stores.sql.conn().await.ok()?;
        let process = processes::by_slug(&mut db, &slug).await.ok()??;
        process
            .cover
            .filter(|(name, _)| *name == file)
            .map(|(name, _)| name)
    };
    let Some(name) = current.await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match covers::load(&state.config.data_dir, &name).await {
        Ok(Some((bytes, kind))) => (
            [
                (header::CONTENT_TYPE, kind.media_type()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (
                    header::CONTENT_SECURITY_POLICY,
                    "default-src 'none'; sandbox",
                ),
                // A new image gets a new name: this one never changes.
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!("cover {name} could not be read: {err}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
