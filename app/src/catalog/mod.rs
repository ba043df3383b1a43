//! The catalog journey: searching and browsing the city's datasets.

mod catalog_page;
mod dataset_card;
mod facet_list;
mod pager;
mod search_catalog;
mod search_form;
mod search_params;
mod types;

pub use catalog_page::CatalogPage;
pub use dataset_card::DatasetCard;
pub use search_catalog::search_catalog;
pub use search_params::{FACETS, MAX_PAGE, PAGE_SIZE, SearchParams, SortKey};
pub use types::{DatasetList, DatasetSummary, FacetGroup, FacetValue, SearchPage};
