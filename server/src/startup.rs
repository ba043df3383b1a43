//! Start-up as a library function: open the stores, seed the demo city on
//! first start, bind the listener, and serve until told to stop.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::serve::ListenerExt;
use leptos::config::{Env, LeptosOptions};
use tokio::net::TcpListener;

use crate::catalog::{
    CatalogIris, CatalogPages, CatalogStore, Importer, OxigraphCatalogStore, PublishingService,
};
use crate::config::Config;
use crate::demo;
use crate::http;
use crate::search::{Reconciled, SearchIndex, Source, reconcile, reindex};
use crate::state::{AppState, CatalogServices, ServiceProvider, provider};
use crate::store::Stores;

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: Router,
    stores: Stores,
    mailer: crate::mail::Mailer,
    public_url: String,
    results: crate::consult::results_dataset::Publisher,
}

impl Application {
    /// Opens the stores, seeds the demo city when appropriate and binds
    /// the configured address (port 0 picks a free port).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let stores = Stores::open(&config).await?;
        let listener = TcpListener::bind(config.address)
            .await
            .with_context(|| format!("Could not listen on {} (PLAZA_ADDRESS)", config.address))?;
        let address = listener
            .local_addr()
            .context("Could not read the bound address")?;
        let catalog = catalog_services(&config, &stores).await?;
        let seeded = demo::seed_if_first_start(&config, &stores, &catalog).await?;
        tracing::debug!(?seeded, "demo city");
        tell_how_to_make_an_administrator(&stores).await;
        let catalog_pages: Arc<dyn app::catalog::CatalogReader> = Arc::new(CatalogPages::new(
            catalog.search.clone(),
            catalog.store.clone(),
            stores.sql.clone(),
            catalog.importer.iris().clone(),
        ));
        let publishing: Arc<dyn app::catalog::publish::Publishing> =
            Arc::new(PublishingService::new(
                stores.sql.clone(),
                catalog.clone(),
                config.public_url.is_https(),
            ));
        let accounts: Arc<dyn app::account::Accounts> = Arc::new(crate::auth::AccountPages::new(
            stores.sql.clone(),
            config.public_url.is_https(),
            config.auth.oidc.as_ref().map(|o| o.name.clone()),
        ));
        let consultations: Arc<dyn app::consult::Consultations> =
            Arc::new(crate::consult::ConsultationPages::new(
                stores.sql.clone(),
                catalog.search.clone(),
                config.public_url.is_https(),
            ));
        let surveys: Arc<dyn app::consult::survey::Surveys> = Arc::new(
            crate::consult::SurveyPages::new(stores.sql.clone(), config.public_url.is_https()),
        );
        let meetings: Arc<dyn app::consult::meeting::Meetings> =
            Arc::new(crate::consult::MeetingPages::new(
                stores.sql.clone(),
                config.public_url.is_https(),
                config.time_zone.clone(),
            ));
        let results: Arc<dyn app::consult::results::Results> =
            Arc::new(crate::consult::results_pages::ResultsPages::new(
                stores.sql.clone(),
                config.public_url.is_https(),
            ));
        let mailer = crate::mail::Mailer::from_config(&config.auth)?;
        let notifications: Arc<dyn app::account::Notifications> =
            Arc::new(crate::notify::NotificationPages::new(
                stores.sql.clone(),
                config.public_url.is_https(),
                mailer.sends_mail(),
            ));
        let services: Arc<[ServiceProvider]> = Arc::from(vec![
            provider(catalog_pages),
            provider(publishing),
            provider(accounts),
            provider(consultations),
            provider(surveys),
            provider(meetings),
            provider(results),
            provider(notifications),
        ]);
        let oidc = match &config.auth.oidc {
            Some(oidc) => Some(Arc::new(crate::auth::oidc::OidcProvider::new(
                oidc.clone(),
                config.public_url.as_str(),
            )?)),
            None => None,
        };
        let public_url = config.public_url.as_str().to_owned();
        let results = crate::consult::results_dataset::Publisher {
            sql: stores.sql.clone(),
            importer: catalog.importer.clone(),
            base_url: public_url.clone(),
            licence: config.results_licence.clone(),
        };
        let state = AppState {
            leptos_options: leptos_options(&config, address),
            stores: stores.clone(),
            services,
            catalog,
            config: Arc::new(config),
            mailer: mailer.clone(),
            oidc,
        };
        Ok(Application {
            listener,
            address,
            router: http::router(state),
            stores,
            mailer,
            public_url,
            results,
        })
    }

    /// The address actually bound.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until `shutdown` completes, lets in-flight requests finish,
    /// then closes the stores.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        // Leptos streams pages in several writes; without TCP_NODELAY each
        // response waits for the client's delayed ACK (~40 ms).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::warn!("could not set TCP_NODELAY: {err}");
            }
        });
        // The clock's events: phase starts, results to publish, and the daily
        // digests when mail can be sent.
        crate::notify::phases::watch(self.stores.sql.clone());
        // Results datasets: published when a results phase begins, and
        // again when the results change.
        let results = self.results.watch();
        if self.mailer.sends_mail() {
            crate::notify::digest::watch(self.stores.sql.clone(), self.mailer, self.public_url);
        }
        tracing::info!(address = %self.address, "Plaza is listening");
        let served = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        // The publishing task holds the catalog's store: end it first.
        results.abort();
        let _ = results.await;
        served.context("The HTTP server failed")?;
        tracing::info!("requests drained; closing the stores");
        self.stores.close().await;
        tracing::info!("Plaza stopped cleanly");
        Ok(())
    }
}

