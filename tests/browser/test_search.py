"""Site search as a person uses it: each query of tests/search_queries.yaml typed into Material's search box."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import SiteSearch, new_page

QUERIES_FILE = Path(__file__).resolve().parent.parent / "search_queries.yaml"
QUERIES: dict[str, int] = {
    str(query): int(code) for query, code in yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8")).items()
}
MUST_BE_FIRST = {"404": 404, "not found": 404, "unprocessable entity": 422, "rate limit": 429}  # issue 2
MIN_FIRST, MIN_TOP3 = 0.95, 1.00  # issue 11


@pytest.fixture(scope="module")
def ranked(browser, server) -> dict[str, list[str]]:
    """Result page paths in the order shown, for every query (one page, typed one after another)."""
    page = new_page(browser, server)
    page.goto("/")
    box = SiteSearch(page)
    box.open()
    results = {}
    for query in QUERIES | MUST_BE_FIRST:
        paths = box.query(query)
        results[query] = list(dict.fromkeys(paths))  # a page's sections share its slot
    page.context.close()
    return results


def test_queries_file_is_sound(reference):
    codes = {entry.code for entry in reference.entries}
    assert len(QUERIES) >= 60
    assert not {code for code in QUERIES.values() if code not in codes}, "expected pages without an entry"
    assert MUST_BE_FIRST.items() <= QUERIES.items()


def test_search_ranks_the_expected_page_high(ranked, browser_summary):
    first = top3 = 0
    misses = []
    for query, code in QUERIES.items():
        want = f"/{code}/"
        got = ranked[query]
        first += got[:1] == [want]
        top3 += want in got[:3]
        if got[:1] != [want]:
            where = f"#{got.index(want) + 1}" if want in got else "absent"
            misses.append(f"  {query!r}: want {want} ({where}), got {' '.join(got[:3]) or 'nothing'}")
    n = len(QUERIES)
    figures = f"search: first {first / n:.0%}, top-3 {top3 / n:.0%} of {n} queries"
    browser_summary.append(figures)
    browser_summary.extend(["search misses (expected page not first):", *misses] if misses else [])
    print(figures, *misses, sep="\n")
    assert top3 / n >= MIN_TOP3 and first / n >= MIN_FIRST, "\n".join([figures, *misses])


@pytest.mark.parametrize("query", MUST_BE_FIRST)
def test_issue_2_queries_rank_first(ranked, query):
    want = f"/{MUST_BE_FIRST[query]}/"
    assert ranked[query][:1] == [want], f"{query!r}: {ranked[query][:5]}"
