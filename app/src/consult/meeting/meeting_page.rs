//! `/consultations/{slug}/meetings/{number}`: a meeting — when (in its own
//! time zone, with the UTC moment in `<time>`), where (an address, a point,
//! a video room's link), its agenda, seats and the reader's registration
//! (a plain form post: register, join the waiting list, cancel), its
//! calendar file, and once it is over its minutes, attendance and the
//! proposals it led to. Every part works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::meeting::{
    MeetingFormat, MeetingSummary, MeetingView, RegistrationAction, RegistrationStatus,
    load_meeting,
};
use crate::consult::parts::StateBadge;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// A meeting's page.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let request = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("number").and_then(|n| n.parse::<i64>().ok()),
            )
        })
    };
    let meeting = Resource::new(request, |(slug, number)| async move {
        match number {
            Some(number) => load_meeting(slug, number).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match meeting.await {
                    Ok(view) => view! { <MeetingContent view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The meeting's format in words.
pub fn format_label(format: MeetingFormat) -> String {
    let i18n = use_i18n();
    match format {
        MeetingFormat::InPerson => t_string!(i18n, meetings.format_in_person),
        MeetingFormat::Online => t_string!(i18n, meetings.format_online),
        MeetingFormat::Hybrid => t_string!(i18n, meetings.format_hybrid),
    }
    .to_string()
}

/// When the meeting is, in its own time zone: "2027-03-28, 19:00–21:00
/// (Europe/Brussels, UTC+02:00)", with the UTC moments for machines.
#[component]
pub fn MeetingWhen(meeting: MeetingSummary) -> impl IntoView {
    let MeetingSummary {
        starts_at,
        ends_at,
        local_date,
        local_start,
        local_end,
        time_zone,
        utc_offset,
        ..
    } = meeting;
    view! {
        <time datetime=starts_at>{local_date}", "{local_start}</time>
        "–"
        <time datetime=ends_at>{local_end}</time>
        " ("{time_zone}", UTC"{utc_offset}")"
    }
}

/// Seats in a sentence: "12 of 40 seats taken · 3 waiting".
#[component]
pub fn MeetingSeats(meeting: MeetingSummary) -> impl IntoView {
    let i18n = use_i18n();
    let registered = meeting.registered;
    let waiting = meeting.waiting;
    let seats = match meeting.capacity {
        Some(capacity) => t!(
            i18n,
            meetings.seats_taken,
            taken = registered,
            capacity = capacity
        )
        .into_any(),
        None => t!(i18n, meetings.registered_count, count = registered).into_any(),
    };
    view! {
        {seats}
        {(waiting > 0).then(|| view! { " · " {t!(i18n, meetings.waiting_count, count = waiting)} })}
    }
}

#[component]
fn RegistrationPanel(view: MeetingView, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let full = view
        .meeting
        .capacity
        .is_some_and(|c| view.meeting.registered >= c);
    let status = view.mine.map(|mine| match (mine.status, mine.position) {
        (RegistrationStatus::Registered, _) => t!(i18n, meetings.you_are_registered).into_any(),
        (RegistrationStatus::Waiting, Some(position)) => {
            t!(i18n, meetings.you_are_waiting, position = position).into_any()
        }
        (RegistrationStatus::Waiting, None) => {
            t!(i18n, meetings.you_are_waiting_no_position).into_any()
        }
    });
    let form = if !view.registration_open {
        view! { <p>{t!(i18n, meetings.registration_closed)}</p> }.into_any()
    } else if !view.header.signed_in {
        let href = format!("/account/sign-in?next={action}");
        view! { <p><a class="button" href=href>{t!(i18n, meetings.sign_in_to_register)}</a></p> }
            .into_any()
    } else {
        let (code, label) = match view.mine {
            Some(_) => (
                RegistrationAction::Cancel.code(),
                t!(i18n, meetings.cancel_button).into_any(),
            ),
            None if full => (
                RegistrationAction::Register.code(),
                t!(i18n, meetings.wait_button).into_any(),
            ),
            None => (
                RegistrationAction::Register.code(),
                t!(i18n, meetings.register_button).into_any(),
            ),
        };
        let class = if view.mine.is_some() {
            "button button-secondary"
        } else {
            "button"
        };
        view! {
            <form method="post" action=format!("{action}/registration") class="inline-form">
                <button type="submit" name="action" value=code class=class>{label}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <section id="registration" class="panel" aria-labelledby="registration-heading">
            <h2 id="registration-heading">{t!(i18n, meetings.registration_heading)}</h2>
            <p><MeetingSeats meeting=view.meeting.clone() /></p>
            {(full && view.mine.is_none() && view.registration_open).then(|| view! { <p>{t!(i18n, meetings.full_hint)}</p> })}
            {status.map(|s| view! { <p class="notice notice-info">{s}</p> })}
            {form}
        </section>
    }
}

#[component]
fn MeetingContent(view: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let slug = view.header.slug.clone();
    let process = format!("/consultations/{slug}");
    let base = format!("{process}/meetings/{}", view.meeting.number);
    let title = view.meeting.title.clone();
    let heading = title.clone();
    let description = format!("{title} · {}", view.header.title);
    let format = format_label(view.meeting.format);
    let place = view.meeting.address.clone().map(|address| {
        let point = view.point.map(|p| {
            view! {
                " "
                <span class="meeting-point">
                    "("{t!(i18n, meetings.coordinates)}" "{format!("{:.5}, {:.5}", p.latitude, p.longitude)}")"
                </span>
            }
        });
        view! { <dt>{t!(i18n, meetings.where_label)}</dt><dd>{address}{point}</dd> }
    });
    let link = view.online_url.clone().map(|url| {
        view! {
            <dt>{t!(i18n, meetings.video_room_label)}</dt>
            <dd><a href=url.clone() rel="noopener">{url.clone()}</a></dd>
        }
    });
    let agenda = view.agenda.0.clone();
    let held = view.meeting.held;
    let written = view.minutes.is_some() || view.attendance.is_some() || !view.outcomes.is_empty();
    let after = (held || written).then(|| {
        let minutes = view
            .minutes
            .clone()
            .map(|m| view! { <div class="prose" inner_html=m.0></div> });
        let attendance = view
            .attendance
            .map(|count| view! { <p>{t!(i18n, meetings.attendance_count, count = count)}</p> });
        let outcomes = (!view.outcomes.is_empty()).then(|| {
            let items = view
                .outcomes
                .iter()
                .map(|o| {
                    let href = format!("{process}/proposals/{}", o.number);
                    let title = o.title.clone();
                    let state = o.state;
                    view! { <li><a href=href>{title}</a>" "<StateBadge state /></li> }
                })
                .collect_view();
            view! {
                <h3>{t!(i18n, meetings.outcomes_heading)}</h3>
                <ul>{items}</ul>
            }
        });
        let nothing =
            (view.minutes.is_none() && view.attendance.is_none() && view.outcomes.is_empty())
                .then(|| view! { <p>{t!(i18n, meetings.no_minutes_yet)}</p> });
        view! {
            <section id="minutes" aria-labelledby="minutes-heading">
                <h2 id="minutes-heading">{t!(i18n, meetings.minutes_heading)}</h2>
                {nothing}
                {attendance}
                {minutes}
                {outcomes}
            </section>
        }
    });
    let manage = view.header.may_moderate.then(|| {
        let edit = format!("/moderation/consultations/{slug}/meetings/{}/edit", view.meeting.number);
        view! {
            <section class="panel" aria-labelledby="manage-heading">
                <h2 id="manage-heading">{t!(i18n, meetings.manage_heading)}</h2>
                <p><a class="button button-secondary" href=edit>{t!(i18n, meetings.edit_link)}</a></p>
            </section>
        }
    });
    let calendar = format!("{base}/calendar.ics");
    let registration =
        (!held).then(|| view! { <RegistrationPanel view=view.clone() action=base.clone() /> });
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process.clone()>{view.header.title.clone()}</a>
            " › "
            <span aria-current="page">{title}</span>
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description />
        <FormMessage form="meeting" />
        <dl class="facts meeting-facts">
            <dt>{t!(i18n, meetings.when_label)}</dt>
            <dd><MeetingWhen meeting=view.meeting.clone() /></dd>
            <dt>{t!(i18n, meetings.format_label)}</dt>
            <dd>{format}</dd>
            {place}
            {link}
        </dl>
        <p>
            <a href=calendar download>{t!(i18n, meetings.add_to_calendar)}</a>
        </p>
        {registration}
        <section id="agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{t!(i18n, meetings.agenda_heading)}</h2>
            <div class="prose" inner_html=agenda></div>
        </section>
        {after}
        {manage}
    }
}
