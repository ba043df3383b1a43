//! A meeting's local day and times in its time zone, and back: the form
//! gives `2027-03-28`, `19:00`–`21:00`, `Europe/Brussels`; the table keeps
//! UTC instants and the zone. The zone's rules come from the time zone
//! database (the system's, or the copy built into the binary).

use app::consult::meeting::MeetingProblem;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, civil};

/// The meeting's moments in UTC (`2027-03-28T17:00:00Z`), or why the day
/// and times do not place in the zone.
pub fn to_utc(
    date: (i16, i8, i8),
    start: (i8, i8),
    end: (i8, i8),
    zone: &str,
) -> Result<(String, String), MeetingProblem> {
    let tz = TimeZone::get(zone).map_err(|_| MeetingProblem::TimeZoneUnknown)?;
    let day = civil::Date::new(date.0, date.1, date.2).map_err(|_| MeetingProblem::DateInvalid)?;
    let place = |(hour, minute): (i8, i8), problem: MeetingProblem| {
        let time = civil::Time::new(hour, minute, 0, 0).map_err(|_| problem)?;
        let ambiguous = tz.to_ambiguous_zoned(day.to_datetime(time));
        if matches!(ambiguous.offset(), AmbiguousOffset::Gap { .. }) {
            return Err(MeetingProblem::TimeSkipped);
        }
        // In a fold (the clocks go back) the earlier of the two moments.
        let zoned = ambiguous.earlier().map_err(|_| problem)?;
        Ok(utc_text(zoned.timestamp()))
    };
    let starts = place(start, MeetingProblem::StartInvalid)?;
    let ends = place(end, MeetingProblem::EndInvalid)?;
    if ends <= starts {
        return Err(MeetingProblem::EndInvalid);
    }
    Ok((starts, ends))
}

/// Plaza's one form of a moment: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn utc_text(moment: Timestamp) -> String {
    moment.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A UTC moment in `zone`: its day (`YYYY-MM-DD`), time (`HH:MM`) and
/// offset (`+01:00`). A moment or zone that does not read is shown in UTC.
pub fn local(utc: &str, zone: &str) -> (String, String, String) {
    let moment: Timestamp = utc.parse().unwrap_or(Timestamp::UNIX_EPOCH);
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    let zoned = moment.to_zoned(tz);
    (
        zoned.strftime("%Y-%m-%d").to_string(),
        zoned.strftime("%H:%M").to_string(),
        zoned.strftime("%:z").to_string(),
    )
}

/// Whether the server knows `zone`.
pub fn is_known(zone: &str) -> bool {
    TimeZone::get(zone).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_become_utc_with_the_zones_rules() {
        // Winter (UTC+1) and summer (UTC+2) in Brussels.
        assert_eq!(
            to_utc((2027, 1, 14), (19, 0), (21, 30), "Europe/Brussels"),
            Ok(("2027-01-14T18:00:00Z".into(), "2027-01-14T20:30:00Z".into()))
        );
        assert_eq!(
            to_utc((2027, 6, 14), (19, 0), (21, 0), "Europe/Brussels"),
            Ok(("2027-06-14T17:00:00Z".into(), "2027-06-14T19:00:00Z".into()))
        );
        assert_eq!(
            local("2027-06-14T17:00:00Z", "Europe/Brussels"),
            ("2027-06-14".into(), "19:00".into(), "+02:00".into())
        );
    }

    #[test]
    fn a_skipped_time_or_an_unknown_zone_is_refused() {
        // Clocks go from 02:00 to 03:00 on 28 March 2027 in Brussels.
        assert_eq!(
            to_utc((2027, 3, 28), (2, 30), (4, 0), "Europe/Brussels"),
            Err(MeetingProblem::TimeSkipped)
        );
        assert_eq!(
            to_utc((2027, 3, 28), (19, 0), (20, 0), "Europe/Gent"),
            Err(MeetingProblem::TimeZoneUnknown)
        );
        assert!(is_known("America/New_York"));
    }
}
