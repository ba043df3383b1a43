//! Plaza's two stores: SQL for people and participation, RDF for metadata.

mod rdf;
pub mod settings;
mod sql;
mod timestamp;

pub use rdf::{RdfStore, RdfStoreError};
pub use sql::{SqlBackend, SqlStore, SqlStoreError};
pub use timestamp::Timestamp;

use crate::config::Config;

/// Both stores, opened and ready.
#[derive(Clone)]
pub struct Stores {
    /// Accounts, sessions, consultations, settings.
    pub sql: SqlStore,
    /// Catalog records, one named graph each.
    pub rdf: RdfStore,
}

impl Stores {
    /// Opens (creating if needed) both stores and migrates the SQL schema.
    pub async fn open(config: &Config) -> anyhow::Result<Self> {
        use anyhow::Context;
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "Could not create the data directory {}",
                config.data_dir.display()
            )
        })?;
        let sql = SqlStore::connect(&config.database_url).await?;
        sql.migrate().await?;
        let rdf = RdfStore::open(config.rdf_dir()).await?;
        Ok(Stores { sql, rdf })
    }

    /// Flushes and closes both stores.
    pub async fn close(self) {
        self.sql.close().await;
        self.rdf.close().await;
    }
}
