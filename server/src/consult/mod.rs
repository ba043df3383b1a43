//! Consultations: processes with phases, proposals citing catalog records,
//! supports, threaded comments. Each table has its module (`processes`,
//! `proposals`, `citations`, `supports`, `form_drafts`, `comments`,
//! `comment_votes`), whose functions take a connection or a transaction;
//! `participation` (proposals, supports, answers) and `discussion`
//! (comments, votes) hold the use cases that combine them in one
//! transaction; `pages` is what the app's pages read
//! (`app::consult::Consultations`), with `evidence` and `threads`;
//! `markdown` makes text safe to show.

pub mod citations;
pub mod comment_votes;
pub mod comments;
pub mod covers;
pub mod discussion;
pub mod erasure;
pub mod evidence;
pub mod form_drafts;
pub mod markdown;
pub mod moderation;
pub mod pages;
pub mod participation;
pub mod process_admin;
pub mod process_form_view;
pub mod processes;
pub mod proposals;
pub mod queue;
pub mod reports;
pub mod supports;
pub mod survey_admin;
pub mod survey_pages;
pub mod survey_responses;
pub mod surveying;
pub mod surveys;
pub mod threads;
pub mod views;

pub use pages::ConsultationPages;
pub use survey_pages::SurveyPages;
