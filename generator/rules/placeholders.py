"""No scaffold placeholder (TODO) is left in an entry."""

from __future__ import annotations

from ..problems import format_path

NAME = "placeholders"
DESCRIPTION = "no TODO left from `make new`"
SCOPE = "file"


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, path + (index,))


def check(report, loaded, context) -> None:
    for path, text in _strings(loaded.data):
        if "TODO" in text:
            report.add(
                loaded.name,
                loaded.line_of(path),
                format_path(path),
                "placeholder TODO left from `make new`; write the real text",
            )
