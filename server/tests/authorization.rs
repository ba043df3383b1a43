//! Who may do what: every mutating route (every POST, PUT, PATCH, DELETE
//! or ANY route of the router, and every server function) against every
//! role, with the expected allow or deny checked on the server's answer
//! and, where an organisation's scope decides, on the effect. The route
//! list is read from the router's source and from the registered server
//! functions, so a new route without an entry here fails the test.

mod support;

use std::collections::BTreeSet;

use reqwest::Method;
use reqwest::multipart::{Form, Part};
use support::{PASSWORD, TestApp};

/// The roles, as sessions (the write API: as tokens, see below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
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

/// The shared state of the run.
struct World {
    app: TestApp,
    havenstad: String,
    probe_id: String,
}

/// What one request did: `true` when it was allowed and took effect.
type Outcome = bool;

/// Allowed unless refused: 401, 403, or sent to the sign-in page.
fn processed(response: &reqwest::Response) -> Outcome {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !matches!(status, 401 | 403) && !location.contains("error=signin")
}

async fn post_form(
    world: &World,
    cookie: Option<&str>,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    world
        .app
        .send(Method::POST, path, |r| {
            let r = r.form(form);
            match cookie {
                Some(cookie) => r.header("cookie", cookie),
                None => r,
            }
        })
        .await
}

async fn exists(world: &World, path: &str) -> bool {
    world.app.get(path).await.0 == 200
}

async fn count(world: &World, query: &str) -> i64 {
    let sql = world.app.sql().await;
    let n = sqlx::query_scalar(query)
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    n
}

/// A record of the demo city (publisher havenstad), stored with the
/// operator's site-wide token.
async fn havenstad_record(world: &World, slug: &str) {
    let token = world.app.create_token(&format!("seed {slug}")).await;
    let body = record_turtle(world, slug);
    let response = world
        .app
        .post_rdf(
            "/api/import?mode=lenient",
            "text/turtle",
            Some(&token),
            body,
        )
        .await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
}

fn record_turtle(world: &World, slug: &str) -> String {
    format!(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
         <{agent}> a foaf:Agent ; foaf:name \"City of Havenstad\"@en .\n\
         <http://plaza.test/datasets/{slug}> a dcat:Dataset ; dct:title \"{slug}\"@en ; dct:description \"A probe.\"@en ; dct:publisher <{agent}> .",
        agent = world.havenstad
    )
}

