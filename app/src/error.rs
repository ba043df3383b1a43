//! Errors that server functions send to the browser: stable codes that the
//! page translates, never raw internal messages.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What can go wrong when a page asks the server for data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// There is no such thing, or not for this reader.
    #[error("not found")]
    NotFound,
    /// Only someone signed in may see this.
    #[error("sign-in required")]
    SignInRequired,
    /// The reader is signed in but may not see this.
    #[error("forbidden")]
    Forbidden,
    /// The catalog store did not answer; the details are in the server log.
    #[error("the catalog store is unavailable")]
    StoreUnavailable,
    /// The server function call itself failed (network, decoding, missing context).
    #[error("server function call failed: {0}")]
    Call(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Call(value)
    }
}
