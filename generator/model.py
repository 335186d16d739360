"""Typed model of the reference, built once from validated entries. Templates only see these objects."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from .constants import ECOSYSTEMS, ConstantRow, ConstantsTable, load_table


class Markdown(str):
    """Prose that passed validation (no raw HTML, safe links) and is rendered as Markdown.

    Any other string is plain text and is escaped wherever it is printed.
    """


STANDING_LABELS = {
    "permanent": "Registered",
    "temporary": "Temporary registration",
    "unused": "Reserved (unused)",
    "obsoleted": "Obsoleted",
    "deprecated": "Deprecated",
    "unofficial": "Unofficial",
    "warn-code": "Warning header code, not a status code",
    "not-a-status-code": "Not a valid HTTP status code",
}
# Standings of entries that are in the IANA registry (the others are unofficial, warn-codes, or numbers
# outside 100-599).
REGISTERED_STANDINGS = frozenset({"permanent", "temporary", "unused", "obsoleted", "deprecated"})

CLASS_NAMES = {
    1: (
        "1xx",
        "Informational",
        "The request was received and processing continues; an interim response before the final one.",
    ),
    2: ("2xx", "Successful", "The request was received, understood and accepted."),
    3: ("3xx", "Redirection", "Further action is needed to complete the request, usually following another URI."),
    4: (
        "4xx",
        "Client Error",
        "The request contains an error or cannot be fulfilled as sent; the client should change it.",
    ),
    5: ("5xx", "Server Error", "The server failed to fulfil an apparently valid request."),
}


@dataclass(frozen=True)
class Spec:
    document: str
    url: str
    section: str | None = None
    current_draft: Draft | None = None

    @property
    def label(self) -> str:
        return f"{self.document} §{self.section}" if self.section else self.document


@dataclass(frozen=True)
class Draft:
    """The newest version of the Internet-Draft a registration points to, as of the entry's review."""

    document: str
    published: str
    expires: str
    url: str


@dataclass(frozen=True)
class Registration:
    """A temporary IANA registration's dates (YYYY-MM-DD strings), and the date they were last checked.

    ``as_of`` is the entry's ``reviewed`` date: the page may only say the expiry "has passed" as of a date on
    which someone looked the registry up, so the built page never depends on the build's clock.
    """

    registered: str
    expires: str
    extended: str | None = None
    as_of: str | None = None

    @property
    def lapsed_as_of_review(self) -> bool:
        """True when the expiry had passed on the review date (ISO dates compare as text)."""
        return self.as_of is not None and self.expires < self.as_of


@dataclass(frozen=True)
class Vendor:
    vendor: str
    phrase: str
    sent_when: Markdown
    what_to_do: Markdown
    documentation: str | None = None
    source_note: str | None = None
    retired: bool = False


SOURCE_KINDS = {
    "specification": "specification",
    "draft": "Internet-Draft",
    "registry": "registry",
    "vendor-documentation": "vendor documentation",
    "vendor-source": "vendor source code",
    "secondary": "secondary source",
}


@dataclass(frozen=True)
class Source:
    """A source the entry's statements were checked against (schema: sources[])."""

    kind: str  # a key of SOURCE_KINDS
    title: str
    url: str
    checked: str  # YYYY-MM-DD
    vendor: str | None = None  # the vendors[].vendor it backs
    version: str | None = None  # for vendor-source: the release or commit read

    @property
    def kind_label(self) -> str:
        return SOURCE_KINDS[self.kind]


@dataclass(frozen=True)
class Avoid:
    situation: Markdown
    instead: int | None = None


@dataclass(frozen=True)
class Example:
    title: str
    request: str
    response: str | None
    description: Markdown | None = None
    no_response: Markdown | None = None


@dataclass(frozen=True)
class Related:
    code: int
    why: Markdown


@dataclass(frozen=True)
class Header:
    name: str
    why: Markdown
    url: str | None = None


@dataclass(frozen=True)
class Question:
    question: str
    answer: Markdown


