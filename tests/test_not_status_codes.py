"""Numbers that look like status codes but are not (issue 10, items 8-9): Warning-header warn-codes and
numbers outside 100-599, each shown as what it is on the home page, the class pages and its own page."""

from __future__ import annotations

import re

from generator.validate import validate_tree

from .sitebuild import ROOT

WARN_CODES = {110, 111, 112, 113, 199, 214, 299}  # RFC 7234 §5.5.1-§5.5.7
OUTSIDE = {0, 783, 999}


def _table_codes(table) -> set[int]:
    return {int(a.get_text(strip=True)) for a in table.select("tbody a")}


def _group_after(soup, label: str, tag: str):
    """The table that follows the heading or paragraph whose text starts with ``label``."""
    marker = soup.find(lambda t: t.name == tag and t.get_text(" ", strip=True).startswith(label))
    assert marker is not None, f"no {tag} starting {label!r}"
    return marker.find_next("table")


def test_entries_describe_warn_codes_and_outside_numbers_as_such(reference):
    standing = {e.code: e.standing for e in reference.entries}
    assert {c for c, s in standing.items() if s == "warn-code"} == WARN_CODES
    assert {c for c, s in standing.items() if s == "not-a-status-code"} == OUTSIDE
    assert all(100 <= c <= 599 for c, s in standing.items() if s != "not-a-status-code")


def _grid_codes(grid) -> set[int]:
    return {int(a.find(class_="sc-grid__code").get_text(strip=True)) for a in grid.select("a")}


def test_home_page_groups_warn_codes_and_outside_numbers_apart(site):
    """The home page lists codes in grids (issue 13); warn-codes and outside numbers have grids of their own."""
    soup = site.soup("")
    # 110-199 were listed as "Unofficial 1xx codes (vendor-specific)"; the 1xx class has no unofficial code.
    assert "Unofficial 1xx codes" not in soup.get_text(" ")
    two = soup.find(lambda t: t.name == "h2" and t.get_text(strip=True).startswith("2xx"))
    unofficial = [li for li in two.find_next("ul", class_="sc-grid").find_all("li") if "Unofficial" in li.get_text(" ")]
    assert {int(li.a.find(class_="sc-grid__code").get_text()) for li in unofficial} == {218}
    warn_groups = [
        p.find_next("ul", class_="sc-grid")
        for p in soup.find_all("p")
        if p.get_text(" ", strip=True).startswith("Warning header codes, not status codes")
    ]
    assert [_grid_codes(g) for g in warn_groups] == [{110, 111, 112, 113, 199}, {214, 299}]
    marker = soup.find(lambda t: t.name == "h2" and t.get_text(" ", strip=True).startswith("Numbers outside 100–599"))
    assert _grid_codes(marker.find_next("ul", class_="sc-grid")) == OUTSIDE
    assert soup.find("a", href="000/").find(class_="sc-grid__code").get_text() == "000"


def test_class_pages_show_warn_codes_in_their_own_group(site):
    for path, codes in (("1xx/", {110, 111, 112, 113, 199}), ("2xx/", {214, 299})):
        soup = site.soup(path)
        table = _group_after(soup, "Warning header codes (not status codes)", "h2")
        assert _table_codes(table) == codes, path
        unofficial = soup.find("h2", string=re.compile("Unofficial"))
        if unofficial:
            assert not _table_codes(unofficial.find_next("table")) & codes, path
        # The outside numbers belong to no class page.
        assert not {a["href"] for a in soup.select("article table a")} & {"../000/", "../783/", "../999/"}


def test_outside_pages_say_first_that_the_number_is_not_a_status_code(site, reference):
    for entry in reference.outside_range:
        soup = site.soup(entry.path)
        assert soup.h1.get_text(" ", strip=True).startswith(f"{entry.number} {entry.name}")
        assert soup.select_one(".sc-badge").get_text() == "Not a valid HTTP status code"
        tldr = soup.select_one(".admonition.abstract p:not(.admonition-title)").get_text(" ", strip=True)
        assert tldr.startswith("Not a valid HTTP status code (RFC 9110 §15"), tldr
        first = soup.find("h2", id="meaning").find_next("p").get_text(" ", strip=True)
        assert first.startswith(f"{entry.number} is not a valid HTTP status code. RFC 9110 §15"), first
        assert "EID 8459" in first and "2025-06-13" in first
        spec = soup.find("h2", id="specification").find_next("p").get_text(" ", strip=True)
        assert spec.startswith("Not an HTTP status code: RFC 9110 §15 allows only"), spec
    assert site.path_for("000/").exists() and not site.path_for("0/").exists()


def test_a_number_outside_the_range_needs_the_standing_that_says_so(tmp_path):
    (tmp_path / "codes").mkdir()
    source = (ROOT / "codes" / "999.yaml").read_text(encoding="utf-8")
    (tmp_path / "codes" / "999.yaml").write_text(source.replace("standing: not-a-status-code", "standing: unofficial"))
    _, report = validate_tree(tmp_path / "codes", tmp_path)
    messages = [str(p) for p in report.sorted()]
    assert any("999 is outside 100-599" in m and "EID 8459" in m and "2025-06-13" in m for m in messages), messages


def test_warn_codes_and_outside_numbers_are_not_counted_as_registered_or_unofficial(reference):
    for cls in reference.classes:
        assert {e.standing for e in cls.unofficial} <= {"unofficial"}
        assert all(e.registered for e in cls.registered)
        assert not {e.code for e in cls.entries} & OUTSIDE
