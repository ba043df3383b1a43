//! The consult journey: processes with phases, proposals backed by catalog
//! records, supports. The server keeps the rules (`server/src/consult/`);
//! this folder has the pages and what both sides share.

mod answer_form;
mod citation_finder;
mod citation_search;
mod comment_section;
mod comment_types;
mod consultations_page;
mod export_types;
mod follow_form;
mod load;
pub mod meeting;
mod moderation_page;
mod moderation_types;
mod open_now;
pub mod parts;
mod phase;
mod process_card;
mod process_fields;
mod process_form;
mod process_form_page;
mod process_page;
mod process_phase_fields;
mod process_problems;
mod proposal_card;
mod proposal_fields;
mod proposal_form;
mod proposal_form_page;
mod proposal_list;
mod proposal_page;
mod query;
mod record_citations;
mod report_form;
pub mod results;
#[cfg(feature = "ssr")]
mod service;
mod support_panel;
pub mod survey;
mod types;

pub use citation_search::{CitationSuggestion, SearchCitations, search_citations};
pub use comment_section::CommentSection;
pub use comment_types::*;
pub use consultations_page::ConsultationsPage;
pub use export_types::*;
pub use load::*;
pub use moderation_page::{ModerationPage, reason_label};
pub use moderation_types::*;
pub use phase::*;
pub use process_form::*;
pub use process_form_page::ProcessFormPage;
pub use process_page::ProcessPage;
pub use proposal_form::*;
pub use proposal_form_page::ProposalFormPage;
pub use proposal_page::ProposalPage;
pub use query::*;
pub use record_citations::RecordCitations;
#[cfg(feature = "ssr")]
pub use service::Consultations;
pub use types::*;
