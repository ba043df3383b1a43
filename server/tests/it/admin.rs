//! Administration: organisations, memberships and roles through the admin
//! forms, each written to the audit log; bad input told and harmless; and a
//! publisher of another organisation cannot edit a record.

use crate::support;

use reqwest::Method;
use support::{TestApp, without_markers};

async fn post(app: &TestApp, cookie: &str, path: &str, form: &[(&str, &str)]) -> String {
    let response = app
        .send(Method::POST, path, |r| {
            r.header("cookie", cookie).form(form)
        })
        .await;
    assert_eq!(response.status(), 303, "{path}");
    response.headers()["location"].to_str().unwrap().to_owned()
}

async fn page(app: &TestApp, cookie: &str, path: &str) -> String {
    let response = app
        .send(Method::GET, path, |r| r.header("cookie", cookie))
        .await;
    without_markers(&response.text().await.unwrap())
}

#[tokio::test]
async fn an_administrator_manages_organisations_members_and_roles_and_the_audit_log_says_so() {
    let app = TestApp::spawn().await;
    app.make_account("admin@example.org", "admin", &[]).await;
    let member = app.make_account("ana@example.org", "citizen", &[]).await;
    let admin = app.sign_in("admin@example.org").await;

    // Bad input is told, and changes nothing.
    let bad = post(
        &app,
        &admin,
        "/admin/organisations",
        &[
            ("id", "Parks Dept"),
            ("name", "Parks"),
            ("agent_iri", "https://x.example/parks"),
        ],
    )
    .await;
    assert_eq!(bad, "/admin?error=organisation_id_invalid");
    let bad = post(
        &app,
        &admin,
        "/admin/organisations",
        &[
            ("id", "parks"),
            ("name", "Parks"),
            ("agent_iri", "not an iri"),
        ],
    )
    .await;
    assert_eq!(bad, "/admin?error=organisation_iri_invalid");
    let shown = page(&app, &admin, "/admin?error=organisation_iri_invalid").await;
    assert!(
        shown.contains("The publisher IRI must be an absolute http(s) address"),
        "{shown}"
    );
    assert!(shown.contains("href=\"#admin-org-iri\""));

    let created = post(
        &app,
        &admin,
        "/admin/organisations",
        &[
            ("id", "parks"),
            ("name", "Parks department"),
            ("agent_iri", "http://plaza.test/organisations/parks"),
        ],
    )
    .await;
    assert_eq!(created, "/admin?done=organisation_created");
    let taken = post(
        &app,
        &admin,
        "/admin/organisations",
        &[
            ("id", "parks"),
            ("name", "Again"),
            ("agent_iri", "http://plaza.test/organisations/other"),
        ],
    )
    .await;
    assert_eq!(taken, "/admin?error=organisation_taken");

    let unknown = post(
        &app,
        &admin,
        "/admin/memberships",
        &[
            ("organisation", "parks"),
            ("email", "nobody@example.org"),
            ("action", "add"),
        ],
    )
    .await;
    assert_eq!(unknown, "/admin?error=account_unknown");
    let added = post(
        &app,
        &admin,
        "/admin/memberships",
        &[
            ("organisation", "parks"),
            ("email", "ANA@example.org"),
            ("action", "add"),
        ],
    )
    .await;
    assert_eq!(added, "/admin?done=member_added");
    let role = post(
        &app,
        &admin,
        "/admin/roles",
        &[("account", &member), ("role", "moderator")],
    )
    .await;
    assert_eq!(role, "/admin?done=role_set");
    let bad_role = post(
        &app,
        &admin,
        "/admin/roles",
        &[("account", &member), ("role", "emperor")],
    )
    .await;
    assert_eq!(bad_role, "/admin?error=role_unknown");

    let overview = page(&app, &admin, "/admin").await;
    assert!(
        overview.contains("Parks department") && overview.contains("ana (ana@example.org)"),
        "{overview}"
    );

    // The only administrator cannot step down.
    let admin_id: String = {
        let sql = app.sql().await;
        sqlx::query_scalar("SELECT id FROM accounts WHERE email = 'admin@example.org'")
            .fetch_one(sql.pool())
            .await
            .unwrap()
    };
    let last = post(
        &app,
        &admin,
        "/admin/roles",
        &[("account", &admin_id), ("role", "citizen")],
    )
    .await;
    assert_eq!(last, "/admin?error=last_admin");

    let audit = page(&app, &admin, "/admin/audit").await;
    for expected in [
        "organisation.create",
        "membership.add",
        "role.set",
        "Role citizen → moderator.",
    ] {
        assert!(audit.contains(expected), "{expected} in {audit}");
    }
    assert_eq!(
        audit.matches("<td>admin</td>").count(),
        3,
        "who did it: {audit}"
    );

    // The new member publishes for Parks, and the account page says so.
    let ana = app.sign_in("ana@example.org").await;
    let account = page(&app, &ana, "/account").await;
    assert!(
        account.contains("Parks department") && account.contains("Moderator"),
        "{account}"
    );
    // A moderator is not an administrator.
    assert!(
        page(&app, &ana, "/admin/audit")
            .await
            .contains("Only administrators can see this page")
    );
}

