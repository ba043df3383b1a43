//! `/consultations/{slug}/proposals/{id}`: one proposal: its text, place,
//! official answer and the catalog records it cites, the support panel,
//! and what its author or a moderator may do with it. Every action is a
//! form post that redirects back here with a notice.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::answer_form::AnswerForm;
use crate::consult::follow_form::{FollowForm, Followed};
use crate::consult::parts::{CitationList, CitedBy, DateText, StateBadge};
use crate::consult::report_form::ReportForm;
use crate::consult::support_panel::SupportPanel;
use crate::consult::{
    CommentSection, CommentSort, ItemKind, ProposalView, load_proposal, reason_label,
};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// A proposal's page.
#[component]
pub fn ProposalPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        let sort = query.with(|q| q.get("comments").and_then(|c| CommentSort::from_code(&c)));
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("id").and_then(|id| id.parse::<i64>().ok()),
                sort,
            )
        })
    };
    let proposal = Resource::new(request, |(slug, id, sort)| async move {
        match id {
            Some(id) => load_proposal(slug, id, sort).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match proposal.await {
                    Ok(view) => view! { <ProposalContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProposalContent(view: ProposalView) -> impl IntoView {
    let i18n = use_i18n();
    let ProposalView {
        header,
        summary,
        body,
        edited_at,
        point,
        answer,
        answered_at,
        citations,
        actions,
        hidden,
        erased,
        comments,
    } = view;
    let process = format!("/consultations/{}", header.slug);
    let base = format!("{process}/proposals/{}", summary.id);
    let title = if erased {
        t_string!(i18n, consult.erased_title).to_string()
    } else {
        summary.title.clone()
    };
    let heading = title.clone();
    let description = format!("{title} · {}", header.title);
    let author = summary.author.clone();
    let created = summary.created_at.clone();
    let has_facts = summary.place.is_some() || point.is_some();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process>{header.title.clone()}</a>
            " › "
            <span aria-current="page">{title}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description />
        <FormMessage form="proposal" />
        {erased.then(|| view! { <p class="notice notice-info">{t!(i18n, consult.erased_note)}</p> })}
        {hidden
            .map(|reason| {
                view! {
                    <p class="notice notice-info">
                        {t!(i18n, consult.hidden_own, reason = reason_label(reason))}
                    </p>
                }
            })}
        <p class="card-badges">
            <StateBadge state=summary.state />
            {summary
                .accepted_for_study
                .then(|| view! { " " <span class="badge badge-study">{t!(i18n, consult.accepted_for_study)}</span> })}
        </p>
        <p class="byline">
            {t!(
                i18n, consult.published_by,
                author = move || match author.clone() {
                    Some(name) => name.into_any(),
                    None => view! { <em>{t!(i18n, consult.deleted_author)}</em> }.into_any(),
                },
                date = move || view! { <DateText date=created.clone() /> }
            )}
            {edited_at
                .map(|edited| {
                    view! {
                        " · "
                        {t!(i18n, consult.edited, date = move || view! { <DateText date=edited.clone() /> })}
                    }
                })}
        </p>
        {has_facts
            .then(|| {
                view! {
                    <dl class="facts">
                        {summary
                            .place
                            .clone()
                            .map(|place| {
                                view! {
                                    <dt>{t!(i18n, consult.place)}</dt>
                                    <dd>{place}</dd>
                                }
                            })}
                        {point
                            .map(|p| {
                                view! {
                                    <dt>{t!(i18n, consult.coordinates)}</dt>
                                    <dd>{format!("{}, {}", p.latitude, p.longitude)}</dd>
                                }
                            })}
                    </dl>
                }
            })}
        <div class="prose proposal-body" inner_html=body.0></div>
        {answer
            .map(|answer| {
                view! {
                    <section class="official-answer" aria-labelledby="answer-heading">
                        <h2 id="answer-heading">{t!(i18n, consult.answer_heading)}</h2>
                        <p>
                            <StateBadge state=summary.state />
                            {answered_at
                                .map(|at| {
                                    view! {
                                        " "
                                        {t!(i18n, consult.answered_on, date = move || view! { <DateText date=at.clone() /> })}
                                    }
                                })}
                        </p>
                        <div class="prose" inner_html=answer.0></div>
                    </section>
                }
            })}
        <section aria-labelledby="citations-heading">
            <h2 id="citations-heading">{t!(i18n, consult.citations_heading)}</h2>
            {if citations.is_empty() {
                view! { <p class="empty">{t!(i18n, consult.citations_none)}</p> }.into_any()
            } else {
                view! { <CitationList citations cited_by=CitedBy::Proposal /> }.into_any()
            }}
        </section>
        <SupportPanel
            header=header.clone()
            supports=summary.supports
            accepted=summary.accepted_for_study
            actions
            base=base.clone()
        />
        {(actions.may_edit || actions.may_withdraw)
            .then(|| {
                let edit = format!("{base}/edit");
                let withdraw = format!("{base}/withdraw");
                view! {
                    <section class="panel" aria-labelledby="author-heading">
                        <h2 id="author-heading">{t!(i18n, consult.author_heading)}</h2>
                        {actions
                            .may_edit
                            .then(|| view! { <p><a class="button button-secondary" href=edit>{t!(i18n, consult.edit_link)}</a></p> })}
                        {actions
                            .may_withdraw
                            .then(|| {
                                view! {
                                    <form method="post" action=withdraw class="inline-form">
                                        <button type="submit" class="button button-danger">{t!(i18n, consult.withdraw_button)}</button>
                                    </form>
                                }
                            })}
                    </section>
                }
            })}
        {header
            .signed_in
            .then(|| {
                view! {
                    <FollowForm page=base.clone() followed=Followed::Proposal following=actions.following />
                }
            })}
        {actions
            .may_report
            .then(|| {
                view! {
                    <ReportForm
                        slug=header.slug.clone()
                        kind=ItemKind::Proposal
                        target=summary.id.to_string()
                        back=summary.id
                    />
                }
            })}
        {actions.may_answer.then(|| view! { <AnswerForm base=base.clone() state=summary.state /> })}
        <CommentSection
            thread=comments
            slug=header.slug.clone()
            proposal=summary.id
            page=base.clone()
            signed_in=header.signed_in
        />
    }
}
