//! `/consultations/{slug}/surveys/{number}`: a survey — its introduction,
//! when it is open, its questions as a form that posts the answers (or, to
//! someone signed out, the questions with a link to sign in), the problems
//! of a refused attempt linked to their questions, and the results when
//! the reader may see them. Every part works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::parts::{DateText, last_day, phase_label};
use crate::consult::survey::question_fields::{
    Chosen, QuestionFields, answer_problem_text, question_id,
};
use crate::consult::survey::result_charts::SurveyResultsView;
use crate::consult::survey::{SurveySummary, SurveyView, load_survey};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// A survey's page.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let params = use_params_map();
    let request = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("number").and_then(|n| n.parse::<i64>().ok()),
            )
        })
    };
    let survey = Resource::new(request, |(slug, number)| async move {
        match number {
            Some(number) => load_survey(slug, number).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match survey.await {
                    Ok(view) => view! { <SurveyContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// When the survey takes answers, in a sentence.
#[component]
pub fn SurveyWhen(survey: SurveySummary) -> impl IntoView {
    let i18n = use_i18n();
    let phase = phase_label(survey.phase);
    match (survey.open, survey.opens_at, survey.closes_at) {
        (true, _, Some(ends)) => {
            let until = last_day(&ends);
            t!(
                i18n,
                surveys.open_until,
                date = move || view! { <DateText date=until.clone() /> }
            )
            .into_any()
        }
        (false, Some(starts), _) => t!(
            i18n,
            surveys.opens_on,
            date = move || view! { <DateText date=starts.clone() /> },
            phase = move || phase.clone()
        )
        .into_any(),
        (_, _, Some(ends)) => {
            let until = last_day(&ends);
            t!(
                i18n,
                surveys.closed_on,
                date = move || view! { <DateText date=until.clone() /> }
            )
            .into_any()
        }
        _ => t!(i18n, surveys.closed).into_any(),
    }
}

#[component]
fn SurveyContent(view: SurveyView) -> impl IntoView {
    let i18n = use_i18n();
    let SurveyView {
        header,
        survey,
        intro,
        section_intros,
        definition,
        chosen,
        problems,
        answered,
        may_answer,
        results,
    } = view;
    let process = format!("/consultations/{}", header.slug);
    let base = format!("{process}/surveys/{}", survey.number);
    let title = survey.title.clone();
    let heading = title.clone();
    let description = format!("{title} · {}", header.title);
    let chosen = Chosen(chosen);
    let problem_of = |number: usize| {
        problems
            .iter()
            .find(|p| p.question == number)
            .map(|p| p.problem)
    };
    let summary = (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|p| {
                let href = format!("#{}", question_id(p.question));
                let number = p.question + 1;
                view! {
                    <li>
                        <a href=href>
                            {t!(i18n, surveys.question_number, number = number)}
                            " "
                            {answer_problem_text(p.problem)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="notice notice-error problem-summary" role="alert" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t!(i18n, surveys.problems_heading)}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let mut number = 0;
    let sections = definition
        .sections
        .into_iter()
        .enumerate()
        .map(|(s, section)| {
            let intro = section_intros.get(s).cloned().unwrap_or_default();
            let questions = section
                .questions
                .into_iter()
                .map(|question| {
                    let n = number;
                    number += 1;
                    view! { <QuestionFields number=n question chosen=chosen.clone() problem=problem_of(n) /> }
                })
                .collect_view();
            let heading_id = format!("section-{s}");
            let titled = !section.title.is_empty();
            view! {
                <section class="survey-section" aria-labelledby=titled.then(|| heading_id.clone())>
                    {titled.then(|| view! { <h3 id=heading_id.clone()>{section.title.clone()}</h3> })}
                    {(!intro.0.is_empty()).then(|| view! { <div class="prose" inner_html=intro.0.clone()></div> })}
                    {questions}
                </section>
            }
        })
        .collect_view();
    let questions = if may_answer {
        let button = if answered {
            t!(i18n, surveys.save_button).into_any()
        } else {
            t!(i18n, surveys.send_button).into_any()
        };
        view! {
            <form method="post" action=base.clone() class="stacked-form survey-form">
                {sections}
                <button type="submit" class="button">{button}</button>
            </form>
        }
        .into_any()
    } else {
        let sign_in = (!header.signed_in && survey.open).then(|| {
            let href = format!("/account/sign-in?next={base}");
            view! { <p><a class="button" href=href>{t!(i18n, surveys.sign_in_to_answer)}</a></p> }
        });
        view! {
            {sign_in}
            <fieldset disabled class="stacked-form survey-form survey-preview">
                <legend class="visually-hidden">{t!(i18n, surveys.preview_legend)}</legend>
                {sections}
            </fieldset>
        }
        .into_any()
    };
    let manage = header.may_moderate.then(|| {
        let edit = format!("/moderation/consultations/{}/surveys/{}/edit", header.slug, survey.number);
        let csv = format!("/moderation/consultations/{}/surveys/{}/responses.csv", header.slug, survey.number);
        let may_download = results.as_ref().is_some_and(|r| r.may_publish);
        view! {
            <section class="panel" aria-labelledby="manage-heading">
                <h2 id="manage-heading">{t!(i18n, surveys.manage_heading)}</h2>
                <p><a class="button button-secondary" href=edit>{t!(i18n, surveys.edit_link)}</a></p>
                {may_download.then(|| view! { <p><a href=csv download>{t!(i18n, surveys.download_responses)}</a></p> })}
            </section>
        }
    });
    let publish = results
        .as_ref()
        .filter(|r| r.may_publish)
        .map(|_| {
            format!(
                "/moderation/consultations/{}/surveys/{}/texts",
                header.slug, survey.number
            )
        })
        .unwrap_or_default();
    let responses = survey.responses;
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process>{header.title.clone()}</a>
            " › "
            <span aria-current="page">{title}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description />
        <FormMessage form="survey" />
        <p class="survey-when">
            <SurveyWhen survey=survey.clone() />
            " · "
            {t!(i18n, surveys.responses_count, count = responses)}
        </p>
        {answered.then(|| view! { <p class="notice notice-info">{t!(i18n, surveys.you_answered)}</p> })}
        <div class="prose" inner_html=intro.0></div>
        {summary}
        <section id="answers" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t!(i18n, surveys.questions_heading)}</h2>
            {questions}
        </section>
        {results.map(|results| view! { <SurveyResultsView results action=publish.clone() /> })}
        {manage}
    }
}
