"""Library constants: names come from the vendored table, and prose never builds on a removed or deprecated one.

Pages list every library's names for a code from reference/constants-upstream.csv (read from each library's
source, with versions). An entry only adds notes under ``constants``; this rule reports

- a ``name`` written into an entry (the old format): the table already gives it, and a hand-written name is
  exactly what went stale when Spring Framework 7.0 removed ``HttpStatus.DESTINATION_LOCKED``;
- a note for a library the page does not know;
- any mention, in a note or in prose, of a name the table marks removed or deprecated, unless the same
  sentence says so ("removed", "deprecated"): a reader copies the name and gets a compile error or a warning.
"""

from __future__ import annotations

import re

from ..constants import ECOSYSTEMS, ConstantRow, ConstantsTable
from ..problems import format_path
from ..schema import iter_strings

NAME = "constants"
DESCRIPTION = "library names come from reference/constants-upstream.csv; prose labels removed and deprecated names"
SCOPE = "file"

TABLE_FILE = "reference/constants-upstream.csv"

# Qualified names (HttpStatus.X, StatusCode::X, Response::HTTP_X), Rack symbols (:not_found) and bare
# upper-case constants with an underscore (DESTINATION_LOCKED). Node's phrases are not looked for.
_MENTION = re.compile(
    r"(?<![\w.:])(?:[A-Za-z_]\w*(?:(?:\.|::)[A-Za-z_]\w*)+|:[a-z][a-z_]+\b|[A-Z][A-Z0-9]*_[A-Z0-9_]+\b)"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")
_LABEL = {
    "removed": re.compile(r"\b(?:remov(?:e|ed|es|al)|gone|dropped|deleted)\b", re.I),
    "deprecated": re.compile(r"\bdeprecat", re.I),
}


def _version(row: ConstantRow, version: str) -> str:
    return f"{row.ecosystem.package} {version}".strip()


def stale_message(row: ConstantRow) -> str:
    """What is wrong with a removed or deprecated ``row`` and what to use instead."""
    if row.state == "removed":
        text = f"{row.name} was removed in {_version(row, row.removed_in)}"
    else:
        text = f"{row.name} is deprecated since {_version(row, row.deprecated_in)}"
    if row.replaced_by:
        return f"{text}; use {row.replaced_by}"
    return f"{text}; {row.ecosystem.label} has no replacement"


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0 : after.start() if after else len(text)]


def stale_mentions(text: str, table: ConstantsTable, language: str | None = None) -> list[tuple[ConstantRow, str]]:
    """Removed or deprecated names that ``text`` mentions without saying so in the same sentence.

    Returns (row, mention) pairs. A spelling that is also a current or alias name somewhere (the bare
    UNPROCESSABLE_ENTITY is a Python alias as well as a deprecated Spring constant) is not reported, except
    in a note under ``constants.<language>``, where a bare name means that library's.
    """
    found = []
    for match in _MENTION.finditer(text):
        rows = table.named(match.group())
        if language and any(r.language == language for r in rows):
            rows = [r for r in rows if r.language == language]
        if not rows or any(r.state in ("current", "alias") for r in rows):
            continue
        sentence = _sentence(text, match.start(), match.end())
        for row in rows:
            if not _LABEL[row.state].search(sentence):
                found.append((row, match.group()))
                break
    return found


def _check_name(report, loaded, language: str, code, name, table: ConstantsTable) -> None:
    path = ("constants", language, "name")
    field = f"constants.{language}"
    if language == "node":  # a reason phrase, not an identifier
        rows = [r for r in table.rows if r.language == "node" and r.name == name]
    else:
        rows = [r for r in table.named(str(name)) if r.language == language]
    here = [r for r in rows if r.code == code]
    current = [r.name for r in table.for_code(code) if r.language == language and r.state == "current"]
    listed = f"the page lists {', '.join(current)} for {code}" if current else f"it has no name for {code}"
    if here and here[0].state in ("removed", "deprecated"):
        message = stale_message(here[0])
    elif not here and rows:
        message = f"{name} is {rows[0].code} in {ECOSYSTEMS[language].label}, not {code}; {listed}"
    elif not here:
        message = f"{name} is not a {ECOSYSTEMS[language].label} name in {TABLE_FILE}; {listed}"
    else:
        message = f"names come from {TABLE_FILE} ({listed}); remove 'name' and keep only a note"
    report.add(loaded.name, loaded.line_of(path), field, message)


def check(report, loaded, context) -> None:
    data, table = loaded.data, context.constants
    code = data.get("code")
    constants = data.get("constants")
    if isinstance(constants, dict):
        for language, value in constants.items():
            if language not in ECOSYSTEMS:
                report.add(
                    loaded.name,
                    loaded.key_line_of(("constants", language)),
                    f"constants.{language}",
                    f"unknown library {language!r}; the table has {', '.join(ECOSYSTEMS)}",
                )
                continue
            if isinstance(value, dict) and "name" in value:
                _check_name(report, loaded, language, code, value["name"], table)
    for path, text in iter_strings(data):
        if path and path[-1] == "name" and path[0] == "constants":
            continue  # reported above
        if path and path[0] == "sources":
            continue  # a source's title names the file at the version it was read, old names included
        language = path[1] if path[0] == "constants" and len(path) == 3 else None
        for row, mention in stale_mentions(text, table, language):
            report.add(
                loaded.name,
                loaded.line_of(path),
                format_path(path),
                f"{stale_message(row)} (or say in the same sentence that {mention} is {row.state})",
            )
