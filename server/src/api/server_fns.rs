//! Leptos' server functions (`/api/fn/…`) in the OpenAPI document. Each is
//! listed once below with its arguments; the compiler checks the list
//! against the function's own argument struct (every argument, with its
//! type), and the path, method, encodings and the answer's type come from
//! the function itself (`ServerFn`). Written by hand are only the summary
//! and which of the app's errors a function may answer besides those every
//! call may get: 400 for arguments the server cannot read, 503 for a store
//! that does not answer. A test checks that every registered server
//! function is in the document.

use app::account::{
    CheckResetLink, CheckUnsubscribeLink, LoadAdmin, LoadAudit, LoadNotifications,
    LoadSignInOptions, LoadTokens, LoadUnread, LoadViewer,
};
use app::catalog::publish::{
    CheckForm, FormSource, ImportReport, LoadForm, PublisherSession, RecordForm,
};
use app::catalog::{ListPublishers, LoadRecord, SearchCatalog, SearchParams};
use app::consult::meeting::{LoadMeeting, LoadMeetingForm};
use app::consult::results::LoadResults;
use app::consult::survey::{LoadSurvey, LoadSurveyForm};
use app::consult::{
    CommentSort, LoadCitedBy, LoadModeration, LoadProcess, LoadProcessForm, LoadProcesses,
    LoadProposal, LoadProposalForm, ProcessQuery, ProposalQuery, SearchCitations,
};
use app::error::{AppError, ErrorBody, ErrorCode};
use leptos::server_fn::codec::Encoding;
use leptos::server_fn::error::FromServerFnError;
use leptos::server_fn::{ContentType, Http, Protocol, ServerFn};
use utoipa::openapi::path::{HttpMethod, OperationBuilder};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::{ResponseBuilder, ResponsesBuilder};
use utoipa::openapi::schema::{Ref, Schema};
use utoipa::openapi::{Components, Content, OpenApi, Paths, RefOr, Required};
use utoipa::{PartialSchema, ToSchema};

