//! The consultation form through the real application: a moderator creates
//! a consultation with phases, evidence and a cover image (its type
//! sniffed, served with that type only), edits it and removes the cover;
//! refused forms say which field is wrong, change nothing and keep what was
//! typed; citizens may not.

use reqwest::Method;
use reqwest::multipart::{Form, Part};

use crate::support::TestApp;
use crate::support::forms::{location, page};

/// The smallest real PNG: one transparent pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

fn form(fields: &[(&str, &str)], cover: Option<(&str, Vec<u8>)>) -> Form {
    let mut form = Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((file_name, bytes)) = cover {
        // The browser's claimed type is not trusted: a lie here changes nothing.
        let part = Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str("image/png")
            .unwrap();
        form = form.part("cover", part);
    }
    form
}

async fn send(app: &TestApp, path: &str, cookie: Option<&str>, form: Form) -> reqwest::Response {
    app.send(Method::POST, path, |r| {
        let r = r.multipart(form);
        match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        }
    })
    .await
}

const FIELDS: &[(&str, &str)] = &[
    ("slug", "green-schoolyards"),
    ("title", "Green schoolyards"),
    ("summary", "Which schoolyards become gardens first?"),
    ("body", "The plan, with **trees**.<script>alert(1)</script>"),
    ("area_kind", "bbox"),
    ("area", "4.40,51.90,4.50,51.95"),
    ("organisation", "havenstad"),
    ("max_supports", "3"),
    ("support_threshold", "20"),
    ("information_starts_at", "2026-01-01T00:00:00Z"),
    ("information_ends_at", "2026-02-01T00:00:00Z"),
    ("proposals_starts_at", "2026-02-01T00:00:00Z"),
    ("proposals_ends_at", "2099-03-01T00:00:00Z"),
    ("evidence", "http://plaza.test/datasets/bicycle-counts"),
    ("cover_alt", "A schoolyard with young trees"),
];

async fn count(app: &TestApp, query: &str) -> i64 {
    let sql = app.sql().await;
    let n = sqlx::query_scalar(query)
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    n
}

