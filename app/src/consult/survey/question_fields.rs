//! One survey question as form fields, by kind: radio buttons, check
//! boxes, a text area, a rank to choose per option, a 1–5 scale, or a
//! scale per matrix row. Each question is a fieldset (a text question, a
//! labelled text area) with its hint and its problem, if any, tied to it
//! by `aria-describedby`. Plain HTML: it works without JavaScript.

use leptos::prelude::*;

use crate::consult::survey::{
    AnswerProblem, Question, QuestionKind, SCALE_POINTS, field, rank_field, row_field,
};
use crate::i18n::{t, use_i18n};

/// The id of question `number`'s block (problems link to it).
pub fn question_id(number: usize) -> String {
    format!("question-{number}")
}

/// The sentence for an answer's problem.
pub fn answer_problem_text(problem: AnswerProblem) -> AnyView {
    let i18n = use_i18n();
    match problem {
        AnswerProblem::Required => t!(i18n, surveys.problem_required).into_any(),
        AnswerProblem::UnknownOption => t!(i18n, surveys.problem_unknown_option).into_any(),
        AnswerProblem::TooMany { max } => t!(i18n, surveys.problem_too_many, max = max).into_any(),
        AnswerProblem::TooLong { max } => t!(i18n, surveys.problem_too_long, max = max).into_any(),
        AnswerProblem::Ranks => t!(i18n, surveys.problem_ranks).into_any(),
    }
}

/// What the form shows as chosen.
#[derive(Clone, Default)]
pub struct Chosen(pub Vec<(String, String)>);

impl Chosen {
    fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(n, v)| n == name && v == value)
    }

    fn value(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// A scale point's label: "1 – Not at all", "5 – Very much", or the number.
pub fn point_label(point: u8, low: &str, high: &str) -> String {
    match point {
        1 if !low.is_empty() => format!("1 – {low}"),
        p if p == SCALE_POINTS && !high.is_empty() => format!("{p} – {high}"),
        p => p.to_string(),
    }
}

/// Radio buttons named `name` for the points 1 to 5.
fn points(
    name: String,
    low: String,
    high: String,
    chosen: &Chosen,
    required: bool,
) -> impl IntoView {
    (1..=SCALE_POINTS)
        .map(|p| {
            let id = format!("{name}-p{p}");
            let checked = chosen.has(&name, &p.to_string());
            view! {
                <span class="choice">
                    <input type="radio" id=id.clone() name=name.clone() value=p.to_string() checked=checked required=required />
                    <label for=id>{point_label(p, &low, &high)}</label>
                </span>
            }
        })
        .collect_view()
}

/// Question `number` as fields, with what `chosen` holds and its problem.
#[component]
pub fn QuestionFields(
    number: usize,
    question: Question,
    chosen: Chosen,
    problem: Option<AnswerProblem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question_id(number);
    let name = field(number);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let hint = match &question.kind {
        QuestionKind::Multiple { max, .. } => {
            let max = *max;
            Some(t!(i18n, surveys.hint_multiple, max = max).into_any())
        }
        QuestionKind::Ranking { options } => {
            let count = options.len();
            Some(t!(i18n, surveys.hint_ranking, count = count).into_any())
        }
        QuestionKind::Text { max_length } => {
            let max = *max_length;
            Some(t!(i18n, surveys.hint_text, max = max).into_any())
        }
        _ => None,
    };
    let has_help = !question.help.is_empty() || hint.is_some();
    let described = [
        has_help.then(|| help_id.clone()),
        problem.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let required = question.required;
    let legend = view! {
        {format!("{}. {}", number + 1, question.prompt)}
        {required.then(|| view! { " " <span class="required">{t!(i18n, surveys.required)}</span> })}
    };
    let help = question.help.clone();
    let help_view = has_help.then(|| {
        view! {
            <p id=help_id class="hint">
                {(!help.is_empty()).then(|| format!("{help} "))}
                {hint}
            </p>
        }
    });
    let error_view = problem.map(|p| {
        view! { <p id=error_id class="field-error">{answer_problem_text(p)}</p> }
    });
    let class = if problem.is_some() {
        "survey-question has-error"
    } else {
        "survey-question"
    };
    let fields = match question.kind.clone() {
        QuestionKind::Single { options } => options
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let input_id = format!("{name}-{i}");
                view! {
                    <span class="choice">
                        <input type="radio" id=input_id.clone() name=name.clone() value=i.to_string() checked=chosen.has(&name, &i.to_string()) required=required />
                        <label for=input_id>{label}</label>
                    </span>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Multiple { options, .. } => options
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let input_id = format!("{name}-{i}");
                view! {
                    <span class="choice">
                        <input type="checkbox" id=input_id.clone() name=name.clone() value=i.to_string() checked=chosen.has(&name, &i.to_string()) />
                        <label for=input_id>{label}</label>
                    </span>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Ranking { options } => {
            let count = options.len();
            options
                .into_iter()
                .enumerate()
                .map(|(i, label)| {
                    let select_name = rank_field(number, i);
                    let given = chosen.value(&select_name);
                    view! {
                        <span class="rank-choice">
                            <select id=select_name.clone() name=select_name.clone() required=required>
                                <option value="" selected=given.is_empty()>{t!(i18n, surveys.rank_none)}</option>
                                {(1..=count)
                                    .map(|r| {
                                        let value = r.to_string();
                                        let selected = given == value;
                                        view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <label for=select_name>{label}</label>
                        </span>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Scale { low, high } => {
            view! { <div class="scale">{points(name.clone(), low, high, &chosen, required)}</div> }.into_any()
        }
        QuestionKind::Matrix { rows, low, high } => rows
            .into_iter()
            .enumerate()
            .map(|(r, label)| {
                view! {
                    <fieldset class="matrix-row">
                        <legend>{label}</legend>
                        <div class="scale">
                            {points(row_field(number, r), low.clone(), high.clone(), &chosen, required)}
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::Text { max_length } => {
            // A text question is one labelled field, not a group.
            let text = chosen.value(&name);
            return view! {
                <div id=id class=class>
                    <label for=name.clone() class="question-label">{legend}</label>
                    {help_view}
                    {error_view}
                    <textarea
                        id=name.clone()
                        name=name
                        rows="4"
                        maxlength=max_length.to_string()
                        required=required
                        aria-describedby=described
                        aria-invalid=problem.map(|_| "true")
                    >
                        {crate::consult::proposal_fields::textarea_text(&text)}
                    </textarea>
                </div>
            }
            .into_any();
        }
    };
    view! {
        <fieldset id=id class=class aria-describedby=described>
            <legend>{legend}</legend>
            {help_view}
            {error_view}
            {fields}
        </fieldset>
    }
    .into_any()
}
