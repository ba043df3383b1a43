//! The surveys part of a process's page: its quick polls, each answered in
//! place (a plain form post that comes back here) with its result when the
//! reader may see it, and its longer surveys as links with when they are
//! open. Moderators get the link to add a survey.

use leptos::prelude::*;

use crate::consult::survey::question_fields::{Chosen, QuestionFields};
use crate::consult::survey::result_charts::QuestionChart;
use crate::consult::survey::survey_page::SurveyWhen;
use crate::consult::survey::{PollView, SurveySummary};
use crate::i18n::{t, use_i18n};

/// The process `slug`'s surveys and polls.
#[component]
pub fn SurveysSection(
    slug: String,
    surveys: Vec<SurveySummary>,
    polls: Vec<PollView>,
    signed_in: bool,
    may_moderate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if surveys.is_empty() && polls.is_empty() && !may_moderate {
        return ().into_any();
    }
    let base = format!("/consultations/{slug}");
    let polls = polls
        .into_iter()
        .map(|poll| view! { <Poll poll base=base.clone() signed_in /> })
        .collect_view();
    let list = (!surveys.is_empty()).then(|| {
        let items = surveys
            .into_iter()
            .map(|survey| {
                let href = format!("{base}/surveys/{}", survey.number);
                let title = survey.title.clone();
                let questions = survey.questions;
                let responses = survey.responses;
                view! {
                    <li class="card">
                        <h3><a href=href>{title}</a></h3>
                        <p>
                            <SurveyWhen survey />
                            " · "
                            {t!(i18n, surveys.questions_count, count = questions)}
                            " · "
                            {t!(i18n, surveys.responses_count, count = responses)}
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="cards survey-list">{items}</ul> }
    });
    let add = may_moderate.then(|| {
        let href = format!("/moderation/consultations/{slug}/surveys/new");
        view! { <p><a class="button button-secondary" href=href>{t!(i18n, surveys.add_survey)}</a></p> }
    });
    view! {
        <section id="surveys" aria-labelledby="surveys-heading">
            <h2 id="surveys-heading">{t!(i18n, surveys.section_heading)}</h2>
            {polls}
            {list}
            {add}
        </section>
    }
    .into_any()
}

#[component]
fn Poll(poll: PollView, base: String, signed_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("{base}/surveys/{}", poll.survey.number);
    let id = format!("poll-{}", poll.survey.number);
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let open = poll.survey.open;
    let fields = view! {
        <QuestionFields number=0 question=poll.question.clone() chosen=Chosen(poll.chosen.clone()) problem=poll.problem />
    };
    let form = if poll.may_answer {
        let button = if poll.answered {
            t!(i18n, surveys.save_button).into_any()
        } else {
            t!(i18n, surveys.send_button).into_any()
        };
        view! {
            <form method="post" action=action class="stacked-form poll-form">
                <input type="hidden" name="return" value="process" />
                {fields}
                <button type="submit" class="button">{button}</button>
            </form>
        }
        .into_any()
    } else {
        let sign_in = (!signed_in && open).then(|| {
            let href = format!("/account/sign-in?next={base}%23{id}");
            view! { <p><a class="button" href=href>{t!(i18n, surveys.sign_in_to_answer)}</a></p> }
        });
        view! {
            {sign_in}
            {poll.result.is_none().then(|| view! { <fieldset disabled class="survey-preview"><legend class="visually-hidden">{t!(i18n, surveys.preview_legend)}</legend>{fields}</fieldset> })}
        }
        .into_any()
    };
    let title = poll.survey.title.clone();
    let result = poll.result.map(|question| {
        view! { <QuestionChart question moderated=false action=String::new() /> }
    });
    view! {
        <article id=id class="poll panel" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            <p class="survey-when"><SurveyWhen survey=poll.survey.clone() /></p>
            {poll.answered.then(|| view! { <p class="notice notice-info">{t!(i18n, surveys.you_answered)}</p> })}
            {form}
            {result}
        </article>
    }
}
