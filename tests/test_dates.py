"""Dated facts: registration and draft dates live in fields, the page states them, and a passed date that
nobody re-checked is a warning (`make validate` prints it, `--strict` and CI fail, the build goes on)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from generator import pipeline
from generator.loader import load_tree
from generator.validate import Context, validate_files

from .sitebuild import ROOT

GOOD = Path(__file__).parent / "fixtures" / "minimal" / "404.yaml"


def good_text() -> str:
    """The fixture without its own `reviewed`, which each test sets (or leaves out) itself."""
    text = GOOD.read_text()
    assert 'reviewed: "2026-11-02"\n' in text, "the fixture's reviewed date moved; update this test"
    return text.replace('reviewed: "2026-11-02"\n', "")


REGISTRATION = """
registration:
  registered: "2024-11-13"
  extended: "2025-09-15"
  expires: "2026-11-13"
"""


def entry(tmp_path: Path, extra: str) -> Path:
    codes = tmp_path / "codes"
    codes.mkdir()
    (codes / "404.yaml").write_text(good_text() + extra)
    return codes


def findings(codes: Path, today: date):
    return validate_files(load_tree(codes, codes.parent), Context(today=today)).sorted()


def test_no_warning_before_the_expiry(tmp_path):
    later = REGISTRATION.replace('expires: "2026-11-13"', 'expires: "2026-12-31"')
    codes = entry(tmp_path, later + 'reviewed: "2026-11-01"\n')
    assert findings(codes, date(2026, 12, 30)) == []


def test_a_passed_expiry_not_reviewed_since_is_a_warning_not_an_error(tmp_path):
    codes = entry(tmp_path, REGISTRATION + 'reviewed: "2026-11-01"\n')
    found = findings(codes, date(2026, 11, 30))
    assert [(p.severity, p.field) for p in found] == [("warning", "registration.expires")]
    assert "2026-11-13" in found[0].message and "2026-11-01" in found[0].message
    assert str(found[0]).startswith("codes/404.yaml:") and ": warning: " in str(found[0])


def test_a_review_after_the_expiry_silences_the_warning(tmp_path):
    codes = entry(tmp_path, REGISTRATION + 'reviewed: "2026-11-30"\n')
    assert findings(codes, date(2026, 12, 25)) == []


def test_updated_alone_does_not_count_as_a_review(tmp_path):
    # The fixture's `updated` is 2026-11-22, after the expiry: an edit is not a check of the registry.
    codes = entry(tmp_path, REGISTRATION)
    found = findings(codes, date(2026, 11, 30))
    # Without `reviewed` the entry is also refused (sources-required); the date itself is only a warning.
    assert [(p.severity, p.field) for p in found] == [("error", "reviewed"), ("warning", "registration.expires")]


def test_a_passed_draft_expiry_is_a_warning_too(tmp_path):
    text = good_text().replace(
        "  url: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        "  url: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5\n"
        "  current_draft:\n"
        "    document: draft-ietf-httpbis-example-03\n"
        '    published: "2026-01-05"\n'
        '    expires: "2026-07-09"\n'
        "    url: https://www.ietf.org/archive/id/draft-ietf-httpbis-example-03.html",
    )
    assert "current_draft" in text, "the fixture's spec.url moved; update this test"
    codes = tmp_path / "codes"
    codes.mkdir()
    (codes / "404.yaml").write_text(text + 'reviewed: "2026-07-01"\n')
    found = findings(codes, date(2026, 11, 30))
    assert [(p.severity, p.field) for p in found] == [("warning", "spec.current_draft.expires")]


def test_the_command_line_warns_and_strict_fails(tmp_path):
    codes = entry(tmp_path, REGISTRATION + 'reviewed: "2026-11-01"\n')

    def validate(*flags):
        return subprocess.run(
            [sys.executable, "-m", "generator", "--codes", str(codes), "validate", *flags],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )

    lenient, strict = validate(), validate("--strict")
    assert lenient.returncode == 0, lenient.stderr
    assert "registration.expires: warning:" in lenient.stderr and "1 entries valid" in lenient.stdout
    assert strict.returncode == 1 and "registration.expires: warning:" in strict.stderr
    assert "Traceback" not in lenient.stderr + strict.stderr


def test_a_warning_never_stops_the_build(tmp_path):
    codes = entry(tmp_path, REGISTRATION + 'reviewed: "2026-11-01"\n')
    result = pipeline.run(codes, tmp_path, "https://example.invalid/edit/")
    assert result.ok and result.report.warnings
    page = next(p for p in result.pages if p.src_uri == "404.md")
    markdown = page.markdown.replace("\\", "")  # plain text is backslash-escaped for Markdown
    assert "IANA registered 404 temporarily on 2024-11-13, extended the registration on 2025-09-15," in markdown
    # Reviewed before the expiry: the page must not claim anything about what happened after it.
    assert "had passed" not in markdown


def test_the_104_page_states_its_dates_from_the_fields(site):
    text = " ".join(site.soup("104/").get_text(" ").split()).replace(" ,", ",")
    assert (
        "IANA registered 104 temporarily on 2024-11-13, extended the registration on 2025-09-15, and listed it"
        " as expiring on 2026-11-13" in text
    )
    # Tied to the review: a page built months later still says only what was true when someone looked.
    assert "was known then. At that review, the newest version of the draft was" in text
    assert "due to expire on 2027-05-06" in text and " expires on" not in text
    assert "That date had passed when this entry was last reviewed, on 2026-11-30" in text
    assert "draft-ietf-httpbis-resumable-upload-15, published 2026-11-02" in text
    assert "now expires" not in text
    # Stated once, in the note under the summary; never turned into a heading of the table of contents.
    assert text.count("IANA registered 104 temporarily") == 1
    toc = " ".join(a.get_text(" ") for a in site.soup("104/").select("nav.md-nav--secondary a"))
    assert "IANA registered" not in toc


def test_no_dated_fact_in_the_real_entries_has_gone_stale():
    """CI's guard (issue: "CI fails on that warning so maintainers must look"). When this fails, a registration
    or draft date in codes/ has passed since the entry was last reviewed: check the registry and the draft,
    update the fields and set `reviewed`. The site itself still builds."""
    from generator.validate import validate_tree

    _, report = validate_tree(ROOT / "codes", ROOT)
    assert not report.warnings, "\n".join(map(str, report.warnings))
