//! Who is who and who may do what: who is calling (`caller.rs`, axum
//! extractors for sessions and API tokens), what they may do (one
//! `Permission` enum and one function that decides, `permission.rs`), and
//! the tables of people: accounts and passwords, reset links, sessions,
//! organisations and memberships, API tokens, provider links and the audit
//! log, each with its personal-data hook (`personal_data.rs`).

pub mod accounts;
pub mod audit;
mod caller;
pub mod cookies;
mod ids;
pub mod oidc;
pub mod organisations;
mod pages;
pub mod passwords;
mod permission;
pub mod personal_data;
pub mod resets;
pub mod reveals;
mod sessions;
mod tokens;
mod write_scope;

pub use accounts::{Account, Role};
pub use caller::{
    AuthState, BearerCaller, BearerRejection, Caller, CallerUnavailable, Person, TokenHolder,
    caller_of_session, caller_of_token,
};
pub use ids::{AccountId, OrganisationId};
pub use organisations::Organisation;
pub use pages::AccountPages;
pub use permission::{Denied, Permission, Refusal, decide};
pub use sessions::{
    SESSION_SECONDS, end_account_sessions, end_session, session_account, start_session,
};
pub use tokens::{
    ApiToken, TokenError, TokenScope, create_token, organisation_tokens, revoke_token,
    revoke_token_named, token_by_hash, verify_token,
};
pub use write_scope::{OutOfScope, WriteScope, publishers};

use sha2::{Digest, Sha256};

/// The SHA-256 of `text` as hex: how secrets (session ids, tokens, reset
/// links) are stored.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A random 256-bit secret as hex.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    hex::encode(bytes)
}

/// A random 128-bit id as hex.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system gives randomness");
    hex::encode(bytes)
}

/// Seconds since 1970.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
