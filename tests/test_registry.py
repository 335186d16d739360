"""The `registry` rule: registered entries agree with the vendored IANA registry (reference/iana-*.csv).

Also the facts about the corpus as a whole that no single entry can be blamed for: the registry file has the
64 rows of the 2025-09-15 registry, and every registered code has an entry.
"""

from __future__ import annotations

import csv

import pytest

from generator.registry import REGISTRY_FILE, load_registry
from generator.rules import registry as registry_rule

from .entries import ENTRIES, missing
from .rulecheck import run_rule, where

REGISTRY = load_registry()

# 104 is a temporary registration: made 2024-11-13, extended 2025-09-15, expiring 2026-11-13.
TEMPORARY_104_REGISTERED = {"2024-11-13", "2025-09-15"}
TEMPORARY_104_EXPIRES = "2026-11-13"


def test_registry_has_64_rows():
    with REGISTRY_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 64, f"{REGISTRY_FILE.name} has {len(rows)} rows; the 2025-09-15 registry has 64"
    assert len(REGISTRY) == 64, "the registry file lists a code twice"
    assert REGISTRY[305].status == "permanent" and REGISTRY[104].status == "temporary"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_registered_code_has_an_entry(code):
    assert code in ENTRIES, f"{code} {REGISTRY[code].phrase} is in the IANA registry but {missing(code)}"


def test_104_is_a_temporary_registration_with_its_dates():
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

GOOD_305 = """\
code: 305
phrase: Use Proxy
standing: deprecated
spec:
  document: RFC 9110
  section: "15.4.6"
  url: https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6
cacheable: false
"""

# (what was doctored, replacement of one line of GOOD_404, field the rule must name, line it must point at)
DOCTORED = [
    ("phrase", ("phrase: Not Found", "phrase: Page Not Found"), "phrase", 2),
    ("section", ('section: "15.5.5"', 'section: "15.5.4"'), "spec.section", 6),
    ("link", ("#section-15.5.5", "#section-15.5.4"), "spec.url", 7),
    ("document", ("document: RFC 9110", "document: RFC 7231"), "spec.document", 5),
    ("standing", ("standing: permanent", "standing: temporary"), "standing", 3),
    ("deprecated", ("standing: permanent", "standing: deprecated"), "standing", 3),
]


def test_accepts_an_entry_that_matches(tmp_path):
    assert run_rule(registry_rule, tmp_path, GOOD_404) == []


def test_accepts_305_as_deprecated(tmp_path):
    # RFC 9110 §15.4.6 deprecates 305 although the registry still lists it as permanent.
    assert run_rule(registry_rule, tmp_path, GOOD_305, "305.yaml") == []


@pytest.mark.parametrize("what,change,field,line", DOCTORED, ids=[d[0] for d in DOCTORED])
def test_reports_a_doctored_entry(tmp_path, what, change, field, line):
    old, new = change
    assert old in GOOD_404
    problems = run_rule(registry_rule, tmp_path, GOOD_404.replace(old, new, 1))
    assert where(problems) == [("codes/404.yaml", line, field)], "\n".join(map(str, problems))
    message = problems[0].message
    assert "IANA registry" in message or "registered by IANA" in message, message
    if what == "deprecated":
        assert "305, RFC 9110 §15.4.6" in message


def test_reports_an_unregistered_code_claimed_as_registered(tmp_path):
    text = "code: 499\nphrase: Client Closed Request\nstanding: permanent\ncacheable: false\n"
    problems = run_rule(registry_rule, tmp_path, text, "499.yaml")
    assert where(problems) == [("codes/499.yaml", 3, "standing")]
    assert "not in the IANA registry" in problems[0].message


def test_reports_a_registered_code_claimed_as_unofficial(tmp_path):
    problems = run_rule(registry_rule, tmp_path, GOOD_404.replace("standing: permanent", "standing: unofficial"))
    # Its spec is right for a registered code, so only the standing is reported.
    assert where(problems) == [("codes/404.yaml", 3, "standing")]
    assert "registered by IANA as 'Not Found'" in problems[0].message


def test_reports_an_unofficial_code_with_a_spec(tmp_path):
    text = (
        "code: 499\nphrase: Client Closed Request\nstanding: unofficial\n"
        "spec:\n  document: nginx\n  section: '1'\n  url: https://nginx.org/\ncacheable: false\n"
    )
    problems = run_rule(registry_rule, tmp_path, text, "499.yaml")
    assert where(problems) == [("codes/499.yaml", 4, "spec")]
    assert "remove 'spec'" in problems[0].message
