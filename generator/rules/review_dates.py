"""Sources were checked and the entry reviewed in the past, not on a day still to come.

A ``checked`` or ``reviewed`` date after today is a typo (a wrong year or month) that would also make the
stale-date warning of the ``dates`` rule believe a review that has not happened.
"""

from __future__ import annotations

from datetime import date

NAME = "review-dates"
DESCRIPTION = "sources[].checked and reviewed are not in the future"
SCOPE = "file"


def _future(report, loaded, path: tuple, field: str, value: object, today: date) -> None:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return  # the schema rule reports a malformed date
    if day and day > today:
        report.add(
            loaded.name,
            loaded.line_of(path),
            field,
            f"{day} is in the future; write the date the check was done",
        )


def check(report, loaded, context) -> None:
    data = loaded.data
    sources = data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else ()):
        if isinstance(source, dict):
            checked = ("sources", index, "checked")
            _future(report, loaded, checked, f"sources[{index}].checked", source.get("checked"), context.today)
    _future(report, loaded, ("reviewed",), "reviewed", data.get("reviewed"), context.today)
