"""Dated facts live in fields, and a passed date is re-checked.

Registration and draft dates change (IANA extends or ends a temporary registration, a draft gets a new version)
while the prose around them stays put. So the dates live in fields (``registration``, ``spec.current_draft``), the
page states them from there, and this rule

- refuses a registration date or draft date written into the prose: the generated sentences say it, and a copy in
  the prose would go stale unnoticed (error);
- checks the order registered <= extended <= expires, and published <= expires (error);
- warns when a date in those fields has passed and the entry was not reviewed on or after it (``reviewed``;
  ``updated`` does not count, since an edit is not a check of the registry): the registry or the draft has
  probably moved on. `make validate` prints the warning,
  `validate --strict` (CI) fails on it, and the site still builds.
"""

from __future__ import annotations

import re
from datetime import date

from ..problems import format_path
from ..schema import iter_strings

NAME = "dates"
DESCRIPTION = "registration and draft dates are data, in order, and re-checked once passed"
SCOPE = "file"

_MONTHS = "January February March April May June July August September October November December".split()

# (path of the date field, the event it marks, whether the date is when something ends)
_FIELDS = (
    (("registration", "registered"), "the registration date", False),
    (("registration", "extended"), "the extension date", False),
    (("registration", "expires"), "the registration's expiry", True),
    (("spec", "current_draft", "published"), "the draft's publication date", False),
    (("spec", "current_draft", "expires"), "the draft's expiry", True),
)


def _get(data, path):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if isinstance(data, str) else None


def _parse(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None  # the schema rule reports a malformed date


def _spellings(day: date) -> list[str]:
    """The ways prose writes a date: 2026-11-13, 13 November 2026, November 13, 2026."""
    month = _MONTHS[day.month - 1]
    return [
        day.isoformat(),
        rf"\b{day.day} {month},? {day.year}\b",
        rf"\b{month} {day.day},? {day.year}\b",
    ]


def check(report, loaded, context) -> None:
    data = loaded.data
    dates = {}
    for path, what, ends in _FIELDS:
        value = _get(data, path)
        parsed = _parse(value) if value else None
        if parsed:
            dates[path] = (parsed, what, ends)
    if not dates:
        return

    def order(earlier, later):
        if earlier in dates and later in dates and dates[earlier][0] > dates[later][0]:
            report.add(
                loaded.name,
                loaded.line_of(later),
                format_path(later),
                f"{dates[later][0]} is before {dates[earlier][1]} ({dates[earlier][0]})",
            )

    order(("registration", "registered"), ("registration", "extended"))
    order(("registration", "extended"), ("registration", "expires"))
    if ("registration", "extended") not in dates:
        order(("registration", "registered"), ("registration", "expires"))
    order(("spec", "current_draft", "published"), ("spec", "current_draft", "expires"))

    # Prose that restates one of these dates goes stale when the field is updated.
    field_paths = {path for path, _, _ in _FIELDS}
    patterns = [(path, what, re.compile(p)) for path, (day, what, _) in dates.items() for p in _spellings(day)]
    for path, text in iter_strings(data):
        if path in field_paths or path[:1] == ("sources",):
            continue
        for field_path, what, pattern in patterns:
            if pattern.search(text):
                report.add(
                    loaded.name,
                    loaded.line_of(path),
                    format_path(path),
                    f"restates {what} ({format_path(field_path)}); dates live in their field and the page states "
                    "them from it, so remove the date from this text",
                )
                break

    checked = _parse(data["reviewed"]) if isinstance(data.get("reviewed"), str) else None
    for path, (day, what, ends) in dates.items():
        if ends and day < context.today and (checked is None or checked < day):
            report.warn(
                loaded.name,
                loaded.line_of(path),
                format_path(path),
                f"{what} ({day}) has passed and "
                + (f"the entry was last reviewed on {checked}" if checked else "the entry records no `reviewed` date")
                + ": look up the registry and the draft, update the dates, then set `reviewed`",
            )
