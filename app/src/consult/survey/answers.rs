//! A response's answers: read from the posted form (field names below),
//! checked against the survey, and turned into the rows the server stores
//! and counts. The same on both sides, so the page can show the problems
//! next to their questions.
//!
//! Field names: question `n` (from 0) posts `q{n}` — once for a single
//! choice, a scale point or a text, once per box ticked for a multiple
//! choice —, `q{n}-o{i}` for the rank given to option `i`, and `q{n}-r{i}`
//! for the point given on matrix row `i`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::consult::survey::{QuestionKind, SCALE_POINTS, SurveyDefinition};

/// The name of question `number`'s field.
pub fn field(number: usize) -> String {
    format!("q{number}")
}

/// The name of the rank field of option `option` of question `number`.
pub fn rank_field(number: usize, option: usize) -> String {
    format!("q{number}-o{option}")
}

/// The name of the field of matrix row `row` of question `number`.
pub fn row_field(number: usize, row: usize) -> String {
    format!("q{number}-r{row}")
}

/// What one question was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Answer {
    /// The option picked (from 0).
    Choice(u32),
    /// The options picked, in order.
    Choices(Vec<u32>),
    /// The text written.
    Text(String),
    /// The options in the order given, the first ranked 1.
    Ranking(Vec<u32>),
    /// The point picked, 1 to 5.
    Scale(u8),
    /// The point picked on each row, `None` where none was.
    Matrix(Vec<Option<u8>>),
}

/// One stored row of an answer: what the server writes and counts.
/// `choice` is the option picked or ranked, or the scale point; `rank` the
/// rank given; `row` the matrix row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// The question, from 0.
    pub question: u32,
    /// The matrix row, 0 elsewhere.
    pub row: u32,
    /// The option or point.
    pub choice: u32,
    /// The rank (ranking only).
    pub rank: Option<u32>,
    /// The text (free text only).
    pub text: Option<String>,
}

impl Answer {
    /// Its rows for question `question`.
    pub fn rows(&self, question: u32) -> Vec<AnswerRow> {
        let row = |row, choice, rank, text| AnswerRow {
            question,
            row,
            choice,
            rank,
            text,
        };
        match self {
            Answer::Choice(c) => vec![row(0, *c, None, None)],
            Answer::Choices(cs) => cs.iter().map(|c| row(0, *c, None, None)).collect(),
            Answer::Text(t) => vec![row(0, 0, None, Some(t.clone()))],
            Answer::Ranking(order) => order
                .iter()
                .enumerate()
                .map(|(rank, c)| row(0, *c, Some(rank as u32 + 1), None))
                .collect(),
            Answer::Scale(p) => vec![row(0, u32::from(*p), None, None)],
            Answer::Matrix(points) => points
                .iter()
                .enumerate()
                .filter_map(|(r, p)| p.map(|p| row(r as u32, u32::from(p), None, None)))
                .collect(),
        }
    }

    /// The answer to a question of `kind` whose stored rows are `rows`
    /// (the rows of one question), to show a response again.
    pub fn from_rows(kind: &QuestionKind, rows: &[AnswerRow]) -> Option<Answer> {
        let first = rows.first()?;
        Some(match kind {
            QuestionKind::Single { .. } => Answer::Choice(first.choice),
            QuestionKind::Multiple { .. } => {
                Answer::Choices(rows.iter().map(|r| r.choice).collect())
            }
            QuestionKind::Text { .. } => Answer::Text(first.text.clone().unwrap_or_default()),
            QuestionKind::Ranking { .. } => {
                let mut ranked: Vec<&AnswerRow> = rows.iter().collect();
                ranked.sort_by_key(|r| r.rank);
                Answer::Ranking(ranked.iter().map(|r| r.choice).collect())
            }
            QuestionKind::Scale { .. } => Answer::Scale(first.choice as u8),
            QuestionKind::Matrix { rows: names, .. } => {
                let mut points = vec![None; names.len()];
                for r in rows {
                    if let Some(slot) = points.get_mut(r.row as usize) {
                        *slot = Some(r.choice as u8);
                    }
                }
                Answer::Matrix(points)
            }
        })
    }
}

/// Why a question's answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AnswerProblem {
    /// The question must be answered.
    Required,
    /// A value is not one of the question's options (or points).
    UnknownOption,
    /// More options ticked than the question allows.
    TooMany {
        /// The most allowed.
        max: u32,
    },
    /// The text is longer than the question allows.
    TooLong {
        /// The longest allowed, in characters.
        max: u32,
    },
    /// The ranks are not each of 1 to the number of options, once.
    Ranks,
}

