//! The catalog journey: searching and browsing the city's datasets.

mod catalog_page;
mod dataset_card;
mod facet_list;
mod list_publishers;
mod load_record;
mod pager;
pub mod publish;
mod publisher_page;
mod publishers_page;
mod quality;
mod quality_chart;
pub(crate) mod quality_view;
mod record_kind;
mod record_page;
mod record_parts;
mod record_types;
mod search_catalog;
mod search_form;
mod search_params;
#[cfg(feature = "ssr")]
mod service;
mod types;

pub use catalog_page::CatalogPage;
pub use dataset_card::DatasetCard;
pub(crate) use facet_list::kind_label;
pub use list_publishers::{ListPublishers, list_publishers};
pub use load_record::{LoadRecord, load_record};
pub use publisher_page::PublisherPage;
pub use publishers_page::PublishersPage;
pub use quality::{DIMENSIONS, Quality, QualityCheck, QualityDimension, rating};
pub use quality_view::QualityPanel;
pub use record_kind::RecordKind;
pub use record_page::RecordPage;
pub use record_types::{
    Alternate, Change, Distribution, Problem, Property, RecordView, Value, Version,
};
pub use search_catalog::{SearchCatalog, search_catalog};
pub use search_params::{FACETS, MAX_PAGE, PAGE_SIZE, SearchParams, SortKey};
#[cfg(feature = "ssr")]
pub use service::CatalogReader;
pub use types::{
    DatasetList, DatasetSummary, FacetGroup, FacetValue, PublisherSummary, SearchPage,
};
