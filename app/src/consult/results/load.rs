//! The results page's server function. It changes nothing: the summary is
//! a form post (`server/src/http/results.rs`).

use leptos::prelude::*;

use crate::consult::results::ResultsView;
use crate::error::AppError;

/// A process's results.
#[server(prefix = "/api/fn", endpoint = "results")]
pub async fn load_results(slug: String) -> Result<ResultsView, AppError> {
    let service = crate::services::service::<dyn crate::consult::results::Results>()?;
    let headers = crate::services::request_headers().await?;
    service
        .results(headers, slug)
        .await
        .map_err(crate::services::failed("load_results"))
}
