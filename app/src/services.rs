//! What every journey's services share: each journey declares the trait
//! its server functions call (`catalog/service.rs`, `catalog/publish/
//! service.rs`, `account/service.rs`), the `server` crate implements it and
//! provides it as a [`Service`] context value at start-up, and server
//! functions take it with [`service`]. This keeps stores, SQL and SPARQL out
//! of the app crate, and no struct grows a field per journey.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A boxed future, so that the traits below can be used as trait objects.
pub type ServiceFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send + 'a>>;

/// Why a service call gave no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    /// There is no such thing, or not for this caller.
    #[error("not found")]
    NotFound,
    /// Only someone signed in may ask.
    #[error("sign-in required")]
    SignInRequired,
    /// The caller is signed in but may not ask.
    #[error("forbidden")]
    Forbidden,
    /// The store behind the service did not answer or answered with an
    /// error (the cause, for the log).
    #[error("store unavailable: {0}")]
    Unavailable(String),
}

/// A journey's service as a context value: `Service<dyn CatalogReader>`.
pub struct Service<T: ?Sized>(pub Arc<T>);

impl<T: ?Sized> Clone for Service<T> {
    fn clone(&self) -> Self {
        Service(self.0.clone())
    }
}

/// The journey service `T` from the context of a server function call.
pub fn service<T: ?Sized + Send + Sync + 'static>() -> Result<Arc<T>, crate::error::AppError> {
    leptos::prelude::use_context::<Service<T>>()
        .map(|service| service.0)
        .ok_or_else(|| {
            crate::error::AppError::Call(leptos::server_fn::error::ServerFnErrorErr::ServerError(
                format!(
                    "the service {} is missing from the context",
                    std::any::type_name::<T>()
                ),
            ))
        })
}

/// The headers of the request a server function answers (they carry the
/// session cookie).
pub async fn request_headers() -> Result<http::HeaderMap, crate::error::AppError> {
    leptos_axum::extract().await.map_err(|e| {
        crate::error::AppError::Call(leptos::server_fn::error::ServerFnErrorErr::ServerError(
            e.to_string(),
        ))
    })
}

/// The page's error for a failed service call (`call` names it; a store
/// failure is logged). Called over HTTP (from the browser or a script),
/// the answer gets the matching status (404, 401, 403, 503).
pub fn failed(call: &'static str) -> impl Fn(ServiceError) -> crate::error::AppError {
    use crate::error::AppError;
    move |err| {
        let error = match err {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::SignInRequired => AppError::SignInRequired,
            ServiceError::Forbidden => AppError::Forbidden,
            ServiceError::Unavailable(cause) => {
                leptos::logging::error!("{call} failed: {cause}");
                AppError::StoreUnavailable
            }
        };
        answer_with_status(error.status());
        error
    }
}

/// Sets the status of a server function's answer over HTTP; while a page
/// renders on the server, the page decides its own status instead.
pub fn answer_with_status(status: http::StatusCode) {
    let rendering_a_page = leptos::prelude::Owner::current_shared_context().is_some();
    if !rendering_a_page
        && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(status);
    }
}
