"""Sources were checked, the entry reviewed and updated in the past, not on a day still to come.

A ``checked``, ``reviewed`` or ``updated`` date after today is a typo (a wrong year or month): it would make the
stale-date warning of the ``dates`` rule believe a review that has not happened, and ``updated`` is published
as the sitemap's lastmod, JSON-LD dateModified and the API's ``updated``.
"""

from __future__ import annotations

from datetime import date

NAME = "review-dates"
DESCRIPTION = "sources[].checked, reviewed and updated are not in the future"
SCOPE = "file"


def _future(
    report, loaded, path: tuple, field: str, value: object, today: date, what: str = "the check was done"
) -> None:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return  # the schema rule reports a malformed date
    if day and day > today:
        report.add(
            loaded.name,
            loaded.line_of(path),
            field,
            f"{day} is in the future; write the date {what}",
        )


def check(report, loaded, context) -> None:
    data = loaded.data
    sources = data.get("sources")
    for index, source in enumerate(sources if isinstance(sources, list) else ()):
        if isinstance(source, dict):
            checked = ("sources", index, "checked")
            _future(report, loaded, checked, f"sources[{index}].checked", source.get("checked"), context.today)
    _future(report, loaded, ("reviewed",), "reviewed", data.get("reviewed"), context.today)
    _future(report, loaded, ("updated",), "updated", data.get("updated"), context.today, "of the last change")
