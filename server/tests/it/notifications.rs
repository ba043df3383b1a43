//! Follows and notifications through the real application: who is told of
//! a new proposal, a comment, a reply, an official answer, a moderator's
//! decision and a phase start; the header's unread count; marking read;
//! the daily digest and its signed unsubscribe link; and what "download
//! my data" shows of it all.

use app::consult::PhaseKind;
use plaza::auth::AccountId;

use crate::support::TestApp;
use crate::support::consult::{citizens, open_process};
use crate::support::forms::{location, page, post};

/// `account`'s notifications as (kind, detail, proposal number, read).
async fn told(app: &TestApp, account: &str) -> Vec<(String, String, i64, bool)> {
    let sql = app.sql().await;
    let rows: Vec<(String, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT kind, detail, proposal_number, read_at FROM notifications \
         WHERE account_id = $1 ORDER BY created_at",
    )
    .bind(account)
    .fetch_all(sql.pool())
    .await
    .unwrap();
    sql.close().await;
    rows.into_iter()
        .map(|(k, d, n, r)| (k, d, n, r.is_some()))
        .collect()
}

fn kinds(rows: &[(String, String, i64, bool)]) -> Vec<&str> {
    rows.iter().map(|r| r.0.as_str()).collect()
}

fn comment_id(location: &str) -> String {
    location
        .rsplit_once("#comment-")
        .expect("an anchor")
        .1
        .to_owned()
}

