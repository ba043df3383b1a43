//! Moments as Plaza writes them: UTC, RFC 3339 to the second
//! (`2026-01-31T12:00:00Z`), the text of every `*_at` column and of the
//! catalog records' `dct:issued` and `dct:modified`.
//!
//! Expiries (`expires_at`, a BIGINT of seconds since 1970) stay `i64`:
//! each is computed or compared where its table's module writes or reads
//! it (`unix_now() + SESSION_SECONDS`), never handed from one function to
//! another, so there is nothing to mix them up with.

use std::fmt;

/// A moment in Plaza's RFC 3339 form. It is its own type, not a `String`,
/// so that where a moment travels with other text it cannot take that
/// text's place, nor the other way round: a version's record IRI, N-Quads
/// and results (`history::NewVersion`), a kept report's file name, mode and
/// outcome (`import_reports::StoredReport`), the importer's `now` next to
/// IRIs, and a record's `issued` and `modified` (`RecordFacts`). Swapped
/// with that text, they do not compile (and a setting's name is a
/// `settings::SettingName`, so the demo's seeding time cannot take its
/// place either). Two moments are still the same type; no function takes
/// two. It is bound to SQL as `.bind(ts.as_str())`, like the ids of
/// `auth::ids`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// The current UTC time, to the second, without a date crate.
    pub fn now() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        Timestamp::from_unix(secs)
    }

    /// A moment read from a column or from Plaza's own catalog record,
    /// which Plaza wrote; it is kept as it is.
    pub fn from_stored(text: impl Into<String>) -> Self {
        Timestamp(text.into())
    }

    /// The RFC 3339 text, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The RFC 3339 text, for a view that shows it.
    pub fn into_string(self) -> String {
        self.0
    }

    /// Seconds since 1970 of a moment in Plaza's own form
    /// (`2026-01-31T12:00:00Z`); `None` for any other text.
    pub fn unix_seconds(&self) -> Option<u64> {
        let s = self.0.as_bytes();
        let well_formed = s.len() == 20
            && s[19] == b'Z'
            && s[10] == b'T'
            && [4, 7].iter().all(|&i| s[i] == b'-')
            && [13, 16].iter().all(|&i| s[i] == b':');
        if !well_formed {
            return None;
        }
        let number = |range: std::ops::Range<usize>| self.0.get(range)?.parse::<u32>().ok();
        let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (h, min, sec) = (number(11..13)?, number(14..16)?, number(17..19)?);
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || h > 23 || min > 59 || sec > 60 {
            return None;
        }
        let days = u64::try_from(days_from_civil(i64::from(y), m, d)).ok()?;
        Some(days * 86_400 + u64::from(h * 3600 + min * 60 + sec))
    }

    /// The moment `secs` seconds after 1970.
    pub fn from_unix(secs: u64) -> Self {
        let (y, m, d) = civil_from_days((secs / 86_400) as i64);
        let rem = secs % 86_400;
        Timestamp(format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            rem / 3600,
            (rem % 3600) / 60,
            rem % 60
        ))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A proleptic Gregorian date to days since 1970-01-01 (the inverse of
/// [`civil_from_days`]).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_computed_from_unix_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_417), (2025, 11, 25));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn moments_are_written_in_rfc_3339_to_the_second() {
        assert_eq!(Timestamp::from_unix(0).as_str(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Timestamp::from_unix(20_417 * 86_400 + 36_000 + 61).as_str(),
            "2025-11-25T10:01:01Z"
        );
        assert_eq!(Timestamp::now().as_str().len(), 20);
    }

    #[test]
    fn a_moment_reads_back_as_the_seconds_it_was_written_from() {
        for secs in [0, 951_782_400, 20_417 * 86_400 + 36_061, 4_102_444_799] {
            assert_eq!(Timestamp::from_unix(secs).unix_seconds(), Some(secs));
        }
        assert_eq!(Timestamp::from_stored("2026-01-31").unix_seconds(), None);
        assert_eq!(
            Timestamp::from_stored("2026-01-31T12:00:00+02:00").unix_seconds(),
            None
        );
        assert_eq!(
            Timestamp::from_stored("2026-13-31T12:00:00Z").unix_seconds(),
            None
        );
    }
}