/// The catalog's store, search index and importer on the embedded stores.
/// The index is filled from the store when it is new, and checked against
/// it otherwise.
pub async fn catalog_services(config: &Config, stores: &Stores) -> anyhow::Result<CatalogServices> {
    let iris = CatalogIris::new(&config.public_url.base_iri());
    let store: Arc<dyn CatalogStore> = Arc::new(OxigraphCatalogStore::new(
        stores.rdf.clone(),
        iris.catalog.clone(),
    ));
    let search_dir = config.search_dir();
    let search = tokio::task::spawn_blocking(move || SearchIndex::open(&search_dir))
        .await
        .context("The search index task failed")?
        .context(
            "Could not open the search index (it is rebuilt from the store with `plaza reindex`)",
        )?;
    let source = Source {
        store: store.as_ref(),
        sql: &stores.sql,
        iris: &iris,
    };
    if search.is_fresh() {
        let indexed = reindex(&search, source, |_, _| {}).await?;
        tracing::info!(
            records = indexed,
            "search index built from the catalog store"
        );
    } else {
        let fixed = reconcile(&search, source).await?;
        if fixed != Reconciled::default() {
            tracing::info!(
                updated = fixed.updated,
                removed = fixed.removed,
                "search index brought in step with the catalog store"
            );
        }
    }
    Ok(CatalogServices {
        importer: Importer::new(store.clone(), stores.sql.clone(), iris)
            .with_search(search.clone()),
        store,
        search,
    })
}

/// Leptos' options, from Plaza's configuration rather than cargo-leptos'
/// environment, so the binary runs the same however it is started. Pages
/// link the content-hashed front end when the build wrote its hash file
/// beside the binary (cargo-leptos does), the plain names otherwise (test
/// binaries, `cargo build`).
fn leptos_options(config: &Config, address: SocketAddr) -> LeptosOptions {
    let hashes = http::static_files::asset_hashes();
    if let Some(hashes) = hashes {
        let wasm = config
            .site_root
            .join(format!("pkg/plaza.{}.wasm", hashes.wasm));
        if !wasm.exists() {
            tracing::warn!(
                missing = %wasm.display(),
                "the hash file beside the binary names a front end that is not in the site root (PLAZA_SITE_ROOT); rebuild with cargo leptos build"
            );
        }
    }
    LeptosOptions::builder()
        .output_name("plaza")
        .site_root(config.site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(address)
        .env(Env::PROD)
        .hash_files(hashes.is_some())
        .build()
}

/// Registers for SIGINT (Ctrl-C) and SIGTERM at once, and returns a future
/// that completes on the first of them. Registering before the server
/// starts means a signal that arrives during start-up still stops it
/// gracefully instead of killing the process.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let terminate = signal(SignalKind::terminate());
        let interrupt = signal(SignalKind::interrupt());
        async move {
            let (Ok(mut terminate), Ok(mut interrupt)) = (terminate, interrupt) else {
                tracing::warn!("cannot listen for SIGTERM/SIGINT; stop the server with SIGKILL");
                return std::future::pending().await;
            };
            tokio::select! {
                _ = terminate.recv() => tracing::info!("SIGTERM received; finishing in-flight requests"),
                _ = interrupt.recv() => tracing::info!("SIGINT received; finishing in-flight requests"),
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("Ctrl-C received; finishing in-flight requests");
    }
}

/// A fresh deployment has no administrator: say how to make one.
async fn tell_how_to_make_an_administrator(stores: &Stores) {
    let admins = async {
        let db = &mut *stores.sql.conn().await?;
        crate::auth::accounts::admin_count(db).await
    };
    if let Ok(0) = admins.await {
        tracing::info!(
            "No administrator yet. Make one with: printf '%s\\n' 'A LONG PASSPHRASE' | plaza account create --email YOU@EXAMPLE.ORG --pseudonym NAME --role admin"
        );
    }
}
