//! The messages the account, administration and token forms answer with:
//! the server redirects with `error=CODE` or `done=CODE`, and the page
//! shows the sentence, announced, with a link to the field concerned.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::Notice;
use crate::i18n::{t, use_i18n};

/// The field a code is about, for the link in the message and
/// `aria-invalid` on the field.
pub fn field_of(code: &str) -> Option<&'static str> {
    Notice::from_code(code).and_then(Notice::field)
}

/// The `error=` code of this page's address, if any.
pub fn error_code() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("error")))
}

/// Whether `field` (an id suffix) is the one the page's error is about.
pub fn invalid(
    code: Memo<Option<String>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> {
    move || {
        code.with(|c| c.as_deref().and_then(field_of))
            .filter(|f| *f == field)
            .map(|_| "true")
    }
}

/// The page's `error=` or `done=` message, if any; `form` is the id prefix
/// of the form's fields (`sign-up` gives `#sign-up-email`).
#[component]
pub fn FormMessage(#[prop(into)] form: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let error = move || query.with(|q| q.get("error"));
    let done = move || query.with(|q| q.get("done"));
    view! {
        {move || {
            error()
                .map(|code| {
                    let link = field_of(&code).map(|field| format!("#{form}-{field}"));
                    view! {
                        <div class="notice notice-error" role="alert" id="form-message">
                            <p>{sentence(i18n, &code)}</p>
                            {link
                                .map(|href| {
                                    view! { <p><a href=href>{t!(i18n, messages.go_to_field)}</a></p> }
                                })}
                        </div>
                    }
                })
        }}
        {move || {
            done()
                .map(|code| {
                    view! {
                        <p class="notice notice-info" role="status" id="form-message">
                            {sentence(i18n, &code)}
                        </p>
                    }
                })
        }}
    }
}

fn sentence(i18n: leptos_i18n::I18nContext<crate::i18n::Locale>, code: &str) -> AnyView {
    use Notice::*;
    let Some(notice) = Notice::from_code(code) else {
        return t!(i18n, errors.store_unavailable).into_any();
    };
    match notice {
        Unavailable => t!(i18n, errors.store_unavailable).into_any(),
        Credentials => t!(i18n, messages.credentials).into_any(),
        SignIn => t!(i18n, messages.signin).into_any(),
        EmailInvalid => t!(i18n, messages.email_invalid).into_any(),
        EmailTaken => t!(i18n, messages.email_taken).into_any(),
        PseudonymInvalid => t!(i18n, messages.pseudonym_invalid).into_any(),
        PseudonymTaken => t!(i18n, messages.pseudonym_taken).into_any(),
        PasswordShort => t!(i18n, messages.password_short).into_any(),
        PasswordLong => t!(i18n, messages.password_long).into_any(),
        PasswordCommon => t!(i18n, messages.password_common).into_any(),
        Privacy => t!(i18n, messages.privacy).into_any(),
        Confirm => t!(i18n, messages.confirm).into_any(),
        CurrentPassword => t!(i18n, messages.current_password).into_any(),
        PasswordChanged => t!(i18n, messages.password_changed).into_any(),
        ResetUnknown => t!(i18n, messages.reset_unknown).into_any(),
        ResetExpired => t!(i18n, messages.reset_expired).into_any(),
        ResetUsed => t!(i18n, messages.reset_used).into_any(),
        LastAdmin => t!(i18n, messages.last_admin).into_any(),
        AccountUnknown => t!(i18n, messages.account_unknown).into_any(),
        OrganisationUnknown => t!(i18n, messages.organisation_unknown).into_any(),
        OrganisationIdInvalid => t!(i18n, messages.organisation_id_invalid).into_any(),
        OrganisationNameInvalid => t!(i18n, messages.organisation_name_invalid).into_any(),
        OrganisationIriInvalid => t!(i18n, messages.organisation_iri_invalid).into_any(),
        OrganisationTaken => t!(i18n, messages.organisation_taken).into_any(),
        RoleUnknown | ActionUnknown => t!(i18n, messages.bad_form).into_any(),
        TokenNameTaken => t!(i18n, messages.token_name_taken).into_any(),
        TokenNameInvalid => t!(i18n, messages.token_name_invalid).into_any(),
        TokenUnknown => t!(i18n, messages.token_unknown).into_any(),
        OidcFailed => t!(i18n, messages.oidc_failed).into_any(),
        OidcUnverified => t!(i18n, messages.oidc_unverified).into_any(),
        Welcome => t!(i18n, messages.welcome).into_any(),
        SignedOut => t!(i18n, messages.signed_out).into_any(),
        SignedOutEverywhere => t!(i18n, messages.signed_out_everywhere).into_any(),
        ResetSent => t!(i18n, messages.reset_sent).into_any(),
        PasswordReset => t!(i18n, messages.password_reset).into_any(),
        Profile => t!(i18n, messages.profile).into_any(),
        OrganisationCreated => t!(i18n, messages.organisation_created).into_any(),
        MemberAdded => t!(i18n, messages.member_added).into_any(),
        MemberRemoved => t!(i18n, messages.member_removed).into_any(),
        RoleSet => t!(i18n, messages.role_set).into_any(),
        Unchanged => t!(i18n, messages.unchanged).into_any(),
        TokenRevoked => t!(i18n, messages.token_revoked).into_any(),
        ImportEmpty => t!(i18n, publish.error_empty).into_any(),
        ImportFormat => t!(i18n, publish.error_format).into_any(),
        ImportUpload => t!(i18n, publish.error_upload).into_any(),
        RecordDeleted => t!(i18n, form.deleted).into_any(),
        PhaseClosed => t!(i18n, messages.phase_closed).into_any(),
        SupportLimit => t!(i18n, messages.support_limit).into_any(),
        AlreadySupported => t!(i18n, messages.already_supported).into_any(),
        NotSupported => t!(i18n, messages.not_supported).into_any(),
        ProposalLocked => t!(i18n, messages.proposal_locked).into_any(),
        ProposalClosed => t!(i18n, messages.proposal_closed).into_any(),
        NotTheAuthor => t!(i18n, messages.not_the_author).into_any(),
        ProposalInvalid => t!(i18n, messages.proposal_invalid).into_any(),
        AnswerInvalid => t!(i18n, messages.answer_invalid).into_any(),
        ProposalPublished => t!(i18n, messages.proposal_published).into_any(),
        ProposalSaved => t!(i18n, messages.proposal_saved).into_any(),
        ProposalWithdrawn => t!(i18n, messages.proposal_withdrawn).into_any(),
        Supported => t!(i18n, messages.supported).into_any(),
        SupportWithdrawn => t!(i18n, messages.support_withdrawn).into_any(),
        AnswerSaved => t!(i18n, messages.answer_saved).into_any(),
        CommentInvalid => t!(i18n, messages.comment_invalid).into_any(),
        CommentTooDeep => t!(i18n, messages.comment_too_deep).into_any(),
        CommentPosted => t!(i18n, messages.comment_posted).into_any(),
        CommentSaved => t!(i18n, messages.comment_saved).into_any(),
        CommentDeleted => t!(i18n, messages.comment_deleted).into_any(),
        Voted => t!(i18n, messages.voted).into_any(),
        ReportDetails => t!(i18n, messages.report_details).into_any(),
        Reported => t!(i18n, messages.reported).into_any(),
        AlreadyReported => t!(i18n, messages.already_reported).into_any(),
        Moderated => t!(i18n, messages.moderated).into_any(),
        Followed => t!(i18n, messages.followed).into_any(),
        Unfollowed => t!(i18n, messages.unfollowed).into_any(),
        MarkedRead => t!(i18n, messages.marked_read).into_any(),
        DigestOn => t!(i18n, messages.digest_on).into_any(),
        DigestOff => t!(i18n, messages.digest_off).into_any(),
        Unsubscribed => t!(i18n, messages.unsubscribed).into_any(),
        UnsubscribeInvalid => t!(i18n, messages.unsubscribe_invalid).into_any(),
        ProcessInvalid => t!(i18n, messages.process_invalid).into_any(),
        ProcessSaved => t!(i18n, messages.process_saved).into_any(),
        SurveyClosed => t!(i18n, messages.survey_closed).into_any(),
        SurveyInvalid => t!(i18n, messages.survey_invalid).into_any(),
        SurveyDefinitionInvalid => t!(i18n, messages.survey_definition_invalid).into_any(),
        SurveyAnswered => t!(i18n, messages.survey_answered).into_any(),
        SurveySaved => t!(i18n, messages.survey_saved).into_any(),
        TextPublished => t!(i18n, messages.text_published).into_any(),
        RegistrationClosed => t!(i18n, messages.registration_closed).into_any(),
        MeetingInvalid => t!(i18n, messages.meeting_invalid).into_any(),
        MinutesInvalid => t!(i18n, messages.minutes_invalid).into_any(),
        MeetingRegistered => t!(i18n, messages.meeting_registered).into_any(),
        MeetingWaitlisted => t!(i18n, messages.meeting_waitlisted).into_any(),
        RegistrationCancelled => t!(i18n, messages.registration_cancelled).into_any(),
        MeetingSaved => t!(i18n, messages.meeting_saved).into_any(),
        MinutesSaved => t!(i18n, messages.minutes_saved).into_any(),
        ResultsSaved => t!(i18n, messages.results_saved).into_any(),
    }
}
