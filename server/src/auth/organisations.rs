//! Publishing organisations and their members. Each organisation is the
//! catalog's `foaf:Agent` publisher with IRI `agent_iri`: its members (and
//! its API tokens) may write the records that name it as `dct:publisher`.

use app::account::Notice;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::auth::personal_data::{Erase, Export, PersonalData};
use crate::auth::{AccountId, OrganisationId};
use crate::store::Timestamp;

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Short name used in URLs and `--org` (`city-of-ghent`).
    pub id: OrganisationId,
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
    /// The answer the forms redirect with (`error=…`).
    pub fn code(&self) -> Notice {
        match self {
            OrganisationError::BadId(_) => Notice::OrganisationIdInvalid,
            OrganisationError::BadName => Notice::OrganisationNameInvalid,
            OrganisationError::BadIri(_) => Notice::OrganisationIriInvalid,
            OrganisationError::Taken => Notice::OrganisationTaken,
            OrganisationError::Sql(_) => Notice::Unavailable,
        }
    }
}

/// Creates an organisation.
pub async fn create_organisation(
    db: &mut AnyConnection,
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
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await
    .map_err(|err| match err {
        sqlx::Error::Database(db) if db.is_unique_violation() => OrganisationError::Taken,
        other => OrganisationError::Sql(other),
    })?;
    Ok(Organisation {
        id: OrganisationId::from_stored(id),
        name: name.to_owned(),
        agent_iri: agent_iri.to_owned(),
    })
}

/// The organisation `id`.
pub async fn organisation(
    db: &mut AnyConnection,
    id: &OrganisationId,
) -> Result<Option<Organisation>, sqlx::Error> {
    let row = sqlx::query("SELECT id, name, agent_iri FROM organisations WHERE id = $1")
        .bind(id.as_str())
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.as_ref().map(from_row))
}

/// Every organisation, by name.
pub async fn list_organisations(db: &mut AnyConnection) -> Result<Vec<Organisation>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, name, agent_iri FROM organisations ORDER BY lower(name), id")
            .fetch_all(&mut *db)
            .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The organisations `account_id` publishes for, by name.
pub async fn organisations_of(
    db: &mut AnyConnection,
    account_id: &AccountId,
) -> Result<Vec<Organisation>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.name, o.agent_iri FROM organisations o \
         JOIN memberships m ON m.organisation_id = o.id \
         WHERE m.account_id = $1 ORDER BY lower(o.name), o.id",
    )
    .bind(account_id.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows.iter().map(from_row).collect())
}

/// The ids of the accounts that publish for `organisation`.
pub async fn members_of(
    db: &mut AnyConnection,
    organisation: &OrganisationId,
) -> Result<Vec<AccountId>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT account_id FROM memberships WHERE organisation_id = $1 ORDER BY created_at",
    )
    .bind(organisation.as_str())
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .iter()
        .map(|row| AccountId::from_stored(row.get::<String, _>(0)))
        .collect())
}

/// Makes `account_id` a publisher for `organisation`; false when it already was.
pub async fn add_member(
    db: &mut AnyConnection,
    organisation: &OrganisationId,
    account_id: &AccountId,
) -> Result<bool, sqlx::Error> {
    let exists =
        sqlx::query("SELECT 1 FROM memberships WHERE organisation_id = $1 AND account_id = $2")
            .bind(organisation.as_str())
            .bind(account_id.as_str())
            .fetch_optional(&mut *db)
            .await?
            .is_some();
    if exists {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(account_id.as_str())
    .bind(organisation.as_str())
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(true)
}

/// Ends `account_id`'s membership of `organisation`; false when there was none.
pub async fn remove_member(
    db: &mut AnyConnection,
    organisation: &OrganisationId,
    account_id: &AccountId,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND account_id = $2")
            .bind(organisation.as_str())
            .bind(account_id.as_str())
            .execute(&mut *db)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The organisation whose publisher IRI is `agent_iri`, if any.
pub async fn organisation_by_agent(
    db: &mut AnyConnection,
    agent_iri: &str,
) -> Result<Option<Organisation>, sqlx::Error> {
    let row = sqlx::query("SELECT id, name, agent_iri FROM organisations WHERE agent_iri = $1")
        .bind(agent_iri)
        .fetch_optional(&mut *db)
        .await?;
    Ok(row.as_ref().map(from_row))
}

/// Memberships as personal data: exported as the organisations one
/// publishes for; erased with the account (publishing rights end).
pub const PERSONAL_DATA: PersonalData = PersonalData {
    key: "organisations",
    table: "memberships",
    columns: &["account_id"],
    export: Export::Rows {
        query: "SELECT o.id, o.name, o.agent_iri FROM organisations o \
                JOIN memberships m ON m.organisation_id = o.id \
                WHERE m.account_id = $1 ORDER BY lower(o.name), o.id",
        row: |r| json!({ "id": r.get::<String, _>(0), "name": r.get::<String, _>(1), "publisher": r.get::<String, _>(2) }),
    },
    erase: Erase::Statement("DELETE FROM memberships WHERE account_id = $1"),
};

fn from_row(row: &AnyRow) -> Organisation {
    Organisation {
        id: OrganisationId::from_stored(row.get::<String, _>(0)),
        name: row.get(1),
        agent_iri: row.get(2),
    }
}
