//! Who may do what: every mutating route (every POST, PUT, PATCH, DELETE
//! or ANY route of the router, and every server function) against every
//! role, with the expected allow or deny checked on the server's answer
//! and, where an organisation's scope decides, on the effect. The route
//! list is read from the router's source and from the registered server
//! functions, so a new route without an entry here fails the test.

mod probes;
#[path = "../support/mod.rs"]
mod support;

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
    Admins,
}

impl Allowed {
    fn allows(self, role: Role) -> bool {
        match self {
            Allowed::Everyone => true,
            Allowed::SignedIn => role != Role::Anonymous,
            Allowed::OwnPublishers => matches!(role, Role::Publisher | Role::Admin),
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
        ("POST", "/admin/organisations")
        | ("POST", "/admin/memberships")
        | ("POST", "/admin/roles") => Allowed::Admins,
        ("POST", "/publish/tokens")
        | ("POST", "/publish/tokens/revoke")
        | ("POST", "/publish/import")
        | ("POST", "/publish/records")
        | ("POST", "/publish/records/delete")
        | ("POST", "/api/import") => Allowed::OwnPublishers,
        (_, path) if path.starts_with("/api/fn/") => Allowed::Everyone,
        _ => return None,
    })
}

/// Every route of the router that accepts an unsafe method, read from
/// the router's source files.
fn mutating_routes() -> BTreeSet<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut routes = BTreeSet::new();
    for file in ["http/mod.rs", "api/mod.rs", "sparql/mod.rs"] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        for chunk in text.split(".route(").skip(1) {
            let Some(path) = chunk
                .trim_start()
                .strip_prefix('"')
                .and_then(|c| c.split('"').next())
            else {
                continue;
            };
            // The method router: up to the route's closing parenthesis.
            let mut depth = 1;
            let end = chunk
                .char_indices()
                .find(|(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(chunk.len(), |(i, _)| i);
            let methods = &chunk[..end];
            for (name, method) in [
                ("post(", "POST"),
                ("put(", "PUT"),
                ("patch(", "PATCH"),
                ("delete(", "DELETE"),
                ("any(", "ANY"),
            ] {
                let found = methods.match_indices(name).any(|(i, _)| {
                    i == 0
                        || !methods.as_bytes()[i - 1].is_ascii_alphanumeric()
                            && methods.as_bytes()[i - 1] != b'_'
                });
                if found {
                    routes.insert((method.to_owned(), path.to_owned()));
                }
            }
        }
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.insert((method.to_string(), path.to_owned()));
    }
    routes
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
    let world = World {
        app,
        havenstad,
        probe_id,
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
