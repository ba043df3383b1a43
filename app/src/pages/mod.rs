//! Pages that belong to no single journey: home, legal pages, not found.

mod accessibility_page;
mod home_page;
mod not_found_page;
mod privacy_page;

pub use accessibility_page::AccessibilityPage;
pub use home_page::HomePage;
pub use not_found_page::NotFoundPage;
pub use privacy_page::PrivacyPage;