#[tokio::test]
async fn a_moderator_creates_and_edits_a_consultation_with_a_cover() {
    let app = TestApp::spawn().await;
    app.make_account("mod@example.org", "moderator", &[]).await;
    app.make_account("cit@example.org", "citizen", &[]).await;
    let moderator = app.sign_in("mod@example.org").await;
    let citizen = app.sign_in("cit@example.org").await;

    // Citizens may not; nor may anyone signed out.
    let r = send(
        &app,
        "/moderation/consultations",
        Some(&citizen),
        form(FIELDS, None),
    )
    .await;
    assert_eq!(r.status(), 403);
    let r = send(&app, "/moderation/consultations", None, form(FIELDS, None)).await;
    assert!(location(&r).contains("error=signin"));
    assert_eq!(
        page(&app, "/moderation/consultations/new", Some(&citizen))
            .await
            .0,
        403
    );

    // Refused: an SVG as cover, an unknown record, overlapping phases and a
    // bad short name, all at once; nothing is created, the typed text stays.
    let mut bad: Vec<(&str, &str)> = FIELDS.to_vec();
    bad[0] = ("slug", "Green Schoolyards!");
    bad[13] = (
        "evidence",
        "http://plaza.test/datasets/no-such-thing\nnot an iri",
    );
    bad[10] = ("information_ends_at", "2026-03-01T00:00:00Z");
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".to_vec();
    let r = send(
        &app,
        "/moderation/consultations",
        Some(&moderator),
        form(&bad, Some(("cover.png", svg))),
    )
    .await;
    assert_eq!(
        location(&r),
        "/moderation/consultations/new?error=process_invalid"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_processes WHERE title = 'Green schoolyards'"
        )
        .await,
        0
    );
    let sql = app.sql().await;
    let problems: String =
        sqlx::query_scalar("SELECT problems FROM consult_drafts WHERE form = 'process'")
            .fetch_one(sql.pool())
            .await
            .unwrap();
    sql.close().await;
    for expected in [
        "SlugInvalid",
        "CoverType",
        "EvidenceUnknown",
        "EvidenceNotIri",
        "PhaseOverlaps",
    ] {
        assert!(problems.contains(expected), "{expected} in {problems}");
    }
    let (status, shown) = page(
        &app,
        "/moderation/consultations/new?error=process_invalid",
        Some(&moderator),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        shown.contains("Which schoolyards become gardens first?"),
        "the typed summary is kept"
    );

    // Accepted: the process, its phases, its evidence and its cover.
    let r = send(
        &app,
        "/moderation/consultations",
        Some(&moderator),
        form(FIELDS, Some(("yard.png", PNG.to_vec()))),
    )
    .await;
    assert_eq!(
        location(&r),
        "/consultations/green-schoolyards?done=process_saved"
    );
    let (status, shown) = page(&app, "/consultations/green-schoolyards", None).await;
    assert_eq!(status, 200);
    assert!(shown.contains("<strong>trees</strong>") && !shown.contains("<script>alert"));
    assert!(shown.contains(r#"alt="A schoolyard with young trees""#));
    let src = shown
        .split("/consultations/green-schoolyards/cover/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the cover is shown")
        .to_owned();
    assert!(src.ends_with(".png"), "{src}");
    let cover = app
        .send(
            Method::GET,
            &format!("/consultations/green-schoolyards/cover/{src}"),
            |r| r,
        )
        .await;
    assert_eq!(cover.status(), 200);
    assert_eq!(cover.headers()["content-type"], "image/png");
    assert_eq!(cover.headers()["x-content-type-options"], "nosniff");
    assert_eq!(cover.bytes().await.unwrap().as_ref(), PNG);
    let elsewhere = app
        .send(
            Method::GET,
            "/consultations/green-schoolyards/cover/..%2Fplaza.db",
            |r| r,
        )
        .await;
    assert_eq!(elsewhere.status(), 404);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.create'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consult_drafts WHERE form = 'process'"
        )
        .await,
        0
    );

    // Edited: a new title, the cover removed (and its file with it).
    let (_, form_page) = page(
        &app,
        "/moderation/consultations/green-schoolyards/edit",
        Some(&moderator),
    )
    .await;
    assert!(form_page.contains("Green schoolyards"));
    let mut changed: Vec<(&str, &str)> = FIELDS[1..].to_vec();
    changed[0] = ("title", "Greener schoolyards");
    changed.push(("remove_cover", "yes"));
    let r = send(
        &app,
        "/moderation/consultations/green-schoolyards",
        Some(&moderator),
        form(&changed, None),
    )
    .await;
    assert_eq!(
        location(&r),
        "/consultations/green-schoolyards?done=process_saved"
    );
    let (_, shown) = page(&app, "/consultations/green-schoolyards", None).await;
    assert!(shown.contains("Greener schoolyards") && !shown.contains("/cover/"));
    let gone = app
        .send(
            Method::GET,
            &format!("/consultations/green-schoolyards/cover/{src}"),
            |r| r,
        )
        .await;
    assert_eq!(gone.status(), 404);
    assert!(!app.config.data_dir.join("covers").join(&src).exists());

    // A cover needs its text alternative.
    let mut no_alt: Vec<(&str, &str)> = FIELDS[1..].to_vec();
    no_alt.retain(|(name, _)| *name != "cover_alt");
    let r = send(
        &app,
        "/moderation/consultations/green-schoolyards",
        Some(&moderator),
        form(&no_alt, Some(("yard.png", PNG.to_vec()))),
    )
    .await;
    assert!(location(&r).ends_with("error=process_invalid"));
    assert!(
        !page(&app, "/consultations/green-schoolyards", None)
            .await
            .1
            .contains("/cover/")
    );
}
