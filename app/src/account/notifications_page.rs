//! `/notifications`: the reader's notifications, newest first, each with a
//! link to what it is about and a "mark as read" button; "mark all as
//! read"; the daily digest switch when the city sends mail. And
//! `/notifications/unsubscribe`, the page the digest's signed link opens.
//! Plain forms: everything works without JavaScript. The header's unread
//! count is [`UnreadCount`].

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::account::messages::FormMessage;
use crate::account::{
    NotificationEvent, NotificationView, UnsubscribeLink, check_unsubscribe_link,
    load_notifications, load_unread,
};
use crate::components::{ErrorNotice, PageHeading, PageLinks};
use crate::consult::parts::{DateText, phase_label, state_label};
use crate::i18n::{t, t_string, use_i18n};

/// The sentence of a notification.
fn sentence(item: &NotificationView) -> AnyView {
    let i18n = use_i18n();
    let process = item.process.clone();
    let proposal = item
        .proposal
        .clone()
        .unwrap_or_else(|| t_string!(i18n, notifications.a_proposal).to_string());
    let what = if item.proposal.is_some() {
        proposal.clone()
    } else {
        process.clone()
    };
    let process = move || process.clone();
    let what = move || what.clone();
    match item.event {
        NotificationEvent::NewProposal => t!(
            i18n,
            notifications.new_proposal,
            proposal = move || proposal.clone(),
            process
        )
        .into_any(),
        NotificationEvent::Comment => t!(i18n, notifications.comment, what).into_any(),
        NotificationEvent::Reply => t!(i18n, notifications.reply, what).into_any(),
        NotificationEvent::Answered(state) => {
            let state = state_label(state);
            t!(
                i18n,
                notifications.answered,
                what,
                state = move || state.clone()
            )
            .into_any()
        }
        NotificationEvent::Hidden => t!(i18n, notifications.hidden, what).into_any(),
        NotificationEvent::Unhidden => t!(i18n, notifications.unhidden, what).into_any(),
        NotificationEvent::ReportsDismissed => {
            t!(i18n, notifications.reports_dismissed, what).into_any()
        }
        NotificationEvent::PhaseStarted(kind) => {
            let phase = phase_label(kind);
            t!(
                i18n,
                notifications.phase_started,
                process,
                phase = move || phase.clone()
            )
            .into_any()
        }
        NotificationEvent::SeatGiven => t!(i18n, notifications.seat_given, process).into_any(),
    }
}

