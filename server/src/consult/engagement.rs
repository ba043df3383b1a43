//! Engagement figures without tracking: how many took part in a process
//! and how, counted in SQL from what people did — proposals, supports,
//! comments, survey responses, meeting registrations — and never from
//! page views, cookies or addresses (Plaza records none of those). A read
//! model over the participation tables; it writes nothing.

use app::consult::results::{Counts, Engagement, PhaseCounts, WeekCounts};
use jiff::civil::Date;
use sqlx::{AnyConnection, Row};

use crate::consult::processes::Process;

/// Each contribution of process `$1` with its kind and its author, from
/// the tables that record them (hidden and deleted ones left out).
const CONTRIBUTIONS: &str = "\
    SELECT 'proposals' AS kind, author_id AS account_id, created_at FROM consult_proposals \
        WHERE process_id = $1 AND hidden_at IS NULL \
    UNION ALL SELECT 'supports', account_id, created_at FROM consult_supports \
        WHERE process_id = $1 \
    UNION ALL SELECT 'comments', author_id, created_at FROM consult_comments \
        WHERE process_id = $1 AND hidden_at IS NULL AND deleted_at IS NULL \
    UNION ALL SELECT 'responses', account_id, created_at FROM consult_survey_responses \
        WHERE process_id = $1 \
    UNION ALL SELECT 'registrations', account_id, registered_at FROM consult_meeting_registrations \
        WHERE process_id = $1";

fn add(counts: &mut Counts, kind: &str, n: i64) {
    match kind {
        "proposals" => counts.proposals += n,
        "supports" => counts.supports += n,
        "comments" => counts.comments += n,
        "responses" => counts.responses += n,
        _ => counts.registrations += n,
    }
}

/// The Monday of the week of `day` (`YYYY-MM-DD`).
fn monday(day: &str) -> String {
    match day.parse::<Date>() {
        Ok(date) => {
            let back = i64::from(date.weekday().to_monday_zero_offset());
            date.checked_sub(jiff::Span::new().days(back))
                .unwrap_or(date)
                .to_string()
        }
        Err(_) => day.to_owned(),
    }
}

/// Process `process`'s engagement figures.
pub async fn of_process(
    db: &mut AnyConnection,
    process: &Process,
) -> Result<Engagement, sqlx::Error> {
    // Hourly buckets: fine enough to place each in its phase (phases begin
    // and end on the hour), few enough to stay small.
    let buckets = sqlx::query(&format!(
        "SELECT kind, SUBSTR(created_at, 1, 13) AS hour, COUNT(*) FROM ({CONTRIBUTIONS}) t \
         GROUP BY kind, SUBSTR(created_at, 1, 13) ORDER BY hour"
    ))
    .bind(&process.id)
    .fetch_all(&mut *db)
    .await?;
    let participants: i64 = sqlx::query(&format!(
        "SELECT COUNT(DISTINCT account_id) FROM ({CONTRIBUTIONS}) t"
    ))
    .bind(&process.id)
    .fetch_one(&mut *db)
    .await?
    .get(0);
    let mut counts = Counts::default();
    let mut phases: Vec<PhaseCounts> = process
        .timeline
        .phases()
        .iter()
        .map(|p| PhaseCounts {
            phase: p.kind,
            counts: Counts::default(),
        })
        .collect();
    let mut weeks: Vec<WeekCounts> = Vec::new();
    for row in &buckets {
        let kind: String = row.get(0);
        let hour: String = row.get(1);
        let n: i64 = row.get(2);
        add(&mut counts, &kind, n);
        let moment = format!("{hour}:00:00Z");
        if let Some(i) = process
            .timeline
            .phases()
            .iter()
            .position(|p| p.runs_at(&moment))
        {
            add(&mut phases[i].counts, &kind, n);
        }
        let week = monday(hour.get(..10).unwrap_or(&hour));
        match weeks.iter_mut().find(|w| w.week == week) {
            Some(w) => add(&mut w.counts, &kind, n),
            None => {
                let mut c = Counts::default();
                add(&mut c, &kind, n);
                weeks.push(WeekCounts { week, counts: c });
            }
        }
    }
    weeks.sort_by(|a, b| a.week.cmp(&b.week));
    let points = sqlx::query(
        "SELECT latitude, longitude FROM consult_proposals WHERE process_id = $1 \
         AND hidden_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL",
    )
    .bind(&process.id)
    .fetch_all(&mut *db)
    .await?;
    let inside = points
        .iter()
        .filter(|r| {
            process
                .area
                .as_ref()
                .is_none_or(|a| a.holds(r.get::<f64, _>(0), r.get::<f64, _>(1)))
        })
        .count() as i64;
    Ok(Engagement {
        participants,
        counts,
        phases,
        weeks,
        located: (points.len() as i64, inside),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn weeks_begin_on_monday() {
        assert_eq!(super::monday("2026-12-04"), "2026-11-30");
        assert_eq!(super::monday("2026-11-30"), "2026-11-30");
        assert_eq!(super::monday("2027-01-03"), "2026-12-28");
    }
}
