//! The models journey.

mod models_page;

pub use models_page::ModelsPage;
