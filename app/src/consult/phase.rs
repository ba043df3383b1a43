//! A process's phases and what the clock makes of them: which phase is
//! current, whether the process is upcoming, open or past, and what is open
//! to citizens now. Both sides use it: the server decides with it, pages
//! show its answers.

use serde::{Deserialize, Serialize};

/// The kinds of phase a process may have, in the only order they may come.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum PhaseKind {
    /// The city informs: evidence and plan only.
    #[default]
    Information,
    /// Citizens write proposals.
    Proposals,
    /// Citizens discuss proposals (comments stay open).
    Deliberation,
    /// Citizens support proposals.
    Supports,
    /// The city publishes its answers.
    Results,
}

impl PhaseKind {
    /// Every kind, in order.
    pub const ALL: [PhaseKind; 5] = [
        PhaseKind::Information,
        PhaseKind::Proposals,
        PhaseKind::Deliberation,
        PhaseKind::Supports,
        PhaseKind::Results,
    ];

    /// The kind's code in SQL and in addresses.
    pub fn code(self) -> &'static str {
        match self {
            PhaseKind::Information => "information",
            PhaseKind::Proposals => "proposals",
            PhaseKind::Deliberation => "deliberation",
            PhaseKind::Supports => "supports",
            PhaseKind::Results => "results",
        }
    }

    /// The kind whose code is `code`.
    pub fn from_code(code: &str) -> Option<PhaseKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Whether a process has started, is running or is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum ProcessStatus {
    /// Its first phase has not begun.
    Upcoming,
    /// Between the start of its first phase and the end of its last.
    Open,
    /// Its last phase is over.
    Past,
}

impl ProcessStatus {
    /// Every status, in the order the list shows them.
    pub const ALL: [ProcessStatus; 3] = [
        ProcessStatus::Open,
        ProcessStatus::Upcoming,
        ProcessStatus::Past,
    ];

    /// The status's code in addresses.
    pub fn code(self) -> &'static str {
        match self {
            ProcessStatus::Upcoming => "upcoming",
            ProcessStatus::Open => "open",
            ProcessStatus::Past => "past",
        }
    }

    /// The status whose code is `code`.
    pub fn from_code(code: &str) -> Option<ProcessStatus> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One phase: its kind and its dates (RFC 3339, UTC: `2026-05-01T00:00:00Z`;
/// they compare as text). It runs from `starts_at` included to `ends_at`
/// excluded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Phase {
    /// What the phase is for.
    pub kind: PhaseKind,
    /// When it begins.
    pub starts_at: String,
    /// When it is over.
    pub ends_at: String,
}

impl Phase {
    /// Whether it runs at `now`.
    pub fn runs_at(&self, now: &str) -> bool {
        self.starts_at.as_str() <= now && now < self.ends_at.as_str()
    }
}

/// Why phases do not make a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimelineError {
    /// A process needs at least one phase.
    #[error("a process needs at least one phase")]
    NoPhase,
    /// The phase ends before (or when) it starts.
    #[error("the {0:?} phase ends before it starts")]
    EndsBeforeStart(PhaseKind),
    /// The phase starts before the previous one is over.
    #[error("the {0:?} phase starts before the previous phase is over")]
    Overlaps(PhaseKind),
    /// A kind twice, or out of order.
    #[error("the {0:?} phase is repeated or out of order")]
    Repeated(PhaseKind),
    /// A date is not RFC 3339 in UTC.
    #[error("the {0:?} phase has a date that is not of the form 2026-05-01T00:00:00Z")]
    BadDate(PhaseKind),
}

/// A process's phases, checked: in order, each kind once, none overlapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Timeline {
    phases: Vec<Phase>,
}

/// Whether `date` has the one form Plaza writes: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn is_utc_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

impl Timeline {
    /// The phases as a timeline, or why they are not one.
    pub fn new(phases: Vec<Phase>) -> Result<Timeline, TimelineError> {
        if phases.is_empty() {
            return Err(TimelineError::NoPhase);
        }
        for (i, phase) in phases.iter().enumerate() {
            if !is_utc_date(&phase.starts_at) || !is_utc_date(&phase.ends_at) {
                return Err(TimelineError::BadDate(phase.kind));
            }
            if phase.ends_at <= phase.starts_at {
                return Err(TimelineError::EndsBeforeStart(phase.kind));
            }
            if let Some(previous) = i.checked_sub(1).map(|p| &phases[p]) {
                if phase.kind <= previous.kind {
                    return Err(TimelineError::Repeated(phase.kind));
                }
                if phase.starts_at < previous.ends_at {
                    return Err(TimelineError::Overlaps(phase.kind));
                }
            }
        }
        Ok(Timeline { phases })
    }