/// The reader's notifications.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = move || {
        query
            .with(|q| q.get("page"))
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
    };
    let view = Resource::new(page, load_notifications);
    view! {
        <PageHeading title=move || t_string!(i18n, notifications.title).to_string() />
        <FormMessage form="notifications" />
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(view) => {
                        let page = view.page;
                        let unread = view.unread;
                        view! {
                            <p class="lead" aria-live="polite">
                                {t!(i18n, notifications.unread_count, count = unread)}
                            </p>
                            {(unread > 0)
                                .then(|| {
                                    view! {
                                        <form method="post" action="/notifications/read" class="inline-form">
                                            <input type="hidden" name="page" value=page.to_string() />
                                            <button type="submit" class="button-secondary">
                                                {t!(i18n, notifications.mark_all_read)}
                                            </button>
                                        </form>
                                    }
                                })}
                            {if view.items.is_empty() {
                                view! { <p class="empty">{t!(i18n, notifications.empty)}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="notification-list">
                                        {view
                                            .items
                                            .into_iter()
                                            .map(|item| view! { <NotificationItem item page /> })
                                            .collect_view()}
                                    </ol>
                                }
                                    .into_any()
                            }}
                            <PageLinks
                                count=view.pages as usize
                                current=page as usize
                                href=|n: usize| format!("/notifications?page={n}")
                            />
                            {view.digest.map(|on| view! { <DigestForm on /> })}
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
fn NotificationItem(item: NotificationView, page: u32) -> impl IntoView {
    let i18n = use_i18n();
    let text = sentence(&item);
    let label_id = format!("notification-{}", item.id);
    let class = if item.read {
        "notification"
    } else {
        "notification unread"
    };
    view! {
        <li class=class>
            <p id=label_id.clone()>
                {(!item.read).then(|| view! { <strong class="badge">{t!(i18n, notifications.new)}</strong> " " })}
                <a href=item.href.clone()>{text}</a>
            </p>
            <p class="meta">
                <DateText date=item.created_at.clone() />
            </p>
            {(!item.read)
                .then(|| {
                    view! {
                        <form method="post" action="/notifications/read" aria-labelledby=label_id.clone()>
                            <input type="hidden" name="id" value=item.id.clone() />
                            <input type="hidden" name="page" value=page.to_string() />
                            <button type="submit" class="button-link">
                                {t!(i18n, notifications.mark_read)}
                            </button>
                        </form>
                    }
                })}
        </li>
    }
}

#[component]
fn DigestForm(on: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="digest-heading">
            <h2 id="digest-heading">{t!(i18n, notifications.digest_heading)}</h2>
            <p>
                {if on {
                    t!(i18n, notifications.digest_on).into_any()
                } else {
                    t!(i18n, notifications.digest_off).into_any()
                }}
            </p>
            <form method="post" action="/notifications/digest">
                <input type="hidden" name="daily" value=(!on).to_string() />
                <button type="submit" class="button-secondary">
                    {if on {
                        t!(i18n, notifications.digest_stop).into_any()
                    } else {
                        t!(i18n, notifications.digest_start).into_any()
                    }}
                </button>
            </form>
        </section>
    }
}

/// The page the digest's unsubscribe link opens: a button that stops it.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let link = move || {
        query.with(|q| {
            (
                q.get("account").unwrap_or_default(),
                q.get("signature").unwrap_or_default(),
            )
        })
    };
    let check = Resource::new(link, |(account, signature)| {
        check_unsubscribe_link(account, signature)
    });
    let finished = move || query.with(|q| q.get("done").is_some() || q.get("error").is_some());
    view! {
        <PageHeading title=move || t_string!(i18n, notifications.unsubscribe_title).to_string() />
        <FormMessage form="unsubscribe" />
        <Show when=move || !finished()>
            <Suspense>
                {move || Suspend::new(async move {
                    let (account, signature) = link();
                    match check.await {
                        Ok(UnsubscribeLink::Valid) => {
                            view! {
                                <p>{t!(i18n, notifications.unsubscribe_intro)}</p>
                                <form method="post" action="/notifications/unsubscribe">
                                    <input type="hidden" name="account" value=account />
                                    <input type="hidden" name="signature" value=signature />
                                    <button type="submit">{t!(i18n, notifications.unsubscribe_button)}</button>
                                </form>
                            }
                                .into_any()
                        }
                        Ok(UnsubscribeLink::Invalid) => {
                            view! {
                                <p class="notice notice-error" role="alert">
                                    {t!(i18n, messages.unsubscribe_invalid)}
                                </p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </Show>
    }
}

/// The header's link to `/notifications` with the unread count, for
/// people signed in (nothing otherwise). Server-rendered: the count is
/// right when the page is made, and every page for signed-in people is
/// made for them alone (`private, no-store`).
#[component]
pub fn UnreadCount() -> impl IntoView {
    let i18n = use_i18n();
    let unread = Resource::new(|| (), |_| load_unread());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                unread
                    .await
                    .ok()
                    .flatten()
                    .map(|count| {
                        view! {
                            <li>
                                <a href="/notifications" class="unread-link">
                                    {t!(i18n, notifications.header)}
                                    {(count > 0)
                                        .then(|| {
                                            view! {
                                                " "
                                                <span class="unread-count" aria-hidden="true">{count}</span>
                                                <span class="visually-hidden">
                                                    {t!(i18n, notifications.header_unread, count = count)}
                                                </span>
                                            }
                                        })}
                                </a>
                            </li>
                        }
                    })
            })}
        </Suspense>
    }
}
