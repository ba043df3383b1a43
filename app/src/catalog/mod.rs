//! The catalog journey: browsing the city's datasets.

mod catalog_page;
mod dataset_card;
mod list_datasets;
mod types;

pub use catalog_page::CatalogPage;
pub use dataset_card::DatasetCard;
pub use list_datasets::{MAX_PAGE, list_datasets};
pub use types::{DatasetList, DatasetSummary};
