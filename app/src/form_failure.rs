//! Form posts that fail with an HTTP status of their own (403, 404, 500)
//! rather than going back to the form with a notice: one enum shared by the
//! server, which answers with it, and the translations, so the sentence is
//! in the reader's language like every other string.

use crate::i18n::{Locale, td_string};

/// Why a form post was refused or failed; nothing was changed unless the
/// sentence says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFailure {
    /// Administrators only.
    AdministratorsOnly,
    /// Moderators and administrators only.
    ModeratorsOnly,
    /// Members of an organisation only.
    PublishersOnly,
    /// The record is another organisation's.
    AnotherOrganisationsRecord,
    /// Tokens of one's own organisations only.
    TokenForAnotherOrganisation,
    /// Revoking tokens of one's own organisations only.
    RevokeAnotherOrganisationsToken,
    /// The form names no record, or not with a valid address.
    NoRecordNamed,
    /// There is no record at the address the form names.
    NoSuchRecord,
    /// The import ran, but its report could not be kept.
    ReportNotSaved,
    /// The stored record could not be read (the rest: Plaza failed too;
    /// the error is in the server log).
    RecordNotRead,
    /// The posted form could not be read.
    FormNotRead,
    /// The record could not be saved.
    RecordNotSaved,
    /// The draft could not be kept.
    DraftNotKept,
    /// The record could not be deleted.
    RecordNotDeleted,
    /// There is no such consultation or proposal (or it is not public).
    NoSuchProposal,
    /// Only a proposal's author may change it.
    NotTheAuthor,
    /// More comments in a minute than an account may write.
    TooManyComments,
    /// There is no such consultation, survey or answer.
    NoSuchSurvey,
    /// There is no such consultation or meeting.
    NoSuchMeeting,
}

impl FormFailure {
    /// What happened and what to do, in `locale`.
    pub fn sentence(self, locale: Locale) -> String {
        use FormFailure::*;
        match self {
            AdministratorsOnly => td_string!(locale, form_failures.administrators_only),
            ModeratorsOnly => td_string!(locale, form_failures.moderators_only),
            PublishersOnly => td_string!(locale, form_failures.publishers_only),
            AnotherOrganisationsRecord => {
                td_string!(locale, form_failures.another_organisations_record)
            }
            TokenForAnotherOrganisation => {
                td_string!(locale, form_failures.token_for_another_organisation)
            }
            RevokeAnotherOrganisationsToken => {
                td_string!(locale, form_failures.revoke_another_organisations_token)
            }
            NoRecordNamed => td_string!(locale, form_failures.no_record_named),
            NoSuchRecord => td_string!(locale, form_failures.no_such_record),
            ReportNotSaved => td_string!(locale, form_failures.report_not_saved),
            RecordNotRead => td_string!(locale, form_failures.record_not_read),
            FormNotRead => td_string!(locale, form_failures.form_not_read),
            RecordNotSaved => td_string!(locale, form_failures.record_not_saved),
            DraftNotKept => td_string!(locale, form_failures.draft_not_kept),
            RecordNotDeleted => td_string!(locale, form_failures.record_not_deleted),
            NoSuchProposal => td_string!(locale, form_failures.no_such_proposal),
            NotTheAuthor => td_string!(locale, form_failures.not_the_author),
            TooManyComments => td_string!(locale, form_failures.too_many_comments),
            NoSuchSurvey => td_string!(locale, form_failures.no_such_survey),
            NoSuchMeeting => td_string!(locale, form_failures.no_such_meeting),
        }
        .to_string()
    }
}
