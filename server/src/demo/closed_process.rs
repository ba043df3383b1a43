//! The demo city's second consultation, closed and in its results phase:
//! school streets free of cars at school times, with answered proposals,
//! supports, comments, a meeting held with its minutes and the city's
//! summary. Its results dataset is published in the catalog once seeded.

use app::consult::meeting::MeetingFormat;
use app::consult::{Alignment, Phase, PhaseKind, ProposalContent, ProposalState};
use sqlx::AnyConnection;

use crate::auth::AccountId;
use crate::consult::citations::{self, Cited, PROCESS_EVIDENCE};
use crate::consult::comments::{self, NewComment};
use crate::consult::meetings::{self, MeetingContent};
use crate::consult::processes::{self, Area, NewProcess};
use crate::consult::{meeting_outcomes, proposals, results, supports};
use crate::store::Timestamp;

/// Its short name.
pub const SLUG: &str = "school-streets";

const DAY: i64 = 86_400;

const BODY: &str = "Five primary schools open onto streets where parents' cars, delivery vans \
and through traffic meet children on foot and on bikes. The city proposes **school streets**: \
closed to motor traffic for half an hour when school begins and ends, open to residents, \
emergency services and people with a disability card.\n\n\
The street trees and air-quality measurements in the catalog show where the streets are \
greenest and where the air is worst at school times.";

const SUMMARY: &str = "Over five weeks, parents, pupils, teachers and residents sent proposals, \
supported them and came to a meeting at the Brugschool.\n\n\
**What we will do.** From the next school year, the streets of the Brugschool and the \
Zeeheldenschool become school streets, with a movable barrier staffed by volunteers and the \
city's stewards. The Lindenlaan gets a raised crossing.\n\n\
**What we will not do.** Closing the Kaaistraat all day would cut off the fish market's \
deliveries; we will look at loading hours instead.";

/// (title, body, state and answer, supporters)
type Closed = (
    &'static str,
    &'static str,
    Option<(ProposalState, &'static str)>,
    usize,
);

const PROPOSALS: &[Closed] = &[
    (
        "A school street for the Brugschool",
        "Close the Brugstraat to cars from 8:15 to 8:45 and from 15:15 to 15:45. Parents can park at the sports hall, two minutes away.",
        Some((
            ProposalState::Accepted,
            "Accepted: the Brugstraat becomes a school street from September, with a movable barrier and volunteers.",
        )),
        7,
    ),
    (
        "The same for the Zeeheldenschool",
        "The Zeeheldenstraat is narrow and has no pavement on one side. It needs a school street even more than the Brugstraat.",
        Some((
            ProposalState::Accepted,
            "Accepted, together with the Brugschool.",
        )),
        6,
    ),
    (
        "Close the Kaaistraat all day",
        "Half an hour is not enough: the Kaaistraat should be car-free all day, like a play street.",
        Some((
            ProposalState::Rejected,
            "Rejected: the fish market's deliveries use the Kaaistraat every morning. We will study loading hours with the traders instead.",
        )),
        3,
    ),
    (
        "A raised crossing on the Lindenlaan",
        "Cars speed on the Lindenlaan right where children cross to the park. A raised crossing would slow them down.",
        Some((
            ProposalState::Accepted,
            "Accepted: the raised crossing is in the 2027 road works.",
        )),
        5,
    ),
    (
        "Bike racks at every school gate",
        "If we want children to cycle, they need somewhere to leave their bikes.",
        Some((
            ProposalState::Evaluating,
            "We are counting the bikes at each school to size the racks.",
        )),
        4,
    ),
];

/// Seeds the closed consultation with the demo `citizens`, answered by
/// `moderator`, citing the demo records under `base`.
pub async fn seed(
    db: &mut AnyConnection,
    base: &str,
    citizens: &[AccountId],
    moderator: &AccountId,
) -> anyhow::Result<()> {
    let now = Timestamp::now().unix_seconds().unwrap_or(0) as i64;
    let at = |days: i64| Timestamp::from_unix((now + days * DAY) as u64).into_string();
    let phase = |kind, from, to| Phase {
        kind,
        starts_at: at(from),
        ends_at: at(to),
    };
    let process = processes::create(
        &mut *db,
        &NewProcess {
            slug: SLUG.into(),
            title: "School streets: safer mornings at five schools".into(),
            summary: "Streets closed to cars for half an hour when school begins and ends. The consultation is over: read what the city heard and what it will do.".into(),
            body: BODY.into(),
            area: Some(Area::Bbox([4.398, 51.214, 4.415, 51.226])),
            organisation: Some(crate::auth::OrganisationId::from_stored("havenstad")),
            max_supports: None,
            support_threshold: Some(5),
            phases: vec![
                phase(PhaseKind::Information, -90, -80),
                phase(PhaseKind::Proposals, -80, -60),
                phase(PhaseKind::Supports, -60, -45),
                phase(PhaseKind::Results, -10, 80),
            ],
        },
    )
    .await?;
    citations::replace(
        &mut *db,
        &process.id,
        PROCESS_EVIDENCE,
        &[
            Cited {
                iri: format!("{base}datasets/street-trees"),
                version: 1,
            },
            Cited {
                iri: format!("{base}datasets/air-quality"),
                version: 1,
            },
        ],
    )
    .await?;
    for (i, (title, body, answer, supporters)) in PROPOSALS.iter().enumerate() {
        let number = processes::next_proposal_number(&mut *db, &process.id).await?;
        let content = ProposalContent {
            title: (*title).into(),
            body: (*body).into(),
            point: None,
            place: None,
            citations: Vec::new(),
        };
        let author = &citizens[(i + 2) % citizens.len()];
        proposals::create(&mut *db, &process.id, number, author, &content).await?;
        if let Some((state, text)) = answer {
            proposals::answer(&mut *db, &process.id, number, *state, text, moderator).await?;
        }
        for citizen in citizens.iter().take(*supporters) {
            if supports::add(&mut *db, &process.id, number, citizen).await? {
                proposals::count_support(&mut *db, &process.id, number, 1).await?;
            }
        }
    }
    let comment = NewComment {
        process_id: &process.id,
        proposal_number: 3,
        parent: None,
        author: &citizens[0],
        body: "I understand the deliveries, but then please enforce the loading hours.",
        alignment: Alignment::Neutral,
    };
    comments::create(&mut *db, &comment).await?;
    proposals::count_comment(&mut *db, &process.id, 3, 1).await?;
    let meeting = MeetingContent {
        title: "Evening at the Brugschool".into(),
        format: MeetingFormat::InPerson,
        starts_at: at(-55),
        ends_at: Timestamp::from_unix((now - 55 * DAY + 7200) as u64).into_string(),
        time_zone: "Europe/Brussels".into(),
        address: Some("Brugschool, refectory, Brugstraat 12, Havenstad".into()),
        point: None,
        online_url: None,
        agenda: "The five proposals with the most supports, presented by their authors, and questions to the city's mobility team.".into(),
        capacity: Some(60),
    };
    let number = meetings::create(&mut *db, &process.id, &meeting).await?;
    meetings::set_minutes(
        &mut *db,
        &process.id,
        number,
        "Forty-one parents, teachers and residents came. Most supported school streets at the Brugschool and the Zeeheldenschool; traders from the fish market explained why the Kaaistraat cannot close all day.",
        Some(41),
    )
    .await?;
    meeting_outcomes::set(&mut *db, &process.id, number, &[1, 2, 3]).await?;
    results::set_summary(&mut *db, &process.id, SUMMARY).await?;
    Ok(())
}