#[tokio::test]
async fn followers_hear_of_proposals_comments_replies_answers_and_decisions() {
    let app = TestApp::spawn().await;
    open_process(&app, "heard", PhaseKind::Proposals, None).await;
    let people = citizens(&app, "listener", 3).await;
    let (author, author_cookie) = (&people[0].0, &people[0].1);
    let (follower, follower_cookie) = (&people[1].0, &people[1].1);
    let (bystander, _) = (&people[2].0, &people[2].1);
    // Following needs a known process, and someone signed in.
    let r = post(
        &app,
        "/consultations/heard/follow",
        None,
        &[("action", "follow")],
    )
    .await;
    assert!(location(&r).contains("error=signin"));
    let r = post(
        &app,
        "/consultations/nowhere/follow",
        Some(follower_cookie),
        &[("action", "follow")],
    )
    .await;
    assert_eq!(r.status(), 404);
    let r = post(
        &app,
        "/consultations/heard/follow",
        Some(follower_cookie),
        &[("action", "follow")],
    )
    .await;
    assert!(location(&r).ends_with("done=followed"), "{}", location(&r));
    let (_, shown) = page(&app, "/consultations/heard", Some(follower_cookie)).await;
    assert!(
        shown.contains("Stop following"),
        "the button says what it does now"
    );

    // A new proposal: the process's follower is told; its author follows it.
    let r = post(
        &app,
        "/consultations/heard/proposals",
        Some(author_cookie),
        &[("title", "Benches on the quay"), ("body", "Ten of them.")],
    )
    .await;
    assert!(location(&r).contains("done=proposal_published"));
    let n: i64 = location(&r)
        .split("/proposals/")
        .nth(1)
        .and_then(|rest| rest.split('?').next())
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(kinds(&told(&app, follower).await), ["new_proposal"]);
    assert!(
        told(&app, author).await.is_empty(),
        "nobody hears of what they did"
    );

    // A comment: the author hears of it; the commenter follows the
    // proposal from now on. The reply: the commenter hears of it once.
    let r = post(
        &app,
        "/consultations/heard/comments",
        Some(follower_cookie),
        &[
            ("proposal", &n.to_string()),
            ("body", "Yes!"),
            ("alignment", "favour"),
        ],
    )
    .await;
    let first = comment_id(&location(&r));
    assert_eq!(kinds(&told(&app, author).await), ["comment"]);
    let r = post(
        &app,
        "/consultations/heard/comments",
        Some(author_cookie),
        &[
            ("proposal", &n.to_string()),
            ("parent", &first),
            ("body", "Thank you."),
            ("alignment", "neutral"),
        ],
    )
    .await;
    assert!(location(&r).contains("done=comment_posted"));
    let mut heard = kinds(&told(&app, follower).await).join(" ");
    heard = heard.replace("reply new_proposal", "new_proposal reply");
    assert_eq!(
        heard, "new_proposal reply",
        "a reply, and no comment as well"
    );
    assert!(told(&app, bystander).await.is_empty());

    // The official answer: both followers of the proposal hear of it.
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let r = post(
        &app,
        &format!("/consultations/heard/proposals/{n}/answer"),
        Some(&moderator),
        &[("state", "evaluating"), ("answer", "We are studying it.")],
    )
    .await;
    assert!(location(&r).ends_with("done=answer_saved"));
    for who in [author, follower] {
        let rows = told(&app, who).await;
        assert!(
            rows.iter()
                .any(|r| (r.0.as_str(), r.1.as_str(), r.2) == ("answered", "evaluating", n)),
            "{rows:?}"
        );
    }

    // A moderator hides the follower's comment: they are told.
    let r = post(
        &app,
        "/moderation",
        Some(&moderator),
        &[
            ("process", "heard"),
            ("kind", "comment"),
            ("target", &first),
            ("action", "hide"),
        ],
    )
    .await;
    assert!(location(&r).contains("done=moderated"));
    assert!(kinds(&told(&app, follower).await).contains(&"hidden"));

    // The header counts what is unread; /notifications lists it, with a
    // link to the comment; marking read empties the count.
    let (_, home) = page(&app, "/", Some(follower_cookie)).await;
    assert!(home.contains(r#"href="/notifications""#), "{home}");
    assert!(home.contains(">4</span>"), "four unread in the header");
    let (_, anonymous_home) = page(&app, "/", None).await;
    assert!(!anonymous_home.contains(r#"href="/notifications""#));
    let (status, list) = page(&app, "/notifications", Some(follower_cookie)).await;
    assert_eq!(status, 200);
    assert!(
        list.contains("Benches on the quay") && list.contains("4 unread"),
        "{list}"
    );
    assert!(list.contains(&format!(
        "/consultations/heard/proposals/{n}#comment-{first}"
    )));
    assert_eq!(page(&app, "/notifications", None).await.0, 401);
    let one = {
        let sql = app.sql().await;
        let id: String = sqlx::query_scalar(
            "SELECT id FROM notifications WHERE account_id = $1 AND kind = 'reply'",
        )
        .bind(follower)
        .fetch_one(sql.pool())
        .await
        .unwrap();
        sql.close().await;
        id
    };
    // Someone else's notification is not theirs to mark.
    post(
        &app,
        "/notifications/read",
        Some(author_cookie),
        &[("id", &one)],
    )
    .await;
    assert!(told(&app, follower).await.iter().all(|r| !r.3));
    let r = post(
        &app,
        "/notifications/read",
        Some(follower_cookie),
        &[("id", &one)],
    )
    .await;
    assert!(location(&r).ends_with("done=marked_read"));
    assert_eq!(told(&app, follower).await.iter().filter(|r| r.3).count(), 1);
    post(&app, "/notifications/read", Some(follower_cookie), &[]).await;
    assert!(told(&app, follower).await.iter().all(|r| r.3));
    let (_, home) = page(&app, "/", Some(follower_cookie)).await;
    assert!(!home.contains("unread-count"), "nothing unread");

    // Unfollowing stops the news of the process.
    post(
        &app,
        "/consultations/heard/follow",
        Some(follower_cookie),
        &[("action", "unfollow")],
    )
    .await;
    post(
        &app,
        "/consultations/heard/proposals",
        Some(author_cookie),
        &[("title", "Lights on the quay"), ("body", "Warm ones.")],
    )
    .await;
    assert_eq!(
        kinds(&told(&app, follower).await)
            .iter()
            .filter(|k| **k == "new_proposal")
            .count(),
        1
    );
    // An unknown action is refused, and follows nothing.
    let r = post(
        &app,
        "/consultations/heard/follow",
        Some(follower_cookie),
        &[("action", "subscribe")],
    )
    .await;
    assert!(
        location(&r).contains("error=action_unknown"),
        "{}",
        location(&r)
    );

    // "Download my data" has the follows and the notifications.
    let (_, data) = page(&app, "/account/data.json", Some(follower_cookie)).await;
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["notifications"].as_array().unwrap().len(), 4, "{data}");
    assert_eq!(data["follows"][0]["proposal"], n, "{data}");
}

#[tokio::test]
async fn a_phase_start_is_told_once_to_the_followers() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "phased", PhaseKind::Supports, None).await;
    let people = citizens(&app, "phase", 2).await;
    post(
        &app,
        "/consultations/phased/follow",
        Some(&people[0].1),
        &[("action", "follow")],
    )
    .await;
    let sql = app.sql().await;
    // Another instance may have told already at start-up (then nobody
    // followed): start again from an untold phase.
    sqlx::query("DELETE FROM notify_phase_starts WHERE process_id = $1")
        .bind(&process)
        .execute(sql.pool())
        .await
        .unwrap();
    assert!(plaza::notify::phases::tell_started(&sql).await.unwrap() >= 1);
    assert_eq!(plaza::notify::phases::tell_started(&sql).await.unwrap(), 0);
    sql.close().await;
    let rows = told(&app, &people[0].0).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str()),
        ("phase_started", "supports")
    );
    assert!(told(&app, &people[1].0).await.is_empty());
    let (_, list) = page(&app, "/notifications", Some(&people[0].1)).await;
    assert!(list.contains("Consultation phased"), "{list}");
}

