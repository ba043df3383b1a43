//! Surveys and quick polls of a process: what they ask, how a response is
//! read and checked, and the pages that ask and show the results.

mod answers;
mod builder;
mod definition;
mod load;
mod question_fields;
mod result_charts;
#[cfg(feature = "ssr")]
mod service;
mod survey_form_page;
mod survey_page;
mod surveys_section;
mod view_types;

pub use answers::*;
pub use builder::*;
pub use definition::*;
pub use load::*;
pub use question_fields::point_label;
pub use result_charts::QuestionChart;
#[cfg(feature = "ssr")]
pub use service::Surveys;
pub use survey_form_page::SurveyFormPage;
pub use survey_page::{SurveyPage, SurveyWhen};
pub use surveys_section::SurveysSection;
pub use view_types::*;
