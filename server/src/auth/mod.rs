//! Who may write: bearer tokens for the write API (accounts and roles come
//! with the accounts issue).

mod tokens;

pub use tokens::{ApiToken, TokenError, create_token, verify_token};
