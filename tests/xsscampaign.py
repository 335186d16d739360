"""The XSS campaign behind tests/test_xss.py and tests/browser/test_xss_browser.py: payloads, the text fields
they go into (walked from the JSON Schema), one validation and a few builds for all of them, and what a clean
page looks like. See tests/test_xss.py for the whole method."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from generator.__main__ import main as generator_main
from generator.problems import Problem, format_path
from generator.registry import load_registry
from generator.schema import load_schema
from generator.validate import Context, validate_tree

from .sitebuild import BuiltSite, build_cli

HERE = Path(__file__).parent
PAYLOAD_FILE = HERE / "xss" / "payloads.txt"
REGISTERED_FIXTURE = HERE / "fixtures" / "minimal" / "404.yaml"
UNOFFICIAL_FIXTURE = HERE / "fixtures" / "unofficial" / "499.yaml"
SITE_NAME = "HTTP Status Codes"

BENIGN = "Harmless baseline words"  # the baseline build carries this where payloads go
GROUP_SIZE = 18  # payloads per build
_REGISTRY = load_registry()
# Each payload of a build gets a registered 4xx code and an unregistered 4xx code, 404 and 499 first.
REGISTERED_CODES = [404] + [
    c for c, row in sorted(_REGISTRY.items()) if 400 <= c < 500 and c != 404 and row.status == "permanent"
][: GROUP_SIZE - 1]
UNOFFICIAL_CODES = [c for c in range(499, 400, -1) if c not in _REGISTRY][:GROUP_SIZE]

_ESCAPES = re.compile(r"\\(u[0-9A-Fa-f]{4}|[tnr\\])")


def decode(line: str) -> str:
    return _ESCAPES.sub(
        lambda m: (
            chr(int(m.group(1)[1:], 16))
            if m.group(1)[0] == "u"
            else {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[m.group(1)]
        ),
        line,
    )


PAYLOADS = [decode(line) for line in PAYLOAD_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def payload_id(index: int) -> str:
    text = re.sub(r"[^\x21-\x7e]+", "_", PAYLOADS[index])
    return f"{index:02d}-{text[:40]}"


# --- fields ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One place a payload goes: a text field of the registered or of the unofficial entry."""

    entry: str  # "registered" or "unofficial"
    path: tuple
    kind: str  # the schema's $defs name ("markdown", "plain_line", ...) or "string"
    placement: str  # how the payload is put in: plain, summary, markdown, body, header

    @property
    def field(self) -> str:
        return format_path(self.path)

    def __str__(self) -> str:
        return f"{self.entry}:{self.field}"


def _resolve(schema: dict, node: dict) -> tuple[dict, str | None]:
    kind = None
    while "$ref" in node:
        kind = node["$ref"].rsplit("/", 1)[-1]
        node = schema["$defs"][kind]
    return node, kind


def _is_text(node: dict) -> bool:
    return node.get("type") == "string" and "enum" not in node


def schema_text_fields() -> set[tuple]:
    """Every text field the schema defines, as an abstract path ('[]' for any list index)."""
    schema = load_schema()
    found: set[tuple] = set()

    def walk(node: dict, path: tuple):
        node, _ = _resolve(schema, node)
        if _is_text(node):
            found.add(path)
        for key, child in node.get("properties", {}).items():
            walk(child, path + (key,))
        if "items" in node:
            walk(node["items"], path + ("[]",))

    walk(schema, ())
    return found


def abstract(path: tuple) -> tuple:
    return tuple("[]" if isinstance(part, int) else part for part in path)


