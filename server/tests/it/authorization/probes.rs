//! The probes of the authorization matrix: one request per route and
//! role, and whether it was allowed (and, where an organisation's scope
//! decides, took effect).

use reqwest::Method;
use reqwest::multipart::{Form, Part};

use super::Role;
use crate::support::forms::post;
use crate::support::{PASSWORD, TestApp};

/// The shared state of the run.
pub struct World {
    pub app: TestApp,
    pub havenstad: String,
    pub probe_id: String,
    /// A consultation in its proposals phase (`matrix-ideas`).
    pub ideas: String,
    /// A consultation in its supports phase (`matrix-supports`).
    pub supports: String,
}

/// What one request did: `true` when it was allowed and took effect.
pub type Outcome = bool;

/// Allowed unless refused: 401, 403, or sent to the sign-in page.
pub fn processed(response: &reqwest::Response) -> Outcome {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    !matches!(status, 401 | 403) && !location.contains("error=signin")
}

async fn exists(world: &World, path: &str) -> bool {
    world.app.get(path).await.0 == 200
}

pub async fn count(world: &World, query: &str) -> i64 {
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
pub async fn run(
    world: &World,
    method: &Method,
    path: &str,
    role: Role,
    cookie: Option<&str>,
) -> Outcome {
    let tag = role.slug();
    if method == Method::POST
        && let Some(outcome) = super::consult_probes::run(world, path, role, cookie).await
    {
        return outcome;
    }
    if method == Method::POST
        && let Some(outcome) = super::notification_probes::run(world, path, role, cookie).await
    {
        return outcome;
    }
    if method == Method::POST
        && let Some(outcome) = super::process_probes::run(world, path, role, cookie).await
    {
        return outcome;
    }
    if method == Method::POST
        && let Some(outcome) = super::survey_probes::run(world, path, role, cookie).await
    {
        return outcome;
    }
    if method == Method::POST
        && let Some(outcome) = super::meeting_probes::run(world, path, role, cookie).await
    {
        return outcome;
    }
    match (method.as_str(), path) {
        ("POST", "/lang") => {
            processed(&post(&world.app, path, cookie, &[("locale", "fr"), ("next", "/")]).await)
        }
        ("POST", "/account/sign-in") => {
            let r = post(
                &world.app,
                path,
                cookie,
                &[("email", "probe@example.org"), ("password", PASSWORD)],
            )
            .await;
            processed(&r) && r.headers().get("set-cookie").is_some()
        }
        ("POST", "/account/sign-up") => {
            let email = format!("new-{tag}@example.org");
            let r = post(
                &world.app,
                path,
                cookie,
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
            processed(&post(&world.app, path, cookie, &[("email", "probe@example.org")]).await)
        }
        ("POST", "/account/oidc/start") => {
            // No provider here: 404 for everyone, which is not a refusal.
            let r = post(&world.app, path, cookie, &[("next", "/account")]).await;
            assert_eq!(r.status(), 404);
            processed(&r)
        }
        ("POST", "/account/sign-out") => processed(&post(&world.app, path, cookie, &[]).await),
        // A wrong current password: refused for everyone signed in, but as
        // an answer about the password, not about permission.
        ("POST", "/account/password") => processed(
            &post(
                &world.app,
                path,
                cookie,
                &[
                    ("current", "not it at all"),
                    ("password", "a new long passphrase"),
                ],
            )
            .await,
        ),
        ("POST", "/account/profile") => processed(
            &post(
                &world.app,
                path,
                cookie,
                &[("pseudonym", &format!("renamed {tag}"))],
            )
            .await,
        ),
        // Without `confirm`, nothing is deleted whoever asks.
        ("POST", "/account/delete") => processed(&post(&world.app, path, cookie, &[]).await),
        ("POST", "/admin/organisations") => {
            let id = format!("org-{tag}");
            post(
                &world.app,
                path,
                cookie,
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
            let r = post(
                &world.app,
                path,
                cookie,
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
                post(
                    &world.app,
                    path,
                    cookie,
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
            let r = post(
                &world.app,
                path,
                cookie,
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
                post(
                    &world.app,
                    path,
                    cookie,
                    &[("account", &world.probe_id), ("role", "citizen")],
                )
                .await;
            }
            processed(&r) && changed
        }
        ("POST", "/publish/tokens") => {
            let name = format!("token {tag}");
            post(
                &world.app,
                path,
                cookie,
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
                &mut sql.conn().await.unwrap(),
                plaza::auth::TokenScope::Organisation(&plaza::auth::OrganisationId::from_stored(
                    "havenstad",
                )),
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
            post(&world.app, path, cookie, &[("token", &hash)]).await;
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
            let r = post(
                &world.app,
                path,
                cookie,
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
            let r = post(
                &world.app,
                path,
                cookie,
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
            let r = post(&world.app, "/api/nothing-here", cookie, &[]).await;
            assert_eq!(r.status(), 404);
            processed(&r)
        }
        ("POST", "/api/fn/proposal-form") => {
            let r = world
                .app
                .send(Method::POST, path, |r| {
                    let r = r
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("slug=matrix-ideas");
                    match cookie {
                        Some(cookie) => r.header("cookie", cookie),
                        None => r,
                    }
                })
                .await;
            processed(&r)
        }
        (_, fn_path) if fn_path.starts_with("/api/fn/") => {
            // Server functions only read; the matrix says which refuse whom.
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
        &mut sql.conn().await.unwrap(),
        plaza::auth::TokenScope::Organisation(&plaza::auth::OrganisationId::from_stored(org)),
        &format!("{org} {tag}"),
        None,
    )
    .await
    .unwrap();
    sql.close().await;
    token
}
