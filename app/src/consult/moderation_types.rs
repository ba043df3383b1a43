//! Reports and the moderators' queue, shared by the server and the pages.

use serde::{Deserialize, Serialize};

/// Why someone reports a proposal or comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ReportReason {
    /// Advertising, repeated content.
    Spam,
    /// Insults, hate, threats.
    Offensive,
    /// Not about the proposal or consultation.
    OffTopic,
    /// Does not belong here (personal data, illegal content).
    DoesNotBelong,
    /// Something else, said in the details.
    Other,
}

impl ReportReason {
    /// Every reason, in the form's order.
    pub const ALL: [ReportReason; 5] = [
        ReportReason::Spam,
        ReportReason::Offensive,
        ReportReason::OffTopic,
        ReportReason::DoesNotBelong,
        ReportReason::Other,
    ];

    /// The reason's code in SQL and forms.
    pub fn code(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Offensive => "offensive",
            ReportReason::OffTopic => "off_topic",
            ReportReason::DoesNotBelong => "does_not_belong",
            ReportReason::Other => "other",
        }
    }

    /// The reason whose code is `code`.
    pub fn from_code(code: &str) -> Option<ReportReason> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What a moderator decides about a reported or hidden item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ModerationAction {
    /// Hide it from everyone but its author.
    Hide,
    /// Show it again.
    Unhide,
    /// Keep it as it is and close its reports.
    Dismiss,
}

impl ModerationAction {
    /// Every action.
    pub const ALL: [ModerationAction; 3] = [
        ModerationAction::Hide,
        ModerationAction::Unhide,
        ModerationAction::Dismiss,
    ];

    /// The action's code in forms and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            ModerationAction::Hide => "hide",
            ModerationAction::Unhide => "unhide",
            ModerationAction::Dismiss => "dismiss",
        }
    }

    /// The action whose code is `code`.
    pub fn from_code(code: &str) -> Option<ModerationAction> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// What can be reported and moderated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A proposal, by its number.
    Proposal,
    /// A comment, by its id.
    Comment,
}

impl ItemKind {
    /// Every kind.
    pub const ALL: [ItemKind; 2] = [ItemKind::Proposal, ItemKind::Comment];

    /// The kind's code in forms and in the reports table.
    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Proposal => "proposal",
            ItemKind::Comment => "comment",
        }
    }

    /// The kind whose code is `code`.
    pub fn from_code(code: &str) -> Option<ItemKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One report, for the moderators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportView {
    /// Why.
    pub reason: ReportReason,
    /// What the reporter added.
    pub details: String,
    /// When.
    pub created_at: String,
}

/// A reported or hidden item in the moderators' queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QueueItem {
    /// A proposal or a comment.
    pub kind: ItemKind,
    /// The proposal's number or the comment's id.
    pub target: String,
    /// The consultation's short name.
    pub process: String,
    /// Where the item is shown.
    pub page: String,
    /// Its title (a proposal) or the start of its text (a comment).
    pub excerpt: String,
    /// Its author's pseudonym.
    pub author: Option<String>,
    /// Whether it is hidden now.
    pub hidden: bool,
    /// Its open reports, oldest first.
    pub reports: Vec<ReportView>,
}
