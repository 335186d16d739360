"""The guide's tree (guide/tree.yaml): the real one is sound, and each kind of mistake is reported at its
file and line, all at once, without a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import interactive
from generator.rules import guide_tree
from generator.validate import Context

from .rulecheck import load_written

ROOT = Path(__file__).resolve().parent.parent
KNOWN = {int(p.stem) for p in (ROOT / "codes").glob("*.yaml")}

SMALL = """\
title: Which status code should I return?
start: start
questions:
  start:
    question: Did it work?
    answers:
      - answer: "Yes"
        next: created
      - answer: "No"
        code: 500
        why: 500 Internal Server Error (RFC 9110 §15.6.1).
  created:
    question: Was a resource created?
    answers:
      - answer: "Yes"
        code: 201
        why: 201 Created (RFC 9110 §15.3.2).
      - answer: "No"
        code: 200
        why: 200 OK (RFC 9110 §15.3.1).
"""


def check(tmp_path: Path, text: str, known=frozenset({200, 201, 500}), min_codes: int = 3) -> list[str]:
    loaded, report = load_written(tmp_path, "guide/tree.yaml", text)
    if not loaded.problems:
        original = guide_tree.MIN_CODES
        guide_tree.MIN_CODES = min_codes
        try:
            guide_tree.check(report, loaded, set(known))
        finally:
            guide_tree.MIN_CODES = original
    return [str(p) for p in report.sorted()]


def test_the_real_guide_is_valid_and_reaches_40_codes_with_entries():
    data, report = interactive.load(ROOT, KNOWN, Context(), ROOT)
    assert not report.problems, [str(p) for p in report.problems]
    codes = {answer["code"] for _, answer in interactive.guide_paths(data.guide)}
    assert len(codes) >= 40
    assert codes <= KNOWN
    # Vendor codes a server author might send are there, each with the registered code to send instead.
    for vendor in (420, 440, 509, 520, 522):
        answers = [a for _, a in interactive.guide_paths(data.guide) if a["code"] == vendor]
        assert answers and all(a.get("instead") in KNOWN for a in answers), vendor


def test_a_sound_small_tree_has_no_problem(tmp_path):
    assert check(tmp_path, SMALL) == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "code: 500",
            "code: 599",
            ["guide/tree.yaml:10: questions.start.answers[1].code: 599 has no entry in codes/"],
        ),
        (
            "next: created",
            "next: create",
            [
                "guide/tree.yaml:8: questions.start.answers[0].next: no question has the id 'create'",
                "guide/tree.yaml:12: questions.created: question 'created' cannot be reached from start",
            ],
        ),
        (
            "        code: 200\n        why: 200 OK (RFC 9110 §15.3.1).",
            "        next: start",
            [
                "guide/tree.yaml:19: questions.created.answers[1].next: this answer leads back to 'start', a cycle: "
                "start -> created -> start"
            ],
        ),
        (
            "        code: 500\n",
            "        code: 500\n        next: created\n",
            [
                "guide/tree.yaml:9: questions.start.answers[1]: an answer has either next (another question) or "
                "code + why (an end), not both"
            ],
        ),
        (
            '      - answer: "No"\n        code: 500',
            "      - answer: No\n        code: 500",
            [
                "guide/tree.yaml:9: questions.start.answers[1].answer: expected text, got true/false (YAML reads "
                'Yes/No/On/Off as true/false: quote it, "Yes")'
            ],
        ),
        ("start: start", "start: begin", ["guide/tree.yaml:2: start: no question has the id 'begin'"]),
        (
            "    question: Did it work?",
            "    question: Did it **work**?",
            [
                "guide/tree.yaml:5: questions.start.question: questions.start.question is plain text and is shown "
                "exactly as written: remove the markup (Markdown emphasis '**work**')"
            ],
        ),
        (
            '      - answer: "Yes"\n        next: created',
            "      - answer: '[docs](javascript:alert(document.domain))'\n        next: created",
            ["guide/tree.yaml:7: questions.start.answers[0].answer: questions.start.answers[0].answer is plain text"],
        ),
        (
            "why: 500 Internal Server Error (RFC 9110 §15.6.1).",
            "why: 500 &amp; ![i](https://evil.example/x.png) (RFC 9110 §15.6.1).",
            [
                "guide/tree.yaml:11: questions.start.answers[1].why: questions.start.answers[1].why is plain text and "
                "is shown exactly as written: remove the markup (character reference '&amp;')"
            ],
        ),
        (
            "start: start",
            "start: begin\ndescription: x",
            [
                "guide/tree.yaml:2: start: no question has the id 'begin'",
                "guide/tree.yaml:3: description: unknown field 'description'",
            ],
        ),
        (
            "code: 500",
            'code: "500"',
            ["guide/tree.yaml:10: questions.start.answers[1].code: expected a whole number, got text"],
        ),
    ],
    ids=[
        "code-without-entry",
        "missing-question",
        "cycle",
        "next-and-code",
        "yes-no-as-boolean",
        "bad-start",
        "bold-in-question",
        "link-in-answer",
        "markup-in-why",
        "unknown-field-and-bad-start",
        "code-as-text",
    ],
)
def test_each_mistake_is_reported_at_its_line(tmp_path, old, new, expected):
    assert old in SMALL
    problems = check(tmp_path, SMALL.replace(old, new, 1))
    for line in expected:
        assert any(p.startswith(line) for p in problems), f"{line!r} not in {problems}"


def test_a_type_error_does_not_hide_a_wrong_next_or_a_malformed_question(tmp_path):
    """Every problem at once: the schema's type error, and the tree checks on the well-formed parts."""
    text = SMALL.replace("code: 500", 'code: "500"').replace("next: created", "next: creatd")
    text += "  broken: just text\n  odd:\n    question: Odd?\n    answers: [1, 2]\n"
    problems = check(tmp_path, text)
    assert any(
        p.startswith("guide/tree.yaml:10: questions.start.answers[1].code: expected a whole number") for p in problems
    )
    assert any(
        p.startswith("guide/tree.yaml:8: questions.start.answers[0].next: no question has the id 'creatd'")
        for p in problems
    )
    assert any(p.startswith("guide/tree.yaml:21: questions.broken: expected a mapping, got text") for p in problems)
    assert any(p.startswith("guide/tree.yaml:22: questions.odd: question 'odd' cannot be reached") for p in problems)
    assert [p for p in problems if "answers[0]" in p and "odd" in p] == [
        "guide/tree.yaml:24: questions.odd.answers[0]: expected a mapping, got a number"
    ]


