//! Surveys through the real application: a moderator builds one with the
//! form's buttons (no JavaScript) and saves it; citizens answer, change
//! their answers, and every refused answer says which question is wrong,
//! changes nothing and is kept; results are counted in SQL and shown to
//! whom they may be; free text stays with the moderators until an
//! administrator publishes it (`survey_results.rs`, with the responses
//! download and the quick poll).

use app::consult::PhaseKind;
use app::consult::survey::{Question, QuestionKind, Section, SurveyDefinition};
use plaza::consult::surveys::{self, SurveyContent};

use crate::support::consult::{citizens, open_process};
use crate::support::forms::{location, page, post};
use crate::support::{TestApp, postgres_database};

pub(crate) fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// A survey of four questions: travel mode (required), up to two wishes,
/// a free text of at most 40 characters, and a 1–5 scale.
pub(crate) fn travel_survey() -> SurveyDefinition {
    let q = |prompt: &str, required, kind| Question {
        prompt: prompt.into(),
        help: String::new(),
        required,
        kind,
    };
    SurveyDefinition {
        sections: vec![Section {
            title: "Getting to the quay".into(),
            intro: String::new(),
            questions: vec![
                q(
                    "How do you come?",
                    true,
                    QuestionKind::Single {
                        options: names(&["Bike", "Bus", "Car"]),
                    },
                ),
                q(
                    "What would help?",
                    false,
                    QuestionKind::Multiple {
                        options: names(&["Trees", "Benches", "Light"]),
                        max: 2,
                    },
                ),
                q(
                    "Anything else?",
                    false,
                    QuestionKind::Text { max_length: 40 },
                ),
                q(
                    "How safe is it?",
                    true,
                    QuestionKind::Scale {
                        low: "Not at all".into(),
                        high: "Very".into(),
                    },
                ),
            ],
        }],
    }
}

