//! Comments, moderation and personal data in consultations, through the
//! real application: threads to depth 3, the posting limit, a comment on a
//! hidden proposal, reports that hide at the threshold, a moderator's
//! decision, and what "download my data" and "also erase my
//! contributions" do with a citizen's contributions.

use app::consult::PhaseKind;

use crate::support::TestApp;
use crate::support::consult::{citizens, open_process, proposal_by};
use crate::support::forms::{location, page, post};

async fn count(app: &TestApp, query: &str) -> i64 {
    let sql = app.sql().await;
    let n = sqlx::query_scalar(query)
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    n
}

fn comment_id(location: &str) -> String {
    location
        .rsplit_once("#comment-")
        .expect("an anchor")
        .1
        .to_owned()
}

#[tokio::test]
async fn threads_go_three_deep_and_writing_too_fast_is_refused() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "talk", PhaseKind::Deliberation, None).await;
    let people = citizens(&app, "talker", 2).await;
    let cookie = &people[0].1;
    let n = proposal_by(&app, &process, &people[1].0, "A bench on the quay").await;
    let write = |parent: Option<String>, body: &'static str, alignment: &'static str| {
        let app = &app;
        async move {
            let n = n.to_string();
            let mut form = vec![
                ("proposal", n.as_str()),
                ("body", body),
                ("alignment", alignment),
            ];
            if let Some(parent) = &parent {
                form.push(("parent", parent.as_str()));
            }
            let r = post(app, "/consultations/talk/comments", Some(cookie), &form).await;
            assert_eq!(r.status(), 303);
            location(&r)
        }
    };
    let first = write(None, "Yes, *please*.", "favour").await;
    assert!(first.contains("done=comment_posted"), "{first}");
    let reply = write(Some(comment_id(&first)), "Two benches.", "neutral").await;
    let deeper = write(Some(comment_id(&reply)), "Three.", "against").await;
    let too_deep = write(Some(comment_id(&deeper)), "Four.", "neutral").await;
    assert!(too_deep.contains("error=comment_too_deep"), "{too_deep}");
    let empty = write(None, "   ", "neutral").await;
    assert!(empty.contains("error=comment_invalid"));
    let (_, shown) = page(
        &app,
        &format!("/consultations/talk/proposals/{n}?comments=oldest"),
        None,
    )
    .await;
    assert!(shown.contains("<em>please</em>") && shown.contains("Three."));
    assert!(
        shown.contains("1 in favour, 1 against, 1 neutral"),
        "the alignments are summed up"
    );
    assert_eq!(
        count(&app, &format!("SELECT comments FROM consult_proposals WHERE process_id = '{process}' AND number = {n}")).await,
        3
    );
    // The author edits and deletes their own; the reply stays in its place.
    let own = comment_id(&first);
    let r = post(
        &app,
        &format!("/consultations/talk/comments/{own}/edit"),
        Some(cookie),
        &[("body", "Yes, two please.")],
    )
    .await;
    assert!(location(&r).contains("done=comment_saved"));
    let other = &people[1].1;
    let r = post(
        &app,
        &format!("/consultations/talk/comments/{own}/delete"),
        Some(other),
        &[],
    )
    .await;
    assert_eq!(r.status(), 403, "someone else's comment is not deleted");
    let r = post(
        &app,
        &format!("/consultations/talk/comments/{own}/delete"),
        Some(cookie),
        &[],
    )
    .await;
    assert!(location(&r).contains("done=comment_deleted"));
    let (_, shown) = page(&app, &format!("/consultations/talk/proposals/{n}"), None).await;
    assert!(shown.contains("This comment was deleted.") && shown.contains("Two benches."));
    // Votes: one per citizen, changed not added.
    let vote = format!("/consultations/talk/comments/{}/vote", comment_id(&reply));
    post(&app, &vote, Some(other), &[("vote", "up")]).await;
    post(&app, &vote, Some(other), &[("vote", "up")]).await;
    post(&app, &vote, Some(other), &[("vote", "down")]).await;
    assert_eq!(
        count(
            &app,
            &format!(
                "SELECT ups * 10 + downs FROM consult_comments WHERE id = '{}'",
                comment_id(&reply)
            )
        )
        .await,
        1
    );
    // Ten comments a minute, then 429 with a sentence; nothing written.
    for _ in 0..7 {
        assert!(
            write(None, "More.", "neutral")
                .await
                .contains("done=comment_posted")
        );
    }
    let r = post(
        &app,
        "/consultations/talk/comments",
        Some(cookie),
        &[
            ("proposal", &n.to_string()),
            ("body", "Too fast."),
            ("alignment", "neutral"),
        ],
    )
    .await;
    assert_eq!(r.status(), 429);
    assert!(r.text().await.unwrap().contains("wait a minute"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_comments WHERE body = 'Too fast.'"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn reports_hide_at_the_threshold_and_moderators_decide() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "heated", PhaseKind::Deliberation, None).await;
    let people = citizens(&app, "reporter", 4).await;
    let n = proposal_by(&app, &process, &people[3].0, "Close the quay to cars").await;
    let r = post(
        &app,
        "/consultations/heated/comments",
        Some(&people[3].1),
        &[
            ("proposal", &n.to_string()),
            ("body", "Buy cheap watches at spam.example"),
            ("alignment", "neutral"),
        ],
    )
    .await;
    let spam = comment_id(&location(&r));
    let report = |cookie: String, reason: &'static str, details: &'static str| {
        let app = &app;
        let spam = spam.clone();
        async move {
            let r = post(
                app,
                "/consultations/heated/reports",
                Some(&cookie),
                &[
                    ("kind", "comment"),
                    ("target", &spam),
                    ("proposal", &n.to_string()),
                    ("reason", reason),
                    ("details", details),
                ],
            )
            .await;
            location(&r)
        }
    };
    assert!(
        report(people[0].1.clone(), "other", "")
            .await
            .contains("error=report_details")
    );
    assert!(
        report(people[0].1.clone(), "spam", "")
            .await
            .contains("done=reported")
    );
    assert!(
        report(people[0].1.clone(), "spam", "")
            .await
            .contains("done=already_reported")
    );
    assert!(
        report(people[1].1.clone(), "spam", "")
            .await
            .contains("done=reported")
    );
    let page_of = format!("/consultations/heated/proposals/{n}");
    assert!(
        page(&app, &page_of, None).await.1.contains("spam.example"),
        "two reports: still shown"
    );
    report(people[2].1.clone(), "offensive", "").await;
    let (_, public) = page(&app, &page_of, None).await;
    assert!(
        !public.contains("spam.example"),
        "three reports hide it at once"
    );
    assert!(
        public.contains("Comments (0)"),
        "{}",
        "the public count leaves it out"
    );
    let (_, own) = page(&app, &page_of, Some(&people[3].1)).await;
    assert!(
        own.contains("spam.example") && own.contains("only you can see it"),
        "its author sees it, marked"
    );
    // A comment on a hidden proposal is refused and changes nothing.
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    plaza::consult::proposals::set_hidden(&mut db, &process, n, Some("spam"))
        .await
        .unwrap();
    drop(db);
    sql.close().await;
    let r = post(
        &app,
        "/consultations/heated/comments",
        Some(&people[0].1),
        &[
            ("proposal", &n.to_string()),
            ("body", "Hello?"),
            ("alignment", "neutral"),
        ],
    )
    .await;
    assert_eq!(r.status(), 404);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_comments WHERE body = 'Hello?'"
        )
        .await,
        0
    );
    let (status, _) = page(&app, &page_of, None).await;
    assert_eq!(status, 404, "a hidden proposal is not shown");
    let (status, own) = page(&app, &page_of, Some(&people[3].1)).await;
    assert_eq!(status, 200, "but to its author");
    assert!(own.contains("Moderators hid this proposal (Spam)"), "{own}");
    // The moderators' queue lists both; a citizen may not see it.
    app.make_account("mod@example.org", "moderator", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let (status, _) = page(&app, "/moderation", Some(&people[0].1)).await;
    assert_eq!(status, 403, "the queue is for moderators");
    let (_, queue) = page(&app, "/moderation", Some(&moderator)).await;
    assert!(
        queue.contains("Close the quay to cars") && queue.contains("Buy cheap watches"),
        "{queue}"
    );
    let r = post(
        &app,
        "/moderation",
        Some(&moderator),
        &[
            ("process", "heated"),
            ("kind", "proposal"),
            ("target", &n.to_string()),
            ("action", "unhide"),
        ],
    )
    .await;
    assert!(location(&r).contains("done=moderated"));
    assert_eq!(page(&app, &page_of, None).await.0, 200);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action IN ('moderation.auto_hide', 'moderation.unhide')").await,
        2
    );
}

