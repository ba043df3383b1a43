//! The authorization matrix's probes of the survey routes: answer a
//! survey, build and edit one, publish a free-text answer, and the
//! builder's server function; and whether each took effect.

use app::consult::PhaseKind;
use app::consult::survey::{Question, QuestionKind, Section, SurveyDefinition};
use plaza::consult::surveys::{self, SurveyContent};
use reqwest::Method;

use super::Role;
use super::probes::{World, count, processed};
use crate::support::forms::post;

/// A survey of one free-text question in the supports consultation, open
/// now; its number.
async fn survey(world: &World, title: &str) -> i64 {
    let sql = world.app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let number = surveys::create(
        &mut db,
        &world.supports,
        &SurveyContent {
            title: title.into(),
            intro: String::new(),
            phase: PhaseKind::Supports,
            results_after_answer: false,
            definition: SurveyDefinition {
                sections: vec![Section {
                    title: String::new(),
                    intro: String::new(),
                    questions: vec![Question {
                        prompt: "Anything to add?".into(),
                        help: String::new(),
                        required: true,
                        kind: QuestionKind::Text { max_length: 100 },
                    }],
                }],
            },
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    number
}

fn builder(title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.to_owned()),
        ("phase", "supports".to_owned()),
        ("question-0-prompt", "Anything to add?".to_owned()),
        ("question-0-kind", "text".to_owned()),
        ("action", "save".to_owned()),
    ]
}

async fn send(
    world: &World,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(n, v)| (*n, v.as_str())).collect();
    post(&world.app, path, cookie, &form).await
}

/// Runs the survey route `path` as `role`, signed in with `cookie`:
/// whether it was allowed and took effect; `None` for another route.
pub async fn run(world: &World, path: &str, role: Role, cookie: Option<&str>) -> Option<bool> {
    let tag = role.slug();
    Some(match path {
        "/consultations/{slug}/surveys/{number}" => {
            let n = survey(world, &format!("Answered by {tag}")).await;
            let text = format!("An answer by {tag}");
            let r = send(
                world,
                &format!("/consultations/matrix-supports/surveys/{n}"),
                cookie,
                &[("q0", text.clone())],
            )
            .await;
            let stored = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_survey_answers WHERE text = '{text}'"),
            )
            .await;
            processed(&r) && stored == 1
        }
        "/moderation/consultations/{slug}/surveys" => {
            let title = format!("Built by {tag}");
            let r = send(
                world,
                "/moderation/consultations/matrix-supports/surveys",
                cookie,
                &builder(&title),
            )
            .await;
            let made = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_surveys WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && made == 1
        }
        "/moderation/consultations/{slug}/surveys/{number}" => {
            let n = survey(world, &format!("To edit by {tag}")).await;
            let title = format!("Edited by {tag}");
            let r = send(
                world,
                &format!("/moderation/consultations/matrix-supports/surveys/{n}"),
                cookie,
                &builder(&title),
            )
            .await;
            let edited = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_surveys WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && edited == 1
        }
        "/moderation/consultations/{slug}/surveys/{number}/texts" => {
            let n = survey(world, &format!("Published by {tag}")).await;
            // Someone answers first (the probe account is a citizen).
            let writer = world.app.sign_in("probe@example.org").await;
            let text = format!("Publish me, {tag}");
            send(
                world,
                &format!("/consultations/matrix-supports/surveys/{n}"),
                Some(&writer),
                &[("q0", text.clone())],
            )
            .await;
            let sql = world.app.sql().await;
            let response: String = sqlx::query_scalar(
                "SELECT response_id FROM consult_survey_answers WHERE text = $1",
            )
            .bind(&text)
            .fetch_one(sql.pool())
            .await
            .unwrap();
            sql.close().await;
            let r = send(
                world,
                &format!("/moderation/consultations/matrix-supports/surveys/{n}/texts"),
                cookie,
                &[
                    ("response", response),
                    ("question", "0".into()),
                    ("publish", "true".into()),
                ],
            )
            .await;
            let published = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_survey_answers WHERE text = '{text}' AND published_at IS NOT NULL"),
            )
            .await;
            processed(&r) && published == 1
        }
        "/api/fn/survey-form" => {
            let r = world
                .app
                .send(Method::POST, path, |r| {
                    let r = r
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("slug=matrix-supports");
                    match cookie {
                        Some(cookie) => r.header("cookie", cookie),
                        None => r,
                    }
                })
                .await;
            processed(&r)
        }
        _ => return None,
    })
}
