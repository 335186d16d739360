"""Date fields hold a valid HTTP-date in the IMF-fixdate format, whose day name matches the date.

RFC 9110 §5.6.7: "When a sender generates a field that contains one or more timestamps defined as HTTP-date,
the sender MUST generate those timestamps in the IMF-fixdate format" (``Sun, 06 Nov 1994 08:49:37 GMT``),
with no extra whitespace; the day name has the meaning of RFC 5322 §3.3, where "the day-of-week ... MUST be
the day implied by the date". Fields whose value is an HTTP-date: Date (RFC 9110 §6.6.1), Last-Modified
(§8.8.2), If-Modified-Since (§13.1.3), If-Unmodified-Since (§13.1.4), Expires (RFC 9111 §5.3), Sunset
(RFC 8594 §3), Retry-After when not delay-seconds (RFC 9110 §10.2.3) and If-Range when not an entity-tag
(§13.1.5).
"""

from __future__ import annotations

import re
from datetime import datetime

from ..http_message import example_messages
from ..problems import format_path

NAME = "http-dates"
DESCRIPTION = "Date, Last-Modified, Expires, Retry-After, ... hold valid IMF-fixdate HTTP-dates (RFC 9110 §5.6.7)"
SCOPE = "file"

DATE_FIELDS = {"date", "last-modified", "if-modified-since", "if-unmodified-since", "expires", "sunset"}
IMF_FIXDATE = re.compile(
    r"^(?P<day>Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<date>[0-9]{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}) GMT$"
)


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an IMF-fixdate with the right day name, or None when it is."""
    match = IMF_FIXDATE.match(value)
    if not match:
        return f"{value!r} is not an IMF-fixdate like 'Sun, 06 Nov 1994 08:49:37 GMT' (RFC 9110 §5.6.7)"
    text = match.group("date")
    try:
        # A leap second (second 60, RFC 9110 §5.6.7) is valid but datetime cannot hold it.
        moment = datetime.strptime(text.replace(":60", ":59"), "%d %b %Y %H:%M:%S")
    except ValueError:
        return f"{value!r} is not a real date and time (RFC 9110 §5.6.7)"
    actual = moment.strftime("%a")
    if actual != match.group("day"):
        return f"{value!r}: {text[:11]} is a {actual}, not a {match.group('day')} (RFC 9110 §5.6.7, RFC 5322 §3.3)"
    return None


def _values(message):
    for item in message.fields:
        name, value = item.name.lower(), item.value.strip(" \t")
        if name in DATE_FIELDS:
            yield item, value
        elif name == "retry-after" and not re.fullmatch(r"[0-9]+", value):
            yield item, value
        elif name == "if-range" and not re.match(r'^(?:W/)?"', value):
            yield item, value


def check(report, loaded, context) -> None:
    for found in example_messages(loaded):
        for item, value in _values(found.message):
            problem = date_problem(value)
            if problem:
                line = found.line(loaded, item.index)
                report.add(loaded.name, line, format_path(found.path), f"{item.name}: {problem}")
