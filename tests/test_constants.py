"""Library constants: the vendored table (reference/constants-upstream.csv), the `constants` rule, the page.

Every check reads the vendored table, never the running interpreter's ``http`` module: the table says which
library version each name comes from, while the interpreter running the tests is whatever is installed.
That the table matches the libraries themselves is tested in tests/test_update_constants.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.constants import ECOSYSTEMS, load_table, read_rows
from generator.loader import load_file
from generator.problems import Report
from generator.rules import constants as rule
from generator.validate import Context

from .entries import ENTRIES, missing

TABLE = load_table()

# Codes whose library phrase is neither the registered phrase, the common name nor an alias of the entry.
# (language, code) -> (the phrase the library uses, why that is fine)
PHRASE_EXCEPTIONS = {
    ("python", 418): (
        "I'm a Teapot",
        "registered as '(Unused)' (RFC 9110 §15.5.19); Python keeps the RFC 2324 name, which the entry gives "
        "as its common_name in RFC 2324's capitalisation",
    ),
    ("node", 418): ("I'm a Teapot", "as for Python"),
}


def run_rule(tmp_path: Path, code: int, constants_yaml: str = "", faq_answer: str | None = None) -> list[str]:
    """Problems the constants rule reports for the minimal entry turned into ``code`` with the given parts."""
    text = (Path(__file__).parent / "fixtures" / "minimal" / "404.yaml").read_text(encoding="utf-8")
    text = text.replace("code: 404\n", f"code: {code}\n", 1)
    head, _, tail = text.partition("constants:\n")
    text = head + constants_yaml + tail[tail.index("updated:") :]
    if faq_answer is not None:
        text = text.replace("faq:\n", f"faq:\n  - question: Why?\n    answer: {faq_answer!r}\n", 1)
    path = tmp_path / f"{code}.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, f"codes/{code}.yaml")
    assert not loaded.problems, loaded.problems
    report = Report()
    rule.check(report, loaded, Context())
    return [str(p) for p in report.sorted()]


def test_a_removed_name_in_an_entry_is_reported_with_its_replacement(tmp_path):
    problems = run_rule(tmp_path, 421, "constants:\n  spring: {name: HttpStatus.DESTINATION_LOCKED}\n")
    assert len(problems) == 1
    assert problems[0].endswith(
        ": constants.spring: HttpStatus.DESTINATION_LOCKED was removed in Spring Framework 7.0; "
        "use HttpStatus.MISDIRECTED_REQUEST"
    )
    assert problems[0].startswith("codes/421.yaml:")


def test_a_deprecated_name_in_an_entry_gives_the_version(tmp_path):
    problems = run_rule(tmp_path, 413, "constants:\n  rails: {name: ':payload_too_large'}\n")
    assert problems == [
        problems[0].split(": ")[0] + ": constants.rails: :payload_too_large is deprecated since Rack 3.1.0; "
        "use :content_too_large"
    ]


def test_even_a_current_name_is_left_to_the_table(tmp_path):
    (problem,) = run_rule(tmp_path, 404, "constants:\n  python: {name: HTTPStatus.NOT_FOUND}\n")
    assert "names come from reference/constants-upstream.csv" in problem
    assert "http.HTTPStatus.NOT_FOUND" in problem


def test_a_name_for_another_code_or_no_code_is_reported(tmp_path):
    (wrong_code,) = run_rule(tmp_path, 410, "constants:\n  go: {name: http.StatusNotFound}\n")
    assert "http.StatusNotFound is 404 in Go, not 410" in wrong_code
    (unknown,) = run_rule(tmp_path, 404, "constants:\n  node: {name: Page Not Found}\n")
    assert "Page Not Found is not a Node.js name" in unknown


def test_prose_that_builds_on_a_removed_name_is_reported(tmp_path):
    (problem,) = run_rule(tmp_path, 404, faq_answer="Spring calls it `HttpStatus.CHECKPOINT`.")
    assert ": faq[0].answer: HttpStatus.CHECKPOINT was removed in Spring Framework 7.0; use HttpStatus.EARLY_HINTS" in (
        problem
    )


def test_prose_that_labels_the_name_passes(tmp_path):
    assert run_rule(tmp_path, 404, faq_answer="Spring Framework 7.0 removed `HttpStatus.CHECKPOINT`.") == []
    assert run_rule(tmp_path, 404, faq_answer="`HttpStatus.CHECKPOINT` is gone in Spring Framework 7.0.") == []
    assert run_rule(tmp_path, 404, faq_answer="Rack 3.1 deprecated `:unprocessable_entity`. Fine.") == []
    # The label must be in the same sentence: a later one does not count.
    assert run_rule(tmp_path, 404, faq_answer="Use `:unprocessable_entity`. Rack deprecated some symbols.")


def test_a_spelling_that_is_also_a_current_or_alias_name_passes(tmp_path):
    # UNPROCESSABLE_ENTITY is a deprecated Spring constant but also Python's alias for 422.
    assert run_rule(tmp_path, 404, faq_answer="Python keeps `UNPROCESSABLE_ENTITY` working.") == []


def test_a_note_means_its_own_library(tmp_path):
    # Bare REQUEST_ENTITY_TOO_LARGE is a Python alias, but under constants.spring it is Spring's removed name.
    (problem,) = run_rule(tmp_path, 413, "constants:\n  spring:\n    note: REQUEST_ENTITY_TOO_LARGE is deprecated\n")
    assert "constants.spring.note: HttpStatus.REQUEST_ENTITY_TOO_LARGE was removed in Spring Framework 7.0" in problem


def test_vendored_table_is_consistent():
    rows = read_rows()
    assert {r.language for r in rows} == set(ECOSYSTEMS)
    seen, wrong = set(), []
    for r in rows:
        where = f"{r.language} {r.code} {r.name}"
        if (r.language, r.name) in seen:
            wrong.append(f"{where}: listed twice")
        seen.add((r.language, r.name))
        if r.state in ("alias", "deprecated", "removed") and r.replaced_by:
            target = [x for x in TABLE.for_code(r.code) if x.language == r.language and x.name == r.replaced_by]
            if not target or target[0].state != "current":
                wrong.append(f"{where}: replaced_by {r.replaced_by} is not a current name for {r.code}")
        if r.state == "alias" and not r.replaced_by:
            wrong.append(f"{where}: an alias must name the member it stands for")
        if r.state == "removed" and not r.removed_in:
            wrong.append(f"{where}: removed without removed_in")
        if r.state == "deprecated" and not r.deprecated_in:
            wrong.append(f"{where}: deprecated without deprecated_in")
        if not r.source or not r.checked_on:
            wrong.append(f"{where}: no source or checked_on")
    for code in TABLE.codes():
        for language in ECOSYSTEMS:
            current = [r for r in TABLE.for_code(code) if r.language == language and r.state == "current"]
            if len(current) > 1:
                wrong.append(f"{language} {code}: {len(current)} current names")
    assert not wrong, "\n".join(wrong)


def test_every_code_a_library_names_has_an_entry():
    unlisted = [
        f"{code} ({', '.join(sorted({r.language for r in TABLE.for_code(code)}))}): {missing(code)}"
        for code in sorted(TABLE.codes())
        if code not in ENTRIES
    ]
    assert not unlisted, "\n".join(unlisted)


@pytest.mark.parametrize("language", ["python", "node"])
def test_library_phrases_match_the_entries(language):
    wrong = []
    for row in TABLE.rows:
        if row.language != language or row.state != "current" or row.code not in ENTRIES:
            continue
        name, data = ENTRIES[row.code]
        names = [data.get("phrase"), data.get("common_name")] + list(data.get("aliases") or [])
        if row.phrase in names:
            continue
        exception = PHRASE_EXCEPTIONS.get((language, row.code))
        if exception and exception[0] == row.phrase:
            continue
        wrong.append(
            f"{name}: {ECOSYSTEMS[language].label}'s phrase for {row.code} is {row.phrase!r}; the entry's phrase, "
            f"common name and aliases are {names!r} (add it as an alias if it is a former name, or list an "
            "exception here)"
        )
    assert not wrong, "\n".join(wrong)


def _page_rows(site, code: int) -> list[tuple[str, str, str]]:
    """(library, name, status) of each row of the built page's 'In your language' table."""
    heading = site.soup(f"{code:03d}/").find(id="in-your-language")  # 000's page is /000/
    if heading is None:
        return []
    rows, library = [], ""
    for tr in heading.find_next("table").select("tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        library = cells[0] or library
        rows.append((library, cells[1], " ".join(cells[2].split())))
    return rows


def test_every_page_lists_each_library_current_name_first_with_labelled_old_names(site):
    wrong = []
    for code in sorted(ENTRIES):
        expected = TABLE.for_code(code)
        shown = _page_rows(site, code)
        if [name for _, name, _ in shown] != [
            ECOSYSTEMS[r.language].usage.format(name=r.name, quoted=f'"{r.name}"', code=code) for r in expected
        ]:
            wrong.append(f"{code}: page lists {[n for _, n, _ in shown]}, table has {[r.name for r in expected]}")
            continue
        for (library, name, status), row in zip(shown, expected):
            version = {"removed": row.removed_in, "deprecated": row.deprecated_in}.get(row.state)
            if row.state == "current" and not status.startswith("current"):
                wrong.append(f"{code}: {name} is current but the page says {status!r}")
            elif version and f"{row.state} {'in' if row.state == 'removed' else 'since'}" not in status:
                wrong.append(f"{code}: {name} is {row.state} but the page says {status!r}")
            elif version and version not in status:
                wrong.append(f"{code}: {name} changed in {version} but the page says {status!r}")
            elif row.state == "alias" and not status.startswith(f"alias of {row.replaced_by}"):
                wrong.append(f"{code}: {name} is an alias of {row.replaced_by} but the page says {status!r}")
            if library != ECOSYSTEMS[row.language].label:
                wrong.append(f"{code}: {name} is shown under {library!r}")
    assert not wrong, "\n".join(wrong)


def test_421_and_413_pages_show_what_spring_7_changed(site):
    spring_421 = [r[1:] for r in _page_rows(site, 421) if r[0] == "Spring Framework"]
    assert spring_421 == [
        ("HttpStatus.MISDIRECTED_REQUEST", "current, since Spring Framework 7.0.0"),
        ("HttpStatus.DESTINATION_LOCKED", "removed in Spring Framework 7.0; use HttpStatus.MISDIRECTED_REQUEST"),
    ]
    python_413 = [r[1:] for r in _page_rows(site, 413) if r[0] == "Python"]
    assert python_413[1] == (
        "http.HTTPStatus.REQUEST_ENTITY_TOO_LARGE",
        "alias of http.HTTPStatus.CONTENT_TOO_LARGE ; the only name before Python 3.13",
    )
