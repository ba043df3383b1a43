//! The meeting form and the minutes form (moderators and administrators):
//! their fields as typed, their checks and their problems, the same on
//! both sides. The server adds what only it can check — the time zone's
//! rules, the process area, which proposals exist — and keeps a refused
//! attempt as a draft.

use serde::{Deserialize, Serialize};

use crate::consult::proposal_form::{coordinate, is_web_address, one_line};

/// Longest title.
pub const MEETING_TITLE_MAX: usize = 200;
/// Longest address.
pub const MEETING_ADDRESS_MAX: usize = 300;
/// Longest agenda or minutes.
pub const MEETING_TEXT_MAX: usize = 20_000;
/// Most seats a meeting may offer.
pub const MEETING_CAPACITY_MAX: i64 = 100_000;
/// Most proposals one meeting's outcomes may name.
pub const MEETING_OUTCOMES_MAX: usize = 50;

/// How people take part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum MeetingFormat {
    /// In a room, at an address.
    #[default]
    InPerson,
    /// In the city's video room, by a link.
    Online,
    /// Both.
    Hybrid,
}

impl MeetingFormat {
    /// Every format, in the form's order.
    pub const ALL: [MeetingFormat; 3] = [
        MeetingFormat::InPerson,
        MeetingFormat::Online,
        MeetingFormat::Hybrid,
    ];

    /// Its code in SQL, forms and exports.
    pub fn code(self) -> &'static str {
        match self {
            MeetingFormat::InPerson => "in_person",
            MeetingFormat::Online => "online",
            MeetingFormat::Hybrid => "hybrid",
        }
    }

    /// The format whose code is `code`.
    pub fn from_code(code: &str) -> Option<MeetingFormat> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    /// Whether it happens at an address.
    pub fn has_place(self) -> bool {
        self != MeetingFormat::Online
    }

    /// Whether it happens in a video room.
    pub fn has_link(self) -> bool {
        self != MeetingFormat::InPerson
    }
}

/// What the meeting form posts, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeetingInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// `in_person`, `online` or `hybrid`.
    #[serde(default)]
    pub format: String,
    /// Its day, `YYYY-MM-DD`, in its time zone.
    #[serde(default)]
    pub date: String,
    /// When it begins, `HH:MM`, in its time zone.
    #[serde(default)]
    pub start: String,
    /// When it ends, `HH:MM`, on the same day.
    #[serde(default)]
    pub end: String,
    /// Its time zone, an IANA name such as `Europe/Brussels`.
    #[serde(default)]
    pub time_zone: String,
    /// Where, in words.
    #[serde(default)]
    pub address: String,
    /// Latitude of the place, or empty.
    #[serde(default)]
    pub latitude: String,
    /// Longitude of the place, or empty.
    #[serde(default)]
    pub longitude: String,
    /// The video room's address.
    #[serde(default)]
    pub online_url: String,
    /// The agenda, Markdown.
    #[serde(default)]
    pub agenda: String,
    /// Seats, or empty for no limit.
    #[serde(default)]
    pub capacity: String,
}

/// A meeting that passed the form's own checks; its local day and times
/// are still to be placed in its time zone (by the server).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedMeeting {
    /// Title, on one line.
    pub title: String,
    /// Format.
    pub format: MeetingFormat,
    /// Year, month, day.
    pub date: (i16, i8, i8),
    /// Hour and minute it begins.
    pub start: (i8, i8),
    /// Hour and minute it ends (after `start`).
    pub end: (i8, i8),
    /// The time zone as typed (trimmed).
    pub time_zone: String,
    /// Address, for a meeting with a place.
    pub address: Option<String>,
    /// Latitude and longitude.
    pub point: Option<(f64, f64)>,
    /// Video room, for a meeting with a link.
    pub online_url: Option<String>,
    /// Agenda, Markdown.
    pub agenda: String,
    /// Seats.
    pub capacity: Option<i64>,
}

/// Why the meeting form was refused; each is about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum MeetingProblem {
    /// Title empty or too long.
    TitleLength,
    /// Not one of the formats.
    FormatUnknown,
    /// The day is not a date.
    DateInvalid,
    /// The start is not a time of day.
    StartInvalid,
    /// The end is not a time of day, or not after the start.
    EndInvalid,
    /// Not a time zone the server knows.
    TimeZoneUnknown,
    /// That time does not exist on that day in that zone (clocks skip it).
    TimeSkipped,
    /// A meeting in a room needs its address.
    AddressNeeded,
    /// Address too long.
    AddressLong,
    /// Only one of latitude and longitude, or out of range.
    Coordinates,
    /// The point is outside the process's area.
    OutsideArea,
    /// An online meeting needs its video room's link.
    LinkNeeded,
    /// The link is not a web address.
    LinkInvalid,
    /// Agenda too long.
    AgendaLong,
    /// Seats not a whole number from 1.
    CapacityInvalid,
}