#[tokio::test]
async fn a_proposal_is_reported_from_its_page_and_hidden_at_the_threshold() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "quay", PhaseKind::Deliberation, None).await;
    let people = citizens(&app, "watcher", 4).await;
    let n = proposal_by(&app, &process, &people[3].0, "Sell watches on the quay").await;
    let page_of = format!("/consultations/quay/proposals/{n}");
    let (_, theirs) = page(&app, &page_of, Some(&people[0].1)).await;
    assert!(
        theirs.contains("Report this proposal")
            && theirs.contains(r#"name="kind" value="proposal""#),
        "{theirs}"
    );
    let (_, own) = page(&app, &page_of, Some(&people[3].1)).await;
    assert!(!own.contains("Report this proposal"), "not to its author");
    let (_, public) = page(&app, &page_of, None).await;
    assert!(!public.contains("Report this proposal"), "nor signed out");
    let number = n.to_string();
    for (who, reason) in [(0, "spam"), (1, "spam"), (2, "off_topic")] {
        let r = post(
            &app,
            "/consultations/quay/reports",
            Some(&people[who].1),
            &[
                ("kind", "proposal"),
                ("target", &number),
                ("proposal", &number),
                ("reason", reason),
                ("details", ""),
            ],
        )
        .await;
        assert!(location(&r).contains("done=reported"), "{}", location(&r));
    }
    assert_eq!(
        page(&app, &page_of, None).await.0,
        404,
        "hidden at three reports"
    );
    let (_, own) = page(&app, &page_of, Some(&people[3].1)).await;
    assert!(own.contains("Moderators hid this proposal (Spam)"), "{own}");
    // A kind that is not one is refused and files nothing.
    let r = post(
        &app,
        "/consultations/quay/reports",
        Some(&people[0].1),
        &[("kind", "process"), ("target", "1"), ("reason", "spam")],
    )
    .await;
    assert!(!location(&r).contains("done=reported"), "{}", location(&r));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM consult_reports").await, 3);
}

