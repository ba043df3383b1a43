//! The demo city (Havenstad): seeded on first start with empty stores so a
//! fresh `make run` shows a living catalog. Its datasets go through the
//! importer like any publisher's file.

mod closed_process;
mod consultation;
mod generator;
mod meetings;
mod surveys;

pub use generator::{generate_catalog, generate_catalog_from};

use anyhow::Context;
use oxigraph::io::RdfFormat;

use crate::catalog::{ImportMode, Importer};
use crate::config::Config;
use crate::rdf::{Strictness, parse_graph};
use crate::state::CatalogServices;
use crate::store::settings::{self, SettingName};
use crate::store::{Stores, Timestamp};

/// The catalog's own description and its publisher (relative IRIs).
const CATALOG_TTL: &str = include_str!("catalog.ttl");
/// The demo datasets (relative IRIs).
const DATASETS_TTL: &str = include_str!("datasets.ttl");

/// The setting that records when the demo city was seeded.
const SEEDED_SETTING: SettingName = SettingName::new("demo_seeded_at");

/// What `seed_if_first_start` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The demo city was loaded.
    Seeded,
    /// PLAZA_DEMO=false.
    Disabled,
    /// The stores already hold data, or the demo was seeded before.
    NotFirstStart,
}

/// Seeds the demo city when demo mode is on, the RDF store is empty and no
/// demo was ever seeded (so deleting demo records does not bring them back).
pub async fn seed_if_first_start(
    config: &Config,
    stores: &Stores,
    catalog: &CatalogServices,
) -> anyhow::Result<SeedOutcome> {
    if !config.demo {
        return Ok(SeedOutcome::Disabled);
    }
    let seeded_before = settings::get(&mut *stores.sql.conn().await?, SEEDED_SETTING)
        .await?
        .is_some();
    if seeded_before || !stores.rdf.is_empty().await? {
        return Ok(SeedOutcome::NotFirstStart);
    }
    seed(stores, catalog).await?;
    Ok(SeedOutcome::Seeded)
}

/// Loads the demo city; returns the number of datasets created or updated.
pub async fn seed(stores: &Stores, catalog: &CatalogServices) -> anyhow::Result<usize> {
    let importer: &Importer = &catalog.importer;
    let iris = importer.iris().clone();
    let description = parse_graph(
        CATALOG_TTL.as_bytes(),
        RdfFormat::Turtle,
        &iris.base,
        Strictness::Strict,
    )
    .context("The demo catalog description does not parse")?;
    catalog
        .store
        .replace_graphs(vec![(iris.catalog.clone(), description)])
        .await
        .context("Failed to store the demo catalog description")?;
    let summary = importer
        .import(
            DATASETS_TTL.as_bytes().to_vec(),
            RdfFormat::Turtle,
            ImportMode::Lenient,
            &crate::auth::WriteScope::Any,
        )
        .await
        .context("Failed to import the demo datasets")?;
    seed_organisation(stores, &iris).await?;
    consultation::seed(stores, iris.base.as_str()).await?;
    // The closed consultation's results, as a dataset of the catalog.
    crate::consult::results_dataset::Publisher {
        sql: stores.sql.clone(),
        importer: importer.clone(),
        base_url: iris.base.trim_end_matches('/').to_owned(),
        licence: crate::consult::results_dataset::DEFAULT_LICENCE.to_owned(),
    }
    .publish_due()
    .await
    .context("Failed to publish the demo consultation's results")?;
    let mut db = stores
        .sql
        .conn()
        .await
        .context("Failed to record that the demo city was seeded")?;
    settings::set(&mut db, SEEDED_SETTING, Timestamp::now().as_str())
        .await
        .context("Failed to record that the demo city was seeded")?;
    let changed = summary.created + summary.updated;
    tracing::info!(
        datasets = changed,
        with_violations = summary.records_with_violations,
        "seeded the demo city"
    );
    Ok(changed)
}

/// The demo city's publisher as an organisation, so that an administrator
/// only has to add members (`plaza org add-member --org havenstad …`).
async fn seed_organisation(
    stores: &Stores,
    iris: &crate::catalog::CatalogIris,
) -> anyhow::Result<()> {
    use crate::auth::organisations::{OrganisationError, create_organisation};
    let agent = format!("{}organisations/havenstad", iris.base);
    let db = &mut *stores.sql.conn().await?;
    match create_organisation(db, "havenstad", "City of Havenstad", &agent).await {
        Ok(_) | Err(OrganisationError::Taken) => Ok(()),
        Err(err) => Err(anyhow::anyhow!(
            "Failed to create the demo organisation: {err}"
        )),
    }
}
