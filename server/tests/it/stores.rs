//! The SQL store on SQLite and PostgreSQL, and the demo city seeding rules.

use crate::support;

use plaza::store::settings::{self, SettingName};
use plaza::store::{SqlBackend, SqlStore};
use support::{TestApp, postgres_database};

const COLOUR: SettingName = SettingName::new("colour");

async fn exercise_sql_store(url: &str, backend: SqlBackend) {
    let store = SqlStore::connect(url).await.expect("connect");
    assert_eq!(store.backend(), backend);
    store.migrate().await.expect("first migration");
    store
        .migrate()
        .await
        .expect("migrating again changes nothing");
    store.ping().await.expect("ping");
    let mut db = store.conn().await.expect("connection");
    assert_eq!(settings::get(&mut db, COLOUR).await.expect("read"), None);
    settings::set(&mut db, COLOUR, "blue").await.expect("write");
    settings::set(&mut db, COLOUR, "green")
        .await
        .expect("overwrite");
    assert_eq!(
        settings::get(&mut db, COLOUR)
            .await
            .expect("read")
            .as_deref(),
        Some("green")
    );
    drop(db);
    assert!(store.size_bytes().await.expect("size") > 0);
    store.close().await;
}

#[tokio::test]
async fn the_sql_store_works_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}/plaza.db", dir.path().display());
    exercise_sql_store(&url, SqlBackend::Sqlite).await;
    assert!(
        dir.path().join("plaza.db").exists(),
        "the database file is created"
    );
}

#[tokio::test]
async fn the_sql_store_works_on_postgresql() {
    let Some(url) = postgres_database().await else {
        return;
    };
    exercise_sql_store(&url, SqlBackend::Postgres).await;
}

#[tokio::test]
async fn plaza_serves_the_demo_city_on_postgresql() {
    let Some(url) = postgres_database().await else {
        return;
    };
    let app = TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await;
    let (status, body) = app.get("/readyz").await;
    assert_eq!(status, 200, "{body}");
    let (_, home) = app.get("/").await;
    assert!(home.contains("7 datasets in the catalog"));
    let store = SqlStore::connect(&url).await.expect("connect");
    let mut db = store.conn().await.expect("connection");
    assert!(
        settings::get(&mut db, SettingName::new("demo_seeded_at"))
            .await
            .expect("read")
            .is_some()
    );
}

#[tokio::test]
async fn the_demo_city_is_seeded_on_first_start_only() {
    let app = TestApp::spawn().await;
    let rdf = app.dir.path().join("rdf");
    assert!(
        rdf.join("CURRENT").exists(),
        "an on-disk Oxigraph store is created"
    );
    assert!(
        app.dir.path().join("plaza.db").exists(),
        "a SQLite database is created"
    );
    let (_, home) = app.get("/").await;
    assert!(home.contains("7 datasets in the catalog"));
    // A restart on the same data keeps the data and does not seed twice.
    let dir = app.stop().await;
    let app = TestApp::spawn_in(dir, &[]).await;
    let (_, home) = app.get("/").await;
    assert!(home.contains("7 datasets in the catalog"));
}

#[tokio::test]
async fn demo_false_starts_with_empty_stores() {
    let app = TestApp::spawn_with(&[("PLAZA_DEMO", "false")]).await;
    let (_, catalog) = app.get("/catalog").await;
    assert!(
        catalog.contains("No dataset has been published yet."),
        "{catalog}"
    );
    let (_, metrics) = app.get("/metrics").await;
    assert!(
        metrics.lines().any(|l| l == "plaza_rdf_quads 0"),
        "{metrics}"
    );
}

#[tokio::test]
async fn demo_records_take_their_iris_from_the_public_url() {
    let app = TestApp::spawn_with(&[("PLAZA_PUBLIC_URL", "https://data.havenstad.example/")]).await;
    let (_, catalog) = app.get("/catalog").await;
    assert!(catalog.contains("Bicycle counts"));
    let stores = plaza::store::RdfStore::open_read_only(app.dir.path().join("rdf"))
        .await
        .expect("read-only");
    let mut out = stores.export_nquads(Vec::new()).await.expect("export");
    out.retain(|b| *b != b'\r');
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("<https://data.havenstad.example/datasets/bicycle-counts>"),
        "{text}"
    );
}
