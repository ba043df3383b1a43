//! Citizen accounts: sign-up with the password rules, sign-in that never
//! says whether an email is registered, sign-out here and everywhere,
//! tampered cookies, data download and deletion, and the rate limit on
//! sign-in. Passwords after sign-up: `passwords.rs`.

use crate::support;

use reqwest::Method;
use support::forms::{cookie_of, location, page, post};
use support::{PASSWORD, TestApp};

#[tokio::test]
async fn sign_up_refuses_weak_passwords_and_signs_the_new_citizen_in() {
    let app = TestApp::spawn().await;
    let (status, form) = page(&app, "/account/sign-up", None).await;
    assert_eq!(status, 200);
    assert!(
        form.contains("action=\"/account/sign-up\"")
            && form.contains("autocomplete=\"new-password\"")
    );
    for (password, code) in [
        ("short pw", "password_short"),
        ("qwerty123456", "password_common"),
        ("Password2024!!", "password_common"),
    ] {
        let refused = post(
            &app,
            "/account/sign-up",
            None,
            &[
                ("email", "ana@example.org"),
                ("password", password),
                ("pseudonym", "Ana"),
                ("privacy", "yes"),
            ],
        )
        .await;
        assert_eq!(location(&refused), format!("/account/sign-up?error={code}"));
        assert!(refused.headers().get("set-cookie").is_none());
    }
    let (_, told) = page(&app, "/account/sign-up?error=password_common", None).await;
    assert!(told.contains("This password is too common"), "{told}");
    assert!(
        told.contains("href=\"#sign-up-password\""),
        "the message links to the field"
    );
    assert!(told.contains("id=\"sign-up-password\"") && told.contains("aria-invalid=\"true\""));

    let missing_privacy = post(
        &app,
        "/account/sign-up",
        None,
        &[
            ("email", "ana@example.org"),
            ("password", PASSWORD),
            ("pseudonym", "Ana"),
        ],
    )
    .await;
    assert_eq!(location(&missing_privacy), "/account/sign-up?error=privacy");

    let created = post(
        &app,
        "/account/sign-up",
        None,
        &[
            ("email", " Ana@Example.org "),
            ("password", PASSWORD),
            ("pseudonym", "Ana"),
            ("privacy", "yes"),
        ],
    )
    .await;
    assert_eq!(location(&created), "/account?done=welcome");
    let cookie = cookie_of(&created);
    let (_, account) = page(&app, "/account", Some(&cookie)).await;
    assert!(
        account.contains("ana@example.org") && account.contains("Citizen"),
        "{account}"
    );

    // The same email (any case) or pseudonym (any case) cannot be taken twice.
    let again = post(
        &app,
        "/account/sign-up",
        None,
        &[
            ("email", "ANA@example.org"),
            ("password", PASSWORD),
            ("pseudonym", "Other"),
            ("privacy", "yes"),
        ],
    )
    .await;
    assert_eq!(location(&again), "/account/sign-up?error=email_taken");
    let same_name = post(
        &app,
        "/account/sign-up",
        None,
        &[
            ("email", "bo@example.org"),
            ("password", PASSWORD),
            ("pseudonym", "ANA"),
            ("privacy", "yes"),
        ],
    )
    .await;
    assert_eq!(
        location(&same_name),
        "/account/sign-up?error=pseudonym_taken"
    );

    // The password is stored as an Argon2id hash only.
    let sql = app.sql().await;
    let stored: String =
        sqlx::query_scalar("SELECT password_hash FROM accounts WHERE email = 'ana@example.org'")
            .fetch_one(sql.pool())
            .await
            .unwrap();
    assert!(stored.starts_with("$argon2id$v=19$") && !stored.contains(PASSWORD));
}

