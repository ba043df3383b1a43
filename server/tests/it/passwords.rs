//! Passwords after sign-up: one-time reset links (also mailed through a
//! real SMTP server) and changing the password on the account page.

use crate::support;

use support::forms::{cookie_of, location, page, post};
use support::{PASSWORD, TestApp};

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
    let (_, secret) =
        plaza::auth::resets::start_reset(&mut sql.conn().await.unwrap(), "citizen@example.org")
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
    let (_, late) =
        plaza::auth::resets::start_reset(&mut sql.conn().await.unwrap(), "citizen@example.org")
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