#[tokio::test]
async fn a_publisher_of_another_organisation_cannot_edit_or_delete_a_record() {
    let app = TestApp::spawn().await;
    app.make_organisation("harbour").await;
    app.make_account("harbour@example.org", "citizen", &["harbour"])
        .await;
    let cookie = app.sign_in("harbour@example.org").await;
    let before = app
        .get_rdf("http://plaza.test/datasets/bicycle-counts")
        .await
        .1;

    // No form to edit it.
    let form = page(
        &app,
        &cookie,
        "/publish/edit?record=%2Fdatasets%2Fbicycle-counts",
    )
    .await;
    assert!(!form.contains("name=\"title_en\""), "{form}");
    // A forged post is refused with a sentence, and changes nothing.
    let edit = app
        .send(Method::POST, "/publish/records", |r| {
            r.header("cookie", &cookie).form(&[
                ("iri", "http://plaza.test/datasets/bicycle-counts"),
                ("kind", "dataset"),
                ("title_en", "Taken over"),
                ("description_en", "Ours now."),
                ("publisher", "http://plaza.test/organisations/harbour"),
                ("action", "save"),
            ])
        })
        .await;
    assert_eq!(edit.status(), 403);
    assert!(
        edit.text()
            .await
            .unwrap()
            .contains("belongs to another organisation")
    );
    let delete = app
        .send(Method::POST, "/publish/records/delete", |r| {
            r.header("cookie", &cookie)
                .form(&[("record", "/datasets/bicycle-counts")])
        })
        .await;
    assert_eq!(delete.status(), 403);
    assert_eq!(
        app.get_rdf("http://plaza.test/datasets/bicycle-counts")
            .await
            .1,
        before
    );
}

#[tokio::test]
async fn a_refused_form_post_says_why_in_the_readers_language() {
    let app = TestApp::spawn().await;
    app.make_account("citizen@example.org", "citizen", &[])
        .await;
    let cookie = app.sign_in("citizen@example.org").await;
    let form = [
        ("id", "parks"),
        ("name", "Parks"),
        ("agent_iri", "http://plaza.test/organisations/parks"),
    ];
    let refused = |extra: Option<(&'static str, &'static str)>| {
        let cookie = cookie.clone();
        let app = &app;
        async move {
            let response = app
                .send(Method::POST, "/admin/organisations", |r| {
                    let r = r.header("cookie", &cookie).form(&form);
                    match extra {
                        Some((name, value)) => r.header(name, value),
                        None => r,
                    }
                })
                .await;
            assert_eq!(response.status(), 403);
            response.text().await.unwrap()
        }
    };
    let english = refused(None).await;
    assert!(
        english.starts_with("Only administrators manage organisations"),
        "{english}"
    );
    let french = refused(Some(("accept-language", "fr-BE, en;q=0.5"))).await;
    assert!(
        french.starts_with("Seuls les administrateurs gèrent les organisations"),
        "{french}"
    );
    // The language cookie decides over the browser's languages.
    let cookie_fr = format!("{cookie}; i18n_pref_locale=fr");
    let response = app
        .send(Method::POST, "/admin/organisations", |r| {
            r.header("cookie", &cookie_fr)
                .header("accept-language", "en")
                .form(&form)
        })
        .await;
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Rien n'a été modifié.")
    );
}
