//! Meetings through the real application: a moderator's form refuses
//! what is wrong field by field and keeps it; citizens register, join the
//! waiting list when the seats are gone (never more seats than the
//! capacity, however many register at once), cancel, and the first person
//! waiting gets the seat and a notification; registration closes when the
//! meeting begins; the minutes wait for it; the calendar files are read by
//! a real iCalendar parser (Python's `icalendar`).

use std::io::Write;
use std::process::{Command, Stdio};

use app::consult::PhaseKind;
use app::consult::meeting::MeetingFormat;
use plaza::consult::meetings::{self, MeetingContent};
use plaza::store::Timestamp;

use crate::support::consult::{citizens, open_process, proposal_by};
use crate::support::fixtures::reference_python;
use crate::support::forms::{location, page, post};
use crate::support::{TestApp, header, postgres_database};
use crate::surveys::{QUAY, count};

fn at(hours: i64) -> String {
    let now = Timestamp::now().unix_seconds().unwrap() as i64;
    Timestamp::from_unix((now + hours * 3600) as u64).into_string()
}

/// A meeting of `process` from `from` to `to` hours from now.
pub(crate) async fn add_meeting(
    app: &TestApp,
    process: &str,
    from: i64,
    to: i64,
    capacity: Option<i64>,
) -> i64 {
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let number = meetings::create(
        &mut db,
        process,
        &MeetingContent {
            title: "Walk, along the quay; with the engineer".into(),
            format: MeetingFormat::Hybrid,
            starts_at: at(from),
            ends_at: at(to),
            time_zone: "Europe/Brussels".into(),
            address: Some("Havenkade 1, Havenstad".into()),
            point: Some((51.5, 4.5)),
            online_url: Some("https://meet.jit.si/plaza-quay".into()),
            agenda: "1. The crossing\n2. The trees, and the *benches*".into(),
            capacity,
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    number
}

fn meeting_form<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title", "Evening session"),
        ("format", "in_person"),
        ("date", "2031-01-14"),
        ("start", "19:00"),
        ("end", "21:30"),
        ("time_zone", "Europe/Brussels"),
        ("address", "Town hall, Grote Markt 1"),
        ("latitude", ""),
        ("longitude", ""),
        ("online_url", ""),
        ("agenda", "Questions to the alderman."),
        ("capacity", "40"),
    ];
    for (name, value) in overrides {
        form.retain(|(n, _)| n != name);
        form.push((name, value));
    }
    form
}

