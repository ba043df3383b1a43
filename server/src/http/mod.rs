//! The HTTP application: every journey's routes merged (each declares its
//! own, `journeys`), the Leptos pages and server functions, and the layers
//! every response passes (compression, caching, security headers…), and
//! the site's files for every other address.

pub mod account;
pub mod admin;
mod caching;
mod comments;
mod compression;
mod consult;
mod csrf;
mod feed;
mod form_failures;
pub(crate) mod lang;
mod meetings;
mod moderation;
mod notifications;
mod oidc;
mod open_data;
mod ops;
mod process_admin;
pub mod publish;
mod records;
mod request_metrics;
mod results;
mod security;
mod sitemap;
pub(crate) mod static_files;
mod surveys;
mod tokens;

pub use request_metrics::prometheus_handle;
pub use security::content_security_policy;

use app::{App, shell};

use crate::config::Config;
use crate::routes::Routes;
use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::middleware::{from_fn, from_fn_with_state};
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

/// Every journey's routes (the Leptos pages and server functions aside):
/// the one list the router is built from and the authorization matrix reads.
pub fn journeys(config: &Config) -> Routes {
    ops::routes()
        .merge(lang::routes())
        .merge(account::routes(&config.auth))
        .merge(admin::routes())
        .merge(publish::routes())
        .merge(consult::routes())
        .merge(comments::routes())
        .merge(moderation::routes())
        .merge(notifications::routes())
        .merge(process_admin::routes())
        .merge(surveys::routes())
        .merge(meetings::routes())
        .merge(open_data::routes())
        .merge(results::routes())
        .merge(sitemap::routes())
        .merge(feed::routes())
        .merge(crate::api::routes(
            config.auth.write_api_rate_per_minute,
            config.auth.behind_proxy,
        ))
        .merge(crate::sparql::routes())
        .document_served_elsewhere(crate::api::served_by_leptos())
}

/// Builds the whole router around `state`.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let services = state.services.clone();
    // Runs at the start of every Leptos render and server function call.
    // The provider's sign-in page is where the start form's redirect goes.
    let form_action: Option<std::sync::Arc<str>> = state
        .config
        .auth
        .oidc
        .as_ref()
        .and_then(|o| security::origin_of(&o.issuer))
        .map(Into::into);
    let page_form_action = form_action.clone();
    let context = move || {
        for provide in services.iter() {
            provide();
        }
        security::send_policy_with_nonce(page_form_action.as_deref());
    };
    let leptos_options = state.leptos_options.clone();
    let journeys = journeys(&state.config);
    let document = crate::api::ApiDocument(std::sync::Arc::new(
        journeys.openapi(crate::api::openapi_base()),
    ));
    journeys
        .into_router()
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(leptos_options.clone())
        })
        .fallback_service(static_files::service(
            &state.config.site_root,
            static_files::NotFound::new(
                file_and_error_handler_with_context::<AppState, _>(context, shell)
                    .with_state(state.clone()),
            ),
        ))
        .layer(axum::Extension(document))
        .layer(from_fn_with_state(state.clone(), feed::negotiate_catalog))
        .layer(from_fn_with_state(state.clone(), records::negotiate_record))
        .layer(from_fn_with_state(
            std::sync::Arc::<str>::from(state.config.public_url.base_iri().trim_end_matches('/')),
            csrf::refuse_cross_site,
        ))
        .layer(from_fn(form_failures::translate))
        .route_layer(from_fn(request_metrics::label_route))
        .layer(from_fn(request_metrics::track))
        .layer(from_fn_with_state(
            caching::CachePolicy {
                page_max_age: state.config.page_max_age_seconds,
                https: state.config.public_url.is_https(),
            },
            caching::cache_control,
        ))
        .layer(from_fn_with_state(
            security::Policy {
                https: state.config.public_url.is_https(),
                form_action,
            },
            security::headers,
        ))
        // One limit for every body, from the configuration (axum's own 2 MB
        // default for extractors would otherwise apply first).
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(state.config.max_body_bytes))
        .layer(compression::layer())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