#[tokio::test]
async fn sign_in_says_the_same_for_an_unknown_email_and_a_wrong_password() {
    let app = TestApp::spawn().await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let wrong = post(
        &app,
        "/account/sign-in",
        None,
        &[
            ("email", "citizen@example.org"),
            ("password", "not the password"),
        ],
    )
    .await;
    let unknown = post(
        &app,
        "/account/sign-in",
        None,
        &[
            ("email", "nobody@example.org"),
            ("password", "not the password"),
        ],
    )
    .await;
    assert_eq!(location(&wrong), "/account/sign-in?error=credentials");
    assert_eq!(location(&unknown), location(&wrong));
    assert!(
        wrong.headers().get("set-cookie").is_none()
            && unknown.headers().get("set-cookie").is_none()
    );
    let (_, told) = page(&app, "/account/sign-in?error=credentials", None).await;
    assert!(
        told.contains("The email address or the password is not right"),
        "{told}"
    );

    // `next` goes to a page of this site only.
    let next = post(
        &app,
        "/account/sign-in",
        None,
        &[
            ("email", "citizen@example.org"),
            ("password", PASSWORD),
            ("next", "//evil.example/x"),
        ],
    )
    .await;
    assert_eq!(location(&next), "/account");
    let next = post(
        &app,
        "/account/sign-in",
        None,
        &[
            ("email", "citizen@example.org"),
            ("password", PASSWORD),
            ("next", "/catalog"),
        ],
    )
    .await;
    assert_eq!(location(&next), "/catalog");
}

#[tokio::test]
async fn sign_out_ends_the_session_and_sign_out_everywhere_ends_them_all() {
    let app = TestApp::spawn().await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let laptop = app.sign_in("citizen@example.org").await;
    let phone = app.sign_in("citizen@example.org").await;
    assert_ne!(laptop, phone, "a new session id at every sign-in");
    assert!(
        page(&app, "/account", Some(&laptop))
            .await
            .1
            .contains("citizen@example.org")
    );

    let out = post(&app, "/account/sign-out", Some(&laptop), &[]).await;
    assert_eq!(location(&out), "/account/sign-in?done=signed_out");
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    assert!(
        !page(&app, "/account", Some(&laptop))
            .await
            .1
            .contains("citizen@example.org")
    );
    assert!(
        page(&app, "/account", Some(&phone))
            .await
            .1
            .contains("citizen@example.org")
    );

    let tablet = app.sign_in("citizen@example.org").await;
    let everywhere = post(
        &app,
        "/account/sign-out",
        Some(&phone),
        &[("everywhere", "yes")],
    )
    .await;
    assert_eq!(
        location(&everywhere),
        "/account/sign-in?done=signed_out_everywhere"
    );
    for cookie in [&phone, &tablet] {
        assert!(
            !page(&app, "/account", Some(cookie))
                .await
                .1
                .contains("citizen@example.org")
        );
    }
}

#[tokio::test]
async fn a_tampered_or_forged_cookie_signs_nobody_in() {
    let app = TestApp::spawn().await;
    app.make_account("admin@example.org", "admin", &[]).await;
    let cookie = app.sign_in("admin@example.org").await;
    let (name, value) = cookie.split_once('=').unwrap();
    let mut flipped = value.to_owned();
    let last = if flipped.ends_with('0') { "1" } else { "0" };
    flipped.replace_range(flipped.len() - 1.., last);
    for forged in [
        format!("{name}={flipped}"),
        format!("{name}=admin"),
        format!("{name}={}", "f".repeat(64)),
        format!("{name}={value}; {name}=x"),
    ] {
        let (status, admin) = page(&app, "/admin", Some(&forged)).await;
        assert_eq!(status, 200);
        if forged.ends_with("=x") {
            continue; // the first cookie of that name counts
        }
        assert!(
            admin.contains("Only administrators can see this page"),
            "{forged}"
        );
        let refused = post(
            &app,
            "/admin/organisations",
            Some(&forged),
            &[
                ("id", "x1"),
                ("name", "X"),
                ("agent_iri", "https://x.example/a"),
            ],
        )
        .await;
        assert_eq!(location(&refused), "/account/sign-in?error=signin");
    }
}