/// Lists the server functions: a summary (the doc comment), the argument
/// struct with its fields, and the errors it may answer. In a form (the
/// default encoding) an argument that may be `None` is left out, never
/// `null`: `#[schema(nullable = false)]` says so.
macro_rules! server_functions {
    ($(
        $(#[doc = $doc:literal])+
        $call:ident { $($(#[$attr:meta])* $arg:ident: $ty:ty),* $(,)? } may answer [$($error:ident),*];
    )*) => {
        /// The operations of every server function, with their schemas.
        pub fn document() -> OpenApi {
            let mut operations = Operations::default();
            $({
                /// The function's arguments (others are not read).
                #[derive(serde::Deserialize, utoipa::ToSchema)]
                #[serde(deny_unknown_fields)]
                #[allow(dead_code)]
                struct Arguments { $($(#[$attr])* $arg: $ty),* }
                // Fails to compile unless these are the function's
                // arguments, every one with its type.
                let _same_arguments = |call: $call| {
                    let $call { $($arg),* } = call;
                    $(let _: $ty = $arg;)*
                };
                let summary = [$($doc),+].map(str::trim).join(" ");
                operations.add::<$call, Arguments>(&summary, &[$(ErrorCode::$error),*]);
            })*
            operations.finish()
        }
    };
}

server_functions! {
    /// The catalog page's search with facet counts, labels in a language.
    SearchCatalog {
        #[schema(examples("en", "fr"))]
        lang: String,
        params: SearchParams,
    } may answer [];
    /// Every publisher with its records' figures.
    ListPublishers {
        #[schema(examples("en", "fr"))]
        lang: String,
    } may answer [];
    /// A record page's content, at a version (the current one without).
    LoadRecord {
        #[schema(examples("en", "fr"))]
        lang: String,
        #[schema(examples("/datasets/bicycle-counts"))]
        path: String,
        #[schema(nullable = false)]
        version: Option<i64>,
    } may answer [NotFound];
    /// An import report of the publisher signed in.
    ImportReport { lang: String, id: String } may answer [SignInRequired, Forbidden, NotFound];
    /// The record form's content: new, an existing record, or a draft.
    LoadForm { lang: String, source: FormSource } may answer [SignInRequired, Forbidden, NotFound];
    /// Errors by field and quality of the record form as typed so far.
    CheckForm { form: RecordForm } may answer [SignInRequired, Forbidden];
    /// The publisher signed in on this browser, if any.
    PublisherSession {} may answer [];
    /// The person signed in on this browser, if any.
    LoadViewer {} may answer [];
    /// What the sign-in page offers besides a password.
    LoadSignInOptions {} may answer [];
    /// Whether a password reset link works.
    CheckResetLink { token: String } may answer [];
    /// The administration page (administrators only).
    LoadAdmin {} may answer [SignInRequired, Forbidden];
    /// The audit log (administrators only).
    LoadAudit {} may answer [SignInRequired, Forbidden];
    /// The API tokens of the viewer's organisations.
    LoadTokens {
        #[schema(nullable = false)]
        reveal: Option<String>,
    } may answer [SignInRequired, Forbidden];
    /// The list of consultations: open, then upcoming, then past.
    LoadProcesses { query: ProcessQuery } may answer [];
    /// A consultation with its phases, evidence and a page of its proposals.
    LoadProcess {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        proposals: ProposalQuery,
        #[schema(nullable = false)]
        comments: Option<CommentSort>,
    } may answer [NotFound];
    /// A proposal with its evidence and what the reader may do.
    LoadProposal {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(examples(1))]
        id: i64,
        #[schema(nullable = false)]
        comments: Option<CommentSort>,
    } may answer [NotFound];
    /// The new-proposal or edit form, with the reader's refused attempt.
    LoadProposalForm {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(nullable = false)]
        id: Option<i64>,
    } may answer [SignInRequired, Forbidden, NotFound];
    /// The moderators' queue: reported and hidden items with their reports.
    LoadModeration {} may answer [SignInRequired, Forbidden];
    /// The consultations and proposals citing a catalog record.
    LoadCitedBy {
        #[schema(examples("https://data.havenstad.example/datasets/bicycle-counts"))]
        iri: String,
    } may answer [];
    /// The consultation form, new or for editing (moderators only).
    LoadProcessForm {
        #[schema(nullable = false)]
        slug: Option<String>,
    } may answer [SignInRequired, Forbidden, NotFound];
    /// Catalog records to cite, for the proposal form's citation finder.
    SearchCitations {
        #[schema(examples("en", "fr"))]
        lang: String,
        #[schema(examples("bicycle"))]
        text: String,
    } may answer [];
    /// How many of the reader's notifications are unread (null: signed out).
    LoadUnread {} may answer [];
    /// A page of the reader's notifications.
    LoadNotifications {
        #[schema(examples(1))]
        page: u32,
    } may answer [SignInRequired, Forbidden];
    /// Whether a digest's unsubscribe link is signed.
    CheckUnsubscribeLink { account: String, signature: String } may answer [];
    /// A survey with the reader's answers, and its results when the reader
    /// may see them.
    LoadSurvey {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(examples(1))]
        number: i64,
    } may answer [NotFound];
    /// The survey builder, new or for editing (moderators only).
    LoadSurveyForm {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(nullable = false)]
        number: Option<i64>,
    } may answer [SignInRequired, Forbidden, NotFound];
    /// A meeting with the reader's registration, and once it is over its
    /// minutes and outcomes.
    LoadMeeting {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(examples(1))]
        number: i64,
    } may answer [NotFound];
    /// The meeting form, new or for editing, with the minutes form once the
    /// meeting has begun (moderators only).
    LoadMeetingForm {
        #[schema(examples("havenkade-cycle-route"))]
        slug: String,
        #[schema(nullable = false)]
        number: Option<i64>,
    } may answer [SignInRequired, Forbidden, NotFound];
    /// A process's results: summary, answers, supports, public survey
    /// results, meetings held, engagement, the results dataset.
    LoadResults {
        #[schema(examples("school-streets"))]
        slug: String,
    } may answer [NotFound];
}

/// The media types a server function reads and answers.
trait Encodings {
    const ARGUMENTS: &'static str;
    const ANSWER: &'static str;
}

impl<Input: Encoding, Output: Encoding> Encodings for Http<Input, Output> {
    const ARGUMENTS: &'static str = Input::CONTENT_TYPE;
    const ANSWER: &'static str = Output::CONTENT_TYPE;
}

/// The operations so far.
#[derive(Default)]
struct Operations {
    paths: Paths,
    schemas: Vec<(String, RefOr<Schema>)>,
}

impl Operations {
    /// Adds the server function `F`, whose arguments are `A`.
    fn add<F, A>(&mut self, summary: &str, errors: &[ErrorCode])
    where
        F: ServerFn<Error = AppError>,
        F::Protocol: Encodings,
        F::Output: ToSchema,
        A: ToSchema,
    {
        let answer = ResponseBuilder::new()
            .description("The function's answer")
            .content(
                <F::Protocol as Encodings>::ANSWER,
                Content::new(Some(F::Output::schema())),
            );
        let mut responses = ResponsesBuilder::new().response("200", answer);
        let common = [ErrorCode::BadArguments, ErrorCode::StoreUnavailable];
        let error_type = <<AppError as FromServerFnError>::Encoder as ContentType>::CONTENT_TYPE;
        for &code in common.iter().chain(errors) {
            let body = Content::new(Some(Ref::from_schema_name(ErrorBody::name())));
            responses = responses.response(
                code.status().as_str(),
                ResponseBuilder::new()
                    .description(meaning(code))
                    .content(error_type, body),
            );
        }
        let arguments = RequestBodyBuilder::new()
            .content(
                <F::Protocol as Encodings>::ARGUMENTS,
                Content::new(Some(A::schema())),
            )
            .required(Some(Required::True))
            .build();
        let operation = OperationBuilder::new()
            .summary(Some(summary))
            .operation_id(Some(F::PATH.trim_start_matches("/api/fn/")))
            .tag("server functions")
            .request_body(Some(arguments))
            .responses(responses.build());
        let method = match F::Protocol::METHOD.as_str() {
            "GET" => HttpMethod::Get,
            "PUT" => HttpMethod::Put,
            "PATCH" => HttpMethod::Patch,
            "DELETE" => HttpMethod::Delete,
            _ => HttpMethod::Post,
        };
        self.paths
            .add_path_operation(F::PATH, vec![method], operation);
        F::Output::schemas(&mut self.schemas);
        A::schemas(&mut self.schemas);
    }

    fn finish(mut self) -> OpenApi {
        self.schemas
            .push((ErrorBody::name().into(), ErrorBody::schema()));
        ErrorBody::schemas(&mut self.schemas);
        let mut components = Components::new();
        components.schemas.extend(self.schemas);
        let mut document = OpenApi::default();
        document.paths = self.paths;
        document.components = Some(components);
        document
    }
}

/// What an error code means, for the document.
fn meaning(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::NotFound => "There is no such thing, or not for this caller (`not_found`)",
        ErrorCode::SignInRequired => "No one is signed in (`sign_in_required`)",
        ErrorCode::Forbidden => "The person signed in may not ask this (`forbidden`)",
        ErrorCode::StoreUnavailable => "A store did not answer (`store_unavailable`)",
        ErrorCode::BadArguments => {
            "The arguments could not be read: a field is missing or of the wrong type, or the body is not in the function's encoding (`bad_arguments`)"
        }
        ErrorCode::InternalError => "Plaza failed (`internal_error`)",
    }
}