    /// The phases, in order.
    pub fn phases(&self) -> &[Phase] {
        &self.phases
    }

    /// The phase running at `now`, if any (there may be a gap between two).
    pub fn current(&self, now: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.runs_at(now))
    }

    /// Whether a phase of `kind` runs at `now`.
    pub fn is_open(&self, kind: PhaseKind, now: &str) -> bool {
        self.current(now).is_some_and(|p| p.kind == kind)
    }

    /// The phase of `kind`, if the process has one.
    pub fn phase(&self, kind: PhaseKind) -> Option<&Phase> {
        self.phases.iter().find(|p| p.kind == kind)
    }

    /// The next phase to begin after `now`.
    pub fn next(&self, now: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.starts_at.as_str() > now)
    }

    /// Whether the process is upcoming, open or past at `now`.
    pub fn status(&self, now: &str) -> ProcessStatus {
        let first = &self.phases[0];
        let last = &self.phases[self.phases.len() - 1];
        if now < first.starts_at.as_str() {
            ProcessStatus::Upcoming
        } else if now >= last.ends_at.as_str() {
            ProcessStatus::Past
        } else {
            ProcessStatus::Open
        }
    }

    /// Whether comments may be written at `now`: from the proposals phase
    /// to the end of the supports phase (Decidim's default: discussion
    /// goes on while proposals are written, discussed and supported).
    pub fn comments_open(&self, now: &str) -> bool {
        self.current(now).is_some_and(|p| {
            matches!(
                p.kind,
                PhaseKind::Information
                    | PhaseKind::Proposals
                    | PhaseKind::Deliberation
                    | PhaseKind::Supports
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(kind: PhaseKind, from: &str, to: &str) -> Phase {
        Phase {
            kind,
            starts_at: format!("2026-{from}T00:00:00Z"),
            ends_at: format!("2026-{to}T00:00:00Z"),
        }
    }

    #[test]
    fn the_clock_decides_the_phase() {
        let t = Timeline::new(vec![
            phase(PhaseKind::Information, "01-01", "02-01"),
            phase(PhaseKind::Proposals, "02-01", "03-01"),
            phase(PhaseKind::Supports, "03-10", "04-01"),
        ])
        .unwrap();
        assert_eq!(t.status("2025-12-31T00:00:00Z"), ProcessStatus::Upcoming);
        assert!(t.is_open(PhaseKind::Proposals, "2026-02-01T00:00:00Z"));
        assert!(!t.is_open(PhaseKind::Proposals, "2026-03-01T00:00:00Z"));
        assert_eq!(t.current("2026-03-05T00:00:00Z"), None);
        assert_eq!(
            t.next("2026-03-05T00:00:00Z").map(|p| p.kind),
            Some(PhaseKind::Supports)
        );
        assert_eq!(t.status("2026-03-05T00:00:00Z"), ProcessStatus::Open);
        assert_eq!(t.status("2026-04-01T00:00:00Z"), ProcessStatus::Past);
        assert!(t.comments_open("2026-03-20T00:00:00Z"));
    }

    #[test]
    fn phases_must_be_in_order_and_apart() {
        assert_eq!(Timeline::new(vec![]), Err(TimelineError::NoPhase));
        assert_eq!(
            Timeline::new(vec![phase(PhaseKind::Proposals, "02-01", "01-01")]),
            Err(TimelineError::EndsBeforeStart(PhaseKind::Proposals))
        );
        assert_eq!(
            Timeline::new(vec![
                phase(PhaseKind::Proposals, "01-01", "02-01"),
                phase(PhaseKind::Supports, "01-15", "03-01"),
            ]),
            Err(TimelineError::Overlaps(PhaseKind::Supports))
        );
        assert_eq!(
            Timeline::new(vec![
                phase(PhaseKind::Supports, "01-01", "02-01"),
                phase(PhaseKind::Proposals, "02-01", "03-01"),
            ]),
            Err(TimelineError::Repeated(PhaseKind::Proposals))
        );
        let mut bad = phase(PhaseKind::Results, "01-01", "02-01");
        bad.starts_at = "1 May".into();
        assert_eq!(
            Timeline::new(vec![bad]),
            Err(TimelineError::BadDate(PhaseKind::Results))
        );
    }
}
