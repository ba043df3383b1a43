//! Plaza's server: configuration, stores, the HTTP application around the
//! Leptos app, and the command-line commands of the `plaza` binary.

pub mod api;
pub mod auth;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod consult;
pub mod demo;
pub mod html;
pub mod http;
pub mod mail;
pub mod notify;
pub mod quality;
pub mod rate_limit;
pub mod rdf;
pub mod routes;
pub mod search;
pub mod shacl;
pub mod sparql;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod vocab;
