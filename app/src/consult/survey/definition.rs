//! What a survey asks: sections of questions of six kinds, and the checks
//! a survey's builder runs before it is saved. A survey with one question
//! is a quick poll, answered inline on its process's page.

use serde::{Deserialize, Serialize};

/// Points on a scale (and on each row of a matrix): 1 to 5.
pub const SCALE_POINTS: u8 = 5;
/// Most questions in one survey.
pub const QUESTIONS_MAX: usize = 60;
/// Most options (or matrix rows) of one question.
pub const OPTIONS_MAX: usize = 30;
/// Longest question, section title or option.
pub const PROMPT_MAX: usize = 300;
/// Longest help or section introduction.
pub const HELP_MAX: usize = 2_000;
/// The largest length limit a free-text question may set.
pub const TEXT_LIMIT_MAX: u32 = 10_000;

/// A survey's questions, in sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SurveyDefinition {
    /// The sections, in order; a survey without headings has one untitled
    /// section.
    pub sections: Vec<Section>,
}

/// A group of questions under a heading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Section {
    /// Its heading, or empty.
    pub title: String,
    /// A few words before its questions, Markdown, or empty.
    pub intro: String,
    /// Its questions.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Question {
    /// What is asked.
    pub prompt: String,
    /// A hint under the question, or empty.
    pub help: String,
    /// Whether a response must answer it.
    pub required: bool,
    /// Its kind, with what the kind needs.
    pub kind: QuestionKind,
}

/// The kinds of question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Pick one option.
    Single {
        /// The options.
        options: Vec<String>,
    },
    /// Pick up to `max` options.
    Multiple {
        /// The options.
        options: Vec<String>,
        /// The most a response may pick.
        max: u32,
    },
    /// Write up to `max_length` characters.
    Text {
        /// The longest answer.
        max_length: u32,
    },
    /// Put every option in order, 1 first.
    Ranking {
        /// The options.
        options: Vec<String>,
    },
    /// Pick a point from 1 (`low`) to 5 (`high`).
    Scale {
        /// What 1 means.
        low: String,
        /// What 5 means.
        high: String,
    },
    /// Pick a point from 1 to 5 on each row.
    Matrix {
        /// The rows.
        rows: Vec<String>,
        /// What 1 means.
        low: String,
        /// What 5 means.
        high: String,
    },
}

/// A question kind's name, without what it needs: the builder's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    /// [`QuestionKind::Single`].
    Single,
    /// [`QuestionKind::Multiple`].
    Multiple,
    /// [`QuestionKind::Text`].
    Text,
    /// [`QuestionKind::Ranking`].
    Ranking,
    /// [`QuestionKind::Scale`].
    Scale,
    /// [`QuestionKind::Matrix`].
    Matrix,
}

impl QuestionType {
    /// Every type, in the order the builder offers them.
    pub const ALL: [QuestionType; 6] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::Text,
        QuestionType::Ranking,
        QuestionType::Scale,
        QuestionType::Matrix,
    ];

    /// The type's code in forms and exports.
    pub fn code(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::Text => "text",
            QuestionType::Ranking => "ranking",
            QuestionType::Scale => "scale",
            QuestionType::Matrix => "matrix",
        }
    }

    /// The type whose code is `code`.
    pub fn from_code(code: &str) -> Option<QuestionType> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

impl QuestionKind {
    /// Its type.
    pub fn question_type(&self) -> QuestionType {
        match self {
            QuestionKind::Single { .. } => QuestionType::Single,
            QuestionKind::Multiple { .. } => QuestionType::Multiple,
            QuestionKind::Text { .. } => QuestionType::Text,
            QuestionKind::Ranking { .. } => QuestionType::Ranking,
            QuestionKind::Scale { .. } => QuestionType::Scale,
            QuestionKind::Matrix { .. } => QuestionType::Matrix,
        }
    }

    /// The options to pick or rank, or the matrix's rows.
    pub fn options(&self) -> &[String] {
        match self {
            QuestionKind::Single { options }
            | QuestionKind::Multiple { options, .. }
            | QuestionKind::Ranking { options } => options,
            QuestionKind::Matrix { rows, .. } => rows,
            QuestionKind::Text { .. } | QuestionKind::Scale { .. } => &[],
        }
    }
}

