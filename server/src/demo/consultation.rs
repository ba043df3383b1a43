//! The demo city's consultation: a plan for a cycle route along the
//! Havenkade, in its supports phase when the demo is seeded, with its
//! evidence in the demo catalog, a dozen proposals (some located, some
//! answered) and supports from demo citizens, all written in one
//! transaction.

use anyhow::Context;
use app::consult::{Alignment, Phase, PhaseKind, ProposalContent, ProposalState};

use crate::auth::AccountId;
use crate::auth::accounts::{NewAccount, create_account};
use crate::consult::citations::{self, Cited, PROCESS_EVIDENCE};
use crate::consult::comments::{self, NewComment};
use crate::consult::processes::{self, Area, NewProcess};
use crate::consult::{proposals, supports};
use crate::store::{Stores, Timestamp};

const DAY: i64 = 86_400;

/// The demo consultation's short name.
const SLUG: &str = "havenkade-cycle-route";

const BODY: &str = "The Havenkade links the station to the old harbour, and 6,000 cyclists use it \
on a working day, between parked cars and buses. The city proposes a two-way cycle track on the \
water side, a 30 km/h limit, and new trees where parking spaces go.\n\n\
## What we know\n\n\
- The **bicycle counters** show the route's use by hour and season.\n\
- **Air quality** measurements along the quay show where traffic weighs most.\n\
- The **district boundaries** and the **2026 budget** set what can be done, and where.\n\n\
## What we ask you\n\n\
Tell us what would make the route work for you: propose changes, support the proposals you \
agree with, and discuss them. The city answers every proposal that reaches 10 supports.";

/// (title, body, point, place, cites, answer)
type DemoProposal = (
    &'static str,
    &'static str,
    Option<(f64, f64)>,
    Option<&'static str>,
    &'static [&'static str],
    Option<(ProposalState, &'static str)>,
);

const PROPOSALS: &[DemoProposal] = &[
    (
        "Protected crossing at the station square",
        "The crossing from the station to the quay is where cyclists and buses meet. A raised, signalled crossing with its own bicycle light would make it safe.",
        Some((51.2212, 4.4012)),
        Some("Station square"),
        &["datasets/bicycle-counts"],
        Some((
            ProposalState::Accepted,
            "The crossing is part of the final design. Works are planned for spring 2027.",
        )),
    ),
    (
        "Keep the Saturday market on the quay",
        "The market needs space on Saturday mornings. The track can run behind the stalls with a clear lane for deliveries.",
        Some((51.2241, 4.4078)),
        Some("Havenkade, market square"),
        &[],
        Some((
            ProposalState::Evaluating,
            "The market organisers and the mobility department are studying two layouts.",
        )),
    ),
    (
        "More trees instead of parking",
        "Every parking space removed could become a tree pit. The quay is the hottest street of the district in summer.",
        None,
        None,
        &["datasets/street-trees", "datasets/air-quality"],
        None,
    ),
    (
        "Covered bicycle parking at the ferry",
        "Commuters leave their bikes at the ferry all day. Covered racks for 200 bicycles would keep them dry and free the pavement.",
        Some((51.2268, 4.4139)),
        Some("Ferry landing"),
        &["datasets/bicycle-counts"],
        None,
    ),
    (
        "30 km/h on the whole quay",
        "A speed limit only on half the quay will not be respected. Make the whole Havenkade 30 km/h, with the same paving.",
        None,
        None,
        &[],
        Some((
            ProposalState::Accepted,
            "The limit will apply to the whole quay from the station to the harbour.",
        )),
    ),
    (
        "Lighting along the water side",
        "The water side is dark in winter. Low lights along the track would make it usable in the evening without lighting up the houses.",
        Some((51.2250, 4.4101)),
        None,
        &[],
        None,
    ),
    (
        "A bus lane, not only a cycle track",
        "Buses are stuck in the same traffic. A bus lane in both directions would help as many people as the cycle track.",
        None,
        None,
        &["datasets/city-budget-2026"],
        Some((
            ProposalState::Rejected,
            "The quay is too narrow for both a two-way track and bus lanes; the buses get priority at the lights instead.",
        )),
    ),
    (
        "Benches facing the harbour",
        "Along the new track, a few benches facing the water would make the quay a place to stay, not only to pass.",
        Some((51.2259, 4.4120)),
        Some("Old harbour"),
        &[],
        None,
    ),
    (
        "Count the cyclists after the works",
        "Keep the counters where they are and publish the counts before and after, so everyone can see whether the route works.",
        None,
        None,
        &["datasets/bicycle-counts"],
        None,
    ),
    (
        "Safe school route through the Oosterwijk",
        "Children from the Oosterwijk cross the quay to reach school. A school street at the crossing would help in the morning.",
        Some((51.2230, 4.4155)),
        Some("Oosterwijk school"),
        &["datasets/districts"],
        None,
    ),
    (
        "Public toilets at the harbour end",
        "There are no toilets between the station and the harbour. One at the harbour end would serve cyclists and market visitors.",
        None,
        Some("Harbour end"),
        &["datasets/public-toilets"],
        None,
    ),
    (
        "Wider track at the bridge",
        "At the bridge the plan narrows the track to 2.5 m. At peak hours that is too narrow for two directions.",
        Some((51.2237, 4.4050)),
        Some("Havenbrug"),
        &[],
        None,
    ),
];

