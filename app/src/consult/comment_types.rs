//! Comments as pages show them: threads to depth 3 with alignments, votes
//! and the reader's own part.

use serde::{Deserialize, Serialize};

use crate::consult::SafeHtml;

/// The deepest level a reply may have (0 is a comment on the proposal).
pub const MAX_DEPTH: u8 = 2;
/// Longest comment.
pub const COMMENT_MAX: usize = 5_000;

/// Where a comment stands on the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Alignment {
    /// For it.
    InFavour,
    /// Against it.
    Against,
    /// Neither.
    #[default]
    Neutral,
}

impl Alignment {
    /// Every alignment, in the form's order.
    pub const ALL: [Alignment; 3] = [Alignment::InFavour, Alignment::Against, Alignment::Neutral];

    /// The alignment's code in SQL and forms.
    pub fn code(self) -> &'static str {
        match self {
            Alignment::InFavour => "favour",
            Alignment::Against => "against",
            Alignment::Neutral => "neutral",
        }
    }

    /// The alignment whose code is `code`.
    pub fn from_code(code: &str) -> Option<Alignment> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// The order of a thread's comments (replies always oldest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum CommentSort {
    /// Most up votes minus down votes first.
    #[default]
    Best,
    /// Newest first.
    Recent,
    /// Oldest first.
    Oldest,
}

impl CommentSort {
    /// Every order.
    pub const ALL: [CommentSort; 3] = [CommentSort::Best, CommentSort::Recent, CommentSort::Oldest];

    /// The order's code in addresses (`?comments=recent`).
    pub fn code(self) -> &'static str {
        match self {
            CommentSort::Best => "best",
            CommentSort::Recent => "recent",
            CommentSort::Oldest => "oldest",
        }
    }

    /// The order whose code is `code`.
    pub fn from_code(code: &str) -> Option<CommentSort> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One comment and its replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CommentView {
    /// Its id (the anchor `#comment-{id}`).
    pub id: String,
    /// 0 for a comment, 1 and 2 for replies.
    pub depth: u8,
    /// The author's pseudonym; `None` for a deleted participant.
    pub author: Option<String>,
    /// Its text; empty when deleted or erased.
    pub body: SafeHtml,
    /// Where it stands.
    pub alignment: Alignment,
    /// When it was written.
    pub created_at: String,
    /// Whether its author edited it.
    pub edited: bool,
    /// Whether its author deleted it (or erased it with their account).
    pub deleted: bool,
    /// Hidden by moderation: only its author sees it, marked so.
    pub hidden: bool,
    /// Up votes.
    pub ups: u64,
    /// Down votes.
    pub downs: u64,
    /// The reader's vote: 1, -1 or 0.
    pub my_vote: i8,
    /// The reader wrote it (may edit and delete it).
    pub mine: bool,
    /// Its Markdown, for the reader's own comments (the edit form).
    pub source: Option<String>,
    /// Its replies, oldest first.
    #[cfg_attr(feature = "ssr", schema(no_recursion))]
    pub replies: Vec<CommentView>,
}

/// A proposal's or process's comments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CommentThread {
    /// The order of the top-level comments.
    pub sort: CommentSort,
    /// Comments the public sees, replies included.
    pub total: u64,
    /// Of those, in favour.
    pub in_favour: u64,
    /// Against.
    pub against: u64,
    /// Neutral.
    pub neutral: u64,
    /// The top-level comments with their replies.
    pub comments: Vec<CommentView>,
    /// Whether the reader may write (signed in, comments open, not hidden).
    pub may_comment: bool,
}