#[tokio::test]
async fn the_meeting_form_names_each_wrong_field_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let wrong = meeting_form(&[
        ("format", "online"),
        ("time_zone", "Europe/Gent"),
        ("latitude", "60"),
        ("longitude", "4.5"),
        ("capacity", "none"),
    ]);
    let r = post(
        &app,
        "/moderation/consultations/quay/meetings",
        Some(&moderator),
        &wrong,
    )
    .await;
    assert!(
        location(&r).ends_with("/meetings/new?error=meeting_invalid"),
        "{}",
        location(&r)
    );
    let (_, form) = page(
        &app,
        "/moderation/consultations/quay/meetings/new",
        Some(&moderator),
    )
    .await;
    for sentence in [
        "An online meeting needs the link to its video room.",
        "Give the seats as a whole number",
    ] {
        assert!(form.contains(sentence), "{sentence}: {form}");
    }
    assert!(form.contains(r#"value="Europe/Gent""#), "kept as typed");
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM consult_meetings WHERE process_id = {QUAY}")
        )
        .await,
        0
    );
    // The zone only the server can check, and the area.
    let r = post(
        &app,
        "/moderation/consultations/quay/meetings",
        Some(&moderator),
        &meeting_form(&[("time_zone", "Europe/Gent")]),
    )
    .await;
    assert!(location(&r).contains("error=meeting_invalid"));
    let (_, form) = page(
        &app,
        "/moderation/consultations/quay/meetings/new",
        Some(&moderator),
    )
    .await;
    assert!(
        form.contains("Give a time zone name the server knows"),
        "{form}"
    );
    let r = post(
        &app,
        "/moderation/consultations/quay/meetings",
        Some(&moderator),
        &meeting_form(&[("latitude", "60"), ("longitude", "4.5")]),
    )
    .await;
    assert!(location(&r).contains("error=meeting_invalid"));
    let (_, form) = page(
        &app,
        "/moderation/consultations/quay/meetings/new",
        Some(&moderator),
    )
    .await;
    assert!(form.contains("outside the consultation"), "{form}");
    // Right: saved, in UTC, shown in its own zone.
    let r = post(
        &app,
        "/moderation/consultations/quay/meetings",
        Some(&moderator),
        &meeting_form(&[]),
    )
    .await;
    assert!(
        location(&r).ends_with("/consultations/quay/meetings/1?done=meeting_saved"),
        "{}",
        location(&r)
    );
    let (status, shown) = page(&app, "/consultations/quay/meetings/1", None).await;
    assert_eq!(status, 200);
    assert!(
        shown.contains(r#"<time datetime="2031-01-14T18:00:00Z">2031-01-14, 19:00</time>"#),
        "{shown}"
    );
    assert!(shown.contains("Europe/Brussels, UTC+01:00"), "{shown}");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_drafts WHERE form = 'meeting'"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'meeting.create'"
        )
        .await,
        1
    );
    // Citizens may not.
    let people = citizens(&app, "meeter", 1).await;
    let r = post(
        &app,
        "/moderation/consultations/quay/meetings",
        Some(&people[0].1),
        &meeting_form(&[]),
    )
    .await;
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn a_full_meeting_puts_people_on_a_waiting_list_that_moves_up_on_sqlite() {
    a_full_meeting_puts_people_on_a_waiting_list_that_moves_up(TestApp::spawn().await).await;
}

#[tokio::test]
async fn a_full_meeting_puts_people_on_a_waiting_list_that_moves_up_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    a_full_meeting_puts_people_on_a_waiting_list_that_moves_up(
        TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await,
    )
    .await;
}

async fn a_full_meeting_puts_people_on_a_waiting_list_that_moves_up(app: TestApp) {
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let number = add_meeting(&app, &process, 48, 50, Some(3)).await;
    let path = format!("/consultations/quay/meetings/{number}/registration");
    let people = citizens(&app, "walker", 10).await;
    // Ten register at once for three seats.
    let posts = people.iter().map(|(_, cookie)| {
        let app = &app;
        let path = &path;
        async move { location(&post(app, path, Some(cookie), &[("action", "register")]).await) }
    });
    let answers = futures_util::future::join_all(posts).await;
    let seated = answers
        .iter()
        .filter(|l| l.contains("done=meeting_registered"))
        .count();
    let waiting = answers
        .iter()
        .filter(|l| l.contains("done=meeting_waitlisted"))
        .count();
    assert_eq!((seated, waiting), (3, 7), "{answers:?}");
    let counters = |status: &'static str| {
        format!(
            "SELECT COUNT(*) FROM consult_meeting_registrations WHERE process_id = {QUAY} \
             AND status = '{status}'"
        )
    };
    assert_eq!(count(&app, &counters("registered")).await, 3);
    assert_eq!(count(&app, &counters("waiting")).await, 7);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT registered * 100 + waiting FROM consult_meetings WHERE process_id = {QUAY}"
            )
        )
        .await,
        307
    );
    // Registering again changes nothing.
    let seat_holder = people
        .iter()
        .zip(&answers)
        .find(|(_, l)| l.contains("meeting_registered"))
        .map(|(p, _)| p.clone())
        .unwrap();
    let r = post(&app, &path, Some(&seat_holder.1), &[("action", "register")]).await;
    assert!(location(&r).contains("done=meeting_registered"));
    assert_eq!(count(&app, &counters("registered")).await, 3);
    // The first person waiting is told their place, and moves up.
    let first_waiting: String = {
        let sql = app.sql().await;
        let id: String = sqlx::query_scalar(&format!(
            "SELECT account_id FROM consult_meeting_registrations WHERE process_id = {QUAY} \
             AND status = 'waiting' ORDER BY seq LIMIT 1"
        ))
        .fetch_one(sql.pool())
        .await
        .unwrap();
        sql.close().await;
        id
    };
    let first = people.iter().find(|(id, _)| *id == first_waiting).unwrap();
    let page_path = format!("/consultations/quay/meetings/{number}");
    let (_, shown) = page(&app, &page_path, Some(&first.1)).await;
    assert!(
        shown.contains("You are number 1 on the waiting list."),
        "{shown}"
    );
    let r = post(&app, &path, Some(&seat_holder.1), &[("action", "cancel")]).await;
    assert!(location(&r).contains("done=registration_cancelled"));
    let (_, shown) = page(&app, &page_path, Some(&first.1)).await;
    assert!(shown.contains("You are registered."), "{shown}");
    assert_eq!(count(&app, &counters("registered")).await, 3);
    assert_eq!(count(&app, &counters("waiting")).await, 6);
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM notifications WHERE kind = 'seat_given' \
                 AND account_id = '{first_waiting}'"
            )
        )
        .await,
        1
    );
    let (_, inbox) = page(&app, "/notifications", Some(&first.1)).await;
    assert!(inbox.contains("A seat became free at a meeting"), "{inbox}");
    // An unknown button is refused by name.
    let r = post(&app, &path, Some(&first.1), &[("action", "sit")]).await;
    assert!(location(&r).contains("error="), "{}", location(&r));
    // Signed out: a link to sign in, no form.
    let (_, shown) = page(&app, &page_path, None).await;
    assert!(shown.contains("Sign in to register"));
    let r = post(&app, &path, None, &[("action", "register")]).await;
    assert!(
        r.status().is_redirection() || r.status() == 401,
        "{}",
        r.status()
    );
}

