//! The catalog for publishers: sign in, import files and read the report.
//! (Accounts and organisations come with the accounts work; until then a
//! publisher signs in with an API token.)

mod import_page;
mod import_report;
mod publish_page;
mod report_page;
mod session;
mod types;

pub use import_page::ImportPage;
pub use import_report::import_report;
pub use publish_page::PublishPage;
pub use report_page::ReportPage;
pub use session::publisher_session;
pub use types::{ImportReportView, PublisherInfo, ReportGroup, ReportIssue, ReportRecord};
