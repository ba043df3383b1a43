//! iCalendar (RFC 5545) files of meetings: one event per meeting, in UTC
//! (so no VTIMEZONE is needed and every calendar shows the right local
//! time), with a stable UID and a SEQUENCE that grows with each change, so
//! a calendar that imported the file updates its copy. Text is escaped
//! and lines folded at 75 octets as the RFC says.

use crate::consult::meetings::Meeting;

/// One meeting as a calendar event.
pub struct Event<'a> {
    /// The meeting.
    pub meeting: &'a Meeting,
    /// Its page, absolute.
    pub url: String,
    /// Its process's title.
    pub process_title: &'a str,
    /// The site's host name, for the UID.
    pub host: &'a str,
}

/// `2027-03-28T17:00:00Z` as `20270328T170000Z`.
fn basic(moment: &str) -> String {
    moment.chars().filter(|c| *c != '-' && *c != ':').collect()
}

/// TEXT escaped (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a
/// character (RFC 5545 §3.1), ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn event(out: &mut String, event: &Event<'_>, stamp: &str) {
    let m = event.meeting;
    let c = &m.content;
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:meeting-{}-{}@{}", m.process_id, m.number, event.host),
    );
    line(out, &format!("DTSTAMP:{}", basic(stamp)));
    line(out, &format!("DTSTART:{}", basic(&c.starts_at)));
    line(out, &format!("DTEND:{}", basic(&c.ends_at)));
    line(out, &format!("LAST-MODIFIED:{}", basic(&m.updated_at)));
    line(out, &format!("SEQUENCE:{}", m.revision));
    line(out, &format!("SUMMARY:{}", text(&c.title)));
    let mut description = format!("{}\n\n", event.process_title);
    if !c.agenda.is_empty() {
        description.push_str(&c.agenda);
        description.push_str("\n\n");
    }
    if let Some(link) = &c.online_url {
        description.push_str(&format!("Video room: {link}\n"));
    }
    description.push_str(&format!("Register and read more: {}", event.url));
    line(out, &format!("DESCRIPTION:{}", text(&description)));
    let location = match (&c.address, &c.online_url) {
        (Some(address), _) => Some(address.clone()),
        (None, Some(link)) => Some(link.clone()),
        (None, None) => None,
    };
    if let Some(location) = location {
        line(out, &format!("LOCATION:{}", text(&location)));
    }
    if let Some((lat, lon)) = c.point {
        line(out, &format!("GEO:{lat:.6};{lon:.6}"));
    }
    line(out, &format!("URL:{}", event.url));
    line(out, "STATUS:CONFIRMED");
    line(out, "TRANSP:OPAQUE");
    line(out, "END:VEVENT");
}

/// A calendar named `name` holding `events`, stamped `stamp` (now, UTC).
pub fn calendar(name: &str, events: &[Event<'_>], stamp: &str) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Plaza//Consultations//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        event(&mut out, e, stamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_are_folded_on_characters() {
        assert_eq!(text("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        line(&mut out, &long);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{long}\r\n"));
        assert_eq!(basic("2027-03-28T17:00:00Z"), "20270328T170000Z");
    }
}
