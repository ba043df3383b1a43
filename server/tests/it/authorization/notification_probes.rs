//! The authorization matrix's probes of the notification routes: follow a
//! process or proposal, mark read, the digest switch, the unsubscribe link
//! and the notifications' server function; and whether each took effect.

use reqwest::Method;

use super::Role;
use super::probes::{World, count, processed};
use crate::support::consult::proposal_by;
use crate::support::forms::post;

/// The account id of `role`'s account (`None` for anonymous).
async fn account_of(world: &World, role: Role) -> Option<String> {
    if role == Role::Anonymous {
        return None;
    }
    let sql = world.app.sql().await;
    let id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(role.email())
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    Some(id)
}

async fn follows(world: &World, role: Role, number: i64) -> bool {
    let Some(id) = account_of(world, role).await else {
        return false;
    };
    count(
        world,
        &format!(
            "SELECT COUNT(*) FROM notify_follows WHERE account_id = '{id}' \
             AND process_id = '{}' AND proposal_number = {number}",
            world.ideas
        ),
    )
    .await
        == 1
}

/// Runs the notification route `path` as `role`, signed in with `cookie`:
/// whether it was allowed and took effect; `None` for another route.
pub async fn run(world: &World, path: &str, role: Role, cookie: Option<&str>) -> Option<bool> {
    let tag = role.slug();
    Some(match path {
        "/consultations/{slug}/follow" => {
            let r = post(
                &world.app,
                "/consultations/matrix-ideas/follow",
                cookie,
                &[("action", "follow")],
            )
            .await;
            processed(&r) && follows(world, role, 0).await
        }
        "/consultations/{slug}/proposals/{id}/follow" => {
            let n = proposal_by(
                &world.app,
                &world.ideas,
                &world.probe_id,
                &format!("Follow {tag}"),
            )
            .await;
            let r = post(
                &world.app,
                &format!("/consultations/matrix-ideas/proposals/{n}/follow"),
                cookie,
                &[("action", "follow")],
            )
            .await;
            processed(&r) && follows(world, role, n).await
        }
        "/notifications/read" => {
            let r = post(&world.app, path, cookie, &[]).await;
            processed(&r) && r.status() == 303
        }
        "/notifications/digest" => {
            let r = post(&world.app, path, cookie, &[("daily", "true")]).await;
            let on = match account_of(world, role).await {
                Some(id) => {
                    count(
                        world,
                        &format!("SELECT COUNT(*) FROM notify_digests WHERE account_id = '{id}'"),
                    )
                    .await
                        == 1
                }
                None => false,
            };
            processed(&r) && on
        }
        "/notifications/unsubscribe" => {
            // A signed link needs no sign-in; this one is not signed, which
            // is refused to everyone as a bad link, not for permission.
            let r = post(
                &world.app,
                path,
                cookie,
                &[("account", &world.probe_id), ("signature", "00")],
            )
            .await;
            processed(&r)
        }
        "/api/fn/notifications" => {
            let r = world
                .app
                .send(Method::POST, path, |r| {
                    let r = r
                        .header("content-type", "application/x-www-form-urlencoded")
                        .body("page=1");
                    match cookie {
                        Some(cookie) => r.header("cookie", cookie),
                        None => r,
                    }
                })
                .await;
            processed(&r)
        }
        _ => return None,
    })
}
