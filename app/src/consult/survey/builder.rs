//! The survey builder's form: what it posts (one block of fields per
//! question, `question-{i}-{field}`), the buttons that add, remove and move
//! questions without JavaScript, and the checks that turn it into a
//! survey. The same on both sides: the server refuses with these problems
//! (keeping what was typed), the page shows them next to their fields.

use serde::{Deserialize, Serialize};

use crate::consult::survey::{
    DefinitionProblem, Question, QuestionKind, QuestionType, Section, SurveyDefinition,
};
use crate::consult::{PhaseKind, ProcessHeader};

/// Longest survey title.
pub const SURVEY_TITLE_MAX: usize = 200;
/// Longest survey introduction.
pub const SURVEY_INTRO_MAX: usize = 10_000;
/// The free-text limit a new text question gets.
pub const TEXT_LIMIT_DEFAULT: u32 = 2_000;

/// One question's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionInput {
    /// A section heading that starts before this question, or empty.
    pub section: String,
    /// The new section's introduction, or empty.
    pub section_intro: String,
    /// What is asked.
    pub prompt: String,
    /// A hint, or empty.
    pub help: String,
    /// The question type's code.
    pub kind: String,
    /// Whether it must be answered.
    pub required: bool,
    /// Options (or matrix rows), one per line.
    pub options: String,
    /// The most choices (multiple choice).
    pub max: String,
    /// The longest answer (free text).
    pub max_length: String,
    /// What 1 means (scale, matrix).
    pub low: String,
    /// What 5 means (scale, matrix).
    pub high: String,
}

/// The builder's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveyInput {
    /// Title.
    pub title: String,
    /// Introduction, Markdown.
    pub intro: String,
    /// The code of the phase during which it takes answers.
    pub phase: String,
    /// Whether citizens see the results as soon as they answered.
    pub results_after_answer: bool,
    /// The questions.
    pub questions: Vec<QuestionInput>,
}

/// What a builder post asks, by the button pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuilderAction {
    /// Save the survey.
    Save,
    /// Add an empty question at the end and come back to the form.
    AddQuestion,
    /// Remove question `i` and come back.
    Remove(usize),
    /// Move question `i` up one place and come back.
    MoveUp(usize),
}

impl BuilderAction {
    /// The button's value.
    pub fn code(self) -> String {
        match self {
            BuilderAction::Save => "save".into(),
            BuilderAction::AddQuestion => "add_question".into(),
            BuilderAction::Remove(i) => format!("remove-{i}"),
            BuilderAction::MoveUp(i) => format!("up-{i}"),
        }
    }

    /// The action whose button value is `code`.
    pub fn from_code(code: &str) -> Option<BuilderAction> {
        match code {
            "save" => Some(BuilderAction::Save),
            "add_question" => Some(BuilderAction::AddQuestion),
            _ => {
                let (verb, index) = code.split_once('-')?;
                let index = index.parse().ok()?;
                match verb {
                    "remove" => Some(BuilderAction::Remove(index)),
                    "up" => Some(BuilderAction::MoveUp(index)),
                    _ => None,
                }
            }
        }
    }
}

/// The name of question `index`'s field `field`.
pub fn question_field(index: usize, field: &str) -> String {
    format!("question-{index}-{field}")
}

impl SurveyInput {
    /// The input from a posted form's name–value pairs, and the button
    /// pressed (`None`: a value no button has).
    pub fn from_pairs(pairs: &[(String, String)]) -> (SurveyInput, Option<BuilderAction>) {
        let mut input = SurveyInput::default();
        let mut action = Some(BuilderAction::Save);
        for (name, value) in pairs {
            match name.as_str() {
                "title" => input.title = value.clone(),
                "intro" => input.intro = value.clone(),
                "phase" => input.phase = value.clone(),
                "results_after_answer" => input.results_after_answer = true,
                "action" => action = BuilderAction::from_code(value),
                other => {
                    let Some((index, field)) = other
                        .strip_prefix("question-")
                        .and_then(|rest| rest.split_once('-'))
                        .and_then(|(i, f)| Some((i.parse::<usize>().ok()?, f)))
                    else {
                        continue;
                    };
                    // Indices come from the form; a gap is filled with
                    // empty questions, and a silly index is ignored.
                    if index > crate::consult::survey::QUESTIONS_MAX {
                        continue;
                    }
                    if input.questions.len() <= index {
                        input
                            .questions
                            .resize_with(index + 1, QuestionInput::default);
                    }
                    let q = &mut input.questions[index];
                    match field {
                        "section" => q.section = value.clone(),
                        "section_intro" => q.section_intro = value.clone(),
                        "prompt" => q.prompt = value.clone(),
                        "help" => q.help = value.clone(),
                        "kind" => q.kind = value.clone(),
                        "required" => q.required = true,
                        "options" => q.options = value.clone(),
                        "max" => q.max = value.clone(),
                        "max_length" => q.max_length = value.clone(),
                        "low" => q.low = value.clone(),
                        "high" => q.high = value.clone(),
                        _ => {}
                    }
                }
            }
        }
        (input, action)
    }

