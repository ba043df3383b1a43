//! The HTTP application: Leptos pages and server functions, operations
//! endpoints, the language switch, and the layers every response passes.

pub mod account;
pub mod admin;
mod csrf;
mod feed;
pub mod html;
mod lang;
mod oidc;
mod ops;
pub mod publish;
mod rate_limit;
mod records;
mod request_metrics;
mod security;
pub mod signed_in;
mod sitemap;
mod state;
mod tokens;

pub use request_metrics::prometheus_handle;
pub use security::content_security_policy;
pub use state::{AppState, CatalogServices};

use app::{App, shell};
use axum::Router;
use axum::extract::{DefaultBodyLimit, OriginalUri};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

/// The RDF alternates of a record page: (suffix, media type).
pub fn record_suffixes() -> &'static [(&'static str, &'static str)] {
    records::SUFFIXES
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
        provide_context(services.clone());
        security::send_policy_with_nonce(page_form_action.as_deref());
    };
    let leptos_options = state.leptos_options.clone();
    let auth = &state.config.auth;
    // Sign-in, sign-up and reset: few posts per address and minute.
    let limited_forms = Router::new()
        .route("/account/sign-in", post(account::sign_in))
        .route("/account/sign-up", post(account::sign_up))
        .route("/account/reset", post(account::reset))
        .route("/account/oidc/start", post(oidc::start))
        .route("/account/password", post(account::change_password))
        .route("/account/oidc/callback", get(oidc::callback))
        .layer(rate_limit::sign_in_layer(
            auth.sign_in_rate_per_minute,
            auth.behind_proxy,
        ));
    let api = crate::api::routes().layer(rate_limit::write_api_layer(
        auth.write_api_rate_per_minute,
        auth.behind_proxy,
    ));
    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/lang", post(lang::switch))
        .merge(limited_forms)
        .route("/account/sign-out", post(account::sign_out))
        .route("/account/profile", post(account::profile))
        .route("/account/delete", post(account::delete))
        .route("/account/data.json", get(account::download))
        .route("/admin/organisations", post(admin::create))
        .route("/admin/memberships", post(admin::membership))
        .route("/admin/roles", post(admin::role))
        .route("/publish/tokens", post(tokens::create))
        .route("/publish/tokens/revoke", post(tokens::revoke))
        .route("/publish/import", post(publish::import))
        .route("/publish/records", post(publish::save_record))
        .route("/publish/records/delete", post(publish::delete_record))
        .route("/robots.txt", get(sitemap::robots))
        .route("/sitemap.xml", get(sitemap::index))
        .route("/sitemap/{name}", get(sitemap::file))
        .merge(api)
        .merge(crate::sparql::routes())
        .route(
            "/catalog.ttl",
            get(|s, q| feed::feed_with_suffix(s, q, RdfFormat::Turtle, "ttl")),
        )
        .route(
            "/catalog.jsonld",
            get(|s, q| {
                feed::feed_with_suffix(
                    s,
                    q,
                    RdfFormat::JsonLd {
                        profile: JsonLdProfileSet::empty(),
                    },
                    "jsonld",
                )
            }),
        )
        .route(
            "/catalog.rdf",
            get(|s, q| feed::feed_with_suffix(s, q, RdfFormat::RdfXml, "rdf")),
        )
        .route(
            "/catalog.nt",
            get(|s, q| feed::feed_with_suffix(s, q, RdfFormat::NTriples, "nt")),
        )
        .route("/api/{*rest}", any(api_not_found))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(leptos_options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context, shell,
        ))
        .layer(from_fn_with_state(state.clone(), feed::negotiate_catalog))
        .layer(from_fn_with_state(state.clone(), records::negotiate_record))
        .layer(from_fn_with_state(
            std::sync::Arc::<str>::from(state.config.public_url.base_iri().trim_end_matches('/')),
            csrf::refuse_cross_site,
        ))
        .route_layer(from_fn(request_metrics::label_route))
        .layer(from_fn(request_metrics::track))
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
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// 403 with a sentence saying why; nothing was changed.
pub fn forbidden(message: &str) -> Response {
    (
        StatusCode::FORBIDDEN,
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; charset=utf-8",
        )],
        format!("{message} Nothing was changed."),
    )
        .into_response()
}

/// Unknown API paths answer JSON, not the HTML not-found page.
async fn api_not_found(OriginalUri(uri): OriginalUri) -> Response {
    let body = serde_json::json!({
        "error": "not_found",
        "message": format!("There is no API endpoint at {}.", uri.path()),
    });
    (StatusCode::NOT_FOUND, axum::Json(body)).into_response()
}