def test_sizes_are_limited_by_the_schema(tmp_path):
    answer = '      - answer: "No"\n        code: 500\n        why: 500 Internal Server Error (RFC 9110 §15.6.1).\n'
    assert answer in SMALL
    assert check(tmp_path, SMALL.replace(answer, answer * 11, 1)) == []  # 12 answers
    assert "guide/tree.yaml:7: questions.start.answers: too many: at most 12 (has 13)" in check(
        tmp_path, SMALL.replace(answer, answer * 12, 1)
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "# nothing yet\n",
            "guide/tree.yaml:1: (file): the file is empty; the guide is a mapping of fields (see guide/tree.yaml in "
            "the repository)",
        ),
        (
            "- a\n",
            "guide/tree.yaml:1: (file): the file holds a list; the guide must be a mapping of fields (title: ..., "
            "start: ..., questions: ...)",
        ),
    ],
    ids=["empty", "a-list"],
)
def test_a_file_that_is_no_guide_is_called_the_guide(tmp_path, text, expected):
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "tree.yaml").write_text(text, encoding="utf-8")
    _, report = interactive.load(tmp_path, KNOWN, Context(), tmp_path)
    assert [str(p) for p in report.problems] == [expected]


def test_validate_says_it_checked_the_guide_and_the_scenarios():
    from generator.__main__ import checked_summary

    data, _ = interactive.load(ROOT, KNOWN, Context(), ROOT)
    assert len(data.scenarios) > 1
    assert checked_summary(106, data) == f"106 entries, the guide and {len(data.scenarios)} scenarios"
    assert checked_summary(3, interactive.Interactive()) == "3 entries"
    assert checked_summary(3, interactive.Interactive(scenarios={"a": {}})) == "3 entries and 1 scenario"


def test_too_few_codes_is_reported(tmp_path):
    assert check(tmp_path, SMALL, min_codes=40) == [
        "guide/tree.yaml:4: questions: the answers reach 3 distinct codes; the guide must reach at least 40"
    ]