    /// Applies a button other than Save: the form to show next.
    pub fn apply(&mut self, action: BuilderAction) {
        match action {
            BuilderAction::Save => {}
            BuilderAction::AddQuestion => self.questions.push(QuestionInput {
                kind: QuestionType::Single.code().into(),
                ..QuestionInput::default()
            }),
            BuilderAction::Remove(i) if i < self.questions.len() => {
                self.questions.remove(i);
            }
            BuilderAction::MoveUp(i) if i > 0 && i < self.questions.len() => {
                self.questions.swap(i - 1, i);
            }
            BuilderAction::Remove(_) | BuilderAction::MoveUp(_) => {}
        }
    }

    /// The input showing `definition` and the rest, for editing.
    pub fn of(
        title: &str,
        intro: &str,
        phase: PhaseKind,
        results_after_answer: bool,
        definition: &SurveyDefinition,
    ) -> SurveyInput {
        let mut questions = Vec::new();
        for section in &definition.sections {
            for (i, q) in section.questions.iter().enumerate() {
                let mut input = QuestionInput {
                    section: if i == 0 {
                        section.title.clone()
                    } else {
                        String::new()
                    },
                    section_intro: if i == 0 {
                        section.intro.clone()
                    } else {
                        String::new()
                    },
                    prompt: q.prompt.clone(),
                    help: q.help.clone(),
                    kind: q.kind.question_type().code().into(),
                    required: q.required,
                    options: q.kind.options().join("\n"),
                    ..QuestionInput::default()
                };
                match &q.kind {
                    QuestionKind::Multiple { max, .. } => input.max = max.to_string(),
                    QuestionKind::Text { max_length } => input.max_length = max_length.to_string(),
                    QuestionKind::Scale { low, high } | QuestionKind::Matrix { low, high, .. } => {
                        input.low = low.clone();
                        input.high = high.clone();
                    }
                    _ => {}
                }
                questions.push(input);
            }
        }
        SurveyInput {
            title: title.into(),
            intro: intro.into(),
            phase: phase.code().into(),
            results_after_answer,
            questions,
        }
    }

    /// The survey it describes, for a process with `phases`, or every
    /// problem at once.
    pub fn check(&self, phases: &[PhaseKind]) -> Result<CheckedSurvey, Vec<SurveyProblem>> {
        let mut problems = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            problems.push(SurveyProblem::TitleEmpty);
        } else if title.chars().count() > SURVEY_TITLE_MAX {
            problems.push(SurveyProblem::TitleLong);
        }
        if self.intro.chars().count() > SURVEY_INTRO_MAX {
            problems.push(SurveyProblem::IntroLong);
        }
        let phase = PhaseKind::from_code(&self.phase);
        match phase {
            None => problems.push(SurveyProblem::PhaseUnknown),
            Some(kind) if !phases.contains(&kind) => problems.push(SurveyProblem::PhaseMissing),
            Some(_) => {}
        }
        let mut sections: Vec<Section> = Vec::new();
        for (number, q) in self.questions.iter().enumerate() {
            if sections.is_empty() || !q.section.trim().is_empty() {
                sections.push(Section {
                    title: q.section.trim().into(),
                    intro: q.section_intro.trim().into(),
                    questions: Vec::new(),
                });
            }
            let options: Vec<String> = q
                .options
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            let number_of = |text: &str, default: u32| -> Option<u32> {
                let text = text.trim();
                if text.is_empty() {
                    Some(default)
                } else {
                    text.parse().ok()
                }
            };
            let kind = match QuestionType::from_code(&q.kind) {
                None => {
                    problems.push(SurveyProblem::KindUnknown { number });
                    continue;
                }
                Some(QuestionType::Single) => QuestionKind::Single { options },
                Some(QuestionType::Multiple) => {
                    let Some(max) = number_of(&q.max, options.len() as u32) else {
                        problems.push(SurveyProblem::NotANumber { number });
                        continue;
                    };
                    QuestionKind::Multiple { options, max }
                }
                Some(QuestionType::Text) => {
                    let Some(max_length) = number_of(&q.max_length, TEXT_LIMIT_DEFAULT) else {
                        problems.push(SurveyProblem::NotANumber { number });
                        continue;
                    };
                    QuestionKind::Text { max_length }
                }
                Some(QuestionType::Ranking) => QuestionKind::Ranking { options },
                Some(QuestionType::Scale) => QuestionKind::Scale {
                    low: q.low.trim().into(),
                    high: q.high.trim().into(),
                },
                Some(QuestionType::Matrix) => QuestionKind::Matrix {
                    rows: options,
                    low: q.low.trim().into(),
                    high: q.high.trim().into(),
                },
            };
            if let Some(section) = sections.last_mut() {
                section.questions.push(Question {
                    prompt: q.prompt.trim().into(),
                    help: q.help.trim().into(),
                    required: q.required,
                    kind,
                });
            }
        }
        let definition = SurveyDefinition { sections };
        if problems.iter().all(|p| {
            !matches!(
                p,
                SurveyProblem::KindUnknown { .. } | SurveyProblem::NotANumber { .. }
            )
        }) {
            problems.extend(
                definition
                    .problems()
                    .into_iter()
                    .map(SurveyProblem::Definition),
            );
        }
        match phase {
            Some(phase) if problems.is_empty() => Ok(CheckedSurvey {
                title: title.into(),
                intro: self.intro.trim().into(),
                phase,
                results_after_answer: self.results_after_answer,
                definition,
            }),
            _ => Err(problems),
        }
    }
}

