//! Who may do what: every mutating route (every POST, PUT, PATCH, DELETE
//! or ANY route of the router, and every server function) against every
//! role, with the expected allow or deny checked on the server's answer
//! and, where an organisation's scope decides, on the effect. The route
//! list is read from the router's source and from the registered server
//! functions, so a new route without an entry here fails the test.

mod consult_probes;
mod meeting_probes;
mod notification_probes;
mod probes;
mod process_probes;
mod survey_probes;
use crate::support;

use std::collections::BTreeSet;

use probes::{World, run};
use reqwest::Method;
use support::TestApp;

/// The roles, as sessions (the write API: as tokens, see below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Anonymous,
    Citizen,
    /// Member of the demo city's organisation, `havenstad`.
    Publisher,
    /// Member of another organisation, `harbour`.
    OtherPublisher,
    Moderator,
    Admin,
}

const ROLES: [Role; 6] = [
    Role::Anonymous,
    Role::Citizen,
    Role::Publisher,
    Role::OtherPublisher,
    Role::Moderator,
    Role::Admin,
];

impl Role {
    fn email(self) -> &'static str {
        match self {
            Role::Anonymous => "",
            Role::Citizen => "citizen@example.org",
            Role::Publisher => "publisher@example.org",
            Role::OtherPublisher => "harbour@example.org",
            Role::Moderator => "moderator@example.org",
            Role::Admin => "admin@example.org",
        }
    }

    fn slug(self) -> String {
        format!("{self:?}").to_lowercase()
    }
}

/// Which roles a route allows.
#[derive(Debug, Clone, Copy)]
enum Allowed {
    Everyone,
    SignedIn,
    /// Members of the record's organisation, and administrators.
    OwnPublishers,
    /// Members of any organisation, and administrators.
    Publishers,
    Moderators,
    Admins,
}

impl Allowed {
    fn allows(self, role: Role) -> bool {
        match self {
            Allowed::Everyone => true,
            Allowed::SignedIn => role != Role::Anonymous,
            Allowed::OwnPublishers => matches!(role, Role::Publisher | Role::Admin),
            Allowed::Publishers => {
                matches!(role, Role::Publisher | Role::OtherPublisher | Role::Admin)
            }
            Allowed::Moderators => matches!(role, Role::Moderator | Role::Admin),
            Allowed::Admins => role == Role::Admin,
        }
    }
}

/// The expected roles for each mutating route.
fn expected(method: &str, path: &str) -> Option<Allowed> {
    Some(match (method, path) {
        ("POST", "/lang")
        | ("POST", "/account/sign-in")
        | ("POST", "/account/sign-up")
        | ("POST", "/account/reset")
        | ("POST", "/account/oidc/start")
        | ("POST", "/account/sign-out")
        | ("POST", "/api/validate")
        | ("POST", "/sparql")
        | ("ANY", "/api/{*rest}") => Allowed::Everyone,
        ("POST", "/account/profile")
        | ("POST", "/account/password")
        | ("POST", "/account/delete") => Allowed::SignedIn,
        // Each role edits and withdraws a proposal of its own (someone
        // else's is refused to everyone: see the consult tests).
        ("POST", "/consultations/{slug}/proposals")
        | ("POST", "/consultations/{slug}/proposals/{id}")
        | ("POST", "/consultations/{slug}/proposals/{id}/withdraw")
        | ("POST", "/consultations/{slug}/proposals/{id}/support")
        | ("POST", "/consultations/{slug}/comments")
        | ("POST", "/consultations/{slug}/comments/{id}/edit")
        | ("POST", "/consultations/{slug}/comments/{id}/delete")
        | ("POST", "/consultations/{slug}/comments/{id}/vote")
        | ("POST", "/consultations/{slug}/reports")
        | ("POST", "/consultations/{slug}/follow")
        | ("POST", "/consultations/{slug}/proposals/{id}/follow")
        | ("POST", "/consultations/{slug}/surveys/{number}")
        | ("POST", "/consultations/{slug}/meetings/{number}/registration")
        | ("POST", "/notifications/read")
        | ("POST", "/notifications/digest") => Allowed::SignedIn,
        // The signed link in the digest needs no sign-in.
        ("POST", "/notifications/unsubscribe") => Allowed::Everyone,
        ("POST", "/moderation")
        | ("POST", "/moderation/consultations")
        | ("POST", "/moderation/consultations/{slug}")
        | ("POST", "/moderation/consultations/{slug}/surveys")
        | ("POST", "/moderation/consultations/{slug}/surveys/{number}")
        | ("POST", "/moderation/consultations/{slug}/meetings")
        | ("POST", "/moderation/consultations/{slug}/meetings/{number}")
        | ("POST", "/moderation/consultations/{slug}/meetings/{number}/minutes")
        | ("POST", "/moderation/consultations/{slug}/results") => Allowed::Moderators,
        // Publishing what a citizen wrote is an administrator's decision.
        ("POST", "/moderation/consultations/{slug}/surveys/{number}/texts") => Allowed::Admins,
        ("POST", "/consultations/{slug}/proposals/{id}/answer") => Allowed::Moderators,
        ("POST", "/admin/organisations")
        | ("POST", "/admin/memberships")
        | ("POST", "/admin/roles") => Allowed::Admins,
        ("POST", "/publish/tokens")
        | ("POST", "/publish/tokens/revoke")
        | ("POST", "/publish/import")
        | ("POST", "/publish/records")
        | ("POST", "/publish/records/delete")
        | ("POST", "/api/import") => Allowed::OwnPublishers,
        // Server functions only read; those for some people answer the
        // others 401 or 403.
        ("POST", "/api/fn/admin") | ("POST", "/api/fn/audit") => Allowed::Admins,
        ("POST", "/api/fn/tokens") => Allowed::Publishers,
        ("POST", "/api/fn/proposal-form") | ("POST", "/api/fn/notifications") => Allowed::SignedIn,
        ("POST", "/api/fn/moderation")
        | ("POST", "/api/fn/process-form")
        | ("POST", "/api/fn/survey-form")
        | ("POST", "/api/fn/meeting-form") => Allowed::Moderators,
        (_, path) if path.starts_with("/api/fn/") => Allowed::Everyone,
        _ => return None,
    })
}

