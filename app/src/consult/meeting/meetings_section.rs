//! The meetings part of a process's page: upcoming meetings first (soonest
//! first) with their seats, then those held (latest first) with whether
//! their minutes are out, the process's calendar feed, and for moderators
//! the link to add a meeting.

use leptos::prelude::*;

use crate::consult::meeting::MeetingSummary;
use crate::consult::meeting::meeting_page::{MeetingSeats, MeetingWhen, format_label};
use crate::i18n::{t, use_i18n};

fn card(base: &str, meeting: MeetingSummary) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let href = format!("{base}/meetings/{}", meeting.number);
    let title = meeting.title.clone();
    let format = format_label(meeting.format);
    let held = meeting.held;
    let minutes = meeting.has_minutes;
    let place = meeting.address.clone();
    view! {
        <li class="card">
            <h4><a href=href>{title}</a></h4>
            <p><MeetingWhen meeting=meeting.clone() /></p>
            <p>{format}{place.map(|p| view! { " · " {p} })}</p>
            {(!held).then(|| view! { <p><MeetingSeats meeting=meeting.clone() /></p> })}
            {(held && minutes).then(|| view! { <p>{t!(i18n, meetings.minutes_available)}</p> })}
        </li>
    }
}

/// The process `slug`'s meetings.
#[component]
pub fn MeetingsSection(
    slug: String,
    meetings: Vec<MeetingSummary>,
    may_moderate: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    if meetings.is_empty() && !may_moderate {
        return ().into_any();
    }
    let base = format!("/consultations/{slug}");
    let (held, mut upcoming): (Vec<_>, Vec<_>) = meetings.into_iter().partition(|m| m.held);
    upcoming.sort_by(|a, b| a.starts_at.cmp(&b.starts_at));
    let mut held = held;
    held.sort_by(|a, b| b.starts_at.cmp(&a.starts_at));
    let upcoming = (!upcoming.is_empty()).then(|| {
        let cards = upcoming.into_iter().map(|m| card(&base, m)).collect_view();
        view! {
            <h3>{t!(i18n, meetings.upcoming_heading)}</h3>
            <ul class="cards meeting-list">{cards}</ul>
        }
    });
    let held = (!held.is_empty()).then(|| {
        let cards = held.into_iter().map(|m| card(&base, m)).collect_view();
        view! {
            <h3>{t!(i18n, meetings.held_heading)}</h3>
            <ul class="cards meeting-list">{cards}</ul>
        }
    });
    let feed = format!("{base}/meetings.ics");
    let add = may_moderate.then(|| {
        let href = format!("/moderation/consultations/{slug}/meetings/new");
        view! { <p><a class="button button-secondary" href=href>{t!(i18n, meetings.add_meeting)}</a></p> }
    });
    view! {
        <section id="meetings" aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">{t!(i18n, meetings.section_heading)}</h2>
            {upcoming}
            {held}
            <p><a href=feed>{t!(i18n, meetings.calendar_feed)}</a></p>
            {add}
        </section>
    }
    .into_any()
}
