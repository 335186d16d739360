"""Every entry lists its sources and the date of its last review.

A page is only as good as what it was checked against: ``sources`` says what, ``reviewed`` says when a reader
who did not write the entry last checked it claim by claim (CONTRIBUTING.md, "Citing sources and recording a
review").
"""

from __future__ import annotations

NAME = "sources-required"
DESCRIPTION = "every entry has sources and a reviewed date"
SCOPE = "file"


def check(report, loaded, context) -> None:
    data = loaded.data
    if "sources" not in data:
        report.add(
            loaded.name,
            loaded.line_of(()),
            "sources",
            "required field missing: list what the entry was checked against, e.g. "
            "- {kind: specification, title: 'RFC 9110 §15.5.5 404 Not Found', "
            "url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5', checked: 'YYYY-MM-DD'} "
            "(see CONTRIBUTING.md, Citing sources)",
        )
    if "reviewed" not in data:
        report.add(
            loaded.name,
            loaded.line_of(()),
            "reviewed",
            "required field missing: the date (YYYY-MM-DD) a reader who did not write the entry checked it "
            "claim by claim against its sources; record the review in reviews/",
        )
