//! Errors of the JSON API, mapped to HTTP in this one place. Every body
//! says what is wrong and what to do: `{"error": code, "message": …}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::catalog::ImportError;

/// Every error's body: a stable code, a sentence, and members that depend
/// on the code (`line` and `column` for `invalid_rdf`, `summary` for
/// `does_not_conform`, `records` for `not_your_records`, `retry_after` for
/// `rate_limited`, `parameter` for `bad_parameter`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// A stable machine code, e.g. `invalid_rdf`.
    pub error: &'static str,
    /// What is wrong and what to do.
    pub message: String,
    /// The code's own members (JSON Schema objects allow further members).
    #[serde(flatten)]
    #[schema(ignore)]
    pub extra: Map<String, Value>,
}

/// An API failure.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    extra: Value,
}

impl ApiError {
    /// A failure with a status, a machine code and a sentence.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            extra: Value::Null,
        }
    }

    /// Adds members to the JSON body.
    pub fn with(mut self, extra: Value) -> Self {
        self.extra = extra;
        self
    }

    /// 400 for a bad query parameter.
    pub fn bad_parameter(name: &str, problem: &str) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_parameter",
            format!("The parameter {name} {problem}"),
        )
        .with(json!({ "parameter": name }))
    }

    /// 406 with the media types that are available.
    pub fn not_acceptable(offered: &[&str]) -> Self {
        ApiError::new(
            StatusCode::NOT_ACCEPTABLE,
            "not_acceptable",
            format!(
                "None of the media types in the Accept header is available here. Ask for one of: {}.",
                offered.join(", ")
            ),
        )
        .with(json!({ "available": offered }))
    }

    /// 403: the caller is known but may not do this.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::FORBIDDEN, code, message)
    }

    /// 500 for a failure of Plaza itself (logged; the client gets no details).
    pub fn internal(err: impl std::fmt::Display) -> Self {
        tracing::error!(error = %err, "API request failed");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "Plaza could not complete the request; nothing was changed. The error is in the server log.",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.code,
            message: self.message,
            extra: match self.extra {
                Value::Object(extra) => extra,
                _ => Map::new(),
            },
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"plaza\""),
            );
        }
        response
    }
}

impl From<ImportError> for ApiError {
    fn from(err: ImportError) -> Self {
        match err {
            ImportError::Parse {
                error,
                lenient_would_parse,
            } => {
                let mut message =
                    format!("The body is not valid RDF: {}.", error.located_message());
                if lenient_would_parse {
                    message.push_str(
                        " Lenient mode (mode=lenient on /api/import) reads it by accepting IRIs \
                         and literals that break the RDF rules as they are written.",
                    );
                }
                ApiError::new(StatusCode::BAD_REQUEST, "invalid_rdf", message).with(json!({
                    "line": error.line,
                    "column": error.column,
                    "lenient_would_parse": lenient_would_parse,
                }))
            }
            ImportError::NoRecords => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "no_records",
                err.to_string(),
            ),
            ImportError::Refused(ref summary) => {
                let summary = serde_json::to_value(summary).unwrap_or(Value::Null);
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "does_not_conform",
                    err.to_string(),
                )
                .with(json!({ "summary": summary }))
            }
            ImportError::OutOfScope(ref records) => {
                let records = serde_json::to_value(records).unwrap_or(Value::Null);
                ApiError::new(StatusCode::FORBIDDEN, "not_your_records", err.to_string())
                    .with(json!({ "records": records }))
            }
            other => ApiError::internal(other),
        }
    }
}
