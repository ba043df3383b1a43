//! `/consultations/{slug}`: one consultation: what it is about, what is
//! open to citizens now, its timeline, the catalog records it rests on, and
//! its proposals (filtered, sorted and paged by the address).

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::follow_form::{FollowForm, Followed};
use crate::consult::meeting::MeetingsSection;
use crate::consult::open_now::OpenNowPanel;
use crate::consult::parts::{CitationList, CitedBy, PhaseTimeline};
use crate::consult::proposal_list::ProposalsSection;
use crate::consult::results::EngagementFigures;
use crate::consult::survey::SurveysSection;
use crate::consult::{CommentSection, CommentSort, ProcessView, ProposalQuery, load_process};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// A consultation's page.
#[component]
pub fn ProcessPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = move || {
        (
            params.with(|p| p.get("slug").unwrap_or_default()),
            query.with(|q| ProposalQuery::from_params(|key| q.get(key))),
            query.with(|q| q.get("comments").and_then(|c| CommentSort::from_code(&c))),
        )
    };
    let process = Resource::new(request, |(slug, proposals, comments)| {
        load_process(slug, proposals, comments)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match process.await {
                    Ok(view) => view! { <ProcessContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProcessContent(view: ProcessView) -> impl IntoView {
    let i18n = use_i18n();
    let ProcessView {
        header,
        summary,
        body,
        cover,
        area,
        organisation,
        phases,
        evidence,
        proposals,
        comments,
        surveys,
        polls,
        meetings,
        engagement,
    } = view;
    let title = header.title.clone();
    let slug = header.slug.clone();
    let current = header.open.phase.as_ref().map(|p| p.kind);
    let has_facts = area.is_some() || organisation.is_some();
    // In two halves: one view of every section is too deep a type.
    let participation = view! {
        <SurveysSection
            slug=slug.clone()
            surveys
            polls
            signed_in=header.signed_in
            may_moderate=header.may_moderate
        />
        <MeetingsSection slug=slug.clone() meetings may_moderate=header.may_moderate />
        <p class="results-link">
            <a href=format!("/consultations/{slug}/results")>{t!(i18n, results.link)}</a>
        </p>
        {engagement.map(|engagement| view! {
            <section id="engagement" class="panel" aria-labelledby="engagement-heading">
                <h2 id="engagement-heading">{t!(i18n, results.engagement_heading)}</h2>
                <EngagementFigures engagement />
            </section>
        })}
        <ProposalsSection slug=slug.clone() list=proposals />
        <CommentSection
            thread=comments
            slug=slug.clone()
            proposal=0
            page=format!("/consultations/{slug}")
            signed_in=header.signed_in
        />
    }
    .into_any();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <span aria-current="page">{title.clone()}</span>
        </nav>
        <PageHeading title=Signal::derive(move || title.clone()) description=summary.clone() />
        <FormMessage form="process" />
        <p class="lead">{summary}</p>
        {header
            .may_moderate
            .then(|| {
                view! {
                    <p class="page-actions">
                        <a class="button button-secondary" href=format!("/moderation/consultations/{slug}/edit")>
                            {t!(i18n, consult.edit_process)}
                        </a>
                    </p>
                }
            })}
        {cover
            .map(|cover| {
                view! {
                    <figure class="cover">
                        <img src=cover.href alt=cover.alt width="1600" height="900" />
                    </figure>
                }
            })}
        <OpenNowPanel header=header.clone() />
        {header
            .signed_in
            .then(|| {
                view! {
                    <FollowForm
                        page=format!("/consultations/{slug}")
                        followed=Followed::Process
                        following=header.following
                    />
                }
            })}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t!(i18n, consult.timeline_heading)}</h2>
            <PhaseTimeline phases current />
        </section>
        <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t!(i18n, consult.about_heading)}</h2>
            <div class="prose" inner_html=body.0></div>
            {has_facts
                .then(|| {
                    view! {
                        <dl class="facts">
                            {area
                                .map(|area| {
                                    view! {
                                        <dt>{t!(i18n, consult.area)}</dt>
                                        <dd>{area}</dd>
                                    }
                                })}
                            {organisation
                                .map(|name| {
                                    view! {
                                        <dt>{t!(i18n, consult.organisation)}</dt>
                                        <dd>{name}</dd>
                                    }
                                })}
                        </dl>
                    }
                })}
        </section>
        <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{t!(i18n, consult.evidence_heading)}</h2>
            {if evidence.is_empty() {
                view! { <p class="empty">{t!(i18n, consult.evidence_none)}</p> }.into_any()
            } else {
                view! { <CitationList citations=evidence cited_by=CitedBy::Process /> }.into_any()
            }}
        </section>
        {participation}
    }
}
