//! The moderators' queue: every item with open reports (oldest report
//! first), then every hidden item without any, each with its reports.

use std::collections::HashMap;

use app::consult::{ItemKind, QueueItem, ReportView};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::processes::{self, Process};
use crate::consult::reports::{self, Target};
use crate::consult::{comments, proposals};

fn excerpt(text: &str) -> String {
    let one_line = app::consult::one_line(text);
    if one_line.chars().count() > 140 {
        format!("{}…", one_line.chars().take(140).collect::<String>())
    } else {
        one_line
    }
}

/// The queue, as the `/moderation` page shows it.
pub async fn queue(db: &mut AnyConnection) -> Result<Vec<QueueItem>, sqlx::Error> {
    let processes: HashMap<String, Process> = processes::all(db)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut order: Vec<(String, Target)> = Vec::new();
    let mut open: HashMap<(String, Target), Vec<ReportView>> = HashMap::new();
    for report in reports::all_open(db).await? {
        let key = (report.process_id.clone(), report.target.clone());
        if !open.contains_key(&key) {
            order.push(key.clone());
        }
        open.entry(key).or_default().push(ReportView {
            reason: report.reason,
            details: report.details,
            created_at: report.created_at,
        });
    }
    for p in proposals::hidden(db).await? {
        let key = (p.process_id.clone(), Target::Proposal(p.number));
        if !open.contains_key(&key) {
            order.push(key);
        }
    }
    for c in comments::hidden(db).await? {
        let key = (c.process_id.clone(), Target::Comment(c.id.clone()));
        if !open.contains_key(&key) {
            order.push(key);
        }
    }
    let mut items = Vec::new();
    let mut authors: Vec<AccountId> = Vec::new();
    for (process_id, target) in order {
        let Some(process) = processes.get(&process_id) else {
            continue;
        };
        let found = match &target {
            Target::Proposal(n) => proposals::get(db, &process_id, *n).await?.map(|p| {
                (
                    ItemKind::Proposal,
                    n.to_string(),
                    format!("/consultations/{}/proposals/{n}", process.slug),
                    excerpt(&p.title),
                    p.author,
                    p.hidden_at.is_some(),
                )
            }),
            Target::Comment(id) => comments::get(db, id).await?.map(|c| {
                let page = if c.proposal_number > 0 {
                    format!(
                        "/consultations/{}/proposals/{}",
                        process.slug, c.proposal_number
                    )
                } else {
                    format!("/consultations/{}", process.slug)
                };
                (
                    ItemKind::Comment,
                    id.clone(),
                    format!("{page}#comment-{id}"),
                    excerpt(&c.body),
                    c.author,
                    c.hidden_at.is_some(),
                )
            }),
        };
        let Some((kind, key, page, text, author, hidden)) = found else {
            continue;
        };
        authors.push(author);
        items.push(QueueItem {
            kind,
            target: key,
            process: process.slug.clone(),
            page,
            excerpt: text,
            author: None,
            hidden,
            reports: open.remove(&(process_id, target)).unwrap_or_default(),
        });
    }
    let refs: Vec<&AccountId> = authors.iter().collect();
    let names = crate::auth::accounts::pseudonyms(db, &refs).await?;
    for (item, author) in items.iter_mut().zip(&authors) {
        item.author = names.get(author).cloned().flatten();
    }
    Ok(items)
}
