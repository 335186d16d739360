"""axe-core (WCAG 2.0/2.1 A and AA rules) on the home page, every class page, ten code pages and the open
search with results, in both palettes.

axe.min.js comes from the pinned axe-playwright-python package (vendored in its wheel: nothing is fetched).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from .conftest import SiteSearch, new_page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = {"light": "default", "dark": "slate"}


def axe_script() -> Path:
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.origin, "axe-playwright-python is not installed (pip install -e '.[test]')"
    return Path(spec.origin).parent / "axe.min.js"


def describe(path: str, violation: dict) -> str:
    nodes = violation["nodes"]
    where = "; ".join(
        " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"]) for node in nodes[:3]
    )
    detail = nodes[0].get("failureSummary", "").replace("\n", " ") if nodes else ""
    return f"{path}: {violation['id']} ({violation.get('impact')}, {len(nodes)} node(s): {where}) {detail}"


def axe_violations(page, path: str) -> list[str]:
    """Run axe's WCAG A and AA rules on what ``page`` shows now; one line per violation, named by ``path``."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [describe(path, v) for v in result["violations"]]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_wcag_a_or_aa_violations(browser, server, sample_pages, scheme):
    page = new_page(browser, server, scheme=scheme)
    problems = []
    try:
        for path in [*sample_pages, "/?q=not+found"]:
            page.goto(path)
            assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
            if "?q=" in path:
                assert SiteSearch(page).results(), "the search dialog shows no results"
            problems += axe_violations(page, path)
    finally:
        page.context.close()
    assert not problems, f"{len(problems)} axe violation(s) in the {scheme} palette:\n" + "\n".join(problems)