/// A survey that passed the builder's checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSurvey {
    /// Title.
    pub title: String,
    /// Introduction, Markdown.
    pub intro: String,
    /// The phase during which it takes answers.
    pub phase: PhaseKind,
    /// Whether citizens see the results once they answered.
    pub results_after_answer: bool,
    /// Its questions.
    pub definition: SurveyDefinition,
}

/// Why the builder was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum SurveyProblem {
    /// No title.
    TitleEmpty,
    /// Longer than [`SURVEY_TITLE_MAX`].
    TitleLong,
    /// Longer than [`SURVEY_INTRO_MAX`].
    IntroLong,
    /// The phase is not one of the five.
    PhaseUnknown,
    /// The process has no such phase.
    PhaseMissing,
    /// Question `number`'s type is not one of the six.
    KindUnknown {
        /// The question, from 0.
        number: usize,
    },
    /// Question `number`'s limit is not a whole number.
    NotANumber {
        /// The question, from 0.
        number: usize,
    },
    /// The questions' own problems.
    Definition(DefinitionProblem),
    /// The survey has responses: its questions can no longer change.
    Answered,
}

/// The survey builder's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveyFormView {
    /// The process and the reader.
    pub header: ProcessHeader,
    /// The survey edited, or `None` for a new one.
    pub number: Option<i64>,
    /// The fields, as stored or as last typed.
    pub input: SurveyInput,
    /// The last attempt's problems.
    pub problems: Vec<SurveyProblem>,
    /// The process's phases, for the phase choice.
    pub phases: Vec<PhaseKind>,
    /// Its responses so far (its questions are fixed once there is one).
    pub responses: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_posted_builder_reads_into_a_survey_with_sections() {
        let (input, action) = SurveyInput::from_pairs(&pairs(&[
            ("title", "Travel to the quay"),
            ("phase", "deliberation"),
            ("question-0-section", "Today"),
            ("question-0-prompt", "How do you come?"),
            ("question-0-kind", "single"),
            ("question-0-options", "Bike\r\nBus\n\n"),
            ("question-0-required", "on"),
            ("question-1-prompt", "What would help?"),
            ("question-1-kind", "multiple"),
            ("question-1-options", "Trees\nBenches\nLight"),
            ("question-1-max", "2"),
            ("question-2-section", "Tomorrow"),
            ("question-2-prompt", "Anything else?"),
            ("question-2-kind", "text"),
            ("action", "save"),
        ]));
        assert_eq!(action, Some(BuilderAction::Save));
        let survey = input.check(&[PhaseKind::Deliberation]).unwrap();
        let sections = &survey.definition.sections;
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].title, "Today");
        assert_eq!(sections[0].questions.len(), 2);
        assert_eq!(
            sections[0].questions[0].kind,
            QuestionKind::Single {
                options: vec!["Bike".into(), "Bus".into()]
            }
        );
        assert_eq!(
            sections[1].questions[0].kind,
            QuestionKind::Text {
                max_length: TEXT_LIMIT_DEFAULT
            }
        );
        // And back to the form, unchanged.
        let again = SurveyInput::of(
            &survey.title,
            &survey.intro,
            survey.phase,
            false,
            &survey.definition,
        );
        assert_eq!(again.check(&[PhaseKind::Deliberation]).unwrap(), survey);
    }

    #[test]
    fn every_problem_is_found_at_once() {
        let (input, _) = SurveyInput::from_pairs(&pairs(&[
            ("phase", "results"),
            ("question-0-prompt", "Pick"),
            ("question-0-kind", "dropdown"),
            ("question-1-prompt", "How many?"),
            ("question-1-kind", "multiple"),
            ("question-1-max", "two"),
        ]));
        assert_eq!(
            input.check(&[PhaseKind::Proposals]).unwrap_err(),
            [
                SurveyProblem::TitleEmpty,
                SurveyProblem::PhaseMissing,
                SurveyProblem::KindUnknown { number: 0 },
                SurveyProblem::NotANumber { number: 1 },
            ]
        );
    }

    #[test]
    fn buttons_add_remove_and_move_questions() {
        let mut input = SurveyInput::default();
        input.apply(BuilderAction::AddQuestion);
        input.apply(BuilderAction::AddQuestion);
        input.questions[1].prompt = "Second".into();
        input.apply(BuilderAction::MoveUp(1));
        assert_eq!(input.questions[0].prompt, "Second");
        input.apply(BuilderAction::Remove(1));
        input.apply(BuilderAction::Remove(7));
        assert_eq!(input.questions.len(), 1);
        assert_eq!(
            BuilderAction::from_code(&BuilderAction::Remove(3).code()),
            Some(BuilderAction::Remove(3))
        );
        assert_eq!(BuilderAction::from_code("explode-1"), None);
    }
}