const CITIZENS: &[&str] = &[
    "Amira", "Jonas", "Lotte", "Mehmet", "Sofia", "Pieter", "Noor", "Lucas",
];

/// Seeds the consultation; `base` is the catalog's base IRI.
pub async fn seed(stores: &Stores, base: &str) -> anyhow::Result<()> {
    let now = Timestamp::now()
        .unix_seconds()
        .context("the clock gives a moment")? as i64;
    let at = |days: i64| Timestamp::from_unix((now + days * DAY) as u64).into_string();
    let phase = |kind, from, to| Phase {
        kind,
        starts_at: at(from),
        ends_at: at(to),
    };
    let mut tx = stores.sql.begin().await?;
    // Seeding again (`plaza seed-demo`) replaces the catalog's demo graphs;
    // the consultation and its people are kept as they are.
    if processes::by_slug(&mut tx, SLUG).await?.is_some() {
        return Ok(());
    }
    let mut citizens: Vec<AccountId> = Vec::new();
    for (i, name) in CITIZENS.iter().enumerate() {
        let email = format!("citizen{}@havenstad.example", i + 1);
        let account = create_account(
            &mut tx,
            NewAccount {
                email: &email,
                password: None,
                pseudonym: name,
                email_verified: true,
            },
        )
        .await
        .with_context(|| format!("Failed to create the demo citizen {name}"))?;
        citizens.push(account.id);
    }
    let process = processes::create(
        &mut tx,
        &NewProcess {
            slug: SLUG.into(),
            title: "A safe cycle route along the Havenkade".into(),
            summary: "A two-way cycle track, 30 km/h and new trees on the Havenkade, from the station to the old harbour. Read the evidence, propose, support and discuss.".into(),
            body: BODY.into(),
            area: Some(Area::Bbox([4.395, 51.218, 4.420, 51.230])),
            organisation: Some(crate::auth::OrganisationId::from_stored("havenstad")),
            max_supports: Some(5),
            support_threshold: Some(10),
            phases: vec![
                phase(PhaseKind::Information, -45, -35),
                phase(PhaseKind::Proposals, -35, -14),
                phase(PhaseKind::Deliberation, -14, -7),
                phase(PhaseKind::Supports, -7, 21),
                phase(PhaseKind::Results, 21, 60),
            ],
        },
    )
    .await
    .context("Failed to create the demo consultation")?;
    let cite = |paths: &[&str]| -> Vec<Cited> {
        paths
            .iter()
            .map(|p| Cited {
                iri: format!("{base}{p}"),
                version: 1,
            })
            .collect()
    };
    citations::replace(
        &mut tx,
        &process.id,
        PROCESS_EVIDENCE,
        &cite(&[
            "datasets/bicycle-counts",
            "datasets/air-quality",
            "datasets/districts",
            "datasets/city-budget-2026",
        ]),
    )
    .await?;
    let moderator = create_account(
        &mut tx,
        NewAccount {
            email: "participation@havenstad.example",
            password: None,
            pseudonym: "Havenstad participation team",
            email_verified: true,
        },
    )
    .await
    .context("Failed to create the demo moderator")?
    .id;
    crate::auth::accounts::set_role(&mut tx, &moderator, crate::auth::Role::Moderator).await?;
    let moderator = &moderator;
    for (i, (title, body, point, place, cites, answer)) in PROPOSALS.iter().enumerate() {
        let number = processes::next_proposal_number(&mut tx, &process.id).await?;
        let author = &citizens[i % citizens.len()];
        let content = ProposalContent {
            title: (*title).into(),
            body: (*body).into(),
            point: *point,
            place: place.map(Into::into),
            citations: Vec::new(),
        };
        proposals::create(&mut tx, &process.id, number, author, &content).await?;
        citations::replace(&mut tx, &process.id, number, &cite(cites)).await?;
        if let Some((state, text)) = answer {
            proposals::answer(&mut tx, &process.id, number, *state, text, moderator).await?;
        }
        // Earlier proposals have more supporters; at most five each, as the
        // process allows.
        let supporters = citizens.len().saturating_sub(i * 2 / 3);
        for citizen in citizens.iter().rev().take(supporters) {
            if supports::given_in(&mut tx, &process.id, citizen).await? < 5
                && supports::add(&mut tx, &process.id, number, citizen).await?
            {
                proposals::count_support(&mut tx, &process.id, number, 1).await?;
            }
        }
    }
    // Comment threads on the first proposals: a view, a reply, a reply to
    // the reply, with their alignments.
    for (number, thread) in THREADS.iter().enumerate() {
        let number = number as i64 + 1;
        let mut parent: Option<crate::consult::comments::Comment> = None;
        for (i, (body, alignment, reply)) in thread.iter().enumerate() {
            let author = &citizens[(number as usize + i + 3) % citizens.len()];
            let new = NewComment {
                process_id: &process.id,
                proposal_number: number,
                parent: if *reply { parent.as_ref() } else { None },
                author,
                body,
                alignment: *alignment,
            };
            let id = comments::create(&mut tx, &new).await?;
            proposals::count_comment(&mut tx, &process.id, number, 1).await?;
            parent = comments::get(&mut tx, &id).await?;
        }
    }
    super::surveys::seed(&mut tx, &process.id, &citizens)
        .await
        .context("Failed to create the demo surveys")?;
    super::meetings::seed(&mut tx, &process.id, &citizens)
        .await
        .context("Failed to create the demo meetings")?;
    super::closed_process::seed(&mut tx, base, &citizens, moderator)
        .await
        .context("Failed to create the demo's closed consultation")?;
    tx.commit().await?;
    Ok(())
}

