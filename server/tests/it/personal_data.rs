//! Personal data by hook: every column of the schema that refers to an
//! account is covered by a module's export and erase hook, so "download my
//! data" and "delete my account" cannot miss a table a new journey adds.

use std::collections::BTreeSet;

use plaza::auth::personal_data::HOOKS;
use sqlx::Row;

use crate::support::TestApp;

/// Column names that hold an account's id or a person's words without a
/// foreign key saying so.
const PERSON_COLUMNS: &[&str] = &[
    "account_id",
    "author_id",
    "created_by",
    "actor",
    "subject",
    "email",
    "pseudonym",
];

#[tokio::test]
async fn every_column_that_refers_to_an_account_is_covered_by_a_hook() {
    let app = TestApp::spawn().await;
    let sql = app.sql().await;
    let tables: Vec<String> = sqlx::query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'",
    )
    .fetch_all(sql.pool())
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect();
    assert!(tables.iter().any(|t| t == "accounts"), "{tables:?}");
    let mut personal = BTreeSet::new();
    for table in &tables {
        for row in sqlx::query(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .fetch_all(sql.pool())
            .await
            .unwrap()
        {
            let column: String = row.get(0);
            if PERSON_COLUMNS.contains(&column.as_str()) || column.ends_with("_account_id") {
                personal.insert((table.clone(), column));
            }
        }
        for row in sqlx::query(&format!(
            "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{table}')"
        ))
        .fetch_all(sql.pool())
        .await
        .unwrap()
        {
            let (column, target): (String, String) = (row.get(0), row.get(1));
            if target == "accounts" {
                personal.insert((table.clone(), column));
            }
        }
    }
    personal.insert(("accounts".into(), "id".into()));
    let covered: BTreeSet<(String, String)> = HOOKS
        .iter()
        .flat_map(|hook| {
            hook.columns
                .iter()
                .map(|c| (hook.table.to_owned(), (*c).to_owned()))
        })
        .collect();
    let missing: Vec<_> = personal.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "columns about a person that no personal-data hook exports and erases \
         (add a `PersonalData` hook in the table's module and list it in \
         auth::personal_data::HOOKS): {missing:?}"
    );
    // And no hook names a column the schema does not have.
    for (table, column) in &covered {
        assert!(
            tables.contains(table),
            "a hook names the table {table}, which does not exist"
        );
        let exists = sqlx::query(&format!(
            "SELECT 1 FROM pragma_table_info('{table}') WHERE name = '{column}'"
        ))
        .fetch_optional(sql.pool())
        .await
        .unwrap()
        .is_some();
        assert!(
            exists,
            "a hook names {table}.{column}, which does not exist"
        );
    }
    sql.close().await;
}
