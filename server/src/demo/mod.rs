//! The demo city (Havenstad): seeded on first start with empty stores so a
//! fresh `make run` shows a living catalog.

use anyhow::Context;

use crate::config::Config;
use crate::store::Stores;

/// The demo records as TriG with IRIs relative to the public URL.
const CITY_TRIG: &str = include_str!("city.trig");

/// The setting that records when the demo city was seeded.
const SEEDED_SETTING: &str = "demo_seeded_at";

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
pub async fn seed_if_first_start(config: &Config, stores: &Stores) -> anyhow::Result<SeedOutcome> {
    if !config.demo {
        return Ok(SeedOutcome::Disabled);
    }
    let seeded_before = stores.sql.setting(SEEDED_SETTING).await?.is_some();
    if seeded_before || !stores.rdf.is_empty().await? {
        return Ok(SeedOutcome::NotFirstStart);
    }
    seed(config, stores).await?;
    Ok(SeedOutcome::Seeded)
}

/// Loads the demo city, replacing any earlier copy of its graphs.
pub async fn seed(config: &Config, stores: &Stores) -> anyhow::Result<usize> {
    let quads = stores
        .rdf
        .replace_graphs_from_trig(CITY_TRIG.to_owned(), config.public_url.base_iri())
        .await
        .context("Failed to load the demo city into the RDF store")?;
    stores
        .sql
        .set_setting(SEEDED_SETTING, &crate::store::now_rfc3339())
        .await
        .context("Failed to record that the demo city was seeded")?;
    tracing::info!(quads, "seeded the demo city");
    Ok(quads)
}