pub(crate) async fn add_survey(
    app: &TestApp,
    process: &str,
    phase: PhaseKind,
    after: bool,
    definition: SurveyDefinition,
) -> i64 {
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let number = surveys::create(
        &mut db,
        process,
        &SurveyContent {
            title: "Travel to the quay".into(),
            intro: "Tell us how you *travel*.".into(),
            phase,
            results_after_answer: after,
            definition,
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    number
}

/// The rows of the test's consultation only (the demo city has its own).
pub(crate) const QUAY: &str = "(SELECT id FROM consult_processes WHERE slug = 'quay')";

/// The kept counts equal a recount of every answer row, both ways.
pub(crate) async fn assert_tallies_equal_a_recount(app: &TestApp) {
    let tallies = "SELECT process_id, survey_number, question, row_index, choice, answers, rank_sum \
                   FROM consult_survey_tallies WHERE answers > 0";
    let recount = "SELECT process_id, survey_number, question, row_index, choice, COUNT(*), \
                   CAST(COALESCE(SUM(rank_given), 0) AS BIGINT) FROM consult_survey_answers \
                   GROUP BY process_id, survey_number, question, row_index, choice";
    let questions = "SELECT process_id, survey_number, question, responses \
                     FROM consult_survey_question_counts WHERE responses > 0";
    let responses = "SELECT process_id, survey_number, question, COUNT(DISTINCT response_id) \
                     FROM consult_survey_answers GROUP BY process_id, survey_number, question";
    for (kept, counted) in [(tallies, recount), (questions, responses)] {
        for (a, b) in [(kept, counted), (counted, kept)] {
            let sql = format!("SELECT COUNT(*) FROM ({a} EXCEPT {b}) AS difference");
            assert_eq!(count(app, &sql).await, 0, "{a}\nEXCEPT {b}");
        }
    }
    assert!(count(app, "SELECT COUNT(*) FROM consult_survey_tallies").await > 0);
}

pub(crate) async fn count(app: &TestApp, query: &str) -> i64 {
    let sql = app.sql().await;
    let n: i64 = sqlx::query_scalar(query)
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    n
}

#[tokio::test]
async fn a_moderator_builds_a_survey_with_the_forms_buttons_and_saves_it_on_sqlite() {
    a_moderator_builds_a_survey_with_the_forms_buttons_and_saves_it(TestApp::spawn().await).await;
}

#[tokio::test]
async fn a_moderator_builds_a_survey_with_the_forms_buttons_and_saves_it_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    a_moderator_builds_a_survey_with_the_forms_buttons_and_saves_it(
        TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await,
    )
    .await;
}

async fn a_moderator_builds_a_survey_with_the_forms_buttons_and_saves_it(app: TestApp) {
    open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let (status, form) = page(
        &app,
        "/moderation/consultations/quay/surveys/new",
        Some(&moderator),
    )
    .await;
    assert_eq!(status, 200, "{form}");
    assert!(
        form.contains(r#"name="question-0-prompt""#),
        "a new survey starts with one question"
    );
    let typed = [
        ("title", "Travel to the quay"),
        ("phase", "deliberation"),
        ("question-0-prompt", "How do you come?"),
        ("question-0-kind", "single"),
        ("question-0-options", "Bike\nBus"),
    ];
    let mut adding = typed.to_vec();
    adding.push(("action", "add_question"));
    let r = post(
        &app,
        "/moderation/consultations/quay/surveys",
        Some(&moderator),
        &adding,
    )
    .await;
    assert!(
        location(&r).ends_with("/surveys/new#questions"),
        "{}",
        location(&r)
    );
    let (_, form) = page(
        &app,
        "/moderation/consultations/quay/surveys/new",
        Some(&moderator),
    )
    .await;
    assert!(
        form.contains(r#"name="question-1-prompt""#) && form.contains("How do you come?"),
        "kept, one more"
    );
    // Saved with the second question left empty: refused, every problem listed.
    let mut saving = typed.to_vec();
    saving.extend([
        ("question-1-kind", "multiple"),
        ("question-1-max", "many"),
        ("action", "save"),
    ]);
    let r = post(
        &app,
        "/moderation/consultations/quay/surveys",
        Some(&moderator),
        &saving,
    )
    .await;
    assert!(
        location(&r).contains("error=survey_definition_invalid"),
        "{}",
        location(&r)
    );
    let (_, form) = page(
        &app,
        "/moderation/consultations/quay/surveys/new",
        Some(&moderator),
    )
    .await;
    assert!(
        form.contains("Question 2: write the limit as a whole number"),
        "{form}"
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_surveys WHERE process_id = {QUAY}")
        )
        .await,
        0
    );
    // Removed, then saved.
    let mut removing = typed.to_vec();
    removing.extend([("question-1-kind", "multiple"), ("action", "remove-1")]);
    post(
        &app,
        "/moderation/consultations/quay/surveys",
        Some(&moderator),
        &removing,
    )
    .await;
    let mut saving = typed.to_vec();
    saving.push(("action", "save"));
    let r = post(
        &app,
        "/moderation/consultations/quay/surveys",
        Some(&moderator),
        &saving,
    )
    .await;
    assert!(
        location(&r).ends_with("/consultations/quay/surveys/1?done=survey_saved"),
        "{}",
        location(&r)
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_drafts WHERE form = 'survey'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'survey.create'"
        )
        .await,
        1
    );
    // One question: a quick poll, answered on the process's page.
    let (_, process) = page(&app, "/consultations/quay", None).await;
    assert!(
        process.contains("How do you come?") && process.contains(r#"id="poll-1""#),
        "{process}"
    );
    // Citizens may not build.
    let people = citizens(&app, "builder", 1).await;
    let r = post(
        &app,
        "/moderation/consultations/quay/surveys",
        Some(&people[0].1),
        &saving,
    )
    .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn citizens_answer_change_their_answers_and_each_refusal_names_its_question_on_sqlite() {
    citizens_answer_change_their_answers_and_each_refusal_names_its_question(
        TestApp::spawn().await,
    )
    .await;
}

#[tokio::test]
async fn citizens_answer_change_their_answers_and_each_refusal_names_its_question_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    citizens_answer_change_their_answers_and_each_refusal_names_its_question(
        TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await,
    )
    .await;
}

async fn citizens_answer_change_their_answers_and_each_refusal_names_its_question(app: TestApp) {
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let n = add_survey(
        &app,
        &process,
        PhaseKind::Deliberation,
        false,
        travel_survey(),
    )
    .await;
    let people = citizens(&app, "traveller", 3).await;
    let path = format!("/consultations/quay/surveys/{n}");
    let answer = |who: usize, form: Vec<(&'static str, &'static str)>| {
        let app = &app;
        let cookie = people[who].1.clone();
        let path = path.clone();
        async move { location(&post(app, &path, Some(&cookie), &form).await) }
    };
    assert!(
        answer(
            0,
            vec![
                ("q0", "0"),
                ("q1", "0"),
                ("q1", "2"),
                ("q2", "More trees"),
                ("q3", "2")
            ]
        )
        .await
        .contains("done=survey_answered")
    );
    assert!(
        answer(1, vec![("q0", "0"), ("q3", "4")])
            .await
            .contains("done=survey_answered")
    );
    assert!(
        answer(2, vec![("q0", "1"), ("q3", "5")])
            .await
            .contains("done=survey_answered")
    );
    // A second response replaces the first: still three responses.
    assert!(
        answer(0, vec![("q0", "2"), ("q3", "1")])
            .await
            .contains("done=survey_answered")
    );
    assert_tallies_equal_a_recount(&app).await;
    assert_eq!(
        count(
            &app,
            &format!("SELECT responses FROM consult_surveys WHERE process_id = {QUAY}")
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_survey_responses WHERE process_id = {QUAY}")
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_survey_answers WHERE text IS NOT NULL AND process_id = {QUAY}")
        )
        .await,
        0,
        "the old text went with the old answers"
    );
    let (_, mine) = page(&app, &path, Some(&people[0].1)).await;
    assert!(
        mine.contains("You answered this survey") && mine.contains("Save my changes"),
        "{mine}"
    );
    // Over the maximum, an unknown option, a text over the limit, a missing
    // required answer: refused at once, nothing changed, all kept.
    let before = count(
        &app,
        &format!("SELECT COUNT(*) FROM consult_survey_answers WHERE process_id = {QUAY}"),
    )
    .await;
    let refused = answer(
        1,
        vec![
            ("q0", "9"),
            ("q1", "0"),
            ("q1", "1"),
            ("q1", "2"),
            ("q2", "This answer is much longer than forty characters."),
        ],
    )
    .await;
    assert!(refused.contains("error=survey_invalid"), "{refused}");
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_survey_answers WHERE process_id = {QUAY}")
        )
        .await,
        before
    );
    let (_, again) = page(&app, &path, Some(&people[1].1)).await;
    for sentence in [
        "Question 1: Choose one of the answers offered.",
        "Question 2: Choose at most 2.",
        "Question 3: Write at most 40 characters.",
        "Question 4: This question needs an answer.",
    ] {
        assert!(again.contains(sentence), "{sentence}\n{again}");
    }
    assert!(
        again.contains("This answer is much longer than forty characters."),
        "what was typed is kept"
    );
    // Citizens see no results before the results phase; moderators do.
    let (_, public) = page(&app, &path, None).await;
    assert!(
        !public.contains(r#"id="results""#) && public.contains("Sign in to answer"),
        "{public}"
    );
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let (_, results) = page(&app, &path, Some(&moderator)).await;
    assert!(results.contains(r#"id="results""#), "{results}");
    assert!(
        results.contains("Bike: 1 (33 %)") && results.contains("Car: 1 (33 %)"),
        "counted in SQL: {results}"
    );
    assert!(
        results.contains("<svg") && results.contains("<table"),
        "a chart and its table"
    );
    assert_tallies_equal_a_recount(&app).await;
}

#[tokio::test]
async fn a_closed_survey_and_a_survey_with_answers_refuse_what_they_must() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    // Open during the results phase, which has not begun.
    let closed = add_survey(&app, &process, PhaseKind::Results, false, travel_survey()).await;
    let open = add_survey(
        &app,
        &process,
        PhaseKind::Deliberation,
        true,
        travel_survey(),
    )
    .await;
    let people = citizens(&app, "late", 1).await;
    let r = post(
        &app,
        &format!("/consultations/quay/surveys/{closed}"),
        Some(&people[0].1),
        &[("q0", "0"), ("q3", "3")],
    )
    .await;
    assert!(
        location(&r).contains("error=survey_closed"),
        "{}",
        location(&r)
    );
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_survey_responses WHERE process_id = {QUAY}")
        )
        .await,
        0
    );
    // Signed out: sent to sign in, nothing stored.
    let r = post(
        &app,
        &format!("/consultations/quay/surveys/{open}"),
        None,
        &[("q0", "0"), ("q3", "3")],
    )
    .await;
    assert!(matches!(r.status().as_u16(), 303 | 401), "{}", r.status());
    // Results once answered, when the survey says so.
    let r = post(
        &app,
        &format!("/consultations/quay/surveys/{open}"),
        Some(&people[0].1),
        &[("q0", "0"), ("q3", "3")],
    )
    .await;
    assert!(location(&r).contains("done=survey_answered"));
    let (_, after) = page(
        &app,
        &format!("/consultations/quay/surveys/{open}"),
        Some(&people[0].1),
    )
    .await;
    assert!(after.contains(r#"id="results""#), "results after answering");
    // Its questions are fixed now: an edit that changes them is refused.
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let r = post(
        &app,
        &format!("/moderation/consultations/quay/surveys/{open}"),
        Some(&moderator),
        &[
            ("title", "Renamed"),
            ("phase", "deliberation"),
            ("question-0-prompt", "New?"),
            ("question-0-kind", "text"),
            ("action", "save"),
        ],
    )
    .await;
    assert!(
        location(&r).contains("error=survey_definition_invalid"),
        "{}",
        location(&r)
    );
    let (_, form) = page(
        &app,
        &format!("/moderation/consultations/quay/surveys/{open}/edit"),
        Some(&moderator),
    )
    .await;
    assert!(
        form.contains("its questions can no longer change"),
        "{form}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_surveys WHERE title = 'Renamed'"
        )
        .await,
        0,
        "nothing half-written"
    );
}
