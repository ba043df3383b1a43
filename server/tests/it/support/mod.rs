//! Test helpers: run the real application on a free loopback port with a
//! fresh data directory, and give tests a fresh PostgreSQL database.

pub mod consult;
pub mod fixtures;
pub mod forms;
pub mod process;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

use plaza::config::Config;
use plaza::startup::Application;
use sqlx::Connection;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The password of the accounts tests make.
pub const PASSWORD: &str = "correct horse battery staple";

/// A running Plaza with its own data directory.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// A client that does not follow redirects, so tests see them.
    pub client: reqwest::Client,
    /// The data directory (deleted when the app is dropped).
    pub dir: tempfile::TempDir,
    /// The configuration the app was built with.
    pub config: Config,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<anyhow::Result<()>>>,
}

impl TestApp {
    /// Plaza with the demo city.
    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// Plaza with extra `PLAZA_*` settings.
    pub async fn spawn_with(settings: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        Self::spawn_in(dir, settings).await
    }

    /// Plaza on an existing data directory.
    pub async fn spawn_in(dir: tempfile::TempDir, settings: &[(&str, &str)]) -> Self {
        let config = test_config(dir.path(), settings);
        let app = Application::build(config.clone())
            .await
            .expect("the application builds");
        let base = format!("http://{}", app.address());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        TestApp {
            base,
            client,
            dir,
            config,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Sends a request to `path` built by `build` (headers, body) and
    /// returns the whole response.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        build: impl FnOnce(reqwest::RequestBuilder) -> reqwest::RequestBuilder,
    ) -> reqwest::Response {
        build(self.client.request(method, self.url(path)))
            .send()
            .await
            .expect("request")
    }

    /// GET `path` and return status and body, without Leptos' hydration
    /// markers (`<!>`), so tests can look for text as a reader sees it.
    pub async fn get(&self, path: &str) -> (reqwest::StatusCode, String) {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = response.status();
        (
            status,
            without_markers(&response.text().await.expect("body")),
        )
    }

    /// GETs a record as Turtle: IRIs outside the public URL through Plaza's
    /// catalog record about them (`iri` may end with `?version=N`).
    pub async fn get_rdf(&self, iri: &str) -> (reqwest::StatusCode, String) {
        let (iri, query) = match iri.split_once('?') {
            Some((iri, query)) => (iri, format!("?{query}")),
            None => (iri, String::new()),
        };
        let public = self.config.public_url.base_iri();
        let address = match iri.strip_prefix(&public) {
            Some(local) => format!("/{local}"),
            None => {
                let iris = plaza::catalog::CatalogIris::new(&public);
                let record =
                    iris.catalog_record(&oxigraph::model::NamedNode::new(iri).expect("an IRI"));
                format!(
                    "/{}",
                    record
                        .as_str()
                        .strip_prefix(&public)
                        .expect("under the base")
                )
            }
        };
        let response = self
            .send(reqwest::Method::GET, &format!("{address}{query}"), |r| {
                r.header("Accept", "text/turtle")
            })
            .await;
        (response.status(), response.text().await.expect("body"))
    }

    /// Creates a site-wide API token (the operator's, for fixtures with
    /// many publishers) in the app's database and returns it.
    pub async fn create_token(&self, name: &str) -> String {
        let sql = self.sql().await;
        let mut db = sql.conn().await.expect("connection");
        let token = plaza::auth::create_token(
            &mut db,
            plaza::auth::TokenScope::AllOrganisations,
            name,
            None,
        )
        .await
        .expect("token");
        drop(db);
        sql.close().await;
        token
    }

    /// Creates an account with [`PASSWORD`], `role` (citizen, moderator or
    /// admin) and membership of `organisations`; returns its id.
    pub async fn make_account(&self, email: &str, role: &str, organisations: &[&str]) -> String {
        use plaza::auth::accounts::{NewAccount, create_account, set_role};
        let sql = self.sql().await;
        let mut db = sql.conn().await.expect("connection");
        let pseudonym = email.split('@').next().expect("an email");
        let account = create_account(
            &mut db,
            NewAccount {
                email,
                password: Some(PASSWORD),
                pseudonym,
                email_verified: true,
            },
        )
        .await
        .expect("account");
        set_role(&mut db, &account.id, role.parse().expect("a role"))
            .await
            .expect("role");
        for org in organisations {
            let org = plaza::auth::OrganisationId::from_stored(*org);
            plaza::auth::organisations::add_member(&mut db, &org, &account.id)
                .await
                .expect("membership");
        }
        drop(db);
        sql.close().await;
        account.id.to_string()
    }

    /// Creates the organisation `id` with agent `{public}organisations/{id}`.
    pub async fn make_organisation(&self, id: &str) -> String {
        let sql = self.sql().await;
        let mut db = sql.conn().await.expect("connection");
        let agent = format!("{}organisations/{id}", self.config.public_url.base_iri());
        plaza::auth::organisations::create_organisation(&mut db, id, id, &agent)
            .await
            .expect("organisation");
        drop(db);
        sql.close().await;
        agent
    }

    /// Signs in as `email` with [`PASSWORD`] and returns the session cookie
    /// ("name=value").
    pub async fn sign_in(&self, email: &str) -> String {
        let response = self
            .send(reqwest::Method::POST, "/account/sign-in", |r| {
                r.form(&[("email", email), ("password", PASSWORD)])
            })
            .await;
        assert_eq!(response.status(), 303, "sign-in of {email}");
        response.headers()["set-cookie"]
            .to_str()
            .expect("cookie")
            .split(';')
            .next()
            .expect("name=value")
            .to_owned()
    }

    /// A signed-in publisher of the demo city (organisation `havenstad`):
    /// the session cookie.
    pub async fn publisher(&self) -> String {
        let email = "publisher@havenstad.example";
        self.make_account(email, "citizen", &["havenstad"]).await;
        self.sign_in(email).await
    }

    /// The app's SQL store (a second pool on the same database).
    pub async fn sql(&self) -> plaza::store::SqlStore {
        plaza::store::SqlStore::connect(&self.config.database_url)
            .await
            .expect("database")
    }

    /// POSTs `body` with `content_type` to `path`, with a bearer `token` when given.
    pub async fn post_rdf(
        &self,
        path: &str,
        content_type: &str,
        token: Option<&str>,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        let body = body.into();
        self.send(reqwest::Method::POST, path, |request| {
            let request = request.header("Content-Type", content_type).body(body);
            match token {
                Some(token) => request.bearer_auth(token),
                None => request,
            }
        })
        .await
    }

    /// Stops the server gracefully and returns the data directory.
    pub async fn stop(mut self) -> tempfile::TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
        let dir = tempfile::tempdir().expect("temporary directory");
        std::mem::replace(&mut self.dir, dir)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The configuration for a test app in `dir` with `settings` on top.
pub fn test_config(dir: &std::path::Path, settings: &[(&str, &str)]) -> Config {
    let mut env: BTreeMap<String, String> = BTreeMap::from([
        ("PLAZA_ADDRESS".into(), "127.0.0.1:0".into()),
        ("PLAZA_DATA_DIR".into(), dir.display().to_string()),
        ("PLAZA_PUBLIC_URL".into(), "http://plaza.test".into()),
        ("PLAZA_LOG_LEVEL".into(), "warn".into()),
        // Tests sign in often from one address; the rate limit test sets
        // its own limit.
        ("PLAZA_SIGN_IN_RATE_PER_MINUTE".into(), "10000".into()),
        ("PLAZA_WRITE_API_RATE_PER_MINUTE".into(), "10000".into()),
    ]);
    for (key, value) in settings {
        env.insert((*key).into(), (*value).into());
    }
    Config::from_sources(&BTreeMap::new(), |name| env.get(name).cloned())
        .expect("valid test configuration")
}

/// A fresh, empty PostgreSQL database, or `None` (with a visible message)
/// when no server is configured. `make test` always configures one and sets
/// PLAZA_REQUIRE_POSTGRES, which turns the skip into a failure.
pub async fn postgres_database() -> Option<String> {
    let Ok(admin_url) = std::env::var("PLAZA_TEST_POSTGRES_URL") else {
        if std::env::var("PLAZA_REQUIRE_POSTGRES").is_ok() {
            panic!("PLAZA_REQUIRE_POSTGRES is set but PLAZA_TEST_POSTGRES_URL is not");
        }
        eprintln!(
            "SKIPPED: PostgreSQL part of this test (set PLAZA_TEST_POSTGRES_URL; `make test` does)"
        );
        return None;
    };
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "plaza_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("connect to the test PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base.to_owned())
        .unwrap_or(admin_url);
    Some(format!("{base}/{name}"))
}

/// Removes Leptos' empty-comment hydration markers from HTML.
pub fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// A response header as text (empty when absent or not ASCII).
pub fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// A file of `server/tests/data`.
pub fn test_data(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
