//! The `plaza` subcommands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::config::Config;
use crate::startup::{Application, shutdown_signal};
use crate::store::{RdfStore, SqlStore, Stores};

/// `plaza serve`: run the web server until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let stop = shutdown_signal();
    let app = Application::build(config).await?;
    app.run_until_stopped(stop).await
}

/// `plaza migrate`: bring the SQL schema up to date.
pub async fn migrate(config: Config) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "Could not create the data directory {}",
            config.data_dir.display()
        )
    })?;
    let sql = SqlStore::connect(&config.database_url).await?;
    sql.migrate().await?;
    sql.close().await;
    eprintln!("The SQL database is up to date.");
    Ok(())
}

/// `plaza seed-demo`: load the demo city into the stores.
pub async fn seed_demo(config: Config) -> anyhow::Result<()> {
    let stores = Stores::open(&config).await?;
    let quads = crate::demo::seed(&config, &stores).await?;
    stores.close().await;
    eprintln!("Loaded the demo city: {quads} statements.");
    Ok(())
}

/// `plaza export`: the whole RDF store as N-Quads, to stdout or a file.
pub async fn export(config: Config, output: Option<PathBuf>) -> anyhow::Result<()> {
    let rdf = RdfStore::open_read_only(config.rdf_dir()).await?;
    match output {
        None => {
            let stdout = std::io::BufWriter::new(std::io::stdout());
            let mut stdout = rdf.export_nquads(stdout).await?;
            stdout
                .flush()
                .context("Could not write to standard output")?;
        }
        Some(path) => {
            // Write beside the target, then rename: the file is whole or absent.
            let partial = path.with_extension("nq.partial");
            let file = std::fs::File::create(&partial)
                .with_context(|| format!("Could not create {}", partial.display()))?;
            let mut writer = rdf.export_nquads(std::io::BufWriter::new(file)).await?;
            writer
                .flush()
                .with_context(|| format!("Could not write {}", partial.display()))?;
            drop(writer);
            std::fs::rename(&partial, &path)
                .with_context(|| format!("Could not move the export to {}", path.display()))?;
            eprintln!("Exported the RDF store to {}.", path.display());
        }
    }
    Ok(())
}
