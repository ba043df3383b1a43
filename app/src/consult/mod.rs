//! The consult journey.

mod consultations_page;

pub use consultations_page::ConsultationsPage;
