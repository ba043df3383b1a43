//! `/moderation/consultations/{slug}/meetings/new` and `…/{number}/edit`:
//! the meeting form (moderators and administrators), and once the meeting
//! has begun the minutes form below it. Plain posts; every problem is
//! listed at once and shown next to its field.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::account::messages::FormMessage;
use crate::components::{ErrorNotice, PageHeading};
use crate::consult::meeting::meeting_page::format_label;
use crate::consult::meeting::{
    MEETING_ADDRESS_MAX, MEETING_CAPACITY_MAX, MEETING_OUTCOMES_MAX, MEETING_TEXT_MAX,
    MEETING_TITLE_MAX, MeetingFormView, MeetingFormat, MeetingProblem, MinutesForm, MinutesProblem,
    load_meeting_form,
};
use crate::consult::proposal_fields::textarea_text;
use crate::error::AppError;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::NotFoundPage;

/// The meeting form.
#[component]
pub fn MeetingFormPage() -> impl IntoView {
    let params = use_params_map();
    let request = move || {
        params.with(|p| {
            (
                p.get("slug").unwrap_or_default(),
                p.get("number").map(|n| n.parse::<i64>().ok()),
            )
        })
    };
    let form = Resource::new(request, |(slug, number)| async move {
        match number {
            Some(None) => Err(AppError::NotFound),
            Some(Some(n)) => load_meeting_form(slug, Some(n)).await,
            None => load_meeting_form(slug, None).await,
        }
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match form.await {
                    Ok(view) => view! { <MeetingForm view /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn problem_text(problem: MeetingProblem) -> AnyView {
    let i18n = use_i18n();
    use MeetingProblem::*;
    match problem {
        TitleLength => t!(i18n, meeting_form.problem_title, max = MEETING_TITLE_MAX).into_any(),
        FormatUnknown => t!(i18n, meeting_form.problem_format).into_any(),
        DateInvalid => t!(i18n, meeting_form.problem_date).into_any(),
        StartInvalid => t!(i18n, meeting_form.problem_start).into_any(),
        EndInvalid => t!(i18n, meeting_form.problem_end).into_any(),
        TimeZoneUnknown => t!(i18n, meeting_form.problem_time_zone).into_any(),
        TimeSkipped => t!(i18n, meeting_form.problem_time_skipped).into_any(),
        AddressNeeded => t!(i18n, meeting_form.problem_address_needed).into_any(),
        AddressLong => t!(
            i18n,
            meeting_form.problem_address_long,
            max = MEETING_ADDRESS_MAX
        )
        .into_any(),
        Coordinates => t!(i18n, consult.problem_coordinates).into_any(),
        OutsideArea => t!(i18n, meeting_form.problem_outside_area).into_any(),
        LinkNeeded => t!(i18n, meeting_form.problem_link_needed).into_any(),
        LinkInvalid => t!(i18n, meeting_form.problem_link_invalid).into_any(),
        AgendaLong => t!(i18n, meeting_form.problem_text_long, max = MEETING_TEXT_MAX).into_any(),
        CapacityInvalid => t!(
            i18n,
            meeting_form.problem_capacity,
            max = MEETING_CAPACITY_MAX
        )
        .into_any(),
    }
}

fn minutes_problem_text(problem: &MinutesProblem) -> AnyView {
    let i18n = use_i18n();
    match problem.clone() {
        MinutesProblem::NotYetHeld => t!(i18n, meeting_form.problem_not_yet_held).into_any(),
        MinutesProblem::MinutesLong => {
            t!(i18n, meeting_form.problem_text_long, max = MEETING_TEXT_MAX).into_any()
        }
        MinutesProblem::AttendanceInvalid => t!(i18n, meeting_form.problem_attendance).into_any(),
        MinutesProblem::OutcomeUnknown(word) => t!(
            i18n,
            meeting_form.problem_outcome_unknown,
            word = move || view! { <code>{word.clone()}</code> }
        )
        .into_any(),
        MinutesProblem::OutcomesTooMany => t!(
            i18n,
            meeting_form.problem_outcomes_too_many,
            max = MEETING_OUTCOMES_MAX
        )
        .into_any(),
    }
}

/// One field: its label, hint, problems and control. `control` gets the
/// field's id, `aria-describedby` and `aria-invalid`.
#[component]
fn Field<C, V>(
    prefix: &'static str,
    name: &'static str,
    label: AnyView,
    #[prop(optional_no_strip)] hint: Option<AnyView>,
    problems: Vec<AnyView>,
    control: C,
) -> impl IntoView
where
    C: FnOnce(String, Option<String>, Option<&'static str>) -> V,
    V: IntoView,
{
    let id = format!("{prefix}-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let invalid = !problems.is_empty();
    let described: Vec<String> = [
        hint.is_some().then(|| hint_id.clone()),
        invalid.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let control = control(id.clone(), described, invalid.then_some("true"));
    view! {
        <div class="field" class:has-error=invalid>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {invalid.then(|| view! {
                <div class="field-error" id=error_id>
                    {problems.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                </div>
            })}
            {control}
        </div>
    }
}

#[component]
fn MeetingForm(view: MeetingFormView) -> impl IntoView {
    let i18n = use_i18n();
    let MeetingFormView {
        header,
        editing,
        input,
        problems,
        minutes,
    } = view;
    let slug = header.slug.clone();
    let action = match editing {
        Some(n) => format!("/moderation/consultations/{slug}/meetings/{n}"),
        None => format!("/moderation/consultations/{slug}/meetings"),
    };
    let heading = match editing {
        Some(_) => t_string!(i18n, meeting_form.edit_heading).to_string(),
        None => t_string!(i18n, meeting_form.new_heading).to_string(),
    };
    let description = format!("{heading} · {}", header.title);
    let of = |field: &str| -> Vec<AnyView> {
        problems
            .iter()
            .filter(|p| p.field() == field)
            .map(|p| problem_text(*p))
            .collect()
    };
    let summary = (!problems.is_empty()).then(|| {
        let items = problems
            .iter()
            .map(|p| {
                let href = format!("#meeting-{}", p.field());
                view! { <li><a href=href>{problem_text(*p)}</a></li> }
            })
            .collect_view();
        view! {
            <div class="notice notice-error problem-summary" role="alert" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t!(i18n, meeting_form.problems_heading)}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let chosen = MeetingFormat::from_code(&input.format).unwrap_or_default();
    let formats = MeetingFormat::ALL
        .into_iter()
        .map(|format| {
            let id = format!("meeting-format-{}", format.code());
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name="format" value=format.code() checked=format == chosen />
                    <label for=id>{format_label(format)}</label>
                </div>
            }
        })
        .collect_view();
    let format_problems = of("format");
    let format_invalid = !format_problems.is_empty();
    let process = format!("/consultations/{slug}");
    let page = editing.map(|n| format!("{process}/meetings/{n}"));
    let i = input.clone();
    let minutes =
        minutes.map(|m| view! { <MinutesFields form=m action=format!("{action}/minutes") /> });
    view! {
        <nav class="breadcrumb" aria-label=move || t_string!(i18n, record.breadcrumb).to_string()>
            <a href="/consultations">{t!(i18n, consult.title)}</a>
            " › "
            <a href=process>{header.title.clone()}</a>
            {page.map(|href| view! { " › " <a href=href>{t!(i18n, meetings.meeting)}</a> })}
        </nav>
        <PageHeading title=Signal::derive(move || heading.clone()) description />
        <FormMessage form="meeting" />
        {summary}
        <form id="meeting-form" class="stacked-form meeting-form" method="post" action=action>
            <Field prefix="meeting" name="title" label=t!(i18n, meeting_form.title_label).into_any() problems=of("title")
                control=move |id, described, invalid| view! {
                    <input id=id name="title" type="text" required maxlength=MEETING_TITLE_MAX value=i.title.clone() aria-describedby=described aria-invalid=invalid />
                } />
            <fieldset id="meeting-format" class="field" class:has-error=format_invalid>
                <legend>{t!(i18n, meeting_form.format_label)}</legend>
                {format_invalid.then(|| view! { <div class="field-error">{format_problems.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}</div> })}
                {formats}
            </fieldset>
            <Field prefix="meeting" name="date" label=t!(i18n, meeting_form.date_label).into_any()
                hint=Some(t!(i18n, meeting_form.date_hint).into_any()) problems=of("date")
                control={ let v = input.date.clone(); move |id, described, invalid| view! {
                    <input id=id name="date" type="date" required value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="start" label=t!(i18n, meeting_form.start_label).into_any() problems=of("start")
                control={ let v = input.start.clone(); move |id, described, invalid| view! {
                    <input id=id name="start" type="time" required value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="end" label=t!(i18n, meeting_form.end_label).into_any() problems=of("end")
                control={ let v = input.end.clone(); move |id, described, invalid| view! {
                    <input id=id name="end" type="time" required value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="time_zone" label=t!(i18n, meeting_form.time_zone_label).into_any()
                hint=Some(t!(i18n, meeting_form.time_zone_hint).into_any()) problems=of("time_zone")
                control={ let v = input.time_zone.clone(); move |id, described, invalid| view! {
                    <input id=id name="time_zone" type="text" required autocomplete="off" value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="address" label=t!(i18n, meeting_form.address_label).into_any()
                hint=Some(t!(i18n, meeting_form.address_hint).into_any()) problems=of("address")
                control={ let v = input.address.clone(); move |id, described, invalid| view! {
                    <input id=id name="address" type="text" maxlength=MEETING_ADDRESS_MAX autocomplete="street-address" value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="latitude" label=t!(i18n, consult.latitude_label).into_any()
                hint=Some(t!(i18n, meeting_form.point_hint).into_any()) problems=of("latitude")
                control={ let v = input.latitude.clone(); move |id, described, invalid| view! {
                    <input id=id name="latitude" type="text" inputmode="decimal" value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="longitude" label=t!(i18n, consult.longitude_label).into_any() problems=Vec::new()
                control={ let v = input.longitude.clone(); move |id, described, invalid| view! {
                    <input id=id name="longitude" type="text" inputmode="decimal" value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="online_url" label=t!(i18n, meeting_form.link_label).into_any()
                hint=Some(t!(i18n, meeting_form.link_hint).into_any()) problems=of("online_url")
                control={ let v = input.online_url.clone(); move |id, described, invalid| view! {
                    <input id=id name="online_url" type="url" value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <Field prefix="meeting" name="agenda" label=t!(i18n, meeting_form.agenda_label).into_any()
                hint=Some(t!(i18n, meeting_form.markdown_hint).into_any()) problems=of("agenda")
                control={ let v = input.agenda.clone(); move |id, described, invalid| view! {
                    <textarea id=id name="agenda" rows="8" maxlength=MEETING_TEXT_MAX aria-describedby=described aria-invalid=invalid>{textarea_text(&v)}</textarea>
                } } />
            <Field prefix="meeting" name="capacity" label=t!(i18n, meeting_form.capacity_label).into_any()
                hint=Some(t!(i18n, meeting_form.capacity_hint).into_any()) problems=of("capacity")
                control={ let v = input.capacity.clone(); move |id, described, invalid| view! {
                    <input id=id name="capacity" type="number" min="1" max=MEETING_CAPACITY_MAX value=v aria-describedby=described aria-invalid=invalid />
                } } />
            <button type="submit" class="button">{t!(i18n, meeting_form.save_button)}</button>
        </form>
        {minutes}
    }
}

#[component]
fn MinutesFields(form: MinutesForm, action: String) -> impl IntoView {
    let i18n = use_i18n();
    let MinutesForm { input, problems } = form;
    let of = |field: &str| -> Vec<AnyView> {
        problems
            .iter()
            .filter(|p| p.field() == field)
            .map(minutes_problem_text)
            .collect()
    };
    view! {
        <section id="minutes" class="panel" aria-labelledby="minutes-form-heading">
            <h2 id="minutes-form-heading">{t!(i18n, meeting_form.minutes_heading)}</h2>
            <form method="post" action=action class="stacked-form">
                <Field prefix="minutes" name="minutes" label=t!(i18n, meeting_form.minutes_label).into_any()
                    hint=Some(t!(i18n, meeting_form.markdown_hint).into_any()) problems=of("minutes")
                    control={ let v = input.minutes.clone(); move |id, described, invalid| view! {
                        <textarea id=id name="minutes" rows="10" maxlength=MEETING_TEXT_MAX aria-describedby=described aria-invalid=invalid>{textarea_text(&v)}</textarea>
                    } } />
                <Field prefix="minutes" name="attendance" label=t!(i18n, meeting_form.attendance_label).into_any() problems=of("attendance")
                    control={ let v = input.attendance.clone(); move |id, described, invalid| view! {
                        <input id=id name="attendance" type="number" min="0" value=v aria-describedby=described aria-invalid=invalid />
                    } } />
                <Field prefix="minutes" name="outcomes" label=t!(i18n, meeting_form.outcomes_label).into_any()
                    hint=Some(t!(i18n, meeting_form.outcomes_hint).into_any()) problems=of("outcomes")
                    control={ let v = input.outcomes.clone(); move |id, described, invalid| view! {
                        <input id=id name="outcomes" type="text" value=v aria-describedby=described aria-invalid=invalid />
                    } } />
                <button type="submit" class="button">{t!(i18n, meeting_form.save_minutes_button)}</button>
            </form>
        </section>
    }
}
