//! `/moderation/consultations/{slug}/surveys/new` and `…/{number}/edit`:
//! the survey builder (moderators and administrators). One block of fields
//! per question; buttons add a question, remove one or move it up, each a
//! plain post that keeps the form as a draft and comes back, so it works
//! without JavaScript. Every problem is listed at once, linked to its
//! question.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::parts::phase_label;
use crate::consult::survey::{
    BuilderAction, DefinitionProblem, HELP_MAX, OPTIONS_MAX, PROMPT_MAX, QuestionInput,
    QuestionProblem, QuestionType, SURVEY_TITLE_MAX, SurveyFormView, SurveyProblem, TEXT_LIMIT_MAX,
    load_survey_form, question_field,
};
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The survey builder.
#[component]
pub fn SurveyFormPage() -> impl IntoView {
    let params = use_params_map();
    let request = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("number").map(|n| n.parse::<i64>().ok()),
            )
        })
    };
    let form = Resource::new(request, |(slug, number)| async move {
        match number {
            Some(None) => Err(AppError::NotFound),
            Some(Some(n)) => load_survey_form(slug, Some(n)).await,
            None => load_survey_form(slug, None).await,
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(view) => view! { <SurveyForm view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The question a problem is about, if one.
fn question_of(problem: &SurveyProblem) -> Option<usize> {
    match problem {
        SurveyProblem::KindUnknown { number }
        | SurveyProblem::NotANumber { number }
        | SurveyProblem::Definition(DefinitionProblem::Question { number, .. }) => Some(*number),
        _ => None,
    }
}

/// Where a problem's link goes.
fn anchor_of(problem: &SurveyProblem) -> String {
    match problem {
        SurveyProblem::TitleEmpty | SurveyProblem::TitleLong => "#survey-title".into(),
        SurveyProblem::IntroLong => "#survey-intro".into(),
        SurveyProblem::PhaseUnknown | SurveyProblem::PhaseMissing => "#survey-phase".into(),
        SurveyProblem::Definition(DefinitionProblem::SectionLong { .. })
        | SurveyProblem::Definition(DefinitionProblem::NoQuestion)
        | SurveyProblem::Definition(DefinitionProblem::TooManyQuestions)
        | SurveyProblem::Answered => "#questions".into(),
        other => question_of(other).map_or("#questions".into(), |n| format!("#question-block-{n}")),
    }
}

/// The sentence for a builder problem.
fn problem_text(problem: &SurveyProblem) -> AnyView {
    let i18n = use_i18n();
    let of_question = |n: usize, text: AnyView| {
        let number = n + 1;
        view! { {t!(i18n, surveys.question_number, number = number)} " " {text} }.into_any()
    };
    match *problem {
        SurveyProblem::TitleEmpty => t!(i18n, survey_form.problem_title_empty).into_any(),
        SurveyProblem::TitleLong => {
            t!(i18n, survey_form.problem_title_long, max = SURVEY_TITLE_MAX).into_any()
        }
        SurveyProblem::IntroLong => t!(i18n, survey_form.problem_intro_long).into_any(),
        SurveyProblem::PhaseUnknown => t!(i18n, survey_form.problem_phase_unknown).into_any(),
        SurveyProblem::PhaseMissing => t!(i18n, survey_form.problem_phase_missing).into_any(),
        SurveyProblem::Answered => t!(i18n, survey_form.problem_answered).into_any(),
        SurveyProblem::KindUnknown { number } => of_question(
            number,
            t!(i18n, survey_form.problem_kind_unknown).into_any(),
        ),
        SurveyProblem::NotANumber { number } => of_question(
            number,
            t!(i18n, survey_form.problem_not_a_number).into_any(),
        ),
        SurveyProblem::Definition(DefinitionProblem::NoQuestion) => {
            t!(i18n, survey_form.problem_no_question).into_any()
        }
        SurveyProblem::Definition(DefinitionProblem::TooManyQuestions) => {
            let max = crate::consult::survey::QUESTIONS_MAX;
            t!(i18n, survey_form.problem_too_many_questions, max = max).into_any()
        }
        SurveyProblem::Definition(DefinitionProblem::SectionLong { section }) => {
            let number = section + 1;
            t!(
                i18n,
                survey_form.problem_section_long,
                number = number,
                max = PROMPT_MAX
            )
            .into_any()
        }
        SurveyProblem::Definition(DefinitionProblem::Question { number, kind }) => {
            let text = match kind {
                QuestionProblem::PromptEmpty => {
                    t!(i18n, survey_form.problem_prompt_empty).into_any()
                }
                QuestionProblem::PromptLong => {
                    t!(i18n, survey_form.problem_prompt_long, max = PROMPT_MAX).into_any()
                }
                QuestionProblem::HelpLong => {
                    t!(i18n, survey_form.problem_help_long, max = HELP_MAX).into_any()
                }
                QuestionProblem::FewOptions { fewest } => {
                    t!(i18n, survey_form.problem_few_options, fewest = fewest).into_any()
                }
                QuestionProblem::ManyOptions => {
                    t!(i18n, survey_form.problem_many_options, max = OPTIONS_MAX).into_any()
                }
                QuestionProblem::OptionText => {
                    t!(i18n, survey_form.problem_option_text, max = PROMPT_MAX).into_any()
                }
                QuestionProblem::OptionTwice => {
                    t!(i18n, survey_form.problem_option_twice).into_any()
                }
                QuestionProblem::MaxChoices => t!(i18n, survey_form.problem_max_choices).into_any(),
                QuestionProblem::TextLimit => {
                    t!(i18n, survey_form.problem_text_limit, max = TEXT_LIMIT_MAX).into_any()
                }
                QuestionProblem::ScaleLabels => {
                    t!(i18n, survey_form.problem_scale_labels, max = PROMPT_MAX).into_any()
                }
            };
            of_question(number, text)
        }
    }
}

fn type_label(kind: QuestionType) -> String {
    let i18n = use_i18n();
    match kind {
        QuestionType::Single => t_string!(i18n, survey_form.type_single),
        QuestionType::Multiple => t_string!(i18n, survey_form.type_multiple),
        QuestionType::Text => t_string!(i18n, survey_form.type_text),
        QuestionType::Ranking => t_string!(i18n, survey_form.type_ranking),
        QuestionType::Scale => t_string!(i18n, survey_form.type_scale),
        QuestionType::Matrix => t_string!(i18n, survey_form.type_matrix),
    }
    .to_string()
}

#[component]
fn SurveyForm(view: SurveyFormView) -> impl IntoView {
    let i18n = use_i18n();
    let SurveyFormView {
        header,
        number,
        input,
        problems,
        phases,
        responses,
    } = view;
    let process = format!("/consultations/{}", header.slug);
    let action = match number {
        Some(n) => format!("/moderation/consultations/{}/surveys/{n}", header.slug),
        None => format!("/moderation/consultations/{}/surveys", header.slug),
    };
    let title = match number {
        Some(_) => t_string!(i18n, survey_form.edit_title).to_string(),
        None => t_string!(i18n, survey_form.new_title).to_string(),
    };
    let heading = title.clone();
    let summary = (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|p| view! { <li><a href=anchor_of(p)>{problem_text(p)}</a></li> })
            .collect_view();
        view! {
            <div class="notice notice-error problem-summary" role="alert" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t!(i18n, survey_form.problems_heading)}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let phase_options = phases
        .into_iter()
        .map(|kind| {
            let selected = input.phase == kind.code();
            view! { <option value=kind.code() selected=selected>{phase_label(kind)}</option> }
        })
        .collect_view();
    let count = input.questions.len();
    let blocks = input
        .questions
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, q)| {
            let mine: Vec<SurveyProblem> = problems
                .iter()
                .filter(|p| question_of(p) == Some(i))
                .copied()
                .collect();
            view! { <QuestionBlock index=i count question=q problems=mine /> }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process>{header.title.clone()}</a>
            " › "
            <span aria-current="page">{title}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) />
        <FormMessage form="survey" />
        {summary}
        {(responses > 0).then(|| view! { <p class="notice notice-info">{t!(i18n, survey_form.answered_note, count = responses)}</p> })}
        <form method="post" action=action class="stacked-form survey-builder">
            <div class="field">
                <label for="survey-title">{t!(i18n, survey_form.title_label)}</label>
                <input id="survey-title" name="title" type="text" required maxlength=SURVEY_TITLE_MAX.to_string() value=input.title.clone() />
            </div>
            <div class="field">
                <label for="survey-intro">{t!(i18n, survey_form.intro_label)}</label>
                <p class="hint" id="survey-intro-hint">{t!(i18n, survey_form.intro_hint)}</p>
                <textarea id="survey-intro" name="intro" rows="4" aria-describedby="survey-intro-hint">
                    {crate::consult::proposal_fields::textarea_text(&input.intro)}
                </textarea>
            </div>
            <div class="field">
                <label for="survey-phase">{t!(i18n, survey_form.phase_label)}</label>
                <p class="hint" id="survey-phase-hint">{t!(i18n, survey_form.phase_hint)}</p>
                <select id="survey-phase" name="phase" aria-describedby="survey-phase-hint">{phase_options}</select>
            </div>
            <div class="field choice">
                <input id="survey-results-after" name="results_after_answer" type="checkbox" checked=input.results_after_answer />
                <label for="survey-results-after">{t!(i18n, survey_form.results_after_label)}</label>
            </div>
            <section id="questions" aria-labelledby="questions-heading">
                <h2 id="questions-heading">{t!(i18n, survey_form.questions_heading)}</h2>
                <p class="hint">{t!(i18n, survey_form.questions_hint)}</p>
                {blocks}
                <button type="submit" name="action" value=BuilderAction::AddQuestion.code() class="button button-secondary">
                    {t!(i18n, survey_form.add_question)}
                </button>
            </section>
            <button type="submit" name="action" value=BuilderAction::Save.code() class="button">{t!(i18n, survey_form.save)}</button>
        </form>
    }
}

#[component]
fn QuestionBlock(
    index: usize,
    count: usize,
    question: QuestionInput,
    problems: Vec<SurveyProblem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = |field: &str| question_field(index, field);
    let number = index + 1;
    let errors = problems
        .iter()
        .map(|p| view! { <p class="field-error">{problem_text(p)}</p> })
        .collect_view();
    let types = QuestionType::ALL
        .into_iter()
        .map(|kind| {
            let selected = question.kind == kind.code();
            view! { <option value=kind.code() selected=selected>{type_label(kind)}</option> }
        })
        .collect_view();
    let text_input = |field: &'static str, label: String, value: String, hint: Option<String>| {
        let input_id = id(field);
        let hint_id = format!("{input_id}-hint");
        view! {
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                {hint.clone().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                <input id=input_id.clone() name=input_id type="text" value=value aria-describedby=hint.map(|_| hint_id) />
            </div>
        }
    };
    view! {
        <fieldset id=format!("question-block-{index}") class=if problems.is_empty() { "question-block" } else { "question-block has-error" }>
            <legend>{t!(i18n, surveys.question_number, number = number)}</legend>
            {errors}
            <details class="section-start" open=!question.section.is_empty()>
                <summary>{t!(i18n, survey_form.section_summary)}</summary>
                {text_input("section", t_string!(i18n, survey_form.section_label).to_string(), question.section.clone(), None)}
                <div class="field">
                    <label for=id("section_intro")>{t!(i18n, survey_form.section_intro_label)}</label>
                    <textarea id=id("section_intro") name=id("section_intro") rows="2">
                        {crate::consult::proposal_fields::textarea_text(&question.section_intro)}
                    </textarea>
                </div>
            </details>
            {text_input("prompt", t_string!(i18n, survey_form.prompt_label).to_string(), question.prompt.clone(), None)}
            {text_input("help", t_string!(i18n, survey_form.help_label).to_string(), question.help.clone(), None)}
            <div class="field">
                <label for=id("kind")>{t!(i18n, survey_form.type_label)}</label>
                <select id=id("kind") name=id("kind")>{types}</select>
            </div>
            <div class="field choice">
                <input id=id("required") name=id("required") type="checkbox" checked=question.required />
                <label for=id("required")>{t!(i18n, survey_form.required_label)}</label>
            </div>
            <div class="field">
                <label for=id("options")>{t!(i18n, survey_form.options_label)}</label>
                <p class="hint" id=format!("{}-hint", id("options"))>{t!(i18n, survey_form.options_hint)}</p>
                <textarea id=id("options") name=id("options") rows="4" aria-describedby=format!("{}-hint", id("options"))>
                    {crate::consult::proposal_fields::textarea_text(&question.options)}
                </textarea>
            </div>
            {text_input("max", t_string!(i18n, survey_form.max_label).to_string(), question.max.clone(), Some(t_string!(i18n, survey_form.max_hint).to_string()))}
            {text_input("max_length", t_string!(i18n, survey_form.max_length_label).to_string(), question.max_length.clone(), Some(t_string!(i18n, survey_form.max_length_hint).to_string()))}
            {text_input("low", t_string!(i18n, survey_form.low_label).to_string(), question.low.clone(), Some(t_string!(i18n, survey_form.scale_hint).to_string()))}
            {text_input("high", t_string!(i18n, survey_form.high_label).to_string(), question.high.clone(), None)}
            <p class="question-actions">
                {(index > 0)
                    .then(|| {
                        view! {
                            <button type="submit" name="action" value=BuilderAction::MoveUp(index).code() class="button button-small button-secondary">
                                {t!(i18n, survey_form.move_up)}
                                <span class="visually-hidden">" " {t!(i18n, surveys.question_number, number = number)}</span>
                            </button>
                            " "
                        }
                    })}
                {(count > 1)
                    .then(|| {
                        view! {
                            <button type="submit" name="action" value=BuilderAction::Remove(index).code() class="button button-small button-danger">
                                {t!(i18n, survey_form.remove)}
                                <span class="visually-hidden">" " {t!(i18n, surveys.question_number, number = number)}</span>
                            </button>
                        }
                    })}
            </p>
        </fieldset>
    }
}