/// Runs the route `path` as `role` (signed in with `cookie`) and tells
/// whether it was allowed.
async fn run(
    world: &World,
    method: &Method,
    path: &str,
    role: Role,
    cookie: Option<&str>,
) -> Outcome {
    let tag = role.slug();
    match (method.as_str(), path) {
        ("POST", "/lang") => {
            processed(&post_form(world, cookie, path, &[("locale", "fr"), ("next", "/")]).await)
        }
        ("POST", "/account/sign-in") => {
            let r = post_form(
                world,
                cookie,
                path,
                &[("email", "probe@example.org"), ("password", PASSWORD)],
            )
            .await;
            processed(&r) && r.headers().get("set-cookie").is_some()
        }
        ("POST", "/account/sign-up") => {
            let email = format!("new-{tag}@example.org");
            let r = post_form(
                world,
                cookie,
                path,
                &[
                    ("email", &email),
                    ("password", PASSWORD),
                    ("pseudonym", &format!("new {tag}")),
                    ("privacy", "yes"),
                ],
            )
            .await;
            processed(&r)
        }
        ("POST", "/account/reset") => {
            processed(&post_form(world, cookie, path, &[("email", "probe@example.org")]).await)
        }
        ("POST", "/account/oidc/start") => {
            // No provider here: 404 for everyone, which is not a refusal.
            let r = post_form(world, cookie, path, &[("next", "/account")]).await;
            assert_eq!(r.status(), 404);
            processed(&r)
        }
        ("POST", "/account/sign-out") => processed(&post_form(world, cookie, path, &[]).await),
        // A wrong current password: refused for everyone signed in, but as
        // an answer about the password, not about permission.
        ("POST", "/account/password") => processed(
            &post_form(
                world,
                cookie,
                path,
                &[
                    ("current", "not it at all"),
                    ("password", "a new long passphrase"),
                ],
            )
            .await,
        ),
        ("POST", "/account/profile") => processed(
            &post_form(
                world,
                cookie,
                path,
                &[("pseudonym", &format!("renamed {tag}"))],
            )
            .await,
        ),
        // Without `confirm`, nothing is deleted whoever asks.
        ("POST", "/account/delete") => processed(&post_form(world, cookie, path, &[]).await),
        ("POST", "/admin/organisations") => {
            let id = format!("org-{tag}");
            post_form(
                world,
                cookie,
                path,
                &[
                    ("id", &id),
                    ("name", &id),
                    (
                        "agent_iri",
                        &format!("http://plaza.test/organisations/{id}"),
                    ),
                ],
            )
            .await;
            count(
                world,
                &format!("SELECT COUNT(*) FROM organisations WHERE id = '{id}'"),
            )
            .await
                == 1
        }
        ("POST", "/admin/memberships") => {
            let before = count(world, "SELECT COUNT(*) FROM memberships").await;
            let r = post_form(
                world,
                cookie,
                path,
                &[
                    ("organisation", "havenstad"),
                    ("email", "probe@example.org"),
                    ("action", "add"),
                ],
            )
            .await;
            let added = count(world, "SELECT COUNT(*) FROM memberships").await == before + 1;
            if added {
                // Back as it was, for the next role.
                post_form(
                    world,
                    cookie,
                    path,
                    &[
                        ("organisation", "havenstad"),
                        ("email", "probe@example.org"),
                        ("action", "remove"),
                    ],
                )
                .await;
            }
            processed(&r) && added
        }
        ("POST", "/admin/roles") => {
            let r = post_form(
                world,
                cookie,
                path,
                &[("account", &world.probe_id), ("role", "moderator")],
            )
            .await;
            let changed = count(
                world,
                &format!(
                    "SELECT COUNT(*) FROM accounts WHERE id = '{}' AND role = 'moderator'",
                    world.probe_id
                ),
            )
            .await
                == 1;
            if changed {
                post_form(
                    world,
                    cookie,
                    path,
                    &[("account", &world.probe_id), ("role", "citizen")],
                )
                .await;
            }
            processed(&r) && changed
        }
        ("POST", "/publish/tokens") => {
            let name = format!("token {tag}");
            post_form(
                world,
                cookie,
                path,
                &[("organisation", "havenstad"), ("name", &name)],
            )
            .await;
            count(
                world,
                &format!("SELECT COUNT(*) FROM api_tokens WHERE name = '{name}'"),
            )
            .await
                == 1
        }
        ("POST", "/publish/tokens/revoke") => {
            let sql = world.app.sql().await;
            let name = format!("to revoke {tag}");
            plaza::auth::create_token(
                &sql,
                plaza::auth::TokenScope::Organisation("havenstad"),
                &name,
                None,
            )
            .await
            .unwrap();
            let hash: String = sqlx::query_scalar(&format!(
                "SELECT token_hash FROM api_tokens WHERE name = '{name}'"
            ))
            .fetch_one(sql.pool())
            .await
            .unwrap();
            sql.close().await;
            post_form(world, cookie, path, &[("token", &hash)]).await;
            count(world, &format!("SELECT COUNT(*) FROM api_tokens WHERE name = '{name}' AND revoked_at IS NOT NULL")).await == 1
        }
        ("POST", "/publish/import") => {
            let slug = format!("imported-{tag}");
            let form = Form::new()
                .part(
                    "file",
                    Part::bytes(record_turtle(world, &slug).into_bytes()).file_name("probe.ttl"),
                )
                .text("mode", "lenient");
            let r = world
                .app
                .send(Method::POST, path, |r| {
                    let r = r.multipart(form);
                    match cookie {
                        Some(cookie) => r.header("cookie", cookie),
                        None => r,
                    }
                })
                .await;
            processed(&r) && exists(world, &format!("/datasets/{slug}")).await
        }
        ("POST", "/publish/records") => {
            let slug = format!("form-{tag}");
            let r = post_form(
                world,
                cookie,
                path,
                &[
                    ("kind", "dataset"),
                    ("slug", &slug),
                    ("title_en", &slug),
                    ("description_en", "Made through the form."),
                    ("publisher", &world.havenstad),
                    ("action", "save"),
                ],
            )
            .await;
            processed(&r) && exists(world, &format!("/datasets/{slug}")).await
        }
        ("POST", "/publish/records/delete") => {
            let slug = format!("to-delete-{tag}");
            havenstad_record(world, &slug).await;
            let r = post_form(
                world,
                cookie,
                path,
                &[("record", &format!("/datasets/{slug}"))],
            )
            .await;
            processed(&r) && !exists(world, &format!("/datasets/{slug}")).await
        }
        ("POST", "/api/validate") => {
            let r = world
                .app
                .post_rdf(path, "text/turtle", None, record_turtle(world, "validated"))
                .await;
            processed(&r)
        }
        ("POST", "/api/import") => {
            // The write API knows tokens, not sessions: each role brings
            // the token it can have.
            let token = match role {
                Role::Publisher => Some(org_token(world, "havenstad", &tag).await),
                Role::OtherPublisher => Some(org_token(world, "harbour", &tag).await),
                Role::Admin => Some(world.app.create_token(&format!("site {tag}")).await),
                _ => None,
            };
            let slug = format!("api-{tag}");
            let r = world
                .app
                .post_rdf(
                    "/api/import?mode=lenient",
                    "text/turtle",
                    token.as_deref(),
                    record_turtle(world, &slug),
                )
                .await;
            processed(&r) && exists(world, &format!("/datasets/{slug}")).await
        }
        ("POST", "/sparql") => {
            let r = world
                .app
                .send(Method::POST, path, |r| {
                    r.header("content-type", "application/sparql-query")
                        .body("ASK { ?s ?p ?o }")
                })
                .await;
            processed(&r)
        }
        ("ANY", "/api/{*rest}") => {
            let r = post_form(world, cookie, "/api/nothing-here", &[]).await;
            assert_eq!(r.status(), 404);
            processed(&r)
        }
        (_, fn_path) if fn_path.starts_with("/api/fn/") => {
            // Server functions only read: each answers every role (with
            // nothing for those it does not concern), none refuses.
            let r = world
                .app
                .send(Method::POST, fn_path, |r| {
                    let r = r
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("");
                    match cookie {
                        Some(cookie) => r.header("cookie", cookie),
                        None => r,
                    }
                })
                .await;
            processed(&r)
        }
        other => panic!("no entry in the authorization matrix for {other:?}"),
    }
}

async fn org_token(world: &World, org: &str, tag: &str) -> String {
    let sql = world.app.sql().await;
    let token = plaza::auth::create_token(
        &sql,
        plaza::auth::TokenScope::Organisation(org),
        &format!("{org} {tag}"),
        None,
    )
    .await
    .unwrap();
    sql.close().await;
    token
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