/// One question's problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AnswerError {
    /// The question, from 0.
    pub question: usize,
    /// What is wrong.
    pub problem: AnswerProblem,
}

/// The posted form as name–value pairs, in order, a name possibly more
/// than once (ticked boxes).
pub type Posted = [(String, String)];

/// The answers of a posted form, by question number (unanswered optional
/// questions have none), or every problem at once.
pub fn read_answers(
    survey: &SurveyDefinition,
    posted: &Posted,
) -> Result<Vec<(usize, Answer)>, Vec<AnswerError>> {
    let mut values: HashMap<&str, Vec<&str>> = HashMap::new();
    for (name, value) in posted {
        values
            .entry(name.as_str())
            .or_default()
            .push(value.as_str());
    }
    let given = |name: &str| -> Vec<&str> {
        values
            .get(name)
            .map(|vs| {
                vs.iter()
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut answers = Vec::new();
    let mut errors = Vec::new();
    for (number, question) in survey.questions() {
        let mut refuse = |problem| {
            errors.push(AnswerError {
                question: number,
                problem,
            })
        };
        let option_of =
            |value: &str, count: usize| value.parse::<u32>().ok().filter(|i| (*i as usize) < count);
        let point_of = |value: &str| {
            value
                .parse::<u8>()
                .ok()
                .filter(|p| (1..=SCALE_POINTS).contains(p))
        };
        let answer = match &question.kind {
            QuestionKind::Single { options } => match given(&field(number)).as_slice() {
                [] => None,
                [one] => match option_of(one, options.len()) {
                    Some(i) => Some(Answer::Choice(i)),
                    None => {
                        refuse(AnswerProblem::UnknownOption);
                        continue;
                    }
                },
                _ => {
                    refuse(AnswerProblem::TooMany { max: 1 });
                    continue;
                }
            },
            QuestionKind::Multiple { options, max } => {
                let picked: Option<Vec<u32>> = given(&field(number))
                    .iter()
                    .map(|v| option_of(v, options.len()))
                    .collect();
                let Some(mut picked) = picked else {
                    refuse(AnswerProblem::UnknownOption);
                    continue;
                };
                picked.sort_unstable();
                picked.dedup();
                if picked.len() > *max as usize {
                    refuse(AnswerProblem::TooMany { max: *max });
                    continue;
                }
                (!picked.is_empty()).then_some(Answer::Choices(picked))
            }
            QuestionKind::Text { max_length } => {
                let text = values
                    .get(field(number).as_str())
                    .and_then(|vs| vs.first())
                    .map(|t| t.trim().replace("\r\n", "\n"))
                    .unwrap_or_default();
                if text.chars().count() > *max_length as usize {
                    refuse(AnswerProblem::TooLong { max: *max_length });
                    continue;
                }
                (!text.is_empty()).then_some(Answer::Text(text))
            }
            QuestionKind::Ranking { options } => {
                let mut by_rank: Vec<Option<u32>> = vec![None; options.len()];
                let mut any = false;
                let mut bad = false;
                for option in 0..options.len() {
                    let ranks = given(&rank_field(number, option));
                    match ranks.as_slice() {
                        [] => bad = true,
                        [rank] => {
                            any = true;
                            match rank
                                .parse::<usize>()
                                .ok()
                                .filter(|r| (1..=options.len()).contains(r))
                            {
                                Some(r) if by_rank[r - 1].is_none() => {
                                    by_rank[r - 1] = Some(option as u32)
                                }
                                _ => bad = true,
                            }
                        }
                        _ => bad = true,
                    }
                }
                if !any {
                    None
                } else if bad {
                    refuse(AnswerProblem::Ranks);
                    continue;
                } else {
                    Some(Answer::Ranking(by_rank.into_iter().flatten().collect()))
                }
            }
            QuestionKind::Scale { .. } => match given(&field(number)).as_slice() {
                [] => None,
                [one] => match point_of(one) {
                    Some(p) => Some(Answer::Scale(p)),
                    None => {
                        refuse(AnswerProblem::UnknownOption);
                        continue;
                    }
                },
                _ => {
                    refuse(AnswerProblem::TooMany { max: 1 });
                    continue;
                }
            },
            QuestionKind::Matrix { rows, .. } => {
                let mut points = Vec::with_capacity(rows.len());
                let mut bad = false;
                for row in 0..rows.len() {
                    match given(&row_field(number, row)).as_slice() {
                        [] => points.push(None),
                        [one] => match point_of(one) {
                            Some(p) => points.push(Some(p)),
                            None => bad = true,
                        },
                        _ => bad = true,
                    }
                }
                if bad {
                    refuse(AnswerProblem::UnknownOption);
                    continue;
                }
                if question.required
                    && points.iter().any(Option::is_none)
                    && points.iter().any(Option::is_some)
                {
                    refuse(AnswerProblem::Required);
                    continue;
                }
                points
                    .iter()
                    .any(Option::is_some)
                    .then_some(Answer::Matrix(points))
            }
        };
        match answer {
            Some(answer) => answers.push((number, answer)),
            None if question.required => refuse(AnswerProblem::Required),
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consult::survey::{Question, Section};

    fn survey() -> SurveyDefinition {
        let q = |required, kind| Question {
            prompt: "A question".into(),
            help: String::new(),
            required,
            kind,
        };
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        SurveyDefinition {
            sections: vec![Section {
                title: String::new(),
                intro: String::new(),
                questions: vec![
                    q(
                        true,
                        QuestionKind::Single {
                            options: names(&["Bike", "Bus", "Car"]),
                        },
                    ),
                    q(
                        false,
                        QuestionKind::Multiple {
                            options: names(&["A", "B", "C"]),
                            max: 2,
                        },
                    ),
                    q(false, QuestionKind::Text { max_length: 20 }),
                    q(
                        false,
                        QuestionKind::Ranking {
                            options: names(&["X", "Y", "Z"]),
                        },
                    ),
                    q(
                        true,
                        QuestionKind::Scale {
                            low: String::new(),
                            high: String::new(),
                        },
                    ),
                    q(
                        true,
                        QuestionKind::Matrix {
                            rows: names(&["Safe", "Green"]),
                            low: String::new(),
                            high: String::new(),
                        },
                    ),
                ],
            }],
        }
    }

    fn post(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_full_response_is_read_into_answers_and_rows() {
        let posted = post(&[
            ("q0", "1"),
            ("q1", "2"),
            ("q1", "0"),
            ("q2", "  Slower cars "),
            ("q3-o0", "2"),
            ("q3-o1", "3"),
            ("q3-o2", "1"),
            ("q4", "5"),
            ("q5-r0", "4"),
            ("q5-r1", "2"),
        ]);
        let answers = read_answers(&survey(), &posted).unwrap();
        assert_eq!(
            answers,
            [
                (0, Answer::Choice(1)),
                (1, Answer::Choices(vec![0, 2])),
                (2, Answer::Text("Slower cars".into())),
                (3, Answer::Ranking(vec![2, 0, 1])),
                (4, Answer::Scale(5)),
                (5, Answer::Matrix(vec![Some(4), Some(2)])),
            ]
        );
        let rows = answers[3].1.rows(3);
        assert_eq!(
            rows.iter().map(|r| (r.choice, r.rank)).collect::<Vec<_>>(),
            [(2, Some(1)), (0, Some(2)), (1, Some(3))]
        );
        let kind = &survey().sections[0].questions[3].kind;
        assert_eq!(Answer::from_rows(kind, &rows), Some(answers[3].1.clone()));
    }

    #[test]
    fn every_problem_is_found_at_once_and_names_its_question() {
        let posted = post(&[
            ("q0", "7"),
            ("q1", "0"),
            ("q1", "1"),
            ("q1", "2"),
            ("q2", "a text that is far too long"),
            ("q3-o0", "1"),
            ("q3-o1", "1"),
            ("q3-o2", "2"),
            ("q5-r0", "3"),
        ]);
        let errors = read_answers(&survey(), &posted).unwrap_err();
        let e = |question, problem| AnswerError { question, problem };
        assert_eq!(
            errors,
            [
                e(0, AnswerProblem::UnknownOption),
                e(1, AnswerProblem::TooMany { max: 2 }),
                e(2, AnswerProblem::TooLong { max: 20 }),
                e(3, AnswerProblem::Ranks),
                e(4, AnswerProblem::Required),
                e(5, AnswerProblem::Required),
            ]
        );
    }

    #[test]
    fn optional_questions_may_stay_blank() {
        let posted = post(&[
            ("q0", "0"),
            ("q4", "3"),
            ("q5-r0", "1"),
            ("q5-r1", "1"),
            ("q2", "   "),
        ]);
        let answers = read_answers(&survey(), &posted).unwrap();
        assert_eq!(
            answers.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            [0, 4, 5]
        );
    }
}
