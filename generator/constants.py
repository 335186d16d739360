"""The vendored table of library status-code constants (reference/constants-upstream.csv).

One row per (ecosystem, code, name), read from each library's own source (see reference/README.md): its
state (``current``, ``alias``, ``deprecated``, ``removed``), the name that replaces it, and the versions that
introduced, deprecated or removed it. Pages list these names; entries only add notes.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .data import data_folder

REFERENCE_DIR = data_folder("reference")  # the repository's reference/, or the wheel's copy
CONSTANTS_FILE = REFERENCE_DIR / "constants-upstream.csv"
COLUMNS = (
    "language",
    "code",
    "name",
    "state",
    "replaced_by",
    "since",
    "deprecated_in",
    "removed_in",
    "phrase",
    "source",
    "checked_on",
)
STATES = ("current", "alias", "deprecated", "removed")


@dataclass(frozen=True)
class Ecosystem:
    key: str
    label: str  # what readers call it
    package: str  # whose version numbers the table's since/removed_in columns give ("" if they name it)
    usage: str = "{name}"  # how code spells it: {name}, {quoted} (as a JavaScript string) and {code}


# Order of the rows on a page: languages grouped, the standard library before frameworks.
ECOSYSTEMS = {
    e.key: e
    for e in (
        Ecosystem("python", "Python", "Python"),
        Ecosystem("starlette", "FastAPI / Starlette", "Starlette"),
        Ecosystem("go", "Go", "Go"),
        # Node has no named constants: STATUS_CODES maps the number to its reason phrase.
        Ecosystem("node", "Node.js", "Node.js", "http.STATUS_CODES[{code}] === {quoted}"),
        Ecosystem("dotnet", ".NET", ""),  # its versions read ".NET 8"
        Ecosystem("aspnetcore", "ASP.NET Core", "ASP.NET Core"),
        Ecosystem("spring", "Spring Framework", "Spring Framework"),
        Ecosystem("jakarta_servlet", "Jakarta Servlet", "Jakarta Servlet"),
        Ecosystem("ktor", "Ktor", "Ktor"),
        Ecosystem("rails", "Rails / Rack", "Rack"),
        Ecosystem("symfony", "Symfony", "Symfony"),
        Ecosystem("rust", "Rust", "http crate"),
    )
}


@dataclass(frozen=True)
class ConstantRow:
    language: str
    code: int
    name: str
    state: str
    replaced_by: str = ""
    since: str = ""
    deprecated_in: str = ""
    removed_in: str = ""
    phrase: str = ""
    source: str = ""
    checked_on: str = ""

    @property
    def ecosystem(self) -> Ecosystem:
        return ECOSYSTEMS[self.language]


class ConstantsTableError(ValueError):
    """The vendored table is malformed (a row's language, code or state is not one this module knows)."""


def read_rows(path: Path = CONSTANTS_FILE) -> list[ConstantRow]:
    """Every row of the table at ``path``, in file order.

    Raises ConstantsTableError naming the line when a row has an unknown language or state, a code that is
    not a number, or the header differs from COLUMNS.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ConstantsTableError(f"{path.name}:1: columns are {reader.fieldnames}, expected {list(COLUMNS)}")
        rows = []
        for row in reader:
            where = f"{path.name}:{reader.line_num}"
            if row["language"] not in ECOSYSTEMS:
                raise ConstantsTableError(f"{where}: unknown language {row['language']!r}")
            if row["state"] not in STATES:
                raise ConstantsTableError(f"{where}: unknown state {row['state']!r}")
            if not row["code"].isdigit():
                raise ConstantsTableError(f"{where}: code {row['code']!r} is not a number")
            rows.append(ConstantRow(**{**row, "code": int(row["code"])}))
        return rows


def write_rows(rows: list[ConstantRow], path: Path = CONSTANTS_FILE) -> None:
    """Write ``rows`` to ``path`` in the vendored format (header COLUMNS, LF line ends)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([getattr(row, column) for column in COLUMNS])


class ConstantsTable:
    """The rows, indexed by code and by the ways prose may spell a name."""

    def __init__(self, rows: list[ConstantRow]):
        self.rows = rows
        self._by_code: dict[int, list[ConstantRow]] = {}
        for row in rows:
            self._by_code.setdefault(row.code, []).append(row)
        # The commonest `since` of an ecosystem is when its API appeared; only later arrivals are worth a label.
        self.baseline = {
            language: Counter(r.since for r in rows if r.language == language).most_common(1)[0][0]
            for language in {r.language for r in rows}
        }
        self._spellings: dict[str, list[ConstantRow]] = {}
        for row in rows:
            if row.language == "node":
                continue  # Node's names are reason phrases, which prose quotes all the time
            for spelling in spellings(row.name):
                self._spellings.setdefault(spelling, []).append(row)

    def for_code(self, code: int) -> list[ConstantRow]:
        """Rows for ``code`` in ECOSYSTEMS order, each ecosystem's current names first."""
        order = {key: i for i, key in enumerate(ECOSYSTEMS)}
        return sorted(
            self._by_code.get(code, []),
            key=lambda r: (order[r.language], STATES.index(r.state)),
        )

    def codes(self) -> set[int]:
        return set(self._by_code)

    def named(self, spelling: str) -> list[ConstantRow]:
        """Rows whose name is ``spelling``, or ends with it after a ``.`` or ``::`` (HTTPStatus.X, X)."""
        return self._spellings.get(spelling, [])


def spellings(name: str) -> set[str]:
    """The ways prose writes ``name``: in full and without each leading qualifier.

    ``http.HTTPStatus.NOT_FOUND`` -> itself, ``HTTPStatus.NOT_FOUND``, ``NOT_FOUND``.
    """
    return {name} | {name[sep.end() :] for sep in re.finditer(r"\.|::", name)}


@lru_cache(maxsize=4)
def load_table(path: Path = CONSTANTS_FILE) -> ConstantsTable:
    """The parsed table at ``path`` (cached: it is read once per process). Raises ConstantsTableError."""
    return ConstantsTable(read_rows(path))
