//! The authorization matrix's probes of the meeting and results routes:
//! register for a meeting, create and edit one, write its minutes, the
//! results summary, and the meeting form's server function; and whether
//! each took effect.

use app::consult::meeting::MeetingFormat;
use plaza::consult::meetings::{self, MeetingContent};
use plaza::store::Timestamp;
use reqwest::Method;

use super::Role;
use super::probes::{World, count, processed};
use crate::support::forms::post;

/// A meeting of the supports consultation titled `title`, beginning
/// `from` hours from now; its number.
async fn meeting(world: &World, title: &str, from: i64) -> i64 {
    let now = Timestamp::now().unix_seconds().unwrap() as i64;
    let at = |hours: i64| Timestamp::from_unix((now + hours * 3600) as u64).into_string();
    let sql = world.app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let number = meetings::create(
        &mut db,
        &world.supports,
        &MeetingContent {
            title: title.into(),
            format: MeetingFormat::Online,
            starts_at: at(from),
            ends_at: at(from + 2),
            time_zone: "Europe/Brussels".into(),
            address: None,
            point: None,
            online_url: Some("https://meet.jit.si/matrix".into()),
            agenda: String::new(),
            capacity: None,
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    number
}

fn form(title: &str) -> Vec<(&'static str, String)> {
    [
        ("title", title),
        ("format", "online"),
        ("date", "2031-05-02"),
        ("start", "18:00"),
        ("end", "19:00"),
        ("time_zone", "Europe/Brussels"),
        ("online_url", "https://meet.jit.si/matrix"),
    ]
    .into_iter()
    .map(|(n, v)| (n, v.to_owned()))
    .collect()
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

/// Runs the meeting route `path` as `role`, signed in with `cookie`:
/// whether it was allowed and took effect; `None` for another route.
pub async fn run(world: &World, path: &str, role: Role, cookie: Option<&str>) -> Option<bool> {
    let tag = role.slug();
    Some(match path {
        "/consultations/{slug}/meetings/{number}/registration" => {
            let n = meeting(world, &format!("Registered for by {tag}"), 48).await;
            let r = send(
                world,
                &format!("/consultations/matrix-supports/meetings/{n}/registration"),
                cookie,
                &[("action", "register".to_owned())],
            )
            .await;
            let stored = count(
                world,
                &format!(
                    "SELECT registered FROM consult_meetings WHERE process_id = '{}' AND number = {n}",
                    world.supports
                ),
            )
            .await;
            processed(&r) && stored == 1
        }
        "/moderation/consultations/{slug}/meetings" => {
            let title = format!("Meeting made by {tag}");
            let r = send(
                world,
                "/moderation/consultations/matrix-supports/meetings",
                cookie,
                &form(&title),
            )
            .await;
            let made = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_meetings WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && made == 1
        }
        "/moderation/consultations/{slug}/meetings/{number}" => {
            let n = meeting(world, &format!("Meeting to edit by {tag}"), 48).await;
            let title = format!("Meeting edited by {tag}");
            let r = send(
                world,
                &format!("/moderation/consultations/matrix-supports/meetings/{n}"),
                cookie,
                &form(&title),
            )
            .await;
            let edited = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_meetings WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && edited == 1
        }
        "/moderation/consultations/{slug}/meetings/{number}/minutes" => {
            let n = meeting(world, &format!("Meeting minuted by {tag}"), -3).await;
            let minutes = format!("Minutes by {tag}");
            let r = send(
                world,
                &format!("/moderation/consultations/matrix-supports/meetings/{n}/minutes"),
                cookie,
                &[("minutes", minutes.clone()), ("attendance", "4".into())],
            )
            .await;
            let written = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_meetings WHERE minutes = '{minutes}'"),
            )
            .await;
            processed(&r) && written == 1
        }
        "/moderation/consultations/{slug}/results" => {
            let summary = format!("Summary by {tag}");
            let r = send(
                world,
                "/moderation/consultations/matrix-supports/results",
                cookie,
                &[("summary", summary.clone())],
            )
            .await;
            let written = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_results WHERE summary = '{summary}'"),
            )
            .await;
            processed(&r) && written == 1
        }
        "/api/fn/meeting-form" => {
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