/// (text, alignment, whether it replies to the comment before it)
type DemoThread = &'static [(&'static str, Alignment, bool)];

const THREADS: &[DemoThread] = &[
    &[
        (
            "The crossing is the worst part of my daily ride. A separate light for bicycles would change everything.",
            Alignment::InFavour,
            false,
        ),
        (
            "Agreed, but the buses must not wait longer than today.",
            Alignment::Neutral,
            true,
        ),
        (
            "The counters show most cyclists pass before 9: the lights could favour them only then.",
            Alignment::InFavour,
            true,
        ),
        (
            "A raised crossing will slow down the ambulances from the station side.",
            Alignment::Against,
            false,
        ),
    ],
    &[
        (
            "The market is why people come to the quay on Saturdays. Please keep it.",
            Alignment::InFavour,
            false,
        ),
        (
            "Deliveries at 6 in the morning block the track already today.",
            Alignment::Against,
            false,
        ),
    ],
    &[
        (
            "The street trees data shows only 12 trees on the whole quay. More shade is overdue.",
            Alignment::InFavour,
            false,
        ),
        (
            "Trees are fine, but where do residents park then?",
            Alignment::Against,
            false,
        ),
        (
            "In the underground car park by the station, which is half empty at night.",
            Alignment::Neutral,
            true,
        ),
    ],
];
