//! Survey results, kept counted: the tables `consult_survey_tallies` (per
//! question, matrix row and option: how many answers gave it, the sum of
//! ranks) and `consult_survey_question_counts` (per question: how many
//! responses answered it). `change` runs in the transaction that replaces
//! a response's answers, with the old and the new rows, so the counts
//! always equal a recount of `consult_survey_answers` (tested); a results
//! page then reads a few rows however many responses there are.

use std::collections::{BTreeMap, BTreeSet};

use app::consult::survey::AnswerRow;
use sqlx::{AnyConnection, Row};

/// How often one option (or point, or ranked option) was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The question.
    pub question: u32,
    /// The matrix row (0 elsewhere).
    pub row: u32,
    /// The option or point.
    pub choice: u32,
    /// How many answers gave it.
    pub count: i64,
    /// The sum of the ranks it was given (rankings).
    pub rank_sum: i64,
}

/// Every tally of survey `number` that was given at least once, and per
/// question how many responses answered it.
pub async fn of_survey(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
) -> Result<(Vec<Tally>, Vec<(u32, i64)>), sqlx::Error> {
    let tallies = sqlx::query(
        "SELECT question, row_index, choice, answers, rank_sum FROM consult_survey_tallies \
         WHERE process_id = $1 AND survey_number = $2 AND answers > 0 \
         ORDER BY question, row_index, choice",
    )
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?
    .iter()
    .map(|r| Tally {
        question: r.get::<i64, _>(0) as u32,
        row: r.get::<i64, _>(1) as u32,
        choice: r.get::<i64, _>(2) as u32,
        count: r.get(3),
        rank_sum: r.get(4),
    })
    .collect();
    let answered = sqlx::query(
        "SELECT question, responses FROM consult_survey_question_counts \
         WHERE process_id = $1 AND survey_number = $2 AND responses > 0 ORDER BY question",
    )
    .bind(process_id)
    .bind(number)
    .fetch_all(&mut *db)
    .await?
    .iter()
    .map(|r| (r.get::<i64, _>(0) as u32, r.get::<i64, _>(1)))
    .collect();
    Ok((tallies, answered))
}

/// The difference one response's change makes: per (question, row,
/// choice) the answers and rank sum added, per question the responses
/// added; keys in order (so concurrent changes lock rows in one order),
/// without the zeros.
#[derive(Debug, Default, PartialEq, Eq)]
struct Difference {
    tallies: BTreeMap<(u32, u32, u32), (i64, i64)>,
    questions: BTreeMap<u32, i64>,
}

impl Difference {
    fn between(old: &[AnswerRow], new: &[AnswerRow]) -> Self {
        let mut difference = Difference::default();
        for (rows, sign) in [(old, -1), (new, 1)] {
            let questions: BTreeSet<u32> = rows.iter().map(|r| r.question).collect();
            for question in questions {
                *difference.questions.entry(question).or_default() += sign;
            }
            for row in rows {
                let tally = difference
                    .tallies
                    .entry((row.question, row.row, row.choice))
                    .or_default();
                tally.0 += sign;
                tally.1 += sign * i64::from(row.rank.unwrap_or(0));
            }
        }
        difference.tallies.retain(|_, d| *d != (0, 0));
        difference.questions.retain(|_, d| *d != 0);
        difference
    }
}

/// Rows per statement: well under SQLite's and PostgreSQL's limits on
/// parameters.
const CHUNK: usize = 400;

/// Counts the change of one response of survey `number` from `old` rows to
/// `new` ones (in any order). Run it in the transaction that
/// writes the rows.
pub async fn change(
    db: &mut AnyConnection,
    process_id: &str,
    number: i64,
    old: &[AnswerRow],
    new: &[AnswerRow],
) -> Result<(), sqlx::Error> {
    let difference = Difference::between(old, new);
    let tallies: Vec<_> = difference.tallies.into_iter().collect();
    for chunk in tallies.chunks(CHUNK) {
        let values = placeholders(chunk.len(), 5);
        let sql = format!(
            "INSERT INTO consult_survey_tallies (process_id, survey_number, question, row_index, \
             choice, answers, rank_sum) VALUES {values} \
             ON CONFLICT (process_id, survey_number, question, row_index, choice) DO UPDATE SET \
             answers = consult_survey_tallies.answers + excluded.answers, \
             rank_sum = consult_survey_tallies.rank_sum + excluded.rank_sum"
        );
        let mut query = sqlx::query(&sql).bind(process_id).bind(number);
        for ((question, row, choice), (answers, rank_sum)) in chunk {
            query = query
                .bind(i64::from(*question))
                .bind(i64::from(*row))
                .bind(i64::from(*choice))
                .bind(*answers)
                .bind(*rank_sum);
        }
        query.execute(&mut *db).await?;
    }
    let questions: Vec<_> = difference.questions.into_iter().collect();
    for chunk in questions.chunks(CHUNK) {
        let values = placeholders(chunk.len(), 2);
        let sql = format!(
            "INSERT INTO consult_survey_question_counts (process_id, survey_number, question, \
             responses) VALUES {values} ON CONFLICT (process_id, survey_number, question) \
             DO UPDATE SET responses = consult_survey_question_counts.responses + excluded.responses"
        );
        let mut query = sqlx::query(&sql).bind(process_id).bind(number);
        for (question, responses) in chunk {
            query = query.bind(i64::from(*question)).bind(*responses);
        }
        query.execute(&mut *db).await?;
    }
    Ok(())
}

/// `rows` groups of `($1, $2, …)`: the survey's key, then `per_row`
/// parameters of their own.
fn placeholders(rows: usize, per_row: usize) -> String {
    (0..rows)
        .map(|r| {
            let own: Vec<String> = (0..per_row)
                .map(|c| format!("${}", 3 + r * per_row + c))
                .collect();
            format!("($1, $2, {})", own.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(question: u32, choice: u32, rank: Option<u32>) -> AnswerRow {
        AnswerRow {
            question,
            row: 0,
            choice,
            rank,
            text: None,
        }
    }

    #[test]
    fn an_unchanged_answer_changes_nothing_and_a_changed_one_moves_one_count() {
        let old = [row(0, 1, None), row(1, 0, Some(1)), row(1, 2, Some(2))];
        assert_eq!(Difference::between(&old, &old), Difference::default());
        let new = [row(0, 3, None), row(1, 0, Some(2)), row(1, 2, Some(1))];
        let difference = Difference::between(&old, &new);
        let tallies: Vec<_> = difference.tallies.into_iter().collect();
        assert_eq!(
            tallies,
            [
                ((0, 0, 1), (-1, 0)),
                ((0, 0, 3), (1, 0)),
                ((1, 0, 0), (0, 1)),
                ((1, 0, 2), (0, -1)),
            ]
        );
        assert!(difference.questions.is_empty());
    }

    #[test]
    fn a_first_response_counts_each_question_it_answers_once() {
        let new = [row(0, 1, None), row(0, 2, None), row(2, 4, None)];
        let difference = Difference::between(&[], &new);
        let questions: Vec<_> = difference.questions.into_iter().collect();
        assert_eq!(questions, [(0, 1), (2, 1)]);
    }

    #[test]
    fn placeholders_number_each_row_after_the_surveys_key() {
        assert_eq!(placeholders(2, 2), "($1, $2, $3, $4), ($1, $2, $5, $6)");
    }
}
