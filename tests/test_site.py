"""The real site, built once from the real entries, checked page by page with BeautifulSoup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin, urlparse

import pytest

from generator.model import CLASS_NAMES

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(site) -> dict[str, str | None]:
    tree = ET.parse(site.root / "sitemap.xml")
    result = {}
    for url in tree.getroot().findall("s:url", SITEMAP_NS):
        lastmod = url.find("s:lastmod", SITEMAP_NS)
        result[url.find("s:loc", SITEMAP_NS).text] = lastmod.text if lastmod is not None else None
    return result


def content_pages(site):
    return [p for p in site.pages if p != "404.html"]


def test_every_entry_has_a_page_at_its_short_url(site, reference):
    for entry in reference.entries:
        page = site.path_for(f"{entry.number}/")
        assert page.exists(), f"/{entry.number}/ missing"
        soup = site.soup(f"{entry.number}/")
        assert soup.h1.get_text(" ", strip=True).startswith(f"{entry.number} {entry.name}")
        assert soup.title.string == f"{entry.number} {entry.name} - HTTP Status Codes"


def test_error_page_is_distinct_from_the_404_code_page(site):
    error_page = site.soup("404.html")
    code_page = site.soup("404/")
    assert error_page.find("link", rel="canonical") is None
    assert error_page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    assert "Page not found" in error_page.title.string
    assert code_page.h1.get_text(" ", strip=True).startswith("404 Not Found")
    assert "Meaning" in code_page.get_text()
    assert "Meaning" not in error_page.get_text()


def test_one_canonical_per_page_matching_sitemap_og_and_json_ld(site):
    locations = sitemap(site)
    for url_path in content_pages(site):
        soup = site.soup(url_path)
        canonicals = soup.find_all("link", rel="canonical")
        assert len(canonicals) == 1, f"{url_path}: {len(canonicals)} canonical links"
        canonical = canonicals[0]["href"]
        assert canonical == site.site_url + url_path, url_path
        assert canonical in locations, f"{url_path}: canonical not in sitemap"
        assert soup.find("meta", property="og:url")["content"] == canonical
        urls = {
            block.get("url")
            for block in site.json_ld(soup)
            if block["@type"] in ("TechArticle", "WebSite", "CollectionPage", "FAQPage")
        }
        assert urls <= {canonical}, f"{url_path}: JSON-LD url {urls} != {canonical}"
    assert len(locations) == len(content_pages(site))


def test_sitemap_lastmod_is_the_entry_date(site, reference):
    locations = sitemap(site)
    for entry in reference.entries:
        assert locations[site.site_url + entry.path] == entry.updated
    assert locations[site.site_url] == reference.updated


def test_robots_txt_points_at_the_sitemap(site):
    robots = (site.root / "robots.txt").read_text()
    assert f"Sitemap: {site.site_url}sitemap.xml" in robots.splitlines()


def test_description_and_social_tags_carry_the_summary(site, reference):
    for entry in reference.entries:
        soup = site.soup(entry.path)
        assert soup.find("meta", attrs={"name": "description"})["content"] == entry.summary
        assert soup.find("meta", property="og:description")["content"] == entry.summary
        assert soup.find("meta", attrs={"name": "twitter:description"})["content"] == entry.summary
        assert soup.find("meta", property="og:title")["content"] == f"{entry.title} - HTTP Status Codes"
        assert soup.find("meta", property="og:type")["content"] == "article"


def test_code_page_json_ld(site, reference):
    for entry in reference.entries:
        blocks = {b["@type"]: b for b in site.json_ld(site.soup(entry.path))}
        article = blocks["TechArticle"]
        assert article["headline"] == entry.title
        assert article["description"] == entry.summary
        assert article["dateModified"] == entry.updated
        assert article["inLanguage"] == "en"
        assert article["isPartOf"] == {"@type": "WebSite", "name": "HTTP Status Codes", "url": site.site_url}
        assert article["about"]["@type"] == "DefinedTerm"
        assert article["about"]["termCode"] == entry.number
        crumbs = blocks["BreadcrumbList"]["itemListElement"]
        expected = [site.site_url, f"{site.site_url}{entry.class_id}/", f"{site.site_url}{entry.path}"]
        if entry.standing == "not-a-status-code":  # no class between the home page and the page
            del expected[1]
        assert [c["position"] for c in crumbs] == list(range(1, len(expected) + 1))
        assert [c["item"] for c in crumbs] == expected
        if entry.faq:
            faq = blocks["FAQPage"]["mainEntity"]
            assert [q["name"] for q in faq] == [q.question for q in entry.faq]
            assert all(q["acceptedAnswer"]["text"] for q in faq)
        else:
            assert "FAQPage" not in blocks


def test_home_page_json_ld_has_search_action_and_term_set(site, reference):
    blocks = {b["@type"]: b for b in site.json_ld(site.soup(""))}
    action = blocks["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == site.site_url + "?q={search_term_string}"
    terms = blocks["DefinedTermSet"]["hasDefinedTerm"]
    assert sorted(int(t["termCode"]) for t in terms) == [e.code for e in reference.entries]


def test_visible_breadcrumbs_match_the_class(site, reference):
    for entry in reference.entries:
        crumbs = site.soup(entry.path).select("nav.sc-breadcrumbs li")
        texts = [li.get_text(strip=True) for li in crumbs]
        if entry.standing == "not-a-status-code":  # a number outside 100-599 belongs to no class
            assert texts == ["Home", entry.number], entry.source
        else:
            assert texts == ["Home", f"{entry.class_id} {CLASS_NAMES[entry.class_digit][1]}", entry.number]


def test_home_lists_every_code_by_class_in_a_compact_grid(site, reference):
    """Every code under its class heading with its number, name and (unless permanent) standing, registered
    ones before unofficial ones; summaries stay on the class pages (issue 13: a grid, not tables)."""
    soup = site.soup("")
    for cls in reference.classes:
        heading = soup.find(lambda tag, c=cls: tag.name == "h2" and tag.get_text(strip=True).startswith(c.title))
        assert heading is not None
        grid = heading.find_next("ul", class_="sc-grid")
        items = grid.find_all("li", recursive=False)
        assert [item.a["href"] for item in items] == [f"{e.number}/" for e in cls.registered + cls.unofficial]
        for item, entry in zip(items, cls.registered + cls.unofficial):
            assert item.a.get_text(" ", strip=True) == f"{entry.number} {entry.name}"
            standing = item.find(class_="sc-grid__standing")
            if entry.standing == "permanent":
                assert standing is None
            else:
                assert standing.get_text(strip=True) == entry.standing_label
        for entry in cls.warn_codes:  # the not-a-status-code groups stay apart from the class's grid
            link = soup.find("a", href=f"{entry.number}/")
            assert link is not None and link.find_parent("ul") is not grid
    for entry in reference.entries:
        assert soup.find("a", href=f"{entry.number}/") is not None, f"home page does not link {entry.number}"
    assert not soup.select("article table"), "the home page lists codes in grids, not tables of summaries"
    # The search form and the guide come first, before any list of codes.
    first_grid = soup.find("ul", class_="sc-grid")
    form = soup.find("form", class_="sc-home-search")
    assert form is not None and form["action"] == "./" and form.find("input")["name"] == "q"
    assert form.find_parent("article") is None, "no form inside the article (the XSS checks refuse one there)"
    assert form.find_next("ul", class_="sc-grid") is first_grid
    guide = soup.find("a", href="guide/")
    assert guide is not None and guide.find_next("ul", class_="sc-grid") is first_grid
    common = [a["href"] for a in soup.find(id="common-codes").find_next("ul").find_all("a")]
    assert common[:3] == ["200/", "201/", "204/"] and "404/" in common


def test_class_pages_list_their_codes(site, reference):
    for cls in reference.classes:
        soup = site.soup(cls.path)
        assert soup.h1.get_text(strip=True).startswith(cls.title)
        linked = {a["href"] for a in soup.select("article table a")}
        assert linked == {f"../{e.number}/" for e in cls.entries}


def test_sidebar_does_not_list_every_code(site, reference):
    soup = site.soup("404/")
    nav_links = soup.select("nav.md-nav--primary a.md-nav__link")
    assert len(nav_links) < 15, "the sidebar must not grow with the number of entries"


def _internal_targets(site, url_path, soup):
    base = site.site_url + url_path
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            value = element.get(attr)
            if not value or value.startswith(("mailto:", "data:")):
                continue
            absolute = urljoin(base, value)
            if absolute.startswith(site.site_url):
                yield absolute[len(site.site_url) :], element


def test_every_internal_link_and_anchor_resolves(site):
    ids_cache = {}
    for url_path in site.pages:
        soup = site.soup(url_path)
        for target, element in _internal_targets(site, url_path, soup):
            parsed = urlparse(target)
            path = unquote(parsed.path)
            file = site.path_for(path)
            if not file.exists() and not path.endswith("/") and (site.root / path / "index.html").exists():
                file = site.root / path / "index.html"
            assert file.exists(), f"{url_path}: broken link to {target}"
            if parsed.fragment and file.suffix == ".html":
                if file not in ids_cache:
                    page = site.soup(file.relative_to(site.root).as_posix().removesuffix("index.html"))
                    ids_cache[file] = {tag["id"] for tag in page.find_all(id=True)}
                assert unquote(parsed.fragment) in ids_cache[file], f"{url_path}: missing anchor {target}"


def test_no_external_assets(site):
    """Nothing a page loads may come from another host (links to RFCs are fine: they are not loaded)."""
    for url_path in site.pages:
        soup = site.soup(url_path)
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in soup.find_all(tag):
                value = element.get(attr)
                if tag == "link" and "canonical" in (element.get("rel") or []):
                    continue
                if value:
                    assert not urlparse(value).netloc, f"{url_path}: external asset {value}"
        html = site.html(url_path)
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    for css in site.root.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            assert not re.match(r"['\"]?(https?:)?//", url), f"{css.name}: external url({url})"


def test_each_entry_content_appears_on_its_page(site, reference):
    for entry in reference.entries:
        soup = site.soup(entry.path)
        text = " ".join(soup.select_one("article").get_text(" ").split())
        assert entry.summary in text
        for heading in ("Meaning", "When to use", "When not to use", "Examples", "Caching", "Specification"):
            assert soup.find(lambda tag, h=heading: tag.name == "h2" and tag.get_text(strip=True).startswith(h)), (
                entry.code,
                heading,
            )
        for example in entry.examples:
            assert example.title in text
            if example.response is None:
                assert "No HTTP response" in text, entry.code
                continue
            first_line = example.response.strip().splitlines()[0]
            assert any(first_line in block.get_text() for block in soup.select("pre code")), (entry.code, first_line)
        for alias in entry.aliases:
            assert alias in text
        for keyword in entry.keywords:
            assert keyword in text
        for related in entry.related:
            assert soup.select_one(f'article table a[href="../{related.code}/"]'), (entry.code, related.code)
        for question in entry.faq:
            assert question.question in text
        for constant in entry.constants:
            for name in constant.names:
                assert name.name in text, (entry.code, name.name)
        for header in entry.headers:
            assert header.name in text
        if entry.spec:
            assert soup.select_one(f'article a[href="{entry.spec.url}"]'), entry.code
        assert ("Cacheable by default: yes" in text) == entry.cacheable
        edit = soup.find("a", string="Edit this page")
        assert edit["href"].endswith(f"/codes/{entry.number}.yaml")


def test_when_not_to_use_links_the_code_to_use_instead(site, reference):
    checked = 0
    for entry in reference.entries:
        heading = site.soup(entry.path).find("h2", id="when-not-to-use")
        items = heading.find_next("ul").find_all("li", recursive=False)
        assert len(items) == len(entry.when_not_to_use), entry.code
        for avoid, item in zip(entry.when_not_to_use, items):
            if avoid.instead is None or avoid.instead not in reference.by_code:
                continue
            other = reference.by_code[avoid.instead]
            label = item.find("strong", string="Instead:")
            assert label is not None, (entry.code, avoid.instead)
            link = label.find_next_sibling("a")
            assert link.get_text() == other.title and link["href"] == f"../{other.number}/", (entry.code, link)
            # One pointer per situation: no "Use X instead." sentence repeating what the situation says.
            assert not re.search(r"\bUse .* instead\.$", item.get_text().strip()), entry.code
            checked += 1
    assert checked > 100


def test_examples_are_highlighted_as_http(site, reference):
    soup = site.soup("404/")
    blocks = soup.select("div.language-http pre code")
    assert len(blocks) >= 2
    assert blocks[0].find("span"), "example is not syntax highlighted"


def test_comparison_table_uses_related_summaries(site, reference):
    entry = reference.by_code[404]
    soup = site.soup("404/")
    heading = soup.find("h2", id=re.compile(r"^404-vs"))
    assert heading is not None
    table = heading.find_next("table")
    text = " ".join(table.get_text(" ").split())
    for related in entry.related:
        assert reference.by_code[related.code].summary in text


def test_dark_mode_toggle_and_no_google_fonts(site):
    soup = site.soup("")
    toggles = soup.select("header form.md-header__option input[name=__palette]")
    assert len(toggles) == 2
    assert {t.get("data-md-color-scheme") for t in toggles} == {"default", "slate"}


@pytest.mark.parametrize(
    "query,code", [("404", 404), ("not found", 404), ("unprocessable entity", 422), ("rate limit", 429)]
)
def test_search_index_has_the_words_people_type(site, query, code):
    """search/index.js, the index the site's search worker loads: the page's names, keywords and summary."""
    import json

    text = (site.root / "search" / "index.js").read_text(encoding="utf-8")
    assert text.startswith("self.__searchIndex=")
    index = json.loads(text.removeprefix("self.__searchIndex=").rstrip().rstrip(";"))
    rows = [row for row in index["pages"] if row[0] == f"{code}/"]
    assert rows, f"/{code}/ not in the search index"
    location, title, boost, names, keywords, spec, cited, summary = rows[0]
    assert query in " ".join([title, *names, *keywords, summary]).lower()


def test_search_index_has_every_section_number_a_page_shows(site, reference):
    """The spec badge ("RFC 9110 §15.5.20") and every "§" number in the page's HTML are searchable."""
    import json
    import re

    text = (site.root / "search" / "index.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("self.__searchIndex=").rstrip().rstrip(";"))
    rows = {row[0]: row for row in index["pages"]}
    for entry in reference.entries:
        row = rows[entry.path]
        if entry.spec:
            assert row[5] == [entry.spec.label]
        article = site.soup(entry.path).select_one("article").get_text(" ")
        shown = set(re.findall(r"§\s*(\d+(?:\.\d+)*)", article))
        missing = shown - set(row[6].split())
        assert not missing, f"/{entry.path}: sections shown but not indexed: {missing}"