#[tokio::test]
async fn a_citizens_contributions_are_in_their_data_and_erased_when_they_ask() {
    let app = TestApp::spawn().await;
    let process = open_process(&app, "mine", PhaseKind::Deliberation, None).await;
    app.make_account("leaving@example.org", "citizen", &[])
        .await;
    let cookie = app.sign_in("leaving@example.org").await;
    let r = post(
        &app,
        "/consultations/mine/proposals",
        Some(&cookie),
        &[("title", "Plant more trees")],
    )
    .await;
    assert!(location(&r).contains("phase_closed"));
    let sql = app.sql().await;
    let id: String =
        sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'leaving@example.org'")
            .fetch_one(sql.pool())
            .await
            .unwrap();
    sql.close().await;
    let n = proposal_by(&app, &process, &id, "My idea for the quay").await;
    post(
        &app,
        "/consultations/mine/comments",
        Some(&cookie),
        &[
            ("proposal", &n.to_string()),
            ("body", "My own comment."),
            ("alignment", "favour"),
        ],
    )
    .await;
    let (status, data) = page(&app, "/account/data.json", Some(&cookie)).await;
    assert_eq!(status, 200);
    let data: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["proposals"][0]["title"], "My idea for the quay");
    assert_eq!(data["comments"][0]["text"], "My own comment.");
    let r = post(
        &app,
        "/account/delete",
        Some(&cookie),
        &[("confirm", "yes"), ("erase_contributions", "yes")],
    )
    .await;
    assert_eq!(location(&r), "/account/deleted");
    let (_, shown) = page(&app, &format!("/consultations/mine/proposals/{n}"), None).await;
    assert!(!shown.contains("My idea for the quay") && !shown.contains("My own comment."));
    assert!(
        shown.contains("A proposal erased by its author"),
        "the page stays, for its comments"
    );
    assert_eq!(
        count(&app, &format!("SELECT comments FROM consult_proposals WHERE process_id = '{process}' AND number = {n}")).await,
        0,
        "the erased comment leaves the count"
    );
}
