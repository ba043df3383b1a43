//! The authorization matrix's probes of the consultation form: create a
//! consultation and save one, each a multipart form post; and whether it
//! took effect.

use reqwest::Method;
use reqwest::multipart::Form;

use super::Role;
use super::probes::{World, count, processed};
use crate::support::consult::open_process;
use app::consult::PhaseKind;

async fn send(world: &World, path: &str, cookie: Option<&str>, form: Form) -> reqwest::Response {
    world
        .app
        .send(Method::POST, path, |r| {
            let r = r.multipart(form);
            match cookie {
                Some(cookie) => r.header("cookie", cookie),
                None => r,
            }
        })
        .await
}

fn fields(slug: &str, title: &str) -> Form {
    Form::new()
        .text("slug", slug.to_owned())
        .text("title", title.to_owned())
        .text("summary", "From the matrix.")
        .text("information_starts_at", "2026-01-01T00:00:00Z")
        .text("information_ends_at", "2099-01-01T00:00:00Z")
}

/// Runs the consultation form route `path` as `role`, signed in with
/// `cookie`: whether it was allowed and took effect; `None` for another.
pub async fn run(world: &World, path: &str, role: Role, cookie: Option<&str>) -> Option<bool> {
    let tag = role.slug();
    Some(match path {
        "/moderation/consultations" => {
            let slug = format!("matrix-made-by-{tag}");
            let r = send(world, path, cookie, fields(&slug, "Made by the matrix")).await;
            let made = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_processes WHERE slug = '{slug}'"),
            )
            .await;
            processed(&r) && made == 1
        }
        "/moderation/consultations/{slug}" => {
            let title = format!("Renamed by {tag}");
            let slug = format!("matrix-edited-by-{tag}");
            open_process(&world.app, &slug, PhaseKind::Information, None).await;
            let r = send(
                world,
                &format!("/moderation/consultations/{slug}"),
                cookie,
                fields("", &title),
            )
            .await;
            let renamed = count(
                world,
                &format!("SELECT COUNT(*) FROM consult_processes WHERE title = '{title}'"),
            )
            .await;
            processed(&r) && renamed == 1
        }
        _ => return None,
    })
}