/// Every route of the real router that accepts an unsafe method: the
/// journeys' declared routes (the list the router is built from) and the
/// registered server functions.
fn mutating_routes() -> BTreeSet<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let config = support::test_config(dir.path(), &[]);
    let mut routes: BTreeSet<(String, String)> = plaza::http::journeys(&config)
        .declared()
        .into_iter()
        .filter(|route| route.is_mutating())
        .map(|route| (route.method.to_owned(), route.path.to_owned()))
        .collect();
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.insert((method.to_string(), path.to_owned()));
    }
    routes
}

/// Every source file that registers axum routes itself, bypassing the
/// declared list (only the builder in `routes.rs` may).
fn files_with_undeclared_routes() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("src/routes.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                if text.contains(".route(") || text.contains(".nest(") {
                    found.push(path.strip_prefix(&root).unwrap().display().to_string());
                }
            }
        }
    }
    found
}

#[test]
fn every_mutating_route_has_an_entry() {
    let routes = mutating_routes();
    assert!(
        routes.len() >= 20,
        "the route list looks incomplete: {routes:?}"
    );
    assert!(routes.iter().any(|(_, p)| p == "/admin/roles"));
    assert!(
        routes
            .iter()
            .filter(|(_, p)| p.starts_with("/api/fn/"))
            .count()
            >= 9,
        "{routes:?}"
    );
    let missing: Vec<_> = routes
        .iter()
        .filter(|(m, p)| expected(m, p).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "routes without an entry in the authorization matrix: {missing:?}"
    );
    let bypassing = files_with_undeclared_routes();
    assert!(
        bypassing.is_empty(),
        "these files add routes that no journey declares (use `plaza::routes::Routes`): {bypassing:?}"
    );
}

#[tokio::test]
async fn every_role_on_every_mutating_route_gets_what_the_matrix_says() {
    let app = TestApp::spawn().await;
    let havenstad = format!(
        "{}organisations/havenstad",
        app.config.public_url.base_iri()
    );
    app.make_organisation("harbour").await;
    let probe_id = app.make_account("probe@example.org", "citizen", &[]).await;
    for role in ROLES.into_iter().skip(1) {
        let (level, orgs): (&str, &[&str]) = match role {
            Role::Publisher => ("citizen", &["havenstad"]),
            Role::OtherPublisher => ("citizen", &["harbour"]),
            Role::Moderator => ("moderator", &[]),
            Role::Admin => ("admin", &[]),
            _ => ("citizen", &[]),
        };
        app.make_account(role.email(), level, orgs).await;
    }
    let ideas = crate::support::consult::open_process(
        &app,
        "matrix-ideas",
        app::consult::PhaseKind::Proposals,
        None,
    )
    .await;
    let supports = crate::support::consult::open_process(
        &app,
        "matrix-supports",
        app::consult::PhaseKind::Supports,
        None,
    )
    .await;
    let world = World {
        app,
        havenstad,
        probe_id,
        ideas,
        supports,
    };
    let mut wrong = Vec::new();
    let mut cells = 0;
    for (method, path) in mutating_routes() {
        let allowed =
            expected(&method, &path).expect("checked by every_mutating_route_has_an_entry");
        let method = Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST);
        for role in ROLES {
            // A fresh session per request: some routes sign out.
            let cookie = match role {
                Role::Anonymous => None,
                _ => Some(world.app.sign_in(role.email()).await),
            };
            let got = run(&world, &method, &path, role, cookie.as_deref()).await;
            cells += 1;
            if got != allowed.allows(role) {
                wrong.push(format!(
                    "{method} {path} as {role:?}: expected {}, got {}",
                    if allowed.allows(role) {
                        "allow"
                    } else {
                        "deny"
                    },
                    if got { "allow" } else { "deny" }
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {cells} cells wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    eprintln!("authorization matrix: {cells} role × route cells checked");
}