#[tokio::test]
async fn the_daily_digest_goes_once_a_day_and_its_link_stops_it() {
    let app = TestApp::spawn().await;
    open_process(&app, "digested", PhaseKind::Proposals, None).await;
    app.make_account("reader@example.org", "citizen", &[]).await;
    let reader = app.sign_in("reader@example.org").await;
    let people = citizens(&app, "writer", 1).await;
    let r = post(
        &app,
        "/notifications/digest",
        Some(&reader),
        &[("daily", "true")],
    )
    .await;
    assert!(location(&r).ends_with("done=digest_on"));
    post(
        &app,
        "/consultations/digested/follow",
        Some(&reader),
        &[("action", "follow")],
    )
    .await;
    post(
        &app,
        "/consultations/digested/proposals",
        Some(&people[0].1),
        &[("title", "A fountain"), ("body", "Near the school.")],
    )
    .await;
    let sql = app.sql().await;
    let mailer = plaza::mail::Mailer::Log;
    let base = "http://plaza.test";
    assert_eq!(
        plaza::notify::digest::send_due(&sql, &mailer, base)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        plaza::notify::digest::send_due(&sql, &mailer, base)
            .await
            .unwrap(),
        0,
        "one a day"
    );
    let account: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind("reader@example.org")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    let url = {
        let mut db = sql.conn().await.unwrap();
        plaza::notify::digest::unsubscribe_url(&mut db, base, &AccountId::from_stored(&account))
            .await
            .unwrap()
    };
    sql.close().await;
    let path = url.strip_prefix(base).unwrap();
    // The link's page needs no sign-in; an altered one is refused.
    let (status, shown) = page(&app, path, None).await;
    assert_eq!(status, 200);
    assert!(shown.contains("Stop the daily email") && shown.contains(&account));
    let signature = url.rsplit_once("signature=").unwrap().1;
    let forged = format!("{}0", &signature[..signature.len() - 1]);
    let r = post(
        &app,
        "/notifications/unsubscribe",
        None,
        &[("account", &account), ("signature", &forged)],
    )
    .await;
    assert!(location(&r).ends_with("error=unsubscribe_invalid"));
    let r = post(
        &app,
        "/notifications/unsubscribe",
        None,
        &[("account", &account), ("signature", signature)],
    )
    .await;
    assert!(location(&r).ends_with("done=unsubscribed"));
    let sql = app.sql().await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM notify_digests")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    assert_eq!(left, 0);
}
