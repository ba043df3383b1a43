//! Records as people read them: readable labels and values, distributions,
//! quality, problems, a history with what changed, and schema.org JSON-LD.

mod diff;
mod labels;
mod record_view;
mod schema_org;
mod values;

pub use labels::property_label;
pub use record_view::{DIFFED_VERSIONS, RecordSource, record_view};
pub use values::{name_of, properties_of, value_of, values_of};