#[tokio::test]
async fn download_my_data_and_delete_my_account() {
    let app = TestApp::spawn().await;
    app.make_account("publisher@example.org", "citizen", &["havenstad"])
        .await;
    let cookie = app.sign_in("publisher@example.org").await;
    let download = app
        .send(Method::GET, "/account/data.json", |r| {
            r.header("cookie", &cookie)
        })
        .await;
    assert_eq!(download.status(), 200);
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: serde_json::Value = download.json().await.unwrap();
    assert_eq!(data["account"]["email"], "publisher@example.org");
    assert_eq!(data["organisations"][0]["id"], "havenstad");
    assert_eq!(data["sessions"].as_array().unwrap().len(), 1);
    assert!(
        !data.to_string().contains("argon2"),
        "no password hash in the export"
    );
    let signed_out = app.send(Method::GET, "/account/data.json", |r| r).await;
    assert_eq!(signed_out.status(), 303);

    let unconfirmed = post(&app, "/account/delete", Some(&cookie), &[]).await;
    assert_eq!(location(&unconfirmed), "/account?error=confirm");
    let deleted = post(
        &app,
        "/account/delete",
        Some(&cookie),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(location(&deleted), "/account/deleted");
    assert!(
        !page(&app, "/account", Some(&cookie))
            .await
            .1
            .contains("publisher@example.org")
    );
    let again = post(
        &app,
        "/account/sign-in",
        None,
        &[("email", "publisher@example.org"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&again), "/account/sign-in?error=credentials");
    let sql = app.sql().await;
    let row: (Option<String>, Option<String>, String) =
        sqlx::query_as("SELECT email, password_hash, pseudonym FROM accounts WHERE email IS NULL OR email NOT LIKE '%@havenstad.example'")
            .fetch_one(sql.pool())
            .await
            .unwrap();
    assert_eq!(row.0, None);
    assert_eq!(row.1, None);
    assert!(row.2.starts_with("deleted-"));
    let memberships: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM memberships")
        .fetch_one(sql.pool())
        .await
        .unwrap();
    assert_eq!(memberships, 0);
    // The email can sign up again, as a new person.
    let fresh = post(
        &app,
        "/account/sign-up",
        None,
        &[
            ("email", "publisher@example.org"),
            ("password", PASSWORD),
            ("pseudonym", "publisher"),
            ("privacy", "yes"),
        ],
    )
    .await;
    assert_eq!(location(&fresh), "/account?done=welcome");
}

#[tokio::test]
async fn the_last_administrator_cannot_leave() {
    let app = TestApp::spawn().await;
    app.make_account("admin@example.org", "admin", &[]).await;
    let cookie = app.sign_in("admin@example.org").await;
    let refused = post(
        &app,
        "/account/delete",
        Some(&cookie),
        &[("confirm", "yes")],
    )
    .await;
    assert_eq!(location(&refused), "/account?error=last_admin");
}

#[tokio::test]
async fn too_many_sign_in_attempts_get_429_with_retry_after() {
    let app = TestApp::spawn_with(&[("PLAZA_SIGN_IN_RATE_PER_MINUTE", "3")]).await;
    let mut statuses = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let response = post(
            &app,
            "/account/sign-in",
            None,
            &[("email", "x@example.org"), ("password", "wrong password")],
        )
        .await;
        statuses.push(response.status().as_u16());
        last = Some(response);
    }
    assert_eq!(statuses, [303, 303, 303, 429, 429]);
    let last = last.unwrap();
    let wait: u64 = last.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(
        last.text()
            .await
            .unwrap()
            .contains("Too many attempts from your address")
    );
    // Reading pages is not limited.
    assert_eq!(page(&app, "/account/sign-in", None).await.0, 200);
}
