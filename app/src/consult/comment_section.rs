//! The comments of a proposal or process: alignment summary, sort links,
//! the thread to depth 3, and the forms to write, reply, vote, edit,
//! delete and report. Every control is a plain form post or a link; the
//! reply, edit and report forms open in a `<details>`, so they work
//! without JavaScript.

use leptos::prelude::*;

use crate::consult::parts::DateText;
use crate::consult::report_form::ReportForm;
use crate::consult::{
    Alignment, COMMENT_MAX, CommentSort, CommentThread, CommentView, ItemKind, MAX_DEPTH,
};
use crate::i18n::{t, t_string, use_i18n};

/// Where the thread is: the process, the proposal (0: the process itself)
/// and the page's path, for the forms.
#[derive(Clone)]
struct Place {
    slug: String,
    proposal: i64,
    page: String,
    signed_in: bool,
    may_comment: bool,
}

fn alignment_label(alignment: Alignment) -> String {
    let i18n = use_i18n();
    match alignment {
        Alignment::InFavour => t_string!(i18n, comments.in_favour),
        Alignment::Against => t_string!(i18n, comments.against),
        Alignment::Neutral => t_string!(i18n, comments.neutral),
    }
    .to_string()
}

/// The comment section of the page at `page`.
#[component]
pub fn CommentSection(
    thread: CommentThread,
    slug: String,
    proposal: i64,
    page: String,
    signed_in: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let place = Place {
        slug,
        proposal,
        page: page.clone(),
        signed_in,
        may_comment: thread.may_comment,
    };
    let sorts = CommentSort::ALL.map(|sort| {
        let label = match sort {
            CommentSort::Best => t_string!(i18n, comments.sort_best),
            CommentSort::Recent => t_string!(i18n, comments.sort_recent),
            CommentSort::Oldest => t_string!(i18n, comments.sort_oldest),
        };
        let href = format!("{page}?comments={}#comments", sort.code());
        let current = (sort == thread.sort).then_some("true");
        view! { <li><a href=href aria-current=current>{label}</a></li> }
    });
    let comments = thread.comments.clone();
    view! {
        <section class="comments" id="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{t!(i18n, comments.heading, count = thread.total)}</h2>
            <p class="alignment-summary">
                {t!(i18n, comments.summary, favour = thread.in_favour, against = thread.against, neutral = thread.neutral)}
            </p>
            <nav aria-label=move || t_string!(i18n, comments.sort_label).to_string()>
                <ul class="sort-links">{sorts.into_iter().collect_view()}</ul>
            </nav>
            <WriteForm place=place.clone() parent=None />
            {comments.is_empty().then(|| view! { <p class="empty">{t!(i18n, comments.none)}</p> })}
            <ol class="comment-thread">
                {comments.into_iter().map(|c| view! { <CommentItem comment=c place=place.clone() /> }).collect_view()}
            </ol>
        </section>
    }
}

/// The form that writes a comment, or a reply to `parent`.
#[component]
fn WriteForm(place: Place, parent: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    if !place.signed_in {
        return parent
            .is_none()
            .then(|| {
                let href = format!("/account/sign-in?next={}", place.page);
                view! { <p><a href=href>{t!(i18n, comments.sign_in)}</a></p> }
            })
            .into_any();
    }
    if !place.may_comment {
        return parent
            .is_none()
            .then(|| view! { <p class="empty">{t!(i18n, comments.closed)}</p> })
            .into_any();
    }
    let id = parent.clone().unwrap_or_else(|| "new".into());
    let body_id = format!("comment-body-{id}");
    let action = format!("/consultations/{}/comments", place.slug);
    let alignments = Alignment::ALL.map(|alignment| {
        let input_id = format!("comment-{id}-{}", alignment.code());
        view! {
            <span class="choice">
                <input
                    type="radio"
                    id=input_id.clone()
                    name="alignment"
                    value=alignment.code()
                    checked=alignment == Alignment::Neutral
                />
                <label for=input_id>{alignment_label(alignment)}</label>
            </span>
        }
    });
    view! {
        <form method="post" action=action class="stacked-form comment-form">
            <input type="hidden" name="proposal" value=place.proposal.to_string() />
            {parent.clone().map(|p| view! { <input type="hidden" name="parent" value=p /> })}
            <div class="field">
                <label for=body_id.clone()>
                    {if parent.is_some() { t!(i18n, comments.reply_label).into_any() } else { t!(i18n, comments.write_label).into_any() }}
                </label>
                <p class="hint" id=format!("{body_id}-hint")>{t!(i18n, comments.hint)}</p>
                <textarea
                    id=body_id.clone()
                    name="body"
                    rows="4"
                    required
                    maxlength=COMMENT_MAX.to_string()
                    aria-describedby=format!("{body_id}-hint")
                ></textarea>
            </div>
            <fieldset class="field choices">
                <legend>{t!(i18n, comments.alignment_label)}</legend>
                {alignments.into_iter().collect_view()}
            </fieldset>
            <button type="submit" class="button">
                {if parent.is_some() { t!(i18n, comments.reply_button).into_any() } else { t!(i18n, comments.publish_button).into_any() }}
            </button>
        </form>
    }
    .into_any()
}

