//! The `plaza` subcommands.

mod people;

pub use people::{account, org, token};

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use crate::catalog::{ImportError, ImportMode};
use crate::cli::ImportModeArg;
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
    create_data_dir(&config)?;
    let sql = SqlStore::connect(&config.database_url).await?;
    sql.migrate().await?;
    sql.close().await;
    eprintln!("The SQL database is up to date.");
    Ok(())
}

/// `plaza seed-demo`: load the demo city into the stores.
pub async fn seed_demo(config: Config) -> anyhow::Result<()> {
    let stores = Stores::open(&config).await?;
    let catalog = crate::startup::catalog_services(&config, &stores).await?;
    let datasets = crate::demo::seed(&stores, &catalog).await?;
    stores.close().await;
    eprintln!("Loaded the demo city: {datasets} datasets created or updated.");
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

/// `plaza import FILE`: validate and store the records of a file.
pub async fn import(config: Config, file: PathBuf, mode: ImportModeArg) -> anyhow::Result<()> {
    let format = file
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| if e.eq_ignore_ascii_case("xml") { "rdf" } else { e })
        .and_then(crate::rdf::rdf_format_for_suffix)
        .with_context(|| {
            format!(
                "Cannot tell the RDF syntax of {} from its name: use .ttl, .rdf (or .xml), .jsonld, .nt or .nq",
                file.display()
            )
        })?;
    let body = read_with_progress(&file)?;
    let stores = Stores::open(&config).await?;
    let catalog = crate::startup::catalog_services(&config, &stores).await?;
    let mode = match mode {
        ImportModeArg::Strict => ImportMode::Strict,
        ImportModeArg::Lenient => ImportMode::Lenient,
    };
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let outcome = catalog
        .importer
        .import_with_progress(body, format, mode, &crate::auth::WriteScope::Any, |stage| {
            spinner.set_message(stage.to_owned())
        })
        .await;
    spinner.finish_and_clear();
    stores.close().await;
    match outcome {
        Ok(summary) => {
            eprintln!(
                "Imported {}: {} created, {} updated, {} unchanged.",
                file.display(),
                summary.created,
                summary.updated,
                summary.unchanged
            );
            if summary.records_with_violations > 0 {
                eprintln!(
                    "{} record(s) were stored with SHACL violations (lenient mode); see each record's report.",
                    summary.records_with_violations
                );
            }
            if !summary.refused.is_empty() {
                eprintln!("{} record(s) could not be stored:", summary.refused.len());
                for refused in &summary.refused {
                    eprintln!("  {}: {}", refused.node, refused.reason);
                }
            }
            Ok(())
        }
        Err(ImportError::Refused(summary)) => {
            for record in summary
                .records
                .iter()
                .filter(|r| !r.results.is_empty())
                .take(20)
            {
                eprintln!("{} ({} problems)", record.iri, record.results.len());
                for result in record.results.iter().take(5) {
                    eprintln!("  - {}", result.message);
                }
            }
            for refused in &summary.refused {
                eprintln!("{}: {}", refused.node, refused.reason);
            }
            anyhow::bail!(
                "Nothing was stored: {} record(s) have SHACL violations and {} cannot be stored. \
                 Fix the file, or import with --mode lenient to store the records with their violations.",
                summary.records_with_violations,
                summary.refused.len()
            )
        }
        Err(err) => {
            Err(anyhow::Error::new(err).context(format!("Could not import {}", file.display())))
        }
    }
}

/// `plaza reindex`: rebuild the search index from the catalog store.
pub async fn reindex(config: Config) -> anyhow::Result<()> {
    use crate::catalog::{CatalogIris, CatalogStore, OxigraphCatalogStore};
    use crate::search::{SearchIndex, Source};
    let stores = Stores::open(&config).await?;
    let iris = CatalogIris::new(&config.public_url.base_iri());
    let store = OxigraphCatalogStore::new(stores.rdf.clone(), iris.catalog.clone());
    let search_dir = config.search_dir();
    let search = tokio::task::spawn_blocking(move || SearchIndex::open(&search_dir))
        .await
        .context("The search index task failed")?
        .context("Could not open the search index")?;
    let bar = indicatif::ProgressBar::new(0);
    let source = Source {
        store: &store as &dyn CatalogStore,
        sql: &stores.sql,
        iris: &iris,
    };
    let started = std::time::Instant::now();
    let indexed = crate::search::reindex(&search, source, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await;
    bar.finish_and_clear();
    drop(search);
    stores.close().await;
    let indexed = indexed.context("Could not rebuild the search index")?;
    eprintln!(
        "Rebuilt the search index: {indexed} records in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads a file, with a progress bar when it is large.
fn read_with_progress(file: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let mut reader =
        std::fs::File::open(file).with_context(|| format!("Could not open {}", file.display()))?;
    let length = reader.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = if length > 8 * 1024 * 1024 {
        indicatif::ProgressBar::new(length)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut body = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let read = reader
            .read(&mut chunk)
            .with_context(|| format!("Could not read {}", file.display()))?;
        if read == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..read]);
        bar.inc(read as u64);
    }
    bar.finish_and_clear();
    Ok(body)
}

pub(crate) fn create_data_dir(config: &Config) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "Could not create the data directory {}",
            config.data_dir.display()
        )
    })
}

/// `plaza generate-catalog`: a realistic catalog of N datasets as Turtle.
pub fn generate_catalog(
    config: Config,
    first: usize,
    datasets: usize,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    let text = crate::demo::generate_catalog_from(first, datasets, &config.public_url.base_iri());
    match output {
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .context("Could not write to standard output"),
        Some(path) => std::fs::write(&path, text)
            .with_context(|| format!("Could not write {}", path.display())),
    }
}
