//! Consultations: processes with phases, proposals citing catalog records,
//! supports, threaded comments, surveys, meetings. Each table has its module (`processes`,
//! `proposals`, `citations`, `supports`, `form_drafts`, `comments`,
//! `comment_votes`), whose functions take a connection or a transaction;
//! `participation` (proposals, supports, answers) and `discussion`
//! (comments, votes) hold the use cases that combine them in one
//! transaction; `pages` is what the app's pages read
//! (`app::consult::Consultations`), with `evidence` and `threads`;
//! `markdown` makes text safe to show.

pub mod attending;
pub mod calendar;
pub mod citations;
pub mod comment_votes;
pub mod comments;
pub mod covers;
pub mod discussion;
pub mod engagement;
pub mod erasure;
pub mod evidence;
pub mod exports;
pub mod form_drafts;
pub mod markdown;
pub mod meeting_admin;
pub mod meeting_outcomes;
pub mod meeting_pages;
pub mod meeting_registrations;
pub mod meeting_time;
pub mod meetings;
pub mod moderation;
pub mod pages;
pub mod participation;
pub mod process_admin;
pub mod process_form_view;
pub mod processes;
pub mod proposals;
pub mod queue;
pub mod reports;
pub mod results;
pub mod results_dataset;
pub mod results_pages;
pub mod supports;
pub mod survey_admin;
pub mod survey_pages;
pub mod survey_responses;
pub mod survey_tallies;
pub mod surveying;
pub mod surveys;
pub mod threads;
pub mod views;

pub use meeting_pages::MeetingPages;
pub use pages::ConsultationPages;
pub use survey_pages::SurveyPages;
