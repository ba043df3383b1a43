//! Citizen accounts: sign-up with the password rules, sign-in that never
//! says whether an email is registered, sign-out here and everywhere,
//! one-time reset links, tampered cookies, data download and deletion, and
//! the rate limit on sign-in.

mod support;

use reqwest::Method;
use support::{PASSWORD, TestApp, without_markers};

async fn post(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.send(Method::POST, path, |r| {
        let r = r.form(form);
        match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        }
    })
    .await
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

fn cookie_of(response: &reqwest::Response) -> String {
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap().to_owned()
}

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let response = app
        .send(Method::GET, path, |r| match cookie {
            Some(cookie) => r.header("cookie", cookie),
            None => r,
        })
        .await;
    let status = response.status().as_u16();
    (status, without_markers(&response.text().await.unwrap()))
}

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
async fn a_reset_link_works_once_within_the_hour_and_ends_every_session() {
    let app = TestApp::spawn().await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let old_session = app.sign_in("citizen@example.org").await;

    // The same answer whether or not the email is registered.
    let known = post(
        &app,
        "/account/reset",
        None,
        &[("email", "citizen@example.org")],
    )
    .await;
    let unknown = post(
        &app,
        "/account/reset",
        None,
        &[("email", "nobody@example.org")],
    )
    .await;
    assert_eq!(location(&known), "/account/reset?done=reset_sent");
    assert_eq!(location(&unknown), location(&known));

    let sql = app.sql().await;
    let (_, secret) = plaza::auth::resets::start_reset(&sql, "citizen@example.org")
        .await
        .unwrap()
        .expect("a link for a registered email");
    let link = format!("/account/reset?token={secret}");
    assert!(
        page(&app, &link, None)
            .await
            .1
            .contains("name=\"password\"")
    );

    // A refused password keeps the link usable.
    let weak = post(
        &app,
        "/account/reset",
        None,
        &[("token", &secret), ("password", "letmein")],
    )
    .await;
    assert_eq!(location(&weak), format!("{link}&error=password_short"));
    let new_password = "a brand new passphrase";
    let done = post(
        &app,
        "/account/reset",
        None,
        &[("token", &secret), ("password", new_password)],
    )
    .await;
    assert_eq!(location(&done), "/account/sign-in?done=password_reset");
    assert!(
        !page(&app, "/account", Some(&old_session))
            .await
            .1
            .contains("citizen@example.org"),
        "every session ended"
    );
    let signed_in = post(
        &app,
        "/account/sign-in",
        None,
        &[("email", "citizen@example.org"), ("password", new_password)],
    )
    .await;
    assert_eq!(location(&signed_in), "/account");

    // Used once: not again.
    let reused = post(
        &app,
        "/account/reset",
        None,
        &[("token", &secret), ("password", "another new passphrase")],
    )
    .await;
    assert_eq!(location(&reused), format!("{link}&error=reset_used"));
    assert!(
        page(&app, &link, None)
            .await
            .1
            .contains("already been used")
    );

    // Expired: refused.
    let (_, late) = plaza::auth::resets::start_reset(&sql, "citizen@example.org")
        .await
        .unwrap()
        .unwrap();
    sqlx::query("UPDATE password_resets SET expires_at = 0 WHERE used_at IS NULL")
        .execute(sql.pool())
        .await
        .unwrap();
    let expired = post(
        &app,
        "/account/reset",
        None,
        &[("token", &late), ("password", "yet another passphrase")],
    )
    .await;
    assert!(location(&expired).ends_with("&error=reset_expired"));
    let forged = post(
        &app,
        "/account/reset",
        None,
        &[("token", "00ff"), ("password", "yet another passphrase")],
    )
    .await;
    assert!(location(&forged).ends_with("&error=reset_unknown"));
    let still = post(
        &app,
        "/account/sign-in",
        None,
        &[("email", "citizen@example.org"), ("password", new_password)],
    )
    .await;
    assert_eq!(location(&still), "/account", "nothing changed");
}

#[tokio::test]
async fn reset_links_are_mailed_through_a_real_smtp_server() {
    let Some(python) = support::fixtures::reference_python() else {
        return;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = std::process::Command::new(python)
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-c",
            "aiosmtpd.handlers.Debugging",
            "stdout",
            "-l",
        ])
        .arg(format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("aiosmtpd starts");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let url = format!("smtp://127.0.0.1:{port}");
    let app = TestApp::spawn_with(&[
        ("PLAZA_SMTP_URL", &url),
        ("PLAZA_SMTP_FROM", "Plaza <noreply@plaza.test>"),
    ])
    .await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let asked = post(
        &app,
        "/account/reset",
        None,
        &[("email", "citizen@example.org")],
    )
    .await;
    assert_eq!(location(&asked), "/account/reset?done=reset_sent");
    // The mail leaves after the answer: give it a moment.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    drop(app);
    let _ = server.kill();
    let output = server.wait_with_output().unwrap();
    let mail = String::from_utf8_lossy(&output.stdout);
    assert!(mail.contains("citizen@example.org"), "{mail}");
    assert!(mail.contains("Reset your Plaza password"), "{mail}");
    assert!(
        mail.contains("http://plaza.test/account/reset?token="),
        "{mail}"
    );
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
        sqlx::query_as("SELECT email, password_hash, pseudonym FROM accounts")
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

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_signs_out_other_devices() {
    let app = TestApp::spawn().await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let laptop = app.sign_in("citizen@example.org").await;
    let phone = app.sign_in("citizen@example.org").await;
    let (_, account) = page(&app, "/account", Some(&laptop)).await;
    assert!(account.contains("action=\"/account/password\""));

    let wrong = post(
        &app,
        "/account/password",
        Some(&laptop),
        &[
            ("current", "not my password"),
            ("password", "a brand new passphrase"),
        ],
    )
    .await;
    assert_eq!(location(&wrong), "/account?error=current_password");
    let weak = post(
        &app,
        "/account/password",
        Some(&laptop),
        &[("current", PASSWORD), ("password", "qwerty123456")],
    )
    .await;
    assert_eq!(location(&weak), "/account?error=password_common");
    let changed = post(
        &app,
        "/account/password",
        Some(&laptop),
        &[
            ("current", PASSWORD),
            ("password", "a brand new passphrase"),
        ],
    )
    .await;
    assert_eq!(location(&changed), "/account?done=password_changed");
    let fresh = cookie_of(&changed);
    assert!(
        page(&app, "/account", Some(&fresh))
            .await
            .1
            .contains("citizen@example.org")
    );
    for old in [&laptop, &phone] {
        assert!(
            !page(&app, "/account", Some(old))
                .await
                .1
                .contains("citizen@example.org")
        );
    }
    let new_password = post(
        &app,
        "/account/sign-in",
        None,
        &[
            ("email", "citizen@example.org"),
            ("password", "a brand new passphrase"),
        ],
    )
    .await;
    assert_eq!(location(&new_password), "/account");
}
