//! The migrations that add foreign keys (0007 for the tables of people,
//! 0008 for sessions) keep the data they find, on SQLite and PostgreSQL,
//! and afterwards the keys hold.

use plaza::store::SqlStore;
use sqlx::migrate::Migrator;

use crate::support::postgres_database;

/// The rows of a Plaza from before the keys: an account with a membership,
/// a reset link, a provider link, a token it made, an audit entry, a report
/// and a draft; and a report and a draft of an API-token session from
/// before accounts, which refer to no account.
const ROWS: &[&str] = &[
    "INSERT INTO accounts (id, email, pseudonym, role, created_at) VALUES ('a1', 'ana@example.org', 'ana', 'admin', '2026-01-01T00:00:00Z')",
    "INSERT INTO organisations (id, name, agent_iri, created_at) VALUES ('parks', 'Parks', 'https://x.example/agents/parks', '2026-01-01T00:00:00Z')",
    "INSERT INTO memberships (account_id, organisation_id, created_at) VALUES ('a1', 'parks', '2026-01-01T00:00:00Z')",
    "INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ('h1', 'a1', '2026-01-01T00:00:00Z', 0)",
    "INSERT INTO oidc_identities (issuer, subject, account_id, created_at) VALUES ('https://id.example', 's1', 'a1', '2026-01-01T00:00:00Z')",
    "INSERT INTO api_tokens (token_hash, name, created_at, organisation_id, created_by, site_wide) VALUES ('t1', 'harvester', '2026-01-01T00:00:00Z', 'parks', 'a1', 0)",
    "INSERT INTO api_tokens (token_hash, name, created_at) VALUES ('t0', 'before organisations', '2025-01-01T00:00:00Z')",
    "INSERT INTO audit_log (id, at, actor, actor_name, action, target, detail) VALUES ('l1', '2026-01-01T00:00:00Z', 'a1', 'ana', 'token.create', 'harvester', 'x')",
    "INSERT INTO audit_log (id, at, actor, actor_name, action, target, detail) VALUES ('l0', '2026-01-01T00:00:00Z', NULL, 'plaza (command line)', 'organisation.create', 'parks', 'x')",
    "INSERT INTO import_reports (id, subject, created_at, file_name, mode, outcome, report) VALUES ('r1', 'a1', '2026-01-01T00:00:00Z', 'a.ttl', 'strict', 'stored', '{}')",
    "INSERT INTO import_reports (id, subject, created_at, file_name, mode, outcome, report) VALUES ('r0', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2025-01-01T00:00:00Z', 'old.ttl', 'strict', 'stored', '{}')",
    "INSERT INTO record_drafts (id, subject, created_at, form, errors) VALUES ('d1', 'a1', '2026-01-01T00:00:00Z', '{}', '[]')",
    "INSERT INTO record_drafts (id, subject, created_at, form, errors) VALUES ('d0', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2025-01-01T00:00:00Z', '{}', '[]')",
];