#[component]
fn CommentItem(comment: CommentView, place: Place) -> impl IntoView {
    let i18n = use_i18n();
    let anchor = format!("comment-{}", comment.id);
    let author = comment
        .author
        .clone()
        .unwrap_or_else(|| t_string!(i18n, comments.deleted_participant).to_string());
    let base = format!("/consultations/{}/comments/{}", place.slug, comment.id);
    let replies = comment.replies.clone();
    let can_reply =
        place.signed_in && place.may_comment && comment.depth < MAX_DEPTH && !comment.hidden;
    let can_act = place.signed_in && !comment.deleted && !comment.hidden;
    view! {
        <li class="comment" id=anchor.clone() data-alignment=comment.alignment.code()>
            <article aria-labelledby=format!("{anchor}-by")>
                <p class="comment-meta" id=format!("{anchor}-by")>
                    <strong>{author}</strong>
                    " · "
                    <DateText date=comment.created_at.clone() />
                    {(!comment.deleted).then(|| view! { " · " <span class="alignment">{alignment_label(comment.alignment)}</span> })}
                    {comment.edited.then(|| view! { " · " <span>{t!(i18n, comments.edited)}</span> })}
                </p>
                {comment.hidden.then(|| view! { <p class="notice notice-info">{t!(i18n, comments.hidden_note)}</p> })}
                {if comment.deleted {
                    view! { <p class="empty">{t!(i18n, comments.deleted)}</p> }.into_any()
                } else {
                    view! { <div class="prose" inner_html=comment.body.0.clone()></div> }.into_any()
                }}
                {(!comment.deleted).then(|| view! { <p class="votes">{t!(i18n, comments.votes, ups = comment.ups, downs = comment.downs)}</p> })}
                {can_act.then(|| view! { <Votes base=base.clone() my_vote=comment.my_vote /> })}
                {can_reply.then(|| {
                    view! {
                        <details class="comment-reply">
                            <summary>{t!(i18n, comments.reply)}</summary>
                            <WriteForm place=place.clone() parent=Some(comment.id.clone()) />
                        </details>
                    }
                })}
                {(can_act && comment.mine).then(|| view! { <OwnActions base=base.clone() id=comment.id.clone() source=comment.source.clone().unwrap_or_default() /> })}
                {(can_act && !comment.mine)
                    .then(|| {
                        view! {
                            <ReportForm slug=place.slug.clone() kind=ItemKind::Comment target=comment.id.clone() back=place.proposal />
                        }
                    })}
            </article>
            {(!replies.is_empty()).then(|| {
                view! {
                    <ol class="comment-replies">
                        {replies.into_iter().map(|r| view! { <CommentItem comment=r place=place.clone() /> }).collect_view()}
                    </ol>
                }
            })}
        </li>
    }
    .into_any()
}

#[component]
fn Votes(base: String, my_vote: i8) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("{base}/vote");
    let (up, down) = (
        if my_vote == 1 { "none" } else { "up" },
        if my_vote == -1 { "none" } else { "down" },
    );
    view! {
        <div class="vote-forms">
            <form method="post" action=action.clone() class="inline-form">
                <input type="hidden" name="vote" value=up />
                <button type="submit" class="button button-small" aria-pressed=(my_vote == 1).to_string()>
                    {t!(i18n, comments.vote_up)}
                </button>
            </form>
            <form method="post" action=action class="inline-form">
                <input type="hidden" name="vote" value=down />
                <button type="submit" class="button button-small" aria-pressed=(my_vote == -1).to_string()>
                    {t!(i18n, comments.vote_down)}
                </button>
            </form>
        </div>
    }
}

#[component]
fn OwnActions(base: String, id: String, source: String) -> impl IntoView {
    let i18n = use_i18n();
    let edit_id = format!("comment-edit-{id}");
    view! {
        <details class="comment-edit">
            <summary>{t!(i18n, comments.edit)}</summary>
            <form method="post" action=format!("{base}/edit") class="stacked-form">
                <div class="field">
                    <label for=edit_id.clone()>{t!(i18n, comments.edit_label)}</label>
                    <textarea id=edit_id name="body" rows="4" required maxlength=COMMENT_MAX.to_string()>{crate::consult::proposal_fields::textarea_text(&source)}</textarea>
                </div>
                <button type="submit" class="button">{t!(i18n, comments.save_button)}</button>
            </form>
        </details>
        <form method="post" action=format!("{base}/delete") class="inline-form">
            <button type="submit" class="button button-small button-secondary">{t!(i18n, comments.delete_button)}</button>
        </form>
    }
}