@dataclass(frozen=True)
class ConstantName:
    """One name a library gives the code, with its state said in words.

    ``status`` is a sequence of (text, is_code) parts, e.g. ("removed in Spring Framework 7.0; use", False),
    ("HttpStatus.MISDIRECTED_REQUEST", True): names print as code (after a space), the rest as text.
    """

    name: str  # as code writes it (Node: the lookup expression)
    state: str  # current, alias, deprecated or removed
    status: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class Constant:
    """How one library names the code: its names (current first) and the entry's note, if any."""

    language: str
    label: str
    names: tuple[ConstantName, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Entry:
    code: int
    phrase: str
    standing: str
    summary: str
    meaning: Markdown
    when_to_use: tuple[Markdown, ...]
    when_not_to_use: tuple[Avoid, ...]
    examples: tuple[Example, ...]
    related: tuple[Related, ...]
    headers: tuple[Header, ...]
    cacheable: bool
    updated: str
    source: str  # path of the YAML file, relative to the repository root
    common_name: str | None = None
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    registration: Registration | None = None
    spec: Spec | None = None
    vendors: tuple[Vendor, ...] = ()
    history: Markdown | None = None
    cacheable_note: Markdown | None = None
    mistakes: tuple[Markdown, ...] = ()
    best_practices: tuple[Markdown, ...] = ()
    faq: tuple[Question, ...] = ()
    constants: tuple[Constant, ...] = ()
    no_constant: tuple[str, ...] = ()  # libraries that name other codes but not this one
    constants_checked: str | None = None  # when the library names were last read from their sources
    search_boost: float | None = None
    sources: tuple[Source, ...] = ()
    reviewed: str | None = None  # YYYY-MM-DD of the last claim-by-claim review

    @property
    def name(self) -> str:
        """What people call it: the phrase, or the common name when the phrase is '(Unused)'."""
        return self.common_name or self.phrase

    @property
    def number(self) -> str:
        """The code as people write it: three digits, so code 0 is '000' (its file, URL and title)."""
        return f"{self.code:03d}"

    @property
    def title(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def class_digit(self) -> int:
        # The leading digit: code // 100 for every real (three-digit) code; it also files the benchmark's
        # longer synthetic codes (4041 = a copy of 404) under their class instead of under no class at all.
        return int(str(self.code)[0])

    @property
    def class_id(self) -> str:
        return f"{self.class_digit}xx"

    @property
    def path(self) -> str:
        """Site-relative URL of the page, e.g. '404/'."""
        return f"{self.number}/"

    @property
    def registered(self) -> bool:
        return self.standing in REGISTERED_STANDINGS

    @property
    def cacheable_also_defined_in(self) -> tuple[Spec, ...]:
        """Besides RFC 9110 §15.1, where this code is made heuristically cacheable: §15.1 leaves that to the
        code's own definition, so a cacheable code defined in another document (451: RFC 7725 §3) cites it."""
        if self.cacheable and self.spec is not None and self.spec.document != "RFC 9110":
            return (self.spec,)
        return ()

    @property
    def standing_label(self) -> str:
        return STANDING_LABELS[self.standing]

    def source_at(self, url: str | None) -> Source | None:
        """The entry's ``sources`` item for ``url`` (exact match), or None. Pages use it to say whether a vendor's
        ``documentation`` link is documentation or source code (nginx documents 444/499 only in its code)."""
        return next((source for source in self.sources if url and source.url == url), None)


@dataclass(frozen=True)
class CodeClass:
    digit: int
    id: str
    name: str
    description: str
    entries: tuple[Entry, ...]

    @property
    def title(self) -> str:
        return f"{self.id} {self.name}"

    @property
    def path(self) -> str:
        return f"{self.id}/"

    @property
    def registered(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.registered)

    @property
    def unofficial(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.standing == "unofficial")

    @property
    def warn_codes(self) -> tuple[Entry, ...]:
        """Warn-codes of the Warning header field (RFC 9111 §5.5 obsoleted it) that share the class's digit."""
        return tuple(e for e in self.entries if e.standing == "warn-code")


@dataclass(frozen=True)
class Reference:
    entries: tuple[Entry, ...]
    by_code: dict[int, Entry] = field(hash=False, compare=False)

    @cached_property  # computed once: class_of() runs for every page, so recomputing made builds O(n^2)
    def classes(self) -> tuple[CodeClass, ...]:
        result = []
        for digit, (cid, name, description) in CLASS_NAMES.items():
            members = tuple(e for e in self.entries if e.class_digit == digit and e.standing != "not-a-status-code")
            result.append(CodeClass(digit, cid, name, description, members))
        return tuple(result)

    @cached_property
    def outside_range(self) -> tuple[Entry, ...]:
        """Numbers outside 100-599 that logs and tools show (000, 999): no class, RFC 9110 §15 calls them invalid."""
        return tuple(e for e in self.entries if e.standing == "not-a-status-code")

    @property
    def updated(self) -> str:
        """The newest entry date: the date of pages built from all entries (home, classes)."""
        return max((e.updated for e in self.entries), default="1970-01-01")

    def class_of(self, entry: Entry) -> CodeClass | None:
        """The class an entry is listed under, or None for a number outside 100-599 (it has none)."""
        if entry.standing == "not-a-status-code":
            return None
        return next((c for c in self.classes if c.digit == entry.class_digit), None)


def _one_line(text: str) -> str:
    # Only YAML's line folding is undone; other characters (U+2028 included) are the author's and stay.
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def _md(value) -> Markdown | None:
    return Markdown(value) if value is not None else None


def _registration(data: dict) -> Registration | None:
    reg = data.get("registration")
    if not reg:
        return None
    return Registration(reg["registered"], reg["expires"], reg.get("extended"), data.get("reviewed"))


def _spec(spec: dict) -> Spec:
    draft = spec.get("current_draft")
    return Spec(
        spec["document"],
        spec["url"],
        spec.get("section"),
        Draft(draft["document"], draft["published"], draft["expires"], draft["url"]) if draft else None,
    )


def build_entry(data: dict, source: str, table: ConstantsTable | None = None) -> Entry:
    """Build an Entry from data that passed validation; library names come from ``table`` (default: vendored)."""
    spec = data.get("spec")
    return Entry(
        code=data["code"],
        phrase=data["phrase"],
        common_name=data.get("common_name"),
        aliases=tuple(data.get("aliases") or ()),
        keywords=tuple(data.get("keywords") or ()),
        standing=data["standing"],
        registration=_registration(data),
        spec=_spec(spec) if spec else None,
        vendors=tuple(
            Vendor(
                vendor=v["vendor"],
                phrase=v["phrase"],
                sent_when=Markdown(v["sent_when"]),
                what_to_do=Markdown(v["what_to_do"]),
                documentation=v.get("documentation"),
                source_note=v.get("source_note"),
                retired=bool(v.get("retired", False)),
            )
            for v in data.get("vendors") or ()
        ),
        summary=_one_line(data["summary"]),
        meaning=Markdown(data["meaning"]),
        history=_md(data.get("history")),
        when_to_use=tuple(Markdown(x) for x in data["when_to_use"]),
        when_not_to_use=tuple(Avoid(Markdown(x["situation"]), x.get("instead")) for x in data["when_not_to_use"]),
        examples=tuple(
            Example(x["title"], x["request"], x.get("response"), _md(x.get("description")), _md(x.get("no_response")))
            for x in data["examples"]
        ),
        related=tuple(Related(x["code"], Markdown(x["why"])) for x in data["related"]),
        headers=tuple(Header(x["name"], Markdown(x["why"]), x.get("url")) for x in data["headers"]),
        cacheable=data["cacheable"],
        cacheable_note=_md(data.get("cacheable_note")),
        mistakes=tuple(Markdown(x) for x in data.get("mistakes") or ()),
        best_practices=tuple(Markdown(x) for x in data.get("best_practices") or ()),
        faq=tuple(Question(x["question"], Markdown(x["answer"])) for x in data.get("faq") or ()),
        **_constants(data["code"], data.get("constants") or {}, table or load_table()),
        search_boost=data.get("search_boost"),
        sources=tuple(
            Source(x["kind"], x["title"], x["url"], x["checked"], x.get("vendor"), x.get("version"))
            for x in data.get("sources") or ()
        ),
        reviewed=data.get("reviewed"),
        updated=data["updated"],
        source=source,
    )


def _version(row: ConstantRow, version: str) -> str:
    return f"{row.ecosystem.package} {version}".strip()


def constant_status(row: ConstantRow, table: ConstantsTable) -> tuple[tuple[str, bool], ...]:
    """The state of ``row`` in words, with the versions from the table (see ConstantName.status)."""
    later = row.since and row.since != table.baseline.get(row.language)
    since = (f"since {_version(row, row.since)}", False) if later else None
    if row.state == "current":
        return ((f"current, {since[0]}", False),) if since else ()
    if row.state == "alias":
        parts = [("alias of", False), (row.replaced_by, True)]
        target = next((r for r in table.for_code(row.code) if r.name == row.replaced_by), None)
        if since:
            parts.append(("; " + since[0], False))
        elif target and target.since and target.since != table.baseline.get(row.language):
            # e.g. Python 3.13 renamed 413: the alias is the name older interpreters know.
            parts.append((f"; the only name before {_version(row, target.since)}", False))
        return tuple(parts)
    if row.state == "deprecated":
        parts = [(f"deprecated since {_version(row, row.deprecated_in)}" if row.deprecated_in else "deprecated", False)]
    else:
        parts = [(f"removed in {_version(row, row.removed_in)}" if row.removed_in else "removed", False)]
    if row.replaced_by:
        parts += [("; use", False), (row.replaced_by, True)]
    else:
        parts.append(("; no replacement", False))
    return tuple(parts)


def _constants(code: int, notes: dict, table: ConstantsTable) -> dict:
    rows = table.for_code(code)
    constants, missing = [], []
    for key, ecosystem in ECOSYSTEMS.items():
        names = tuple(
            ConstantName(
                ecosystem.usage.format(name=r.name, quoted=json.dumps(r.name), code=code),
                r.state,
                constant_status(r, table),
            )
            for r in rows
            if r.language == key
        )
        note = (notes.get(key) or {}).get("note")
        if names or note:
            constants.append(Constant(key, ecosystem.label, names, note))
        elif rows:
            missing.append(ecosystem.label)
    return {
        "constants": tuple(constants),
        "no_constant": tuple(missing),
        "constants_checked": max((r.checked_on for r in rows), default=None),
    }


def build_reference(files) -> Reference:
    """Model of every loaded file (callers pass only files that validated)."""
    entries = sorted((build_entry(f.data, f.name) for f in files), key=lambda e: e.code)
    return Reference(entries=tuple(entries), by_code={e.code: e for e in entries})