def _slots_in(data: dict, entry: str) -> list[Slot]:
    """Text fields present in ``data``: list items of text are appended, lists of objects use item 0."""
    schema = load_schema()
    slots = []

    def walk(node: dict, value, path: tuple, kind: str | None = None):
        node, ref = _resolve(schema, node)
        kind = ref or kind
        if _is_text(node):
            slots.append((path, kind or "string"))
        elif "properties" in node and isinstance(value, dict):
            for key, child in node["properties"].items():
                if key in value:
                    walk(child, value[key], path + (key,))
        elif "items" in node and isinstance(value, list):
            items, item_kind = _resolve(schema, node["items"])
            if _is_text(items):
                slots.append((path + (len(value),), item_kind or "string"))
            else:  # every item, so that a field only a later item has is found too (first one wins below)
                for index, item in enumerate(value):
                    walk(node["items"], item, path + (index,))

    walk(schema, data, ())
    result = []
    seen = set()
    for path, kind in slots:
        if abstract(path) in seen:
            continue
        seen.add(abstract(path))
        if path == ("summary",):
            placement = "summary"
        elif kind == "markdown":
            placement = "markdown"
        elif kind == "http_message":
            placement = "body"
        else:
            placement = "plain"
        result.append(Slot(entry, path, kind, placement))
        if kind == "http_message":  # the same message kinds again, this time with the payload in a header
            result.append(Slot(entry, (path[0], 1) + path[2:], kind, "header"))
    return result


