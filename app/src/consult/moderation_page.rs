//! `/moderation`: the moderators' queue. Reported items, oldest report
//! first, then hidden ones, each with its reports and three decisions
//! (hide, show again, dismiss) as plain form posts to `/moderation`.

use leptos::prelude::*;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::{ItemKind, ModerationAction, QueueItem, ReportReason, load_moderation};
use crate::i18n::{t, t_string, use_i18n};

/// A report reason in words.
pub fn reason_label(reason: ReportReason) -> String {
    let i18n = use_i18n();
    match reason {
        ReportReason::Spam => t_string!(i18n, moderation.reason_spam),
        ReportReason::Offensive => t_string!(i18n, moderation.reason_offensive),
        ReportReason::OffTopic => t_string!(i18n, moderation.reason_off_topic),
        ReportReason::DoesNotBelong => t_string!(i18n, moderation.reason_does_not_belong),
        ReportReason::Other => t_string!(i18n, moderation.reason_other),
    }
    .to_string()
}

/// The moderation page.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let queue = Resource::new(|| (), |_| load_moderation());
    view! {
        <PageHeading title=move || t_string!(i18n, moderation.title).to_string() />
        <p class="lead">{t!(i18n, moderation.intro)}</p>
        <p class="page-actions">
            <a class="button" href="/moderation/consultations/new">{t!(i18n, moderation.new_process)}</a>
        </p>
        <FormMessage form="moderation" />
        <Suspense>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(items) if items.is_empty() => {
                        view! { <p class="empty">{t!(i18n, moderation.empty)}</p> }.into_any()
                    }
                    Ok(items) => {
                        view! {
                            <ol class="moderation-queue">
                                {items.into_iter().map(|item| view! { <QueueEntry item /> }).collect_view()}
                            </ol>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn QueueEntry(item: QueueItem) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("item-{}-{}", item.kind.code(), item.target);
    let kind = match item.kind {
        ItemKind::Proposal => t_string!(i18n, moderation.kind_proposal),
        ItemKind::Comment => t_string!(i18n, moderation.kind_comment),
    };
    let author = item
        .author
        .clone()
        .unwrap_or_else(|| t_string!(i18n, moderation.deleted_participant).to_string());
    let actions = if item.hidden {
        vec![ModerationAction::Unhide, ModerationAction::Dismiss]
    } else {
        vec![ModerationAction::Hide, ModerationAction::Dismiss]
    };
    view! {
        <li class="card moderation-item">
            <h2 id=heading_id.clone()>
                {kind}
                " · "
                <a href=item.page.clone()>{item.excerpt.clone()}</a>
            </h2>
            <p>
                {t!(i18n, moderation.by)} " " {author}
                {item.hidden.then(|| view! { " · " <strong class="badge">{t!(i18n, moderation.hidden)}</strong> })}
            </p>
            {(!item.reports.is_empty())
                .then(|| {
                    view! {
                        <ul class="reports">
                            {item
                                .reports
                                .iter()
                                .map(|report| {
                                    let date = report.created_at.chars().take(10).collect::<String>();
                                    view! {
                                        <li>
                                            <strong>{reason_label(report.reason)}</strong>
                                            " · "
                                            <time datetime=report.created_at.clone()>{date}</time>
                                            {(!report.details.is_empty())
                                                .then(|| view! { " — " {report.details.clone()} })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="moderation-actions">
                {actions
                    .into_iter()
                    .map(|action| {
                        let label = match action {
                            ModerationAction::Hide => t_string!(i18n, moderation.hide),
                            ModerationAction::Unhide => t_string!(i18n, moderation.unhide),
                            ModerationAction::Dismiss => t_string!(i18n, moderation.dismiss),
                        };
                        view! {
                            <form method="post" action="/moderation" aria-labelledby=heading_id.clone()>
                                <input type="hidden" name="process" value=item.process.clone() />
                                <input type="hidden" name="kind" value=item.kind.code() />
                                <input type="hidden" name="target" value=item.target.clone() />
                                <input type="hidden" name="action" value=action.code() />
                                <button type="submit" class="button button-secondary">{label}</button>
                            </form>
                        }
                    })
                    .collect_view()}
            </div>
        </li>
    }
}