#[tokio::test]
async fn registration_closes_when_the_meeting_begins_and_the_minutes_wait_for_it() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let started = add_meeting(&app, &process, -1, 1, Some(10)).await;
    let upcoming = add_meeting(&app, &process, 24, 26, None).await;
    let people = citizens(&app, "late", 1).await;
    let r = post(
        &app,
        &format!("/consultations/quay/meetings/{started}/registration"),
        Some(&people[0].1),
        &[("action", "register")],
    )
    .await;
    assert!(
        location(&r).contains("error=registration_closed"),
        "{}",
        location(&r)
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM consult_meeting_registrations").await,
        count(
            &app,
            "SELECT COUNT(*) FROM consult_meeting_registrations WHERE process_id <> \
             (SELECT id FROM consult_processes WHERE slug = 'quay')"
        )
        .await
    );
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let proposal = proposal_by(&app, &process, &people[0].0, "Trees along the quay").await;
    let proposal = proposal.to_string();
    // Before it begins: refused, kept.
    let r = post(
        &app,
        &format!("/moderation/consultations/quay/meetings/{upcoming}/minutes"),
        Some(&moderator),
        &[
            ("minutes", "Too early."),
            ("attendance", "3"),
            ("outcomes", ""),
        ],
    )
    .await;
    assert!(
        location(&r).contains("error=minutes_invalid"),
        "{}",
        location(&r)
    );
    // An unknown proposal and a wrong attendance are named.
    let r = post(
        &app,
        &format!("/moderation/consultations/quay/meetings/{started}/minutes"),
        Some(&moderator),
        &[
            ("minutes", "We met."),
            ("attendance", "-2"),
            ("outcomes", "99"),
        ],
    )
    .await;
    assert!(location(&r).contains("error=minutes_invalid"));
    let (_, form) = page(
        &app,
        &format!("/moderation/consultations/quay/meetings/{started}/edit"),
        Some(&moderator),
    )
    .await;
    assert!(
        form.contains("Give the attendance as a whole number"),
        "{form}"
    );
    assert!(form.contains("We met."), "kept: {form}");
    let outcomes = format!("#{proposal}");
    let r = post(
        &app,
        &format!("/moderation/consultations/quay/meetings/{started}/minutes"),
        Some(&moderator),
        &[
            ("minutes", "We met and **agreed** on trees."),
            ("attendance", "17"),
            ("outcomes", &outcomes),
        ],
    )
    .await;
    assert!(
        location(&r).contains("done=minutes_saved"),
        "{}",
        location(&r)
    );
    let (_, shown) = page(
        &app,
        &format!("/consultations/quay/meetings/{started}"),
        None,
    )
    .await;
    assert!(shown.contains("<strong>agreed</strong>"), "{shown}");
    assert!(shown.contains("People who came: 17"));
    assert!(shown.contains("Trees along the quay"));
    assert!(shown.contains("Registration is closed") || !shown.contains(r#"value="register""#));
}

/// What Python's `icalendar` reads in `ics`.
fn parsed(python: &std::path::Path, ics: &str) -> serde_json::Value {
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/ics_events.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "icalendar refused the file: {}\n{ics}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test]
async fn calendar_files_are_read_by_a_real_icalendar_parser() {
    let Some(python) = reference_python() else {
        return;
    };
    let app = TestApp::spawn().await;
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let first = add_meeting(&app, &process, 48, 50, Some(3)).await;
    add_meeting(&app, &process, 72, 75, None).await;
    let r = app
        .send(
            reqwest::Method::GET,
            &format!("/consultations/quay/meetings/{first}/calendar.ics"),
            |r| r,
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "text/calendar; charset=utf-8");
    assert!(header(&r, "content-disposition").starts_with("attachment"));
    let one = r.text().await.unwrap();
    let read = parsed(&python, &one);
    assert_eq!(read["errors"], serde_json::json!([]), "{one}");
    assert_eq!(read["version"], "2.0");
    assert!(read["longest_line"].as_u64().unwrap() <= 75, "{one}");
    assert_eq!(read["bare_newlines"], 0);
    let event = &read["events"][0];
    assert_eq!(event["summary"], "Walk, along the quay; with the engineer");
    let starts = at(48);
    let expected = format!("{}+00:00", &starts[..19]);
    assert_eq!(event["start"], expected.as_str());
    assert_eq!(event["location"], "Havenkade 1, Havenstad");
    assert_eq!(event["geo"], serde_json::json!([51.5, 4.5]));
    assert!(
        event["description"]
            .as_str()
            .unwrap()
            .contains("Video room: https://meet.jit.si/plaza-quay"),
        "{event}"
    );
    assert!(
        event["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/consultations/quay/meetings/{first}"))
    );
    let uid = event["uid"].as_str().unwrap().to_owned();
    // The process's feed: both meetings, the same UID for the first.
    let (status, feed) = page(&app, "/consultations/quay/meetings.ics", None).await;
    assert_eq!(status, 200);
    let read = parsed(&python, &feed);
    assert_eq!(read["errors"], serde_json::json!([]));
    assert_eq!(read["events"].as_array().unwrap().len(), 2);
    assert_eq!(read["events"][0]["uid"], uid.as_str());
    assert_eq!(read["events"][0]["sequence"], 0);
    // A change reaches calendars: the same UID, a higher SEQUENCE.
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let r = post(
        &app,
        &format!("/moderation/consultations/quay/meetings/{first}"),
        Some(&moderator),
        &meeting_form(&[("title", "Walk along the quay, moved")]),
    )
    .await;
    assert!(
        location(&r).contains("done=meeting_saved"),
        "{}",
        location(&r)
    );
    let (_, one) = page(
        &app,
        &format!("/consultations/quay/meetings/{first}/calendar.ics"),
        None,
    )
    .await;
    let read = parsed(&python, &one);
    assert_eq!(read["events"][0]["uid"], uid.as_str());
    assert_eq!(read["events"][0]["sequence"], 1);
    assert_eq!(read["events"][0]["summary"], "Walk along the quay, moved");
    let (status, _) = page(&app, "/consultations/nowhere/meetings.ics", None).await;
    assert_eq!(status, 404);
}
