//! The catalog for publishers: sign in, import files and read the report.
//! (Accounts and organisations come with the accounts work; until then a
//! publisher signs in with an API token.)

mod delete_page;
mod form_data;
mod form_fields;
mod form_page;
mod import_page;
mod import_report;
mod publish_page;
mod record_form;
mod report_page;
mod session;
mod types;

pub use delete_page::DeletePage;
pub use form_data::{check_form, load_form};
pub use form_page::RecordFormPage;
pub use import_page::ImportPage;
pub use import_report::import_report;
pub use publish_page::PublishPage;
pub use record_form::{DistributionForm, FORM_LANGUAGES, FieldError, RecordForm, fields};
pub use report_page::ReportPage;
pub use session::publisher_session;
pub use types::{
    FormCheck, FormOptions, FormPageData, FormSource, ImportReportView, Options, PublisherInfo,
    ReportGroup, ReportIssue, ReportRecord,
};
