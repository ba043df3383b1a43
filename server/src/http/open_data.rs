//! `/consultations/{slug}/export/{name}.{csv,json}`: a process's open data,
//! streamed as it is read (`consult/exports.rs`), open to every origin.

use app::consult::{ExportFormat, ExportKind};
use app::form_failure::FormFailure;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::consult::{exports, processes};
use crate::routes::Routes;
use crate::state::AppState;

/// The exports' address.
pub fn routes() -> Routes {
    Routes::new().get("/consultations/{slug}/export/{file}", export)
}

/// `GET /consultations/{slug}/export/{file}`: `proposals.csv`,
/// `comments.json`, …
pub async fn export(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let not_found =
        || crate::html::form_failure(StatusCode::NOT_FOUND, FormFailure::NoSuchProposal);
    let Some((kind, format)) = file.rsplit_once('.').and_then(|(name, extension)| {
        Some((
            ExportKind::from_code(name)?,
            ExportFormat::from_extension(extension)?,
        ))
    }) else {
        return not_found();
    };
    let process = async {
        let mut db = state.stores.sql.conn().await?;
        processes::by_slug(&mut db, &slug).await
    };
    let process = match process.await {
        Ok(Some(process)) => process,
        Ok(None) => return not_found(),
        Err(err) => {
            tracing::error!("an export failed: {err}");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let chunks = exports::stream(
        state.stores.sql.clone(),
        process,
        kind,
        format,
        state.config.public_url.as_str().to_owned(),
    );
    // Fused: the compression layer may poll again after the end.
    let body = Body::from_stream(futures_util::StreamExt::fuse(futures_util::stream::unfold(
        chunks,
        |mut chunks| async { chunks.recv().await.map(|chunk| (chunk, chunks)) },
    )));
    let content_type = match format {
        ExportFormat::Csv => "text/csv; charset=utf-8; header=present",
        ExportFormat::Json => "application/json",
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{slug}-{file}\""),
            ),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".to_owned()),
            (header::CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        body,
    )
        .into_response()
}
