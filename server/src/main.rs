//! The `plaza` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use plaza::cli::{Cli, Command};
use plaza::config::Config;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("plaza: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    plaza::telemetry::init(&config);
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => plaza::commands::serve(config).await,
        Command::Migrate => plaza::commands::migrate(config).await,
        Command::SeedDemo => plaza::commands::seed_demo(config).await,
        Command::Reindex => plaza::commands::reindex(config).await,
        Command::Export { output } => plaza::commands::export(config, output).await,
        Command::Import { file, mode } => plaza::commands::import(config, file, mode).await,
        Command::GenerateCatalog {
            datasets,
            first,
            output,
        } => plaza::commands::generate_catalog(config, first, datasets, output),
        Command::Token { command } => plaza::commands::token(config, command).await,
        Command::Org { command } => plaza::commands::org(config, command).await,
        Command::Account { command } => plaza::commands::account(config, command).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{err:#}");
            eprintln!("plaza: {err:#}");
            ExitCode::FAILURE
        }
    }
}
