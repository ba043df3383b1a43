//! Errors that server functions send to the browser: stable codes that the
//! page translates, never raw internal messages. On the wire an error is
//! the API's error body, `{"error": code, "message": sentence}`, so scripts
//! read every failure of Plaza alike; over HTTP it comes with its own
//! status (400 for arguments the server cannot read, never 500).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What can go wrong when a page asks the server for data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(into = "ErrorBody", from = "ErrorBody")]
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

/// The stable code of an [`AppError`] on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = CallErrorCode))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// [`AppError::NotFound`].
    NotFound,
    /// [`AppError::SignInRequired`].
    SignInRequired,
    /// [`AppError::Forbidden`].
    Forbidden,
    /// [`AppError::StoreUnavailable`].
    StoreUnavailable,
    /// The arguments could not be read: a field is missing, unknown to its
    /// type or of the wrong type, or the body is not in the function's
    /// encoding.
    BadArguments,
    /// Any other failure of the call; the details are in the server log.
    InternalError,
}

#[cfg(feature = "ssr")]
impl ErrorCode {
    /// The HTTP status a server function answers with this code.
    pub fn status(self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            ErrorCode::NotFound => StatusCode::NOT_FOUND,
            ErrorCode::SignInRequired => StatusCode::UNAUTHORIZED,
            ErrorCode::Forbidden => StatusCode::FORBIDDEN,
            ErrorCode::StoreUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::BadArguments => StatusCode::BAD_REQUEST,
            ErrorCode::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An [`AppError`] as it is sent: the API's error body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = CallError))]
pub struct ErrorBody {
    /// What went wrong, as a stable code.
    pub error: ErrorCode,
    /// What is wrong and what to do.
    pub message: String,
}

impl AppError {
    /// The error's stable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::NotFound => ErrorCode::NotFound,
            AppError::SignInRequired => ErrorCode::SignInRequired,
            AppError::Forbidden => ErrorCode::Forbidden,
            AppError::StoreUnavailable => ErrorCode::StoreUnavailable,
            AppError::Call(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_),
            ) => ErrorCode::BadArguments,
            AppError::Call(_) => ErrorCode::InternalError,
        }
    }

    /// The HTTP status a server function answers with this error.
    #[cfg(feature = "ssr")]
    pub fn status(&self) -> http::StatusCode {
        self.code().status()
    }

    /// A sentence for scripts (pages translate the code instead).
    fn message(&self) -> String {
        match self {
            AppError::NotFound => "There is no such thing, or not for this caller.".to_owned(),
            AppError::SignInRequired => {
                "Sign in first: only someone signed in may ask this.".to_owned()
            }
            AppError::Forbidden => "The person signed in may not ask this.".to_owned(),
            AppError::StoreUnavailable => {
                "A store did not answer; the error is in the server log. Try again later."
                    .to_owned()
            }
            AppError::Call(call) => match call {
                ServerFnErrorErr::Args(detail)
                | ServerFnErrorErr::MissingArg(detail)
                | ServerFnErrorErr::Deserialization(detail) => format!(
                    "The arguments could not be read ({detail}). Send every argument the OpenAPI document lists, in its encoding."
                ),
                other => other.to_string(),
            },
        }
    }
}

impl From<AppError> for ErrorBody {
    fn from(error: AppError) -> Self {
        ErrorBody {
            error: error.code(),
            message: error.message(),
        }
    }
}

impl From<ErrorBody> for AppError {
    fn from(body: ErrorBody) -> Self {
        match body.error {
            ErrorCode::NotFound => AppError::NotFound,
            ErrorCode::SignInRequired => AppError::SignInRequired,
            ErrorCode::Forbidden => AppError::Forbidden,
            ErrorCode::StoreUnavailable => AppError::StoreUnavailable,
            ErrorCode::BadArguments => AppError::Call(ServerFnErrorErr::Args(body.message)),
            ErrorCode::InternalError => AppError::Call(ServerFnErrorErr::ServerError(body.message)),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Over HTTP, the answer also gets the error's status: the server
    /// function machinery would send 500 for arguments it cannot read.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = AppError::Call(value);
        #[cfg(feature = "ssr")]
        crate::services::answer_with_status(error.status());
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_sent_as_the_api_error_body_and_read_back() {
        for error in [
            AppError::NotFound,
            AppError::SignInRequired,
            AppError::Forbidden,
            AppError::StoreUnavailable,
        ] {
            let json = serde_json::to_value(&error).unwrap();
            assert!(json["message"].as_str().unwrap().ends_with('.'), "{json}");
            assert_eq!(serde_json::from_value::<AppError>(json).unwrap(), error);
        }
        let json = serde_json::to_value(AppError::NotFound).unwrap();
        assert_eq!(json["error"], "not_found");
    }

    #[test]
    fn arguments_that_cannot_be_read_are_bad_arguments_naming_the_problem() {
        let error = AppError::Call(ServerFnErrorErr::Deserialization(
            "missing field `params`".to_owned(),
        ));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["error"], "bad_arguments");
        assert!(
            json["message"].as_str().unwrap().contains("`params`"),
            "{json}"
        );
        let read: AppError = serde_json::from_value(json).unwrap();
        assert_eq!(read.code(), ErrorCode::BadArguments);
        let other = AppError::Call(ServerFnErrorErr::ServerError("no service".to_owned()));
        assert_eq!(other.code(), ErrorCode::InternalError);
    }
}