impl SurveyDefinition {
    /// Every question with its number (from 0, across sections).
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter())
            .enumerate()
    }

    /// How many questions it asks.
    pub fn len(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// Whether it asks nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether it is a quick poll: one question, shown on the process page.
    pub fn is_poll(&self) -> bool {
        self.len() == 1
    }

    /// Its problems, each about one question (or section), in order; none
    /// when it may be saved.
    pub fn problems(&self) -> Vec<DefinitionProblem> {
        let mut problems = Vec::new();
        if self.is_empty() {
            problems.push(DefinitionProblem::NoQuestion);
        }
        if self.len() > QUESTIONS_MAX {
            problems.push(DefinitionProblem::TooManyQuestions);
        }
        for (index, section) in self.sections.iter().enumerate() {
            if section.title.chars().count() > PROMPT_MAX
                || section.intro.chars().count() > HELP_MAX
            {
                problems.push(DefinitionProblem::SectionLong { section: index });
            }
        }
        for (number, question) in self.questions() {
            let mut problem = |kind| problems.push(DefinitionProblem::Question { number, kind });
            let prompt = question.prompt.trim().chars().count();
            if prompt == 0 {
                problem(QuestionProblem::PromptEmpty);
            } else if prompt > PROMPT_MAX {
                problem(QuestionProblem::PromptLong);
            }
            if question.help.chars().count() > HELP_MAX {
                problem(QuestionProblem::HelpLong);
            }
            let options = question.kind.options();
            let needs_options = !matches!(
                question.kind,
                QuestionKind::Text { .. } | QuestionKind::Scale { .. }
            );
            let fewest = if matches!(question.kind, QuestionKind::Matrix { .. }) {
                1
            } else {
                2
            };
            if needs_options && options.len() < fewest {
                problem(QuestionProblem::FewOptions { fewest });
            }
            if options.len() > OPTIONS_MAX {
                problem(QuestionProblem::ManyOptions);
            }
            if options
                .iter()
                .any(|o| o.trim().is_empty() || o.chars().count() > PROMPT_MAX)
            {
                problem(QuestionProblem::OptionText);
            }
            let mut seen = std::collections::HashSet::new();
            if !options.iter().all(|o| seen.insert(o.trim().to_lowercase())) {
                problem(QuestionProblem::OptionTwice);
            }
            match &question.kind {
                QuestionKind::Multiple { options, max }
                    if *max < 1 || *max as usize > options.len().max(1) =>
                {
                    problem(QuestionProblem::MaxChoices);
                }
                QuestionKind::Text { max_length }
                    if *max_length < 1 || *max_length > TEXT_LIMIT_MAX =>
                {
                    problem(QuestionProblem::TextLimit);
                }
                QuestionKind::Scale { low, high } | QuestionKind::Matrix { low, high, .. }
                    if low.chars().count() > PROMPT_MAX || high.chars().count() > PROMPT_MAX =>
                {
                    problem(QuestionProblem::ScaleLabels);
                }
                _ => {}
            }
        }
        problems
    }
}

/// Why a survey may not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum DefinitionProblem {
    /// It asks no question.
    NoQuestion,
    /// It asks more than [`QUESTIONS_MAX`].
    TooManyQuestions,
    /// A section's title or introduction is too long.
    SectionLong {
        /// The section, from 0.
        section: usize,
    },
    /// A question's problem.
    Question {
        /// The question, from 0.
        number: usize,
        /// What is wrong with it.
        kind: QuestionProblem,
    },
}

/// What is wrong with one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum QuestionProblem {
    /// It asks nothing.
    PromptEmpty,
    /// Longer than [`PROMPT_MAX`].
    PromptLong,
    /// Its help is longer than [`HELP_MAX`].
    HelpLong,
    /// Fewer options (or rows) than it needs.
    FewOptions {
        /// How many it needs.
        fewest: usize,
    },
    /// More than [`OPTIONS_MAX`].
    ManyOptions,
    /// An option is empty or longer than [`PROMPT_MAX`].
    OptionText,
    /// Two options say the same.
    OptionTwice,
    /// The most choices is below 1 or above the number of options.
    MaxChoices,
    /// The length limit is below 1 or above [`TEXT_LIMIT_MAX`].
    TextLimit,
    /// A scale label is longer than [`PROMPT_MAX`].
    ScaleLabels,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind) -> Question {
        Question {
            prompt: "How do you travel to the quay?".into(),
            help: String::new(),
            required: true,
            kind,
        }
    }

    fn survey(questions: Vec<Question>) -> SurveyDefinition {
        SurveyDefinition {
            sections: vec![Section {
                questions,
                ..Section::default()
            }],
        }
    }

    fn options(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_well_made_survey_has_no_problem() {
        let s = survey(vec![
            question(QuestionKind::Single {
                options: options(&["Bike", "Bus"]),
            }),
            question(QuestionKind::Multiple {
                options: options(&["A", "B", "C"]),
                max: 2,
            }),
            question(QuestionKind::Text { max_length: 500 }),
            question(QuestionKind::Ranking {
                options: options(&["Trees", "Benches"]),
            }),
            question(QuestionKind::Scale {
                low: "Bad".into(),
                high: "Good".into(),
            }),
            question(QuestionKind::Matrix {
                rows: options(&["Safety"]),
                low: String::new(),
                high: String::new(),
            }),
        ]);
        assert_eq!(s.problems(), []);
        assert_eq!(s.len(), 6);
        assert!(!s.is_poll());
    }

    #[test]
    fn each_problem_names_its_question() {
        let s = survey(vec![
            question(QuestionKind::Single {
                options: options(&["Only one"]),
            }),
            question(QuestionKind::Multiple {
                options: options(&["A", "a "]),
                max: 3,
            }),
            Question {
                prompt: " ".into(),
                ..question(QuestionKind::Text { max_length: 0 })
            },
        ]);
        let q = |number, kind| DefinitionProblem::Question { number, kind };
        assert_eq!(
            s.problems(),
            [
                q(0, QuestionProblem::FewOptions { fewest: 2 }),
                q(1, QuestionProblem::OptionTwice),
                q(1, QuestionProblem::MaxChoices),
                q(2, QuestionProblem::PromptEmpty),
                q(2, QuestionProblem::TextLimit),
            ]
        );
        assert_eq!(
            SurveyDefinition::default().problems(),
            [DefinitionProblem::NoQuestion]
        );
    }

    #[test]
    fn the_definition_round_trips_through_json_with_its_kind_named() {
        let s = survey(vec![question(QuestionKind::Multiple {
            options: options(&["A", "B"]),
            max: 1,
        })]);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""kind":"multiple""#), "{json}");
        assert_eq!(serde_json::from_str::<SurveyDefinition>(&json).unwrap(), s);
        assert!(s.is_poll());
    }
}
