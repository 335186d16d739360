"""The entries agree with the vendored IANA HTTP Status Code Registry (reference/iana-http-status-codes-*.csv).

Entries are read straight from codes/*.yaml (not through the full validator), so a problem elsewhere in an
entry does not hide a disagreement with the registry, and each failure names the file and the field.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generator.loader import load_file
from generator.problems import Report
from generator.registry import REGISTRY_FILE, load_registry
from generator.rules import registry as registry_rule
from generator.validate import Context

from .entries import ENTRIES, missing

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry()

# Registered codes whose defining RFC deprecates them; for these an entry may say "deprecated" instead of
# the registry's "permanent". RFC 9110 §15.4.6: 305 "was defined in a previous version of this
# specification and is now deprecated (Appendix B of [RFC7231])".
DEPRECATED_BY_RFC9110 = {305}

# 104 is a temporary registration: made 2024-11-13, extended 2025-09-15, expiring 2026-11-13.
TEMPORARY_104_REGISTERED = {"2024-11-13", "2025-09-15"}
TEMPORARY_104_EXPIRES = "2026-11-13"


def test_registry_has_64_rows():
    with REGISTRY_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 64, f"{REGISTRY_FILE.name} has {len(rows)} rows; the 2025-09-15 registry has 64"
    assert len(REGISTRY) == 64, "the registry file lists a code twice"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_registered_code_has_a_matching_entry(code):
    row = REGISTRY[code]
    if code not in ENTRIES:
        pytest.fail(f"{code} {row.phrase} is in the IANA registry but {missing(code)}")
    name, data = ENTRIES[code]
    spec = data.get("spec") if isinstance(data.get("spec"), dict) else {}
    wrong = []

    def compare(field: str, ours, theirs) -> None:
        if ours != theirs:
            wrong.append(f"{name}: {field} is {ours!r}; the registry says {theirs!r}")

    compare("phrase", data.get("phrase"), row.phrase)
    standing = data.get("standing")
    if not (standing == row.status or (standing == "deprecated" and code in DEPRECATED_BY_RFC9110)):
        wrong.append(
            f"{name}: standing is {standing!r}; the registry says {row.status!r}"
            + (
                " ('deprecated' is accepted only where RFC 9110 deprecates the code: 305)"
                if standing == "deprecated"
                else ""
            )
        )
    compare("spec.document", spec.get("document"), row.document)
    compare("spec.section", spec.get("section") or None, row.section or None)
    compare("spec.url", spec.get("url"), row.url)
    assert not wrong, "\n".join(wrong)


def test_deprecated_is_claimed_only_by_305():
    claims = sorted(code for code, (_, data) in ENTRIES.items() if data.get("standing") == "deprecated")
    assert set(claims) <= DEPRECATED_BY_RFC9110, f"standing 'deprecated' on {claims}; only 305 is deprecated"
    assert REGISTRY[305].status == "permanent"


def test_104_is_a_temporary_registration_with_its_dates():
    assert REGISTRY[104].status == "temporary"
    name, data = ENTRIES[104]
    registration = data.get("registration") or {}
    assert data.get("standing") == "temporary", f"{name}: 104 is a temporary registration"
    assert registration.get("registered") in TEMPORARY_104_REGISTERED, (
        f"{name}: registration.registered is {registration.get('registered')!r}; "
        "104 was registered 2024-11-13 and extended 2025-09-15"
    )
    assert registration.get("expires") == TEMPORARY_104_EXPIRES, (
        f"{name}: registration.expires is {registration.get('expires')!r}; the registration expires 2026-11-13"
    )


def test_every_registered_entry_is_in_the_registry():
    missing = [
        f"{name}: standing {data.get('standing')!r} but {code} is not in {REGISTRY_FILE.name}"
        for code, (name, data) in sorted(ENTRIES.items())
        if data.get("standing") != "unofficial" and code not in REGISTRY
    ]
    assert not missing, "\n".join(missing)


def test_unofficial_entries_have_no_spec_and_are_not_registered():
    wrong = []
    for code, (name, data) in sorted(ENTRIES.items()):
        if data.get("standing") != "unofficial":
            continue
        if "spec" in data:
            wrong.append(f"{name}: an unofficial code has no defining document; remove 'spec'")
        if code in REGISTRY:
            wrong.append(f"{name}: {code} is registered as {REGISTRY[code].phrase!r}, not unofficial")
    assert not wrong, "\n".join(wrong)


# --- the `registry` validation rule -------------------------------------------------------------------

GOOD_404 = """\
code: 404
phrase: Not Found
standing: permanent
spec:
  document: RFC 9110
  section: "15.5.5"
  url: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5
cacheable: true
"""

# (what was doctored, replacement of one line of GOOD_404, field the rule must name, line it must point at)
DOCTORED = [
    ("phrase", ("phrase: Not Found", "phrase: Page Not Found"), "phrase", 2),
    ("section", ('section: "15.5.5"', 'section: "15.5.4"'), "spec.section", 6),
    ("link", ("#section-15.5.5", "#section-15.5.4"), "spec.url", 7),
    ("document", ("document: RFC 9110", "document: RFC 7231"), "spec.document", 5),
    ("standing", ("standing: permanent", "standing: temporary"), "standing", 3),
    ("unofficial", ("standing: permanent", "standing: unofficial"), "standing", 3),
    ("cacheable", ("cacheable: true", "cacheable: false"), "cacheable", 8),
]


def _run_registry_rule(tmp_path: Path, text: str, filename: str = "404.yaml") -> Report:
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, f"codes/{filename}")
    assert not loaded.problems and isinstance(loaded.data, dict)
    report = Report()
    registry_rule.check(report, loaded, Context())
    return report


def test_registry_rule_accepts_an_entry_that_matches(tmp_path):
    report = _run_registry_rule(tmp_path, GOOD_404)
    assert not report, "\n".join(map(str, report.sorted()))


@pytest.mark.parametrize("what,change,field,line", DOCTORED, ids=[d[0] for d in DOCTORED])
def test_registry_rule_reports_a_doctored_entry(tmp_path, what, change, field, line):
    old, new = change
    assert old in GOOD_404
    report = _run_registry_rule(tmp_path, GOOD_404.replace(old, new, 1))
    problems = report.sorted()
    assert [(p.file, p.line, p.field) for p in problems] == [("codes/404.yaml", line, field)], "\n".join(
        map(str, problems)
    )
    message = problems[0].message
    assert "IANA registry" in message or "registered by IANA" in message, message


def test_registry_rule_reports_an_unregistered_code_claimed_as_registered(tmp_path):
    text = "code: 499\nphrase: Client Closed Request\nstanding: permanent\ncacheable: false\n"
    problems = _run_registry_rule(tmp_path, text, "499.yaml").sorted()
    assert [(p.file, p.line, p.field) for p in problems] == [("codes/499.yaml", 3, "standing")]
    assert "not in the IANA registry" in problems[0].message
