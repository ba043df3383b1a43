//! Consultations through the real application: the demo process and its
//! pages, proposals published, refused and edited by form posts, supports
//! that stay exact under concurrency on SQLite and PostgreSQL, and text
//! that cannot inject markup.

use app::consult::PhaseKind;

use crate::support::consult::{citizens, open_process, proposal_by, support_counts};
use crate::support::forms::{location, page, post};
use crate::support::{TestApp, postgres_database};

#[tokio::test]
async fn the_demo_consultation_shows_its_evidence_proposals_and_answers() {
    let app = TestApp::spawn().await;
    let (status, list) = page(&app, "/consultations", None).await;
    assert_eq!(status, 200);
    assert!(
        list.contains("A safe cycle route along the Havenkade"),
        "{list}"
    );
    let (status, process) = page(&app, "/consultations/havenkade-cycle-route", None).await;
    assert_eq!(status, 200);
    for text in [
        "Bicycle counts",
        "City budget 2026",
        "Protected crossing at the station square",
    ] {
        assert!(
            process.contains(text),
            "{text} missing from the process page"
        );
    }
    assert!(
        process.contains("<h3>What we know</h3>"),
        "the body's Markdown is rendered"
    );
    let (status, proposal) = page(
        &app,
        "/consultations/havenkade-cycle-route/proposals/1",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        proposal.contains("Works are planned for spring 2027"),
        "the official answer"
    );
    assert!(proposal.contains("Bicycle counts"), "the evidence cited");
    let (_, record) = page(&app, "/datasets/bicycle-counts", None).await;
    assert!(
        record.contains("/consultations/havenkade-cycle-route/proposals/1"),
        "the record lists the proposals citing it"
    );
    let (status, _) = page(&app, "/consultations/no-such-thing", None).await;
    assert_eq!(status, 404);
    let (status, _) = page(
        &app,
        "/consultations/havenkade-cycle-route/proposals/999",
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_citizen_publishes_a_proposal_and_nothing_typed_is_lost_when_refused() {
    let app = TestApp::spawn().await;
    open_process(&app, "open-for-ideas", PhaseKind::Proposals, None).await;
    let cookie = &citizens(&app, "writer", 1).await[0].1;
    let form = "/consultations/open-for-ideas/proposals";
    // Refused: the title too short, then 100 kB long; an unknown record.
    let long = "x".repeat(100_000);
    for (title, citation) in [
        ("Hi", ""),
        (long.as_str(), ""),
        ("A fine title", "http://plaza.test/datasets/never-was"),
    ] {
        let r = post(
            &app,
            form,
            Some(cookie),
            &[
                ("title", title),
                ("body", "Because."),
                ("citations", citation),
            ],
        )
        .await;
        assert_eq!(r.status(), 303);
        assert_eq!(
            location(&r),
            "/consultations/open-for-ideas/new?error=proposal_invalid"
        );
    }
    let (_, refused) = page(
        &app,
        "/consultations/open-for-ideas/new?error=proposal_invalid",
        Some(cookie),
    )
    .await;
    assert!(
        refused.contains("never-was"),
        "the unknown record is named and the text kept"
    );
    let (_, list) = page(&app, "/consultations/open-for-ideas", None).await;
    assert!(!list.contains("A fine title"), "nothing was published");
    // Accepted, with markup in every text field neutralised.
    let r = post(
        &app,
        form,
        Some(cookie),
        &[
            (
                "title",
                "Trees </title><script>alert(1)</script> on the quay",
            ),
            (
                "body",
                "Plant trees. <img src=x onerror=alert(2)> [x](javascript:alert(3))",
            ),
            ("place", "<b onmouseover=alert(4)>Quay</b>"),
            ("latitude", "51.5"),
            ("longitude", "4.5"),
            ("citations", "http://plaza.test/datasets/bicycle-counts"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert_eq!(
        to,
        "/consultations/open-for-ideas/proposals/1?done=proposal_published"
    );
    let (status, shown) = page(&app, &to, Some(cookie)).await;
    assert_eq!(status, 200);
    for injected in [
        "<script>alert",
        "</title><script",
        "<img",
        "javascript:alert",
        "<b onmouseover",
    ] {
        assert!(
            !shown.contains(injected),
            "{injected} survived: {}",
            shown
                .find(injected)
                .map(|i| &shown[i.saturating_sub(300)..(i + 100).min(shown.len())])
                .unwrap_or("")
        );
    }
    assert!(
        shown.contains("Trees &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; on the quay")
    );
    assert!(
        shown.contains("Bicycle counts"),
        "the citation is shown with the record's title"
    );
    // Outside the area: refused.
    let r = post(
        &app,
        form,
        Some(cookie),
        &[
            ("title", "Far away idea"),
            ("body", "Yes."),
            ("latitude", "10"),
            ("longitude", "10"),
        ],
    )
    .await;
    assert_eq!(
        location(&r),
        "/consultations/open-for-ideas/new?error=proposal_invalid"
    );
}

#[tokio::test]
async fn supports_follow_the_phase_the_limit_and_the_author_rules() {
    let app = TestApp::spawn().await;
    let supports = open_process(&app, "support-now", PhaseKind::Supports, Some(2)).await;
    let ideas = open_process(&app, "ideas-now", PhaseKind::Proposals, None).await;
    let people = citizens(&app, "backer", 2).await;
    let (me, cookie) = (&people[0].0, &people[0].1);
    let other = &people[1].0;
    let numbers = [
        proposal_by(&app, &supports, other, "First idea").await,
        proposal_by(&app, &supports, other, "Second idea").await,
        proposal_by(&app, &supports, other, "Third idea").await,
    ];
    let url = |n: i64, what: &str| format!("/consultations/support-now/proposals/{n}/{what}");
    async fn support(app: &TestApp, url: String, cookie: &str) -> String {
        location(&post(app, &url, Some(cookie), &[("action", "support")]).await)
    }
    assert!(
        support(&app, url(numbers[0], "support"), cookie)
            .await
            .ends_with("done=supported")
    );
    assert!(
        support(&app, url(numbers[0], "support"), cookie)
            .await
            .ends_with("error=already_supported")
    );
    assert!(
        support(&app, url(numbers[1], "support"), cookie)
            .await
            .ends_with("done=supported")
    );
    assert!(
        support(&app, url(numbers[2], "support"), cookie)
            .await
            .ends_with("error=support_limit")
    );
    assert_eq!(support_counts(&app, &supports, numbers[2]).await, (0, 0));
    let r = post(
        &app,
        &url(numbers[0], "support"),
        Some(cookie),
        &[("action", "withdraw")],
    )
    .await;
    assert!(location(&r).ends_with("done=support_withdrawn"));
    assert_eq!(support_counts(&app, &supports, numbers[0]).await, (0, 0));
    // Outside the supports phase.
    let idea = proposal_by(&app, &ideas, other, "An idea").await;
    let r = post(
        &app,
        &format!("/consultations/ideas-now/proposals/{idea}/support"),
        Some(cookie),
        &[("action", "support")],
    )
    .await;
    assert!(location(&r).ends_with("error=phase_closed"));
    // Proposals cannot be written in the supports phase.
    let r = post(
        &app,
        "/consultations/support-now/proposals",
        Some(cookie),
        &[("title", "Too late now"), ("body", "x")],
    )
    .await;
    assert!(location(&r).ends_with("error=phase_closed"));
    // Someone else's proposal: neither edited nor withdrawn.
    let r = post(
        &app,
        &format!("/consultations/ideas-now/proposals/{idea}"),
        Some(cookie),
        &[("title", "Taken over"), ("body", "x")],
    )
    .await;
    assert_eq!(r.status(), 403);
    let r = post(
        &app,
        &format!("/consultations/ideas-now/proposals/{idea}/withdraw"),
        Some(cookie),
        &[],
    )
    .await;
    assert_eq!(r.status(), 403);
    let (_, shown) = page(
        &app,
        &format!("/consultations/ideas-now/proposals/{idea}"),
        None,
    )
    .await;
    assert!(shown.contains("An idea") && !shown.contains("Taken over"));
    // The author edits until the first support, then may only withdraw.
    let mine = proposal_by(&app, &supports, me, "My own idea").await;
    let r = post(
        &app,
        &format!("/consultations/support-now/proposals/{mine}"),
        Some(cookie),
        &[("title", "My own better idea"), ("body", "Better.")],
    )
    .await;
    assert!(
        location(&r).ends_with("done=proposal_saved"),
        "{}",
        location(&r)
    );
    let other_cookie = &people[1].1;
    post(
        &app,
        &url(mine, "support"),
        Some(other_cookie),
        &[("action", "support")],
    )
    .await;
    let r = post(
        &app,
        &format!("/consultations/support-now/proposals/{mine}"),
        Some(cookie),
        &[("title", "Changed after support"), ("body", "No.")],
    )
    .await;
    assert!(
        location(&r).ends_with("error=proposal_locked"),
        "{}",
        location(&r)
    );
    let r = post(&app, &url(mine, "withdraw"), Some(cookie), &[]).await;
    assert!(location(&r).ends_with("done=proposal_withdrawn"));
    // Signed out: to the sign-in page.
    let r = post(
        &app,
        &url(numbers[1], "support"),
        None,
        &[("action", "support")],
    )
    .await;
    assert!(location(&r).contains("error=signin"));
}

#[tokio::test]
async fn a_moderator_answers_and_a_citizen_may_not() {
    let app = TestApp::spawn().await;
    app.make_account("mod@example.org", "moderator", &[]).await;
    app.make_account("cit@example.org", "citizen", &[]).await;
    let path = "/consultations/havenkade-cycle-route/proposals/3/answer";
    let form = [
        ("state", "accepted"),
        ("answer", "We will plant **40 trees**."),
    ];
    let citizen = app.sign_in("cit@example.org").await;
    assert_eq!(post(&app, path, Some(&citizen), &form).await.status(), 403);
    let moderator = app.sign_in("mod@example.org").await;
    let r = post(
        &app,
        path,
        Some(&moderator),
        &[("state", "withdrawn"), ("answer", "x")],
    )
    .await;
    assert!(location(&r).ends_with("error=answer_invalid"));
    let r = post(&app, path, Some(&moderator), &form).await;
    assert!(location(&r).ends_with("done=answer_saved"));
    let (_, shown) = page(
        &app,
        "/consultations/havenkade-cycle-route/proposals/3",
        None,
    )
    .await;
    assert!(shown.contains("<strong>40 trees</strong>"));
}

/// 200 citizens support the same proposal at once, then half withdraw
/// while the other half support again (refused: they do already).
async fn supports_stay_exact(app: &TestApp) {
    let process = open_process(app, "crowded", PhaseKind::Supports, None).await;
    let people = citizens(app, "crowd", 200).await;
    let number = proposal_by(app, &process, &people[0].0, "Everyone wants this").await;
    let url = format!("/consultations/crowded/proposals/{number}/support");
    let round = |action: fn(usize) -> &'static str| {
        let tasks: Vec<_> = people
            .iter()
            .enumerate()
            .map(|(i, (_, cookie))| {
                let client = app.client.clone();
                let url = app.url(&url);
                let cookie = cookie.clone();
                tokio::spawn(async move {
                    let r = client
                        .post(url)
                        .header("cookie", cookie)
                        .form(&[("action", action(i))])
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 303);
                    r.headers()["location"].to_str().unwrap().to_owned()
                })
            })
            .collect();
        async move {
            let mut answers = Vec::new();
            for task in tasks {
                answers.push(task.await.unwrap());
            }
            answers
        }
    };
    let first = round(|_| "support").await;
    assert!(
        first.iter().all(|l| l.ends_with("done=supported")),
        "{first:?}"
    );
    assert_eq!(support_counts(app, &process, number).await, (200, 200));
    let second = round(|i| if i % 2 == 0 { "withdraw" } else { "support" }).await;
    let withdrawn = second
        .iter()
        .filter(|l| l.ends_with("done=support_withdrawn"))
        .count();
    let refused = second
        .iter()
        .filter(|l| l.ends_with("error=already_supported"))
        .count();
    assert_eq!((withdrawn, refused), (100, 100), "{second:?}");
    assert_eq!(support_counts(app, &process, number).await, (100, 100));
}

#[tokio::test]
async fn concurrent_supports_stay_exact_on_sqlite() {
    supports_stay_exact(&TestApp::spawn().await).await;
}

#[tokio::test]
async fn concurrent_supports_stay_exact_on_postgres() {
    let Some(url) = postgres_database().await else {
        return;
    };
    supports_stay_exact(&TestApp::spawn_with(&[("PLAZA_DATABASE_URL", &url)]).await).await;
}
