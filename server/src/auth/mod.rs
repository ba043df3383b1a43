//! Who may write: bearer tokens for the write API, and sessions for the
//! site (until accounts exist, a publisher signs in with a token).

mod sessions;
mod tokens;

pub use sessions::{SESSION_SECONDS, Session, end_session, session, start_session};
pub use tokens::{ApiToken, TokenError, create_token, token_by_hash, verify_token};
