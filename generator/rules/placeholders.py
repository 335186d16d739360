"""No scaffold placeholder (TODO) is left in an entry."""

from __future__ import annotations

from ..problems import format_path
from ..schema import iter_strings

NAME = "placeholders"
DESCRIPTION = "no TODO left from `make new`"
SCOPE = "file"


def check(report, loaded, context) -> None:
    for path, text in iter_strings(loaded.data):
        if "TODO" in text:
            report.add(
                loaded.name,
                loaded.line_of(path),
                format_path(path),
                "placeholder TODO left from `make new`; write the real text",
            )