@lru_cache(maxsize=None)
def _fixture(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def registered_base() -> dict:
    """The minimal 404 entry, with every optional field it lacks filled in."""
    data = copy.deepcopy(_fixture(REGISTERED_FIXTURE))
    data.setdefault("common_name", "Not Found")
    data.setdefault("aliases", ["Not Found Here"])
    data.setdefault("history", "RFC 9110 kept the meaning RFC 7231 gave 404.")
    data.setdefault("registration", {"registered": "2026-01-01", "extended": "2026-06-01", "expires": "2099-01-01"})
    data["spec"].setdefault(
        "current_draft",
        {
            "document": "draft-ietf-httpbis-example-03",
            "published": "2026-05-01",
            "expires": "2099-01-01",
            "url": "https://www.ietf.org/archive/id/draft-ietf-httpbis-example-03.html",
        },
    )
    data["related"] = [{"code": 499, "why": "499 is an unofficial code; 404 is registered."}]
    data["when_not_to_use"][0]["instead"] = 499
    # A note for every library the schema knows (the names themselves come from the vendored table).
    for language in load_schema()["properties"]["constants"]["properties"]:
        data["constants"].setdefault(language, {}).setdefault("note", "Since the first release.")
    assert len(data["examples"]) >= 2
    return data


def unofficial_base() -> dict:
    data = copy.deepcopy(_fixture(UNOFFICIAL_FIXTURE))
    data["related"] = [{"code": 404, "why": "404 is registered; 499 is not."}]
    return data


def all_slots() -> list[Slot]:
    """Registered-entry fields go into the 404 copy; fields only an unofficial entry can hold freely (its
    phrase, which a registered entry must take from the IANA registry, and vendors) go into the 499 copy."""
    registered = [s for s in _slots_in(registered_base(), "registered") if s.path != ("phrase",)]
    seen = {abstract(s.path) for s in registered}
    unofficial = [
        s for s in _slots_in(unofficial_base(), "unofficial") if abstract(s.path) not in seen or s.path == ("phrase",)
    ]
    return registered + unofficial


SLOTS = all_slots()


def slot_value(slot: Slot, payload: str) -> str:
    if slot.placement == "summary":  # 40-200 characters
        return payload if len(payload) >= 40 else f"{payload} (padded to the forty characters needed)"
    if slot.placement == "markdown":  # inline, closing a paragraph, and as a paragraph of its own
        return f"Lead text {payload} tail.\n{payload}\n\n{payload}\n"
    request = slot.path[-1] == "request"
    if slot.placement == "body":
        start = "POST /submit HTTP/1.1\nHost: www.example.com" if request else "HTTP/1.1 404 Not Found"
        return f"{start}\nContent-Type: text/plain\n\n{payload}\n"
    if slot.placement == "header":
        start = "GET / HTTP/1.1\nHost: www.example.com" if request else "HTTP/1.1 404 Not Found"
        return f"{start}\nX-Note: {payload}\n"
    return payload


def one_line(text: str) -> str:
    """What the model keeps of a summary: YAML line folding undone (U+2028 stays)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def visible(text: str) -> str:
    """Text as a reader sees it, whitespace collapsed."""
    return " ".join(text.split())


def put(data: dict, path: tuple, value) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    last = path[-1]
    if isinstance(target, list) and last == len(target):
        target.append(value)
    else:
        target[last] = value


def get(data: dict, path: tuple):
    for part in path:
        data = data[part]
    return data


def entry_data(kind: str, payload: str, slots, code: int, partner: int, registry) -> dict:
    data = registered_base() if kind == "registered" else unofficial_base()
    data["code"] = code
    data["related"][0]["code"] = partner
    if kind == "registered":  # what the registry says about ``code`` (before the payload goes in)
        data["when_not_to_use"][0]["instead"] = partner
        row = registry[code]
        data["phrase"] = row.phrase
        draft = {"current_draft": data["spec"]["current_draft"]} if "current_draft" in data["spec"] else {}
        data["spec"] = {
            "document": row.document,
            "url": row.url,
            **({"section": row.section} if row.section else {}),
            **draft,
        }
        data["cacheable"] = row.cacheable
        for source in data.get("sources", []):  # the recoded entry cites its own defining section
            if source["kind"] == "specification":
                source["url"] = row.url
    for slot in slots:
        if slot.entry == kind:
            put(data, slot.path, slot_value(slot, payload))
    return data


def write_entry(codes: Path, data: dict) -> Path:
    codes.mkdir(parents=True, exist_ok=True)
    path = codes / f"{data['code']}.yaml"
    text = "# written by tests/test_xss.py\n" + json.dumps(data, indent=2, ensure_ascii=True) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


# --- one run over every payload -------------------------------------------------------------------------

PROBLEM_LINE = re.compile(r"^(?P<file>\S+\.yaml):(?P<line>\d+): (?P<field>[^:\s]+): (?P<message>\S.*)$")
SUMMARY_LINE = re.compile(r"^\d+ problem\(s\) in \d+ file\(s\)$")


@dataclass
class Outcome:
    index: int  # -1 for the harmless baseline
    payload: str
    rejected: dict[Slot, list[Problem]] = field(default_factory=dict)
    accepted: list[Slot] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # problems no slot explains, badly placed lines
    cli_status: int | None = None
    cli_output: str = ""
    group: "Group | None" = None
    registered_code: int = 0
    unofficial_code: int = 0

    def value(self, slot: Slot) -> str:
        return slot_value(slot, self.payload)


@dataclass
class Group:
    number: int
    work: Path
    outcomes: list[Outcome]
    problems: list[str] = field(default_factory=list)  # the accepted-only entries must validate together
    returncode: int | None = None
    output: str = ""

    @property
    def site(self) -> Path:
        return self.work / "site"

    @cached_property
    def built(self) -> BuiltSite:
        return BuiltSite(self.site)

    def soup(self, url_path: str) -> BeautifulSoup:
        return self.built.soup(url_path)

    @property
    def pages(self) -> list[str]:
        return self.built.pages


@dataclass
class Campaign:
    outcomes: list[Outcome]  # baseline first, then one per payload in file order
    groups: list[Group]

    @property
    def baseline(self) -> Outcome:
        return self.outcomes[0]

    def of(self, index: int) -> Outcome:
        return self.outcomes[index + 1]


def _classify(outcome: Outcome, work: Path, context: Context, registry) -> None:
    """Validate the payload in every slot at once and attribute each problem to its slot."""
    codes = work / "codes"
    paths = {
        "registered": write_entry(codes, entry_data("registered", outcome.payload, SLOTS, 404, 499, registry)),
        "unofficial": write_entry(codes, entry_data("unofficial", outcome.payload, SLOTS, 499, 404, registry)),
    }
    names = {kind: f"codes/{path.name}" for kind, path in paths.items()}
    lines = {kind: path.read_text(encoding="utf-8").splitlines() for kind, path in paths.items()}
    _, report = validate_tree(codes, work, context)
    for problem in report.sorted():
        owners = [
            s
            for s in SLOTS
            if names[s.entry] == problem.file
            and (problem.field == s.field or problem.field.startswith((s.field + ".", s.field + "[")))
        ]
        if len(owners) != 1:
            outcome.unexpected.append(f"no single field explains {problem}")
            continue
        slot = owners[0]
        outcome.rejected.setdefault(slot, []).append(problem)
        serialized = json.dumps(outcome.value(slot), ensure_ascii=True)
        text = lines[slot.entry][problem.line - 1] if 0 < problem.line <= len(lines[slot.entry]) else ""
        if serialized not in text:
            outcome.unexpected.append(f"{problem}: line {problem.line} does not hold the value ({text[:60]!r})")
    outcome.accepted = [s for s in SLOTS if s not in outcome.rejected]
    # The command line, in-process: exit status 1 and nothing but file:line: field: message lines.
    stream = io.StringIO()
    with contextlib.redirect_stderr(stream), contextlib.redirect_stdout(stream):
        outcome.cli_status = generator_main(["--codes", str(codes), "validate"])
    outcome.cli_output = stream.getvalue()


def _prepare_group(group: Group, context: Context, registry) -> None:
    codes = group.work / "codes"
    for position, outcome in enumerate(group.outcomes):
        outcome.group = group
        outcome.registered_code = REGISTERED_CODES[position]
        outcome.unofficial_code = UNOFFICIAL_CODES[position]
        for kind, code, partner in (
            ("registered", outcome.registered_code, outcome.unofficial_code),
            ("unofficial", outcome.unofficial_code, outcome.registered_code),
        ):
            write_entry(codes, entry_data(kind, outcome.payload, outcome.accepted, code, partner, registry))
    _, report = validate_tree(codes, group.work, context)
    group.problems = [str(p) for p in report.sorted()]


def _build_group(group: Group) -> None:
    # Two builds run at once: each in its own interpreter, since a MkDocs build is not thread-safe.
    done = build_cli(group.work / "codes", group.site)
    group.returncode = done.returncode
    group.output = done.stdout + done.stderr


def run_campaign(work: Path) -> Campaign:
    context = Context()
    registry = _REGISTRY
    outcomes = [Outcome(-1, BENIGN)] + [Outcome(i, p) for i, p in enumerate(PAYLOADS)]
    for outcome in outcomes:
        _classify(outcome, work / "validate" / f"p{outcome.index + 1:03d}", context, registry)
    # The baseline is built alone, so that its shared pages (home, classes) list nothing but harmless text.
    chunks = [outcomes[:1]] + [outcomes[start : start + GROUP_SIZE] for start in range(1, len(outcomes), GROUP_SIZE)]
    groups = [Group(n, work / f"build-{n:02d}", chunk) for n, chunk in enumerate(chunks)]
    for group in groups:
        _prepare_group(group, context, registry)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(_build_group, [g for g in groups if not g.problems]))
    return Campaign(outcomes, groups)


_CAMPAIGN: Campaign | None = None


def campaign_for(tmp_path_factory) -> Campaign:
    """The one run of a test session (the browser tests load the same builds)."""
    global _CAMPAIGN
    if _CAMPAIGN is None:
        _CAMPAIGN = run_campaign(tmp_path_factory.mktemp("xss"))
    return _CAMPAIGN


def baseline_page_for(campaign: Campaign, group: Group, url_path: str) -> str:
    """The baseline build's page that plays the same part as ``url_path`` of ``group``."""
    codes = {o.registered_code: "404/" for o in group.outcomes}
    codes.update({o.unofficial_code: "499/" for o in group.outcomes})
    match = re.fullmatch(r"(\d{3})/", url_path)
    return codes[int(match.group(1))] if match else url_path
