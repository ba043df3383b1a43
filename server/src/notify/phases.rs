//! Phase starts: a phase begins by the clock, not by a change, so a task
//! (`watch`) looks every minute for phases running now whose followers
//! were not told yet. The table `notify_phase_starts` remembers the phases
//! told; its primary key makes sure only one of several instances tells.

use std::time::Duration;

use app::account::NotificationEvent;
use sqlx::AnyConnection;

use crate::consult::processes;
use crate::notify::follows::{self, Subject};
use crate::notify::inbox::{self, About};
use crate::store::{SqlStore, Timestamp};

/// Claims the start of phase `kind` of `process_id`; `false` if it was
/// claimed before.
async fn claim(db: &mut AnyConnection, process_id: &str, kind: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO notify_phase_starts (process_id, kind, told_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(process_id)
    .bind(kind)
    .bind(Timestamp::now().as_str())
    .execute(&mut *db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Tells the followers of every process whose current phase began since
/// the last look; how many phase starts were told.
pub async fn tell_started(sql: &SqlStore) -> Result<usize, sqlx::Error> {
    let now = Timestamp::now();
    let all = processes::all(&mut *sql.conn().await?).await?;
    let mut told = 0;
    for process in all {
        let Some(phase) = process.timeline.current(now.as_str()) else {
            continue;
        };
        let mut tx = sql.begin().await?;
        if !claim(&mut tx, &process.id, phase.kind.code()).await? {
            continue;
        }
        let subject = Subject {
            process_id: &process.id,
            number: 0,
        };
        let about = About {
            process_id: &process.id,
            number: 0,
            comment_id: None,
        };
        for account in follows::followers(&mut tx, subject).await? {
            let event = NotificationEvent::PhaseStarted(phase.kind);
            inbox::add(&mut tx, &account, event, about).await?;
        }
        tx.commit().await?;
        told += 1;
    }
    Ok(told)
}

/// Looks for phase starts every minute, for as long as Plaza runs.
pub fn watch(sql: SqlStore) {
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            match tell_started(&sql).await {
                Ok(0) => {}
                Ok(told) => tracing::info!(told, "followers told of phase starts"),
                Err(err) => tracing::warn!("telling followers of phase starts failed: {err}"),
            }
        }
    });
}
