//! The authorization matrix's probes of the consultation routes: each
//! request, and whether it took effect (a proposal, an edit, a support, a
//! comment, a report, a moderator's decision).

use super::Role;
use super::probes::{World, count, processed};
use crate::support::consult::{comment_by, proposal_by};
use crate::support::forms::post;

/// The account id of `role` (the probe account's for anonymous).
async fn account_of(world: &World, role: Role) -> String {
    if role == Role::Anonymous {
        return world.probe_id.clone();
    }
    let sql = world.app.sql().await;
    let id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE email = $1")
        .bind(role.email())
        .fetch_one(sql.pool())
        .await
        .unwrap();
    sql.close().await;
    id
}

async fn proposal_state(world: &World, process: &str, number: i64) -> (String, String, i64) {
    let sql = world.app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let p = plaza::consult::proposals::get(&mut db, process, number)
        .await
        .unwrap()
        .unwrap();
    drop(db);
    sql.close().await;
    (p.title, p.state.code().to_owned(), p.supports)
}

/// Runs the consultation route `path` (a POST) as `role`, signed in with
/// `cookie`: whether it was allowed and took effect; `None` for a route
/// that is not a consultation's.
pub async fn run(world: &World, path: &str, role: Role, cookie: Option<&str>) -> Option<bool> {
    let tag = role.slug();
    Some(match path {
        "/consultations/{slug}/proposals" => {
            let title = format!("Matrix idea {tag}");
            let r = post(
                &world.app,
                "/consultations/matrix-ideas/proposals",
                cookie,
                &[("title", &title), ("body", "From the matrix.")],
            )
            .await;
            let made = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_proposals WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && made == 1
        }
        "/consultations/{slug}/proposals/{id}" => {
            let author = account_of(world, role).await;
            let n = proposal_by(&world.app, &world.ideas, &author, &format!("Before {tag}")).await;
            let title = format!("After {tag}");
            let r = post(
                &world.app,
                &format!("/consultations/matrix-ideas/proposals/{n}"),
                cookie,
                &[("title", &title), ("body", "Edited.")],
            )
            .await;
            processed(&r) && proposal_state(world, &world.ideas, n).await.0 == title
        }
        "/consultations/{slug}/proposals/{id}/withdraw" => {
            let author = account_of(world, role).await;
            let n = proposal_by(&world.app, &world.ideas, &author, &format!("Going {tag}")).await;
            let r = post(
                &world.app,
                &format!("/consultations/matrix-ideas/proposals/{n}/withdraw"),
                cookie,
                &[],
            )
            .await;
            processed(&r) && proposal_state(world, &world.ideas, n).await.1 == "withdrawn"
        }
        "/consultations/{slug}/proposals/{id}/support" => {
            let n = proposal_by(
                &world.app,
                &world.supports,
                &world.probe_id,
                &format!("Back {tag}"),
            )
            .await;
            let r = post(
                &world.app,
                &format!("/consultations/matrix-supports/proposals/{n}/support"),
                cookie,
                &[("action", "support")],
            )
            .await;
            processed(&r) && proposal_state(world, &world.supports, n).await.2 == 1
        }
        "/consultations/{slug}/proposals/{id}/answer" => {
            let n = proposal_by(
                &world.app,
                &world.ideas,
                &world.probe_id,
                &format!("Ask {tag}"),
            )
            .await;
            let r = post(
                &world.app,
                &format!("/consultations/matrix-ideas/proposals/{n}/answer"),
                cookie,
                &[("state", "evaluating"), ("answer", "We study it.")],
            )
            .await;
            processed(&r) && proposal_state(world, &world.ideas, n).await.1 == "evaluating"
        }
        "/consultations/{slug}/comments" => {
            let text = format!("Matrix comment {tag}");
            let r = post(
                &world.app,
                "/consultations/matrix-ideas/comments",
                cookie,
                &[("body", &text), ("alignment", "favour")],
            )
            .await;
            let made = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_comments WHERE body = '{text}'"),
            )
            .await;
            processed(&r) && made == 1
        }
        "/consultations/{slug}/comments/{id}/edit"
        | "/consultations/{slug}/comments/{id}/delete"
        | "/consultations/{slug}/comments/{id}/vote" => {
            let author = account_of(world, role).await;
            let id = comment_by(&world.app, &world.ideas, &author, &format!("Said {tag}")).await;
            let what = path.rsplit('/').next().unwrap();
            let r = post(
                &world.app,
                &format!("/consultations/matrix-ideas/comments/{id}/{what}"),
                cookie,
                &[("body", "Said better."), ("vote", "up")],
            )
            .await;
            let effect = match what {
                "edit" => "body = 'Said better.'",
                "delete" => "deleted_at IS NOT NULL",
                _ => "ups = 1",
            };
            let done = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_comments WHERE id = '{id}' AND {effect}"),
            )
            .await;
            processed(&r) && done == 1
        }
        "/consultations/{slug}/reports" => {
            let id = comment_by(
                &world.app,
                &world.ideas,
                &world.probe_id,
                &format!("Rude {tag}"),
            )
            .await;
            let r = post(
                &world.app,
                "/consultations/matrix-ideas/reports",
                cookie,
                &[
                    ("kind", "comment"),
                    ("target", &id),
                    ("reason", "spam"),
                    ("details", ""),
                ],
            )
            .await;
            let filed = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_reports WHERE target = '{id}'"),
            )
            .await;
            processed(&r) && filed == 1
        }
        "/moderation" => {
            let id = comment_by(
                &world.app,
                &world.ideas,
                &world.probe_id,
                &format!("Hide {tag}"),
            )
            .await;
            let r = post(
                &world.app,
                path,
                cookie,
                &[
                    ("process", "matrix-ideas"),
                    ("kind", "comment"),
                    ("target", &id),
                    ("action", "hide"),
                ],
            )
            .await;
            let hidden = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_comments WHERE id = '{id}' AND hidden_at IS NOT NULL"),
            )
            .await;
            processed(&r) && hidden == 1
        }
        _ => return None,
    })
}