async fn count(store: &SqlStore, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(store.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A store at `url` migrated up to, not including, migration `version`,
/// holding `rows`.
async fn store_before(url: &str, version: i64, rows: &[&str]) -> SqlStore {
    let store = SqlStore::connect(url).await.expect("connect");
    let all: Migrator = sqlx::migrate!("./migrations");
    let mut before = sqlx::migrate!("./migrations");
    before.migrations = all
        .migrations
        .iter()
        .filter(|m| m.version < version)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before
        .run(store.pool())
        .await
        .unwrap_or_else(|e| panic!("migrations before {version}: {e}"));
    for row in rows {
        sqlx::query(row)
            .execute(store.pool())
            .await
            .unwrap_or_else(|e| panic!("{row}: {e}"));
    }
    store
}

async fn keys_are_added_without_losing_rows(url: &str) {
    let store = store_before(url, 7, ROWS).await;
    store.migrate().await.expect("the foreign-key migration");
    for (table, rows) in [
        ("memberships", 1),
        ("password_resets", 1),
        ("oidc_identities", 1),
        ("api_tokens", 2),
        ("audit_log", 2),
        ("import_reports", 2),
        ("record_drafts", 2),
    ] {
        let found = count(&store, &format!("SELECT COUNT(*) FROM {table}")).await;
        assert_eq!(found, rows, "rows of {table} after the migration");
    }
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM import_reports WHERE subject IS NULL AND file_name = 'old.ttl'"
        )
        .await,
        1,
        "a report of a session from before accounts is kept without an author"
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM api_tokens WHERE created_by = 'a1' AND organisation_id = 'parks'"
        )
        .await,
        1
    );
    // The keys hold now.
    for refused in [
        "INSERT INTO memberships (account_id, organisation_id, created_at) VALUES ('nobody', 'parks', 'x')",
        "INSERT INTO memberships (account_id, organisation_id, created_at) VALUES ('a1', 'nowhere', 'x')",
        "INSERT INTO api_tokens (token_hash, name, created_at, created_by) VALUES ('t9', 'n9', 'x', 'nobody')",
        "INSERT INTO import_reports (id, subject, created_at, file_name, mode, outcome, report) VALUES ('r9', 'nobody', 'x', 'f', 'strict', 'stored', '{}')",
    ] {
        assert!(
            sqlx::query(refused).execute(store.pool()).await.is_err(),
            "the database accepted a row that refers to nothing: {refused}"
        );
    }
    store.close().await;
}

#[tokio::test]
async fn foreign_keys_are_added_without_losing_rows_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    keys_are_added_without_losing_rows(&format!("sqlite://{}/plaza.db", dir.path().display()))
        .await;
}

#[tokio::test]
async fn foreign_keys_are_added_without_losing_rows_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    keys_are_added_without_losing_rows(&url).await;
}

/// Sessions from before 0008: one of an account, one of an API token (the
/// first publishing pages), one of an account that does not exist.
const SESSIONS: &[&str] = &[
    "INSERT INTO accounts (id, email, pseudonym, role, created_at) VALUES ('a1', 'ana@example.org', 'ana', 'admin', '2026-01-01T00:00:00Z')",
    "INSERT INTO sessions (id_hash, subject_kind, subject, created_at, expires_at) VALUES ('s1', 'account', 'a1', '2026-01-01T00:00:00Z', 4102444800)",
    "INSERT INTO sessions (id_hash, subject_kind, subject, created_at, expires_at) VALUES ('s2', 'token', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2025-01-01T00:00:00Z', 4102444800)",
    "INSERT INTO sessions (id_hash, subject_kind, subject, created_at, expires_at) VALUES ('s3', 'account', 'gone', '2026-01-01T00:00:00Z', 4102444800)",
];

async fn sessions_get_their_account_key(url: &str) {
    let store = store_before(url, 8, SESSIONS).await;
    store.migrate().await.expect("the sessions migration");
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM sessions").await,
        1,
        "only the session of an existing account is kept"
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM sessions WHERE id_hash = 's1' AND account_id = 'a1' \
             AND created_at = '2026-01-01T00:00:00Z' AND expires_at = 4102444800"
        )
        .await,
        1,
        "the account's session survives as it was"
    );
    // The key holds now.
    let refused = "INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES ('s9', 'nobody', 'x', 0)";
    assert!(
        sqlx::query(refused).execute(store.pool()).await.is_err(),
        "the database accepted a session of no account"
    );
    store.close().await;
}

#[tokio::test]
async fn sessions_get_their_account_key_on_sqlite() {
    let dir = tempfile::tempdir().expect("tempdir");
    sessions_get_their_account_key(&format!("sqlite://{}/plaza.db", dir.path().display())).await;
}

#[tokio::test]
async fn sessions_get_their_account_key_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    sessions_get_their_account_key(&url).await;
}
