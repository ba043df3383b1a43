//! The demo consultation's meetings: a walk along the quay held twelve
//! days ago (in person, with its minutes, attendance and the proposals it
//! led to) and an evening session in five days (hybrid: the town hall and
//! the city's video room), with demo citizens registered.

use app::consult::meeting::{MeetingFormat, RegistrationStatus};
use jiff::{SignedDuration, Timestamp};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::meeting_registrations as registrations;
use crate::consult::meetings::{self, MeetingContent};
use crate::consult::{meeting_outcomes, meeting_time};

const ZONE: &str = "Europe/Brussels";

/// The day `days` from today in the demo city, at `start`–`end` local time.
fn when(days: i64, start: (i8, i8), end: (i8, i8)) -> anyhow::Result<(String, String)> {
    let day = Timestamp::now()
        .checked_add(SignedDuration::from_hours(24 * days))?
        .in_tz(ZONE)?
        .date();
    meeting_time::to_utc((day.year(), day.month(), day.day()), start, end, ZONE)
        .map_err(|p| anyhow::anyhow!("the demo meeting's time does not place: {p:?}"))
}

const WALK_AGENDA: &str = "We walk the whole route with the city's traffic engineer, from the station to the old harbour, and stop at the three places where most of your proposals are:\n\n1. the crossing at the Lange Brug,\n2. the bus stop at the Zoutmarkt,\n3. the delivery bays at the fish market.\n\nWear good shoes; the walk takes about an hour and a half and ends with coffee at the harbour office.";

const WALK_MINUTES: &str = "Twenty-four people walked the route with the traffic engineer and two members of the participation team.\n\n**At the Lange Brug** most walkers agreed that a separate light for bicycles is the first thing to do; the engineer explained that the counts of the bicycle counter behind the bridge support it.\n\n**At the Zoutmarkt** the bus stop island was discussed at length: the bus company will be asked for its passenger counts before a choice is made.\n\n**At the fish market** traders asked for loading hours rather than fewer bays. The team will bring a proposal to the next session.";

const EVENING_AGENDA: &str = "An evening for everyone who cannot come during the day, in the town hall and online:\n\n- what the survey and the walk told us (20 minutes),\n- the proposals with the most supports, presented by their authors,\n- questions to the alderman for mobility.\n\nSign-language interpretation is available in the room.";

/// Seeds the meetings of process `process_id`; `citizens` register.
pub async fn seed(
    db: &mut AnyConnection,
    process_id: &str,
    citizens: &[AccountId],
) -> anyhow::Result<()> {
    let (starts_at, ends_at) = when(-12, (10, 0), (11, 30))?;
    let walk = MeetingContent {
        title: "A walk along the Havenkade with the traffic engineer".into(),
        format: MeetingFormat::InPerson,
        starts_at,
        ends_at,
        time_zone: ZONE.into(),
        address: Some("Meet at the station's main entrance, Stationsplein 1, Havenstad".into()),
        point: Some((51.2195, 4.3985)),
        online_url: None,
        agenda: WALK_AGENDA.into(),
        capacity: Some(30),
    };
    let walk_number = meetings::create(db, process_id, &walk).await?;
    for citizen in citizens.iter().take(6) {
        registrations::add(
            db,
            process_id,
            walk_number,
            citizen,
            RegistrationStatus::Registered,
        )
        .await?;
        meetings::count(db, process_id, walk_number, 1, 0).await?;
    }
    meetings::set_minutes(db, process_id, walk_number, WALK_MINUTES, Some(24)).await?;
    meeting_outcomes::set(db, process_id, walk_number, &[1, 3]).await?;

    let (starts_at, ends_at) = when(5, (19, 30), (21, 30))?;
    let evening = MeetingContent {
        title: "Evening session: what we heard, and questions to the alderman".into(),
        format: MeetingFormat::Hybrid,
        starts_at,
        ends_at,
        time_zone: ZONE.into(),
        address: Some("Town hall, council room, Grote Markt 1, Havenstad".into()),
        point: Some((51.2213, 4.4051)),
        online_url: Some("https://meet.jit.si/havenstad-havenkade-evening".into()),
        agenda: EVENING_AGENDA.into(),
        capacity: Some(40),
    };
    let evening_number = meetings::create(db, process_id, &evening).await?;
    for citizen in citizens.iter().skip(3).take(4) {
        registrations::add(
            db,
            process_id,
            evening_number,
            citizen,
            RegistrationStatus::Registered,
        )
        .await?;
        meetings::count(db, process_id, evening_number, 1, 0).await?;
    }
    Ok(())
}
