"""Every code an entry points to (related, instead, links to ../NNN/) has an entry of its own."""

from __future__ import annotations

import re

from ..problems import format_path
from ..schema import iter_typed

NAME = "related-codes"
DESCRIPTION = "related codes, 'instead' codes and internal links name codes that have entries"
SCOPE = "tree"

INTERNAL_LINK = re.compile(r"\]\(\.\./(\d{3})/(?:#[\w-]+)?\)")


def _references(data: dict):
    for index, item in enumerate(data.get("related") or []):
        if isinstance(item, dict) and isinstance(item.get("code"), int):
            yield ("related", index, "code"), item["code"], "related code"
    for index, item in enumerate(data.get("when_not_to_use") or []):
        if isinstance(item, dict) and isinstance(item.get("instead"), int):
            yield ("when_not_to_use", index, "instead"), item["instead"], "'instead' code"
    for path, text in iter_typed(data, "markdown"):
        for match in INTERNAL_LINK.finditer(text):
            yield path, int(match.group(1)), f"link to ../{match.group(1)}/"


def check(report, files, context) -> None:
    known = {f.data.get("code") for f in files} | set(context.extra_known_codes)
    for loaded in files:
        own = loaded.data.get("code")
        seen_related = set()
        for path, code, what in _references(loaded.data):
            if code not in known:
                report.add(
                    loaded.name,
                    loaded.line_of(path),
                    format_path(path),
                    f"{what} {code} has no entry (add codes/{code}.yaml or remove the reference)",
                )
            if path[0] == "related":
                if code == own:
                    report.add(
                        loaded.name, loaded.line_of(path), format_path(path), "an entry cannot be related to itself"
                    )
                if code in seen_related:
                    report.add(loaded.name, loaded.line_of(path), format_path(path), f"code {code} is listed twice")
                seen_related.add(code)
