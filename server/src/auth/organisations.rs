//! Publishing organisations and their members. Each organisation is the
//! catalog's `foaf:Agent` publisher with IRI `agent_iri`: its members (and
//! its API tokens) may write the records that name it as `dct:publisher`.

use sqlx::Row;
use sqlx::any::AnyRow;

use crate::store::{SqlStore, now_rfc3339};

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Short name used in URLs and `--org` (`city-of-ghent`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The IRI of its `foaf:Agent` in the catalog.
    pub agent_iri: String,
}

/// Why an organisation could not be created or changed.
#[derive(Debug, thiserror::Error)]
pub enum OrganisationError {
    /// The short name has characters not allowed.
    #[error(
        "{0:?} is not a usable short name: 2 to 64 lower-case letters, digits and hyphens, starting with a letter."
    )]
    BadId(String),
    /// The name is empty or too long.
    #[error("An organisation's name must be 1 to 200 characters long.")]
    BadName,
    /// The agent IRI is not an absolute IRI.
    #[error("{0:?} is not an absolute IRI (like https://data.example.org/agents/city).")]
    BadIri(String),
    /// The short name or the IRI belongs to another organisation.
    #[error("An organisation with this short name or publisher IRI already exists.")]
    Taken,
    /// The database failed.
    #[error("Organisation storage failed: {0}")]
    Sql(#[from] sqlx::Error),
}

impl OrganisationError {
    /// The code the forms use to show the message (`error=…`).
    pub fn code(&self) -> &'static str {
        match self {
            OrganisationError::BadId(_) => "organisation_id_invalid",
            OrganisationError::BadName => "organisation_name_invalid",
            OrganisationError::BadIri(_) => "organisation_iri_invalid",
            OrganisationError::Taken => "organisation_taken",
            OrganisationError::Sql(_) => "unavailable",
        }
    }
}

/// Creates an organisation.
pub async fn create_organisation(
    sql: &SqlStore,
    id: &str,
    name: &str,
    agent_iri: &str,
) -> Result<Organisation, OrganisationError> {
    let id = id.trim();
    let name = name.trim();
    let agent_iri = agent_iri.trim();
    let id_ok = (2..=64).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err(OrganisationError::BadId(id.to_owned()));
    }
    if name.is_empty() || name.chars().count() > 200 {
        return Err(OrganisationError::BadName);
    }
    let iri_ok = oxigraph::model::NamedNode::new(agent_iri).is_ok()
        && (agent_iri.starts_with("http://") || agent_iri.starts_with("https://"))
        && agent_iri.len() <= 500;
    if !iri_ok {
        return Err(OrganisationError::BadIri(agent_iri.to_owned()));
    }
    sqlx::query(
        "INSERT INTO organisations (id, name, agent_iri, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(name)
    .bind(agent_iri)
    .bind(now_rfc3339())
    .execute(sql.pool())
    .await
    .map_err(|err| match err {
        sqlx::Error::Database(db) if db.is_unique_violation() => OrganisationError::Taken,
        other => OrganisationError::Sql(other),
    })?;
    Ok(Organisation {
        id: id.to_owned(),
        name: name.to_owned(),
        agent_iri: agent_iri.to_owned(),
    })
}

/// The organisation `id`.
pub async fn organisation(sql: &SqlStore, id: &str) -> Result<Option<Organisation>, sqlx::Error> {
    let row = sqlx::query("SELECT id, name, agent_iri FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(sql.pool())
        .await?;
    Ok(row.as_ref().map(from_row))
}

/// Every organisation, by name.
pub async fn list_organisations(sql: &SqlStore) -> Result<Vec<Organisation>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, name, agent_iri FROM organisations ORDER BY lower(name), id")
            .fetch_all(sql.pool())
            .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The organisations `account_id` publishes for, by name.
pub async fn organisations_of(
    sql: &SqlStore,
    account_id: &str,
) -> Result<Vec<Organisation>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, o.agent_iri FROM organisations o \
         JOIN memberships m ON m.organisation_id = o.id \
         WHERE m.account_id = $1 ORDER BY lower(o.name), o.id",
    )
    .bind(account_id)
    .fetch_all(sql.pool())
    .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The ids of the accounts that publish for `organisation`.
pub async fn members_of(sql: &SqlStore, organisation: &str) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT account_id FROM memberships WHERE organisation_id = $1 ORDER BY created_at",
    )
    .bind(organisation)
    .fetch_all(sql.pool())
    .await?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// Makes `account_id` a publisher for `organisation`; false when it already was.
pub async fn add_member(
    sql: &SqlStore,
    organisation: &str,
    account_id: &str,
) -> Result<bool, sqlx::Error> {
    let exists =
        sqlx::query("SELECT 1 FROM memberships WHERE organisation_id = $1 AND account_id = $2")
            .bind(organisation)
            .bind(account_id)
            .fetch_optional(sql.pool())
            .await?
            .is_some();
    if exists {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(account_id)
    .bind(organisation)
    .bind(now_rfc3339())
    .execute(sql.pool())
    .await?;
    Ok(true)
}

/// Ends `account_id`'s membership of `organisation`; false when there was none.
pub async fn remove_member(
    sql: &SqlStore,
    organisation: &str,
    account_id: &str,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND account_id = $2")
            .bind(organisation)
            .bind(account_id)
            .execute(sql.pool())
            .await?;
    Ok(done.rows_affected() == 1)
}

fn from_row(row: &AnyRow) -> Organisation {
    Organisation {
        id: row.get(0),
        name: row.get(1),
        agent_iri: row.get(2),
    }
}
