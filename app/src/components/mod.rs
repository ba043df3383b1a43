//! UI pieces shared by every journey.

mod error_notice;
mod island_locale;
mod lang_switch;
mod menu;
mod page_heading;
mod page_links;
mod site_footer;
mod site_header;

pub use error_notice::ErrorNotice;
pub use island_locale::provide_island_locale;
pub use lang_switch::LangSwitch;
pub use page_heading::PageHeading;
pub use page_links::PageLinks;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
