//! The maps journey.

mod maps_page;

pub use maps_page::MapsPage;
