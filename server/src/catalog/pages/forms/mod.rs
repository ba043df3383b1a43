//! The publishers' record form on the server: a form becomes a record graph
//! (keeping what the form does not show), a stored record becomes a form,
//! and SHACL results and input checks become errors next to form fields;
//! `mapping.rs` is the one table of fields and properties those directions
//! read, `save.rs` the form's save, which stores the record or keeps a
//! draft.

mod checks;
mod drafts;
mod field_errors;
mod from_graph;
mod keep;
mod mapping;
mod prepare;
mod save;
mod to_graph;

pub use checks::input_errors;
pub use drafts::{DRAFTS_PERSONAL_DATA, load_draft, save_draft};
pub use field_errors::field_errors;
pub use from_graph::form_of;
pub use prepare::{Prepared, prepare};
pub use save::{FormAction, SaveError, SaveOutcome, SaveRecord};
pub use to_graph::{distribution_iri, record_graph};
