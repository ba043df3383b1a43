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
    /// Manage publishing organisations and their members.
    Org {
        /// What to do with organisations.
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Manage accounts (the first administrator, for instance).
    Account {
        /// What to do with accounts.
        #[command(subcommand)]
        command: AccountCommand,
    },
}

/// `plaza token …`.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token for one organisation and print it (the only time it
    /// is shown). It may write only that organisation's records.
    Create {
        /// The organisation's short name (see `plaza org list`).
        #[arg(long, required_unless_present = "all_organisations")]
        org: Option<String>,
        /// Instead of --org: a token that writes any organisation's records,
        /// for the operator migrating a whole catalog. Keep it short-lived.
        #[arg(long, conflicts_with = "org")]
        all_organisations: bool,
        /// A name that says who or what uses the token.
        #[arg(long)]
        name: String,
    },
    /// Revoke a token by name: it stops working at once.
    Revoke {
        /// The token's name.
        #[arg(long)]
        name: String,
    },
}

/// `plaza org …`.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organisation: the catalog publisher (foaf:Agent) `--publisher`.
    Create {
        /// Short name for URLs and `--org`: lower-case letters, digits, hyphens.
        #[arg(long)]
        id: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// The IRI of its foaf:Agent, as records name it in dct:publisher.
        #[arg(long)]
        publisher: String,
    },
    /// List the organisations.
    List,
    /// Make the account with `--email` a publisher for `--org`.
    AddMember {
        /// The organisation's short name.
        #[arg(long)]
        org: String,
        /// The member's email.
        #[arg(long)]
        email: String,
    },
}

/// `plaza account …`.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create an account; the password is read from the first line of
    /// standard input (12 characters or more, not a common password).
    Create {
        /// Email to sign in with.
        #[arg(long)]
        email: String,
        /// Public pseudonym.
        #[arg(long)]
        pseudonym: String,
        /// citizen, moderator or admin.
        #[arg(long, default_value = "citizen")]
        role: String,
    },
    /// Change an account's role (citizen, moderator or admin).
    SetRole {
        /// The account's email.
        #[arg(long)]
        email: String,
        /// citizen, moderator or admin.
        #[arg(long)]
        role: String,
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
