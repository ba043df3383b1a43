//! The state every handler can reach, and the parts of it that extractors
//! take (`FromRef`).

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::catalog::{CatalogStore, Importer};
use crate::config::Config;
use crate::mail::Mailer;
use crate::search::SearchIndex;
use crate::store::Stores;

/// Provides one journey's service (`app::services::Service<dyn Trait>`) to
/// the Leptos render or server function call it runs in.
pub type ServiceProvider = Arc<dyn Fn() + Send + Sync>;

/// The provider of `service`, a journey's service trait object.
pub fn provider<T: ?Sized + Send + Sync + 'static>(service: Arc<T>) -> ServiceProvider {
    Arc::new(move || leptos::prelude::provide_context(app::services::Service(service.clone())))
}

/// The catalog's machine side: reading records and writing imports.
#[derive(Clone)]
pub struct CatalogServices {
    /// Reads and replaces record graphs.
    pub store: Arc<dyn CatalogStore>,
    /// Validates and writes imports.
    pub importer: Importer,
    /// The search index over the records.
    pub search: SearchIndex,
}

/// Shared, cheaply cloned application state.
#[derive(Clone)]
pub struct AppState {
    /// Leptos' view of the site (output name, site root, …).
    pub leptos_options: LeptosOptions,
    /// The SQL and RDF stores.
    pub stores: Stores,
    /// The journeys' services the app's server functions call, each
    /// provided to every render and server function call.
    pub services: Arc<[ServiceProvider]>,
    /// The catalog's machine side.
    pub catalog: CatalogServices,
    /// The validated configuration.
    pub config: Arc<Config>,
    /// Sends reset links.
    pub mailer: Mailer,
    /// The OpenID Connect provider, when one is configured.
    pub oidc: Option<Arc<crate::auth::oidc::OidcProvider>>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Stores {
    fn from_ref(state: &AppState) -> Self {
        state.stores.clone()
    }
}

impl FromRef<AppState> for crate::auth::AuthState {
    fn from_ref(state: &AppState) -> Self {
        crate::auth::AuthState {
            sql: state.stores.sql.clone(),
            https: state.config.public_url.is_https(),
        }
    }
}
