"""Reads an iCalendar file on stdin with the `icalendar` package (PyPI),
the parser calendar tools in Python use, and prints what it understood as
JSON: the calendar's properties, each event's, and every parse error it
found. Exits non-zero when the file does not parse at all."""

import json
import sys

import icalendar

text = sys.stdin.buffer.read()
calendar = icalendar.Calendar.from_ical(text)
errors = []
events = []
for component in calendar.walk():
    errors.extend(f"{component.name}: {e}" for e in getattr(component, "errors", []))
    if component.name != "VEVENT":
        continue
    geo = component.get("GEO")
    events.append(
        {
            "uid": str(component.get("UID")),
            "summary": str(component.get("SUMMARY")),
            "start": component.decoded("DTSTART").isoformat(),
            "end": component.decoded("DTEND").isoformat(),
            "stamp": component.decoded("DTSTAMP").isoformat(),
            "sequence": int(component.get("SEQUENCE", 0)),
            "location": str(component.get("LOCATION", "")),
            "description": str(component.get("DESCRIPTION", "")),
            "url": str(component.get("URL", "")),
            "geo": [geo.latitude, geo.longitude] if geo is not None else None,
        }
    )
lines = text.split(b"\r\n")
print(
    json.dumps(
        {
            "version": str(calendar.get("VERSION")),
            "prodid": str(calendar.get("PRODID")),
            "events": events,
            "errors": errors,
            "longest_line": max(len(line) for line in lines),
            "bare_newlines": text.replace(b"\r\n", b"").count(b"\n"),
        }
    )
)
