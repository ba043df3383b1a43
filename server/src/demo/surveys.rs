//! The demo consultation's survey and quick poll, with answers from the
//! demo citizens: a short travel survey (one choice, several choices, a
//! scale, free text) and a one-question poll on the Saturday market, both
//! open during the supports phase and showing their results once answered.

use app::consult::PhaseKind;
use app::consult::survey::{Answer, Question, QuestionKind, Section, SurveyDefinition};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::survey_responses;
use crate::consult::surveys::{self, SurveyContent};

fn options(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn question(prompt: &str, required: bool, kind: QuestionKind) -> Question {
    Question {
        prompt: prompt.into(),
        help: String::new(),
        required,
        kind,
    }
}

fn travel() -> SurveyContent {
    SurveyContent {
        title: "How do you travel along the Havenkade?".into(),
        intro: "Five minutes to tell the city how you use the quay today. Your answers are counted without your name; the results are public once you have answered.".into(),
        phase: PhaseKind::Supports,
        results_after_answer: true,
        definition: SurveyDefinition {
            sections: vec![
                Section {
                    title: "Today".into(),
                    intro: String::new(),
                    questions: vec![
                        question("How do you usually travel along the quay?", true, QuestionKind::Single {
                            options: options(&["By bike", "On foot", "By bus", "By car"]),
                        }),
                        question("How safe do you feel on the quay?", true, QuestionKind::Scale {
                            low: "Not safe at all".into(),
                            high: "Very safe".into(),
                        }),
                    ],
                },
                Section {
                    title: "Tomorrow".into(),
                    intro: String::new(),
                    questions: vec![
                        question("What would help most? Choose up to two.", false, QuestionKind::Multiple {
                            options: options(&["A separate cycle track", "More trees", "Benches", "Better light at night"]),
                            max: 2,
                        }),
                        question("Anything else the city should know?", false, QuestionKind::Text { max_length: 1000 }),
                    ],
                },
            ],
        },
    }
}

fn market() -> SurveyContent {
    SurveyContent {
        title: "Quick poll: the Saturday market".into(),
        intro: String::new(),
        phase: PhaseKind::Supports,
        results_after_answer: true,
        definition: SurveyDefinition {
            sections: vec![Section {
                title: String::new(),
                intro: String::new(),
                questions: vec![question(
                    "Should the Saturday market stay on the quay when the cycle track is built?",
                    true,
                    QuestionKind::Single {
                        options: options(&["Yes", "No", "I don't know"]),
                    },
                )],
            }],
        },
    }
}

/// Writes the survey and the poll of process `process_id` with answers
/// from `citizens`, in the caller's transaction.
pub async fn seed(
    db: &mut AnyConnection,
    process_id: &str,
    citizens: &[AccountId],
) -> Result<(), sqlx::Error> {
    let survey = surveys::create(&mut *db, process_id, &travel()).await?;
    let poll = surveys::create(&mut *db, process_id, &market()).await?;
    let texts = [
        Some("The crossing at the station is where I nearly got hit twice."),
        None,
        Some("Keep the market, move the delivery vans."),
        None,
        None,
        Some("Light on the quay at night, please: it is dark after the bars close."),
        None,
        None,
    ];
    for (i, citizen) in citizens.iter().enumerate() {
        let n = i as u32;
        let mut answers = vec![
            (0, Answer::Choice([0, 0, 1, 0, 2, 0, 3, 1][i % 8])),
            (1, Answer::Scale([2, 1, 3, 2, 4, 2, 3, 1][i % 8])),
            (2, Answer::Choices(vec![n % 2, 2 + n % 2])),
        ];
        if let Some(text) = texts[i % texts.len()] {
            answers.push((3, Answer::Text(text.into())));
        }
        let rows: Vec<_> = answers.iter().flat_map(|(q, a)| a.rows(*q)).collect();
        if survey_responses::save(&mut *db, process_id, survey, citizen, &rows).await? {
            surveys::count_response(&mut *db, process_id, survey, 1).await?;
        }
        let vote = Answer::Choice([0, 0, 1, 0, 2, 0, 0, 1][i % 8]);
        if survey_responses::save(&mut *db, process_id, poll, citizen, &vote.rows(0)).await? {
            surveys::count_response(&mut *db, process_id, poll, 1).await?;
        }
    }
    Ok(())
}
