//! Survey results through the real application: free text stays with the
//! moderators until an administrator publishes it, the responses download
//! names no one, and a quick poll is answered on its process's page.

use app::consult::PhaseKind;
use app::consult::survey::{Question, QuestionKind, Section, SurveyDefinition};

use crate::support::consult::{citizens, open_process};
use crate::support::forms::{location, page, post};
use crate::support::{TestApp, postgres_database};
use crate::surveys::{QUAY, add_survey, names, travel_survey};

#[tokio::test]
async fn free_text_stays_with_moderators_until_published_and_the_download_names_no_one_on_sqlite() {
    free_text_stays_with_moderators_until_published_and_the_download_names_no_one(
        TestApp::spawn().await,
    )
    .await;
}

#[tokio::test]
async fn free_text_stays_with_moderators_until_published_and_the_download_names_no_one_on_postgres()
{
    let Some(url) = postgres_database().await else {
        return;
    };
    free_text_stays_with_moderators_until_published_and_the_download_names_no_one(
        TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await,
    )
    .await;
}

async fn free_text_stays_with_moderators_until_published_and_the_download_names_no_one(
    app: TestApp,
) {
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let n = add_survey(
        &app,
        &process,
        PhaseKind::Deliberation,
        true,
        travel_survey(),
    )
    .await;
    let people = citizens(&app, "writer", 2).await;
    let path = format!("/consultations/quay/surveys/{n}");
    post(
        &app,
        &path,
        Some(&people[0].1),
        &[("q0", "0"), ("q2", "Plant <b>plane</b> trees"), ("q3", "2")],
    )
    .await;
    post(&app, &path, Some(&people[1].1), &[("q0", "1"), ("q3", "4")]).await;
    let (_, citizen) = page(&app, &path, Some(&people[1].1)).await;
    assert!(!citizen.contains("plane"), "not published yet");
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let (_, seen) = page(&app, &path, Some(&moderator)).await;
    assert!(
        seen.contains("Plant &lt;b&gt;plane&lt;/b&gt; trees"),
        "moderators read it, escaped: {seen}"
    );
    // Publishing and the download are for administrators.
    let response: String = {
        let sql = app.sql().await;
        let id = sqlx::query_scalar(
            &format!("SELECT response_id FROM consult_survey_answers WHERE text IS NOT NULL AND process_id = {QUAY}"),
        )
        .fetch_one(sql.pool())
        .await
        .unwrap();
        sql.close().await;
        id
    };
    let texts = format!("/moderation/consultations/quay/surveys/{n}/texts");
    let publish = [
        ("response", response.as_str()),
        ("question", "2"),
        ("publish", "true"),
    ];
    assert_eq!(
        post(&app, &texts, Some(&moderator), &publish)
            .await
            .status(),
        403
    );
    let csv_path = format!("/moderation/consultations/quay/surveys/{n}/responses.csv");
    assert_eq!(page(&app, &csv_path, Some(&moderator)).await.0, 403);
    app.make_account("admin@example.org", "admin", &[]).await;
    let admin = app.sign_in("admin@example.org").await;
    let r = post(&app, &texts, Some(&admin), &publish).await;
    assert!(
        location(&r).contains("done=text_published"),
        "{}",
        location(&r)
    );
    let (_, citizen) = page(&app, &path, Some(&people[1].1)).await;
    assert!(
        citizen.contains("Plant &lt;b&gt;plane&lt;/b&gt; trees"),
        "published: {citizen}"
    );
    let (status, csv) = page(&app, &csv_path, Some(&admin)).await;
    assert_eq!(status, 200);
    assert!(
        !csv.contains("@example.org") && !csv.contains("writer0"),
        "no email, no pseudonym: {csv}"
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "response",
            "answered",
            "question",
            "type",
            "row",
            "choice",
            "choice_label",
            "rank",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5, "two answers each, and one text");
    assert!(rows.iter().any(|r| &r[6] == "Bike" && &r[3] == "single"));
    assert!(rows.iter().any(|r| &r[8] == "Plant <b>plane</b> trees"));
    let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(ids.len(), 2, "one pseudonymous id per response");
}

#[tokio::test]
async fn a_quick_poll_is_answered_on_its_process_page() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let poll = SurveyDefinition {
        sections: vec![Section {
            title: String::new(),
            intro: String::new(),
            questions: vec![Question {
                prompt: "Should the quay close to cars on Sundays?".into(),
                help: String::new(),
                required: true,
                kind: QuestionKind::Single {
                    options: names(&["Yes", "No"]),
                },
            }],
        }],
    };
    let n = add_survey(&app, &process, PhaseKind::Deliberation, true, poll).await;
    let people = citizens(&app, "poller", 1).await;
    let (_, before) = page(&app, "/consultations/quay", Some(&people[0].1)).await;
    assert!(
        before.contains(&format!(r#"action="/consultations/quay/surveys/{n}""#))
            && before.contains(r#"name="return" value="process""#),
        "{before}"
    );
    let r = post(
        &app,
        &format!("/consultations/quay/surveys/{n}"),
        Some(&people[0].1),
        &[("return", "process"), ("q0", "0")],
    )
    .await;
    assert_eq!(
        location(&r),
        format!("/consultations/quay?done=survey_answered#poll-{n}")
    );
    let (_, after) = page(&app, "/consultations/quay", Some(&people[0].1)).await;
    assert!(
        after.contains("Yes: 1 (100 %)"),
        "its result, once answered: {after}"
    );
}