impl MeetingProblem {
    /// The field it is about (its form name).
    pub fn field(self) -> &'static str {
        use MeetingProblem::*;
        match self {
            TitleLength => "title",
            FormatUnknown => "format",
            DateInvalid => "date",
            StartInvalid | TimeSkipped => "start",
            EndInvalid => "end",
            TimeZoneUnknown => "time_zone",
            AddressNeeded | AddressLong => "address",
            Coordinates | OutsideArea => "latitude",
            LinkNeeded | LinkInvalid => "online_url",
            AgendaLong => "agenda",
            CapacityInvalid => "capacity",
        }
    }
}

/// `YYYY-MM-DD` as year, month, day (a real day of the Gregorian calendar).
pub fn read_date(text: &str) -> Option<(i16, i8, i8)> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i16 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let day: i8 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2999).contains(&year) && (1..=days).contains(&day)).then_some((year, month, day))
}

/// `HH:MM` (or `HH:MM:SS` as some browsers send) as hour and minute.
pub fn read_time(text: &str) -> Option<(i8, i8)> {
    let mut parts = text.trim().split(':');
    let hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    if parts
        .next()
        .is_some_and(|s| s.parse::<u8>().map_or(true, |s| s > 59))
    {
        return None;
    }
    ((0..24).contains(&hour) && (0..60).contains(&minute)).then_some((hour, minute))
}

impl MeetingInput {
    /// The meeting, or every problem the form itself can see.
    pub fn check(&self) -> Result<CheckedMeeting, Vec<MeetingProblem>> {
        use MeetingProblem::*;
        let mut problems = Vec::new();
        let title = one_line(&self.title);
        if title.is_empty() || title.chars().count() > MEETING_TITLE_MAX {
            problems.push(TitleLength);
        }
        let format = MeetingFormat::from_code(self.format.trim());
        if format.is_none() {
            problems.push(FormatUnknown);
        }
        let format = format.unwrap_or_default();
        let date = read_date(&self.date);
        if date.is_none() {
            problems.push(DateInvalid);
        }
        let start = read_time(&self.start);
        if start.is_none() {
            problems.push(StartInvalid);
        }
        let end = read_time(&self.end);
        if end.is_none() || start.is_some_and(|s| end.is_some_and(|e| e <= s)) {
            problems.push(EndInvalid);
        }
        let time_zone = self.time_zone.trim().to_owned();
        if time_zone.is_empty() || time_zone.len() > 64 {
            problems.push(TimeZoneUnknown);
        }
        let address = one_line(&self.address);
        if address.chars().count() > MEETING_ADDRESS_MAX {
            problems.push(AddressLong);
        } else if format.has_place() && address.is_empty() {
            problems.push(AddressNeeded);
        }
        let point = match (self.latitude.trim(), self.longitude.trim()) {
            ("", "") => None,
            (lat, lon) => match (coordinate(lat, 90.0), coordinate(lon, 180.0)) {
                (Some(lat), Some(lon)) => Some((lat, lon)),
                _ => {
                    problems.push(Coordinates);
                    None
                }
            },
        };
        let link = self.online_url.trim();
        if format.has_link() && link.is_empty() {
            problems.push(LinkNeeded);
        } else if !link.is_empty() && !is_web_address(link) {
            problems.push(LinkInvalid);
        }
        let agenda = self.agenda.trim().replace("\r\n", "\n");
        if agenda.chars().count() > MEETING_TEXT_MAX {
            problems.push(AgendaLong);
        }
        let capacity = match self.capacity.trim() {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(n) if (1..=MEETING_CAPACITY_MAX).contains(&n) => Some(n),
                _ => {
                    problems.push(CapacityInvalid);
                    None
                }
            },
        };
        match (date, start, end) {
            (Some(date), Some(start), Some(end)) if problems.is_empty() => Ok(CheckedMeeting {
                title,
                format,
                date,
                start,
                end,
                time_zone,
                address: (format.has_place() || !address.is_empty()).then_some(address),
                point: point.filter(|_| format.has_place()),
                online_url: (format.has_link() && !link.is_empty()).then(|| link.to_owned()),
                agenda,
                capacity,
            }),
            _ => Err(problems),
        }
    }
}

/// What the minutes form posts, as typed: after the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MinutesInput {
    /// What was said and decided, Markdown.
    #[serde(default)]
    pub minutes: String,
    /// How many people came, or empty.
    #[serde(default)]
    pub attendance: String,
    /// The numbers of the proposals it led to or discussed, separated by
    /// spaces, commas or lines.
    #[serde(default)]
    pub outcomes: String,
}

/// Minutes that passed the form's checks (the server checks that the
/// proposals exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedMinutes {
    /// Minutes, Markdown.
    pub minutes: String,
    /// Attendance.
    pub attendance: Option<i64>,
    /// Proposal numbers, each once, in the order typed.
    pub outcomes: Vec<i64>,
}

