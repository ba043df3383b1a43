//! Consultations for tests: a process whose phase of a given kind is open
//! now, proposals written straight into the store, and signed-in citizens
//! without a password (sessions made in SQL, so hundreds cost nothing).

use app::consult::{Phase, PhaseKind, ProposalContent};
use plaza::auth::AccountId;
use plaza::consult::processes::{self, Area, NewProcess};
use plaza::consult::proposals;
use plaza::store::Timestamp;

use crate::support::TestApp;

fn at(days: i64) -> String {
    let now = Timestamp::now().unix_seconds().unwrap() as i64;
    Timestamp::from_unix((now + days * 86_400) as u64).into_string()
}

/// Creates process `slug` whose `open` phase runs now (an information
/// phase before it, results after), with at most `max_supports` per
/// citizen; returns its id.
pub async fn open_process(
    app: &TestApp,
    slug: &str,
    open: PhaseKind,
    max_supports: Option<u32>,
) -> String {
    let phases = match open {
        PhaseKind::Information => vec![
            Phase {
                kind: PhaseKind::Information,
                starts_at: at(-1),
                ends_at: at(10),
            },
            Phase {
                kind: PhaseKind::Results,
                starts_at: at(10),
                ends_at: at(20),
            },
        ],
        PhaseKind::Results => vec![
            Phase {
                kind: PhaseKind::Information,
                starts_at: at(-10),
                ends_at: at(-1),
            },
            Phase {
                kind: PhaseKind::Results,
                starts_at: at(-1),
                ends_at: at(20),
            },
        ],
        kind => vec![
            Phase {
                kind: PhaseKind::Information,
                starts_at: at(-10),
                ends_at: at(-1),
            },
            Phase {
                kind,
                starts_at: at(-1),
                ends_at: at(10),
            },
            Phase {
                kind: PhaseKind::Results,
                starts_at: at(10),
                ends_at: at(20),
            },
        ],
    };
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let process = processes::create(
        &mut db,
        &NewProcess {
            slug: slug.into(),
            title: format!("Consultation {slug}"),
            summary: "A consultation made by a test.".into(),
            body: "The plan.".into(),
            area: Some(Area::Bbox([4.0, 51.0, 5.0, 52.0])),
            organisation: None,
            max_supports,
            support_threshold: Some(3),
            phases,
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    process.id
}

/// A proposal by `author` in process `process_id`; its number.
pub async fn proposal_by(app: &TestApp, process_id: &str, author: &str, title: &str) -> i64 {
    let sql = app.sql().await;
    let mut tx = sql.begin().await.unwrap();
    let number = processes::next_proposal_number(&mut tx, process_id)
        .await
        .unwrap();
    let content = ProposalContent {
        title: title.into(),
        body: "Written by a test.".into(),
        point: None,
        place: None,
        citations: Vec::new(),
    };
    proposals::create(
        &mut tx,
        process_id,
        number,
        &AccountId::from_stored(author),
        &content,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    sql.close().await;
    number
}

/// `count` citizens without passwords, each with a session: their ids and
/// session cookies ("plaza_session=…").
pub async fn citizens(app: &TestApp, prefix: &str, count: usize) -> Vec<(String, String)> {
    use plaza::auth::accounts::{NewAccount, create_account};
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let mut made = Vec::with_capacity(count);
    for i in 0..count {
        let email = format!("{prefix}{i}@example.org");
        let pseudonym = format!("{prefix}{i}");
        let account = create_account(
            &mut db,
            NewAccount {
                email: &email,
                password: None,
                pseudonym: &pseudonym,
                email_verified: true,
            },
        )
        .await
        .unwrap();
        let session = plaza::auth::start_session(&mut db, &account.id)
            .await
            .unwrap();
        made.push((account.id.to_string(), format!("plaza_session={session}")));
    }
    drop(db);
    sql.close().await;
    made
}

/// The proposal's support counter and its support rows.
pub async fn support_counts(app: &TestApp, process_id: &str, number: i64) -> (i64, i64) {
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let counter = proposals::get(&mut db, process_id, number)
        .await
        .unwrap()
        .unwrap()
        .supports;
    let rows = plaza::consult::supports::count(&mut db, process_id, number)
        .await
        .unwrap();
    drop(db);
    sql.close().await;
    (counter, rows)
}

/// A comment by `author` on process `process_id` itself; its id.
pub async fn comment_by(app: &TestApp, process_id: &str, author: &str, body: &str) -> String {
    use plaza::consult::comments::{NewComment, create};
    let sql = app.sql().await;
    let mut db = sql.conn().await.unwrap();
    let id = create(
        &mut db,
        &NewComment {
            process_id,
            proposal_number: 0,
            parent: None,
            author: &AccountId::from_stored(author),
            body,
            alignment: app::consult::Alignment::Neutral,
        },
    )
    .await
    .unwrap();
    drop(db);
    sql.close().await;
    id
}
