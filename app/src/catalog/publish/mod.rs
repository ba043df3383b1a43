//! The catalog for publishers (members of an organisation, and
//! administrators): the record form, imports and their reports, deletion,
//! and the organisation's API tokens.

mod delete_page;
mod form_data;
mod form_fields;
mod form_page;
mod import_page;
mod import_report;
mod import_types;
mod live_form;
mod publish_page;
mod record_form;
mod report_page;
#[cfg(feature = "ssr")]
mod service;
mod session;
mod tokens_page;
mod types;

pub use delete_page::DeletePage;
pub use form_data::{CheckForm, LoadForm, check_form, load_form};
pub use form_page::RecordFormPage;
pub use import_page::ImportPage;
pub use import_report::{ImportReport, import_report};
pub use import_types::{ImportFailure, ImportMode, Outcome, ReportOutcome, Severity};
pub use publish_page::PublishPage;
pub use record_form::{
    DistributionForm, FORM_LANGUAGES, FieldError, FieldProblem, RecordForm, fields,
};
pub use report_page::ReportPage;
#[cfg(feature = "ssr")]
pub use service::Publishing;
pub use session::{PublisherSession, publisher_session};
pub use tokens_page::TokensPage;
pub use types::{
    FormCheck, FormOptions, FormPageData, FormSource, ImportReportView, Options, PublisherInfo,
    ReportGroup, ReportIssue, ReportRecord,
};