/// Why the minutes were refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum MinutesProblem {
    /// The meeting has not begun yet.
    NotYetHeld,
    /// Minutes too long.
    MinutesLong,
    /// Not a whole number from 0.
    AttendanceInvalid,
    /// Not a proposal number of this process (as typed).
    OutcomeUnknown(String),
    /// More proposals than a meeting may name.
    OutcomesTooMany,
}

impl MinutesProblem {
    /// The field it is about.
    pub fn field(&self) -> &'static str {
        match self {
            MinutesProblem::NotYetHeld | MinutesProblem::MinutesLong => "minutes",
            MinutesProblem::AttendanceInvalid => "attendance",
            MinutesProblem::OutcomeUnknown(_) | MinutesProblem::OutcomesTooMany => "outcomes",
        }
    }
}

impl MinutesInput {
    /// The minutes, or every problem the form itself can see.
    pub fn check(&self) -> Result<CheckedMinutes, Vec<MinutesProblem>> {
        let mut problems = Vec::new();
        let minutes = self.minutes.trim().replace("\r\n", "\n");
        if minutes.chars().count() > MEETING_TEXT_MAX {
            problems.push(MinutesProblem::MinutesLong);
        }
        let attendance = match self.attendance.trim() {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(n) if (0..=MEETING_CAPACITY_MAX).contains(&n) => Some(n),
                _ => {
                    problems.push(MinutesProblem::AttendanceInvalid);
                    None
                }
            },
        };
        let mut outcomes = Vec::new();
        for word in self
            .outcomes
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            match word.trim_start_matches('#').parse::<i64>() {
                Ok(n) if n > 0 => {
                    if !outcomes.contains(&n) {
                        outcomes.push(n);
                    }
                }
                _ => problems.push(MinutesProblem::OutcomeUnknown(word.to_owned())),
            }
        }
        if outcomes.len() > MEETING_OUTCOMES_MAX {
            problems.push(MinutesProblem::OutcomesTooMany);
        }
        if problems.is_empty() {
            Ok(CheckedMinutes {
                minutes,
                attendance,
                outcomes,
            })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MeetingInput {
        MeetingInput {
            title: "Walk along the quay".into(),
            format: "hybrid".into(),
            date: "2027-03-28".into(),
            start: "19:00".into(),
            end: "21:00".into(),
            time_zone: "Europe/Brussels".into(),
            address: "Havenkade 1".into(),
            online_url: "https://meet.jit.si/plaza-havenkade".into(),
            ..MeetingInput::default()
        }
    }

    #[test]
    fn a_complete_form_passes() {
        let checked = input().check().unwrap();
        assert_eq!(checked.date, (2027, 3, 28));
        assert_eq!(checked.start, (19, 0));
        assert_eq!(checked.format, MeetingFormat::Hybrid);
        assert_eq!(checked.capacity, None);
    }

    #[test]
    fn each_field_names_its_problem() {
        let mut form = input();
        form.format = "online".into();
        form.address = String::new();
        form.online_url = "meet.jit.si/room".into();
        form.date = "2027-02-30".into();
        form.end = "18:00".into();
        form.capacity = "0".into();
        form.latitude = "51".into();
        let problems = form.check().unwrap_err();
        assert_eq!(
            problems,
            vec![
                MeetingProblem::DateInvalid,
                MeetingProblem::EndInvalid,
                MeetingProblem::Coordinates,
                MeetingProblem::LinkInvalid,
                MeetingProblem::CapacityInvalid,
            ]
        );
        let mut form = input();
        form.format = "in_person".into();
        form.address = "  ".into();
        form.title = String::new();
        assert_eq!(
            form.check().unwrap_err(),
            vec![MeetingProblem::TitleLength, MeetingProblem::AddressNeeded]
        );
    }

    #[test]
    fn dates_and_times_are_read_strictly() {
        assert_eq!(read_date("2028-02-29"), Some((2028, 2, 29)));
        assert_eq!(read_date("2027-02-29"), None);
        assert_eq!(read_date("27-1-1"), None);
        assert_eq!(read_time("09:05"), Some((9, 5)));
        assert_eq!(read_time("09:05:00"), Some((9, 5)));
        assert_eq!(read_time("24:00"), None);
        assert_eq!(read_time("7pm"), None);
    }

    #[test]
    fn outcomes_are_proposal_numbers() {
        let form = MinutesInput {
            minutes: "We walked.".into(),
            attendance: "31".into(),
            outcomes: "#2, 5\n2 x".into(),
        };
        assert_eq!(
            form.check().unwrap_err(),
            vec![MinutesProblem::OutcomeUnknown("x".into())]
        );
        let form = MinutesInput {
            outcomes: "#2, 5\n2".into(),
            ..form
        };
        assert_eq!(form.check().unwrap().outcomes, vec![2, 5]);
    }
}
