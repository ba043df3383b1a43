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

/// Failure of a service call; the cause is logged by the implementation.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The store behind the service did not answer or answered with an error.
    #[error("store unavailable: {0}")]
    StoreUnavailable(String),
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

/// Logs a failed service call (`call` names it) and gives the page's error.
pub fn unavailable(call: &'static str) -> impl Fn(ServiceError) -> crate::error::AppError {
    move |err| {
        leptos::logging::error!("{call} failed: {err}");
        crate::error::AppError::StoreUnavailable
    }
}