def test_make_validate_reports_guide_problems_with_the_entries(tmp_path):
    """`python -m generator validate` prints the guide's problems as file:line: field: message, no traceback."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", tmp_path / "codes")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "tree.yaml").write_text(SMALL.replace("next: created", "next: nowhere"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--codes", "codes", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "guide/tree.yaml:8: questions.start.answers[0].next: no question has the id 'nowhere'" in result.stderr
    assert "guide/tree.yaml:16: questions.created.answers[0].code: 201 has no entry in codes/" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_built_guide_page_has_its_own_head_and_links_every_code(site, reference):
    """/guide/ is a page of its own kind: its title, description and JSON-LD say what it is (not the home
    page's), every answer links its code's page, and the script's data links the same pages."""
    import json

    soup = site.soup("guide/")
    assert soup.title.get_text() == "Which status code should I return? - HTTP Status Codes"
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Answer one question at a time") and "70 codes" in description
    assert soup.find("link", rel="canonical")["href"] == site.site_url + "guide/"
    types = [block["@type"] for block in site.json_ld(soup)]
    assert types == ["WebPage", "BreadcrumbList"]
    tree = json.loads((site.root / "assets" / "tryit" / "guide.json").read_text(encoding="utf-8"))
    ends = [a for q in tree["questions"].values() for a in q["answers"] if "code" in a]
    linked = {a["href"] for a in soup.select("article li a")}
    for answer in ends:
        entry = reference.by_code[answer["code"]]
        assert answer["href"] == f"../{entry.number}/" and answer["phrase"] == entry.name
        assert answer["href"] in linked
        assert (site.root / entry.number / "index.html").is_file()


def test_the_sidebar_lists_the_guide_after_home(site):
    """mkdocs.yml cannot name the guide (projects without guide/ would fail a strict build); the plugin adds it."""
    for path in ("404/", "4xx/", "guide/"):
        links = site.soup(path).select("nav.md-nav--primary > ul > li > a.md-nav__link")
        titles = [" ".join(a.get_text(" ").split()) for a in links]
        assert titles[:2] == ["Home", "Which status code should I return?"], (path, titles)
    current = site.soup("guide/").select_one("nav.md-nav--primary li.md-nav__item--active > a")
    assert current is not None and "Which status code" in current.get_text()


def test_without_directory_urls_the_guide_links_pages_as_files():
    """The offline copy publishes 404.html, not 404/: the links the script draws follow it, like the home grid's."""
    import json

    from generator import kinds, pipeline, seo

    site = seo.Site("HTTP Status Codes", None, "", directory_urls=False)
    result = pipeline.run(ROOT / "codes", ROOT, pipeline.DEFAULT_EDIT_URL_BASE, site=site)
    assert result.ok
    by_uri = {page.src_uri: page for page in result.pages}
    tree = json.loads(by_uri["assets/tryit/guide.json"].content)
    hrefs = {a["href"] for q in tree["questions"].values() for a in q["answers"] if "href" in a}
    assert "404.html" in hrefs and all(h.endswith(".html") and "/" not in h for h in hrefs)
    assert '<a href="404.html">' in by_uri["index.md"].content
    assert kinds.kind_named("guide-data").media_type == "application/json"


def test_the_preview_leaves_the_guide_out_while_an_entry_it_names_is_broken(tmp_path):
    """`make serve` renders what is valid: with 404.yaml broken, the guide (which links 404) waits for the fix
    instead of failing the preview with a traceback."""
    from generator import pipeline

    shutil.copytree(ROOT / "codes", tmp_path / "codes")
    shutil.copytree(ROOT / "guide", tmp_path / "guide")
    entry = tmp_path / "codes" / "404.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("phrase: Not Found", "phrase: [Not Found"))
    result = pipeline.run(tmp_path / "codes", tmp_path, pipeline.DEFAULT_EDIT_URL_BASE, partial=True)
    assert [p.file for p in result.report.errors] == ["codes/404.yaml"]
    uris = {page.src_uri for page in result.pages}
    assert "404.md" in uris and "guide.md" not in uris and "assets/tryit/guide.json" not in uris
    assert "guide.md" not in next(p for p in result.pages if p.src_uri == "index.md").content
