//! The answers of the account, administration, token and publishing form
//! posts that go back to a page, shared
//! by the server (which redirects with `error=CODE` or `done=CODE`) and the
//! pages (which show the sentence): one enum, so a mistyped code does not
//! compile on either side.

macro_rules! notices {
    ($($(#[$doc:meta])* $variant:ident => $code:literal, $kind:ident;)*) => {
        /// An answer a form post redirects with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Notice {
            $($(#[$doc])* $variant,)*
        }

        impl Notice {
            /// Every notice.
            pub const ALL: &'static [Notice] = &[$(Notice::$variant,)*];

            /// The code in the address (`?error=last_admin`).
            pub fn code(self) -> &'static str {
                match self {
                    $(Notice::$variant => $code,)*
                }
            }

            /// Whether it reports a refusal (`error=`) rather than a change
            /// made (`done=`).
            pub fn is_error(self) -> bool {
                match self {
                    $(Notice::$variant => NoticeKind::$kind == NoticeKind::Error,)*
                }
            }
        }
    };
}

#[derive(PartialEq, Eq)]
enum NoticeKind {
    Error,
    Done,
}

notices! {
    /// The database or another part of Plaza failed; try again.
    Unavailable => "unavailable", Error;
    /// Wrong email or password (the same for both).
    Credentials => "credentials", Error;
    /// Sign in first.
    SignIn => "signin", Error;
    /// Not an email address.
    EmailInvalid => "email_invalid", Error;
    /// The email has an account already.
    EmailTaken => "email_taken", Error;
    /// The pseudonym breaks the rules.
    PseudonymInvalid => "pseudonym_invalid", Error;
    /// The pseudonym is someone else's.
    PseudonymTaken => "pseudonym_taken", Error;
    /// Fewer than 12 characters.
    PasswordShort => "password_short", Error;
    /// More than 200 characters.
    PasswordLong => "password_long", Error;
    /// A common password.
    PasswordCommon => "password_common", Error;
    /// The privacy notice was not accepted.
    Privacy => "privacy", Error;
    /// The deletion was not confirmed.
    Confirm => "confirm", Error;
    /// The current password is wrong.
    CurrentPassword => "current_password", Error;
    /// The reset link is unknown.
    ResetUnknown => "reset_unknown", Error;
    /// The reset link expired.
    ResetExpired => "reset_expired", Error;
    /// The reset link was used.
    ResetUsed => "reset_used", Error;
    /// The last administrator cannot step down or leave.
    LastAdmin => "last_admin", Error;
    /// No such account.
    AccountUnknown => "account_unknown", Error;
    /// No such organisation.
    OrganisationUnknown => "organisation_unknown", Error;
    /// The organisation's short name breaks the rules.
    OrganisationIdInvalid => "organisation_id_invalid", Error;
    /// The organisation's name is empty or too long.
    OrganisationNameInvalid => "organisation_name_invalid", Error;
    /// The publisher IRI is not an absolute IRI.
    OrganisationIriInvalid => "organisation_iri_invalid", Error;
    /// The short name or IRI is taken.
    OrganisationTaken => "organisation_taken", Error;
    /// The form named an unknown role.
    RoleUnknown => "role_unknown", Error;
    /// The form named an unknown action.
    ActionUnknown => "action_unknown", Error;
    /// The token name is taken.
    TokenNameTaken => "token_name_taken", Error;
    /// The token name is empty or too long.
    TokenNameInvalid => "token_name_invalid", Error;
    /// No such token.
    TokenUnknown => "token_unknown", Error;
    /// Sign-in through the provider failed.
    OidcFailed => "oidc_failed", Error;
    /// The provider vouched for no email.
    OidcUnverified => "oidc_unverified", Error;
    /// The import form was sent without a file.
    ImportEmpty => "empty", Error;
    /// The file's name ends in no RDF syntax's suffix.
    ImportFormat => "format", Error;
    /// The upload broke off.
    ImportUpload => "upload", Error;
    /// The process's phase for this is not open.
    PhaseClosed => "phase_closed", Error;
    /// The citizen has given every support the process allows.
    SupportLimit => "support_limit", Error;
    /// The citizen supports this proposal already.
    AlreadySupported => "already_supported", Error;
    /// The citizen does not support this proposal.
    NotSupported => "not_supported", Error;
    /// The proposal has supports or comments: its author may no longer edit it.
    ProposalLocked => "proposal_locked", Error;
    /// The proposal was withdrawn or answered: no more supports or edits.
    ProposalClosed => "proposal_closed", Error;
    /// Only its author may edit or withdraw a proposal.
    NotTheAuthor => "not_the_author", Error;
    /// The proposal form has problems (listed by field on the form).
    ProposalInvalid => "proposal_invalid", Error;
    /// The answer's state is not one an answer may set, or its text is too long.
    AnswerInvalid => "answer_invalid", Error;
    /// The comment is empty or longer than 5,000 characters.
    CommentInvalid => "comment_invalid", Error;
    /// Replies go three levels deep at most.
    CommentTooDeep => "comment_too_deep", Error;
    /// A report needs a known reason, and details (up to 1,000 characters) for "other".
    ReportDetails => "report_details", Error;
    /// The unsubscribe link is not signed by this Plaza.
    UnsubscribeInvalid => "unsubscribe_invalid", Error;
    /// The consultation form has problems (listed on the form).
    ProcessInvalid => "process_invalid", Error;
    /// The survey takes no answers now.
    SurveyClosed => "survey_closed", Error;
    /// The meeting has begun: registration is closed.
    RegistrationClosed => "registration_closed", Error;
    /// The meeting form has problems (shown by their fields).
    MeetingInvalid => "meeting_invalid", Error;
    /// The minutes form has problems (shown by their fields).
    MinutesInvalid => "minutes_invalid", Error;
    /// The survey's answers have problems (listed by question).
    SurveyInvalid => "survey_invalid", Error;
    /// The survey builder has problems (listed by question).
    SurveyDefinitionInvalid => "survey_definition_invalid", Error;
    /// A new account.
    Welcome => "welcome", Done;
    /// Signed out.
    SignedOut => "signed_out", Done;
    /// Signed out on every device.
    SignedOutEverywhere => "signed_out_everywhere", Done;
    /// A reset link was sent, if the email is known.
    ResetSent => "reset_sent", Done;
    /// The password was reset.
    PasswordReset => "password_reset", Done;
    /// The password was changed.
    PasswordChanged => "password_changed", Done;
    /// The profile was saved.
    Profile => "profile", Done;
    /// An organisation was made.
    OrganisationCreated => "organisation_created", Done;
    /// A member was added.
    MemberAdded => "member_added", Done;
    /// A member was removed.
    MemberRemoved => "member_removed", Done;
    /// A role was set.
    RoleSet => "role_set", Done;
    /// Nothing needed to change.
    Unchanged => "unchanged", Done;
    /// A token was revoked.
    TokenRevoked => "token_revoked", Done;
    /// A record was deleted.
    RecordDeleted => "deleted", Done;
    /// A proposal was published.
    ProposalPublished => "proposal_published", Done;
    /// A proposal was saved after an edit.
    ProposalSaved => "proposal_saved", Done;
    /// A proposal was withdrawn by its author.
    ProposalWithdrawn => "proposal_withdrawn", Done;
    /// A support was given.
    Supported => "supported", Done;
    /// A survey response was counted (or replaced).
    SurveyAnswered => "survey_answered", Done;
    /// A survey was saved by its builder.
    SurveySaved => "survey_saved", Done;
    /// A free-text answer was published with the results, or withdrawn.
    TextPublished => "text_published", Done;
    /// A seat at a meeting was taken.
    MeetingRegistered => "meeting_registered", Done;
    /// The meeting is full: a place on its waiting list was taken.
    MeetingWaitlisted => "meeting_waitlisted", Done;
    /// A registration (or a place on the waiting list) was given up.
    RegistrationCancelled => "registration_cancelled", Done;
    /// A meeting was saved.
    MeetingSaved => "meeting_saved", Done;
    /// A meeting's minutes were published.
    MinutesSaved => "minutes_saved", Done;
    /// The city's summary of a process's results was published.
    ResultsSaved => "results_saved", Done;
    /// A support was withdrawn.
    SupportWithdrawn => "support_withdrawn", Done;
    /// An official answer was saved.
    AnswerSaved => "answer_saved", Done;
    /// A comment was published.
    CommentPosted => "comment_posted", Done;
    /// A comment was edited.
    CommentSaved => "comment_saved", Done;
    /// A comment was deleted.
    CommentDeleted => "comment_deleted", Done;
    /// A vote was counted or changed.
    Voted => "voted", Done;
    /// A report was filed.
    Reported => "reported", Done;
    /// The person had reported the item already.
    AlreadyReported => "already_reported", Done;
    /// A moderator's decision was applied.
    Moderated => "moderated", Done;
    /// The reader follows the process or proposal now.
    Followed => "followed", Done;
    /// The reader no longer follows it.
    Unfollowed => "unfollowed", Done;
    /// Notifications were marked read.
    MarkedRead => "marked_read", Done;
    /// The daily digest is on.
    DigestOn => "digest_on", Done;
    /// The daily digest is off.
    DigestOff => "digest_off", Done;
    /// The unsubscribe link stopped the digest.
    Unsubscribed => "unsubscribed", Done;
    /// A consultation was created or saved.
    ProcessSaved => "process_saved", Done;
}

impl Notice {
    /// The notice whose code is `code`.
    pub fn from_code(code: &str) -> Option<Notice> {
        Notice::ALL.iter().copied().find(|n| n.code() == code)
    }

    /// The form field it is about (an id suffix), for the link in the
    /// message and `aria-invalid` on the field.
    pub fn field(self) -> Option<&'static str> {
        use Notice::*;
        Some(match self {
            EmailInvalid | EmailTaken | Credentials | AccountUnknown => "email",
            PseudonymInvalid | PseudonymTaken => "pseudonym",
            PasswordShort | PasswordLong | PasswordCommon => "password",
            Privacy => "privacy",
            CurrentPassword => "current",
            Confirm => "confirm",
            TokenNameTaken | TokenNameInvalid => "token-name",
            OrganisationIdInvalid | OrganisationTaken => "org-id",
            OrganisationNameInvalid => "org-name",
            OrganisationIriInvalid => "org-iri",
            AnswerInvalid => "answer-state",
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_read_back() {
        for notice in Notice::ALL {
            assert_eq!(Notice::from_code(notice.code()), Some(*notice));
        }
        let mut codes: Vec<_> = Notice::ALL.iter().map(|n| n.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Notice::ALL.len());
        assert!(Notice::LastAdmin.is_error() && !Notice::RoleSet.is_error());
    }
}
