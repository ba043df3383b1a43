//! What came out of a process: its results page (the city's summary,
//! answered proposals, supports, survey charts, meetings held, engagement
//! figures, open data) and the engagement figures moderators see on the
//! process page.

mod engagement_view;
mod load;
mod results_page;
#[cfg(feature = "ssr")]
mod service;
mod view_types;

pub use engagement_view::EngagementFigures;
pub use load::*;
pub use results_page::ResultsPage;
#[cfg(feature = "ssr")]
pub use service::Results;
pub use view_types::*;
