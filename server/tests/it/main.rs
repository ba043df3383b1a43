//! Plaza's integration tests, one module per area, in one test binary:
//! RocksDB, tantivy and Leptos are linked once instead of once per file.
//! Every test runs the real application (see `support`).

mod accounts;
mod admin;
mod authorization;
mod caching_proxy;
mod cli;
mod compression;
mod consult;
mod crash;
mod csrf;
mod discussion;
mod http_caching;
mod meetings;
mod migrations;
mod notifications;
mod oidc;
mod openapi;
mod ops;
mod pages;
mod passwords;
mod personal_data;
mod process_form;
mod publish;
mod publishers;
mod record_form;
mod record_pages;
mod records_and_feed;
mod results;
mod round_trip;
mod search;
mod server_fns;
mod shacl_oracle;
mod shutdown;
mod sparql;
mod stores;
mod support;
mod survey_results;
mod surveys;
mod tokens;
mod validate_and_import;
