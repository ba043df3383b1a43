//! A thread of comments as pages show it: top-level comments in the order
//! asked, replies oldest first under their parent, hidden comments (and
//! what answers them) left out except for their own author, deleted ones
//! kept as an empty place so replies stay where they were.

use std::collections::HashMap;

use app::consult::{Alignment, CommentSort, CommentThread, CommentView};

use crate::auth::AccountId;
use crate::consult::comments::Comment;
use crate::consult::markdown::{Flavour, render};

/// What the thread needs besides its comments.
pub struct Reader<'a> {
    /// The reader's account, if signed in.
    pub me: Option<&'a AccountId>,
    /// The reader's votes: comment id → 1 or -1.
    pub votes: &'a HashMap<String, i64>,
    /// The authors' pseudonyms (`None`: a deleted participant).
    pub names: &'a HashMap<AccountId, Option<String>>,
    /// Whether the reader may write now.
    pub may_comment: bool,
}

fn view(
    comment: &Comment,
    reader: &Reader<'_>,
    children: &HashMap<&str, Vec<&Comment>>,
) -> CommentView {
    let gone = comment.deleted_at.is_some() || comment.erased;
    let mine = reader.me == Some(&comment.author);
    let replies = children
        .get(comment.id.as_str())
        .map(|replies| {
            replies
                .iter()
                .filter(|r| r.is_public() || reader.me == Some(&r.author))
                .map(|r| view(r, reader, children))
                .collect()
        })
        .unwrap_or_default();
    CommentView {
        id: comment.id.clone(),
        depth: comment.depth,
        author: if gone {
            None
        } else {
            reader.names.get(&comment.author).cloned().flatten()
        },
        body: if gone {
            Default::default()
        } else {
            render(&comment.body, Flavour::Lite)
        },
        alignment: comment.alignment,
        created_at: comment.created_at.clone(),
        edited: comment.edited_at.is_some(),
        deleted: gone,
        hidden: comment.hidden_at.is_some(),
        ups: comment.ups.max(0) as u64,
        downs: comment.downs.max(0) as u64,
        my_vote: reader.votes.get(&comment.id).copied().unwrap_or(0) as i8,
        mine: mine && !gone,
        source: (mine && !gone).then(|| comment.body.clone()),
        replies,
    }
}

/// The thread of `comments` (all of one proposal or process, oldest first).
pub fn thread(comments: &[Comment], sort: CommentSort, reader: &Reader<'_>) -> CommentThread {
    let mut children: HashMap<&str, Vec<&Comment>> = HashMap::new();
    let mut top: Vec<&Comment> = Vec::new();
    for comment in comments {
        match &comment.parent_id {
            Some(parent) => children.entry(parent.as_str()).or_default().push(comment),
            None => top.push(comment),
        }
    }
    match sort {
        CommentSort::Best => top.sort_by(|a, b| {
            (b.ups - b.downs)
                .cmp(&(a.ups - a.downs))
                .then_with(|| a.created_at.cmp(&b.created_at))
        }),
        CommentSort::Recent => top.sort_by(|a, b| b.created_at.cmp(&a.created_at)),
        CommentSort::Oldest => {}
    }
    // What the public sees counts: comments under a hidden one are not shown.
    let mut visible: Vec<&Comment> = Vec::new();
    let mut stack: Vec<&Comment> = top.iter().copied().filter(|c| c.is_public()).collect();
    while let Some(comment) = stack.pop() {
        visible.push(comment);
        if let Some(replies) = children.get(comment.id.as_str()) {
            stack.extend(replies.iter().copied().filter(|r| r.is_public()));
        }
    }
    let counted = || visible.iter().filter(|c| c.counts());
    let of = |alignment: Alignment| counted().filter(|c| c.alignment == alignment).count() as u64;
    CommentThread {
        sort,
        total: counted().count() as u64,
        in_favour: of(Alignment::InFavour),
        against: of(Alignment::Against),
        neutral: of(Alignment::Neutral),
        comments: top
            .iter()
            .filter(|c| c.is_public() || reader.me == Some(&c.author))
            .map(|c| view(c, reader, &children))
            .collect(),
        may_comment: reader.may_comment,
    }
}
