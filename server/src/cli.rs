//! The command line of the `plaza` binary.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Plaza: the public square of a city's digital twin — open data catalog,
/// consultations, map stories and model transparency in one server.
#[derive(Debug, Parser)]
#[command(name = "plaza", version, about, long_about = None)]
pub struct Cli {
    /// Configuration file (TOML). Defaults to ./plaza.toml when it exists.
    /// Environment variables PLAZA_* override the file.
    #[arg(long, global = true, env = "PLAZA_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands of `plaza`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default). Migrates the database and, on first
    /// start with empty stores and PLAZA_DEMO=true, seeds the demo city.
    Serve,
    /// Create or upgrade the SQL database schema, then exit.
    Migrate,
    /// Load the demo city into the stores (replacing earlier demo records), then exit.
    SeedDemo,
    /// Write the whole RDF store as N-Quads: the catalog backup. Works while
    /// the server runs.
    Export {
        /// File to write; standard output when omitted. The file is written
        /// completely or not at all.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import DCAT-AP records from an RDF file (all records or none), as
    /// POST /api/import does. The server must not be running on the same
    /// data directory; use the API then.
    Import {
        /// The file: .ttl, .rdf/.xml, .jsonld, .nt or .nq.
        file: PathBuf,
        /// strict refuses the whole file when a record has a SHACL
        /// violation; lenient stores every record with its violations.
        #[arg(long, value_enum, default_value = "strict")]
        mode: ImportModeArg,
    },
    /// Rebuild the search index from the catalog store (the store is the
    /// truth; the index is derived). The server must not be running on the
    /// same data directory.
    Reindex,
    /// Write a generated DCAT-AP catalog of N realistic datasets as Turtle,
    /// for load tests and benchmarks (IRIs under PLAZA_PUBLIC_URL).
    GenerateCatalog {
        /// How many datasets.
        #[arg(long, default_value_t = 1000)]
        datasets: usize,
        /// Number of the first dataset (to write a large catalog in parts).
        #[arg(long, default_value_t = 0)]
        first: usize,
        /// File to write; standard output when omitted.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Manage API tokens for the write API.
    Token {
        /// What to do with tokens.
        #[command(subcommand)]
        command: TokenCommand,
    },
}

/// `plaza token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it (the only time it is shown).
    Create {
        /// A name that says who or what uses the token.
        #[arg(long)]
        name: String,
    },
}

/// `--mode` of `plaza import`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ImportModeArg {
    /// Refuse the file if any record has a violation.
    Strict,
    /// Store every record with its violations.
    Lenient,
}
