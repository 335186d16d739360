"""The offline copy (`make offline`): unzipped and opened from disk (file://) in Chromium, its pages, links and
search work, and nothing is requested from any host."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from ..sitebuild import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """The unzipped copy's index.html, built by the command `make offline` runs."""
    work = tmp_path_factory.mktemp("offline")
    out = work / "offline.zip"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "offline", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(out) as archive:
        archive.extractall(work / "unzipped")
    index = work / "unzipped" / "http-status-reference" / "index.html"
    assert index.is_file()
    return index


@pytest.fixture
def disk_page(browser):
    """A page that records every request that is not for a file on disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    elsewhere = []
    context.on("request", lambda request: None if request.url.startswith("file://") else elsewhere.append(request.url))
    tab = context.new_page()
    yield tab
    context.close()
    assert not elsewhere, f"the offline copy requested: {sorted(set(elsewhere))}"


def local_links(tab) -> list[str]:
    hrefs = tab.evaluate("() => Array.from(document.querySelectorAll('a[href]'), a => a.href)")
    return sorted({h.split("#")[0] for h in hrefs if h.startswith("file://")})


def test_pages_and_links_work_from_disk(offline_copy, disk_page):
    disk_page.goto(offline_copy.as_uri())
    assert disk_page.locator("h1").first.inner_text().startswith("HTTP status codes")
    disk_page.locator("a[href='429.html']").first.click()
    disk_page.wait_for_url("**/429.html")
    assert disk_page.locator("h1").first.inner_text().startswith("429 Too Many Requests")
    crumbs = disk_page.locator("nav.sc-breadcrumbs a")
    assert [urlparse(crumbs.nth(i).get_attribute("href")).path for i in range(crumbs.count())] == [
        "index.html",
        "4xx.html",
    ]
    for page in ("index.html", "429.html"):
        disk_page.goto((offline_copy.parent / page).as_uri())
        missing = [link for link in local_links(disk_page) if not Path(unquote(urlparse(link).path)).is_file()]
        assert not missing, (page, missing)


def test_search_works_from_disk(offline_copy, disk_page):
    disk_page.goto((offline_copy.parent / "404.html").as_uri())
    box = disk_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("too many requests", delay=20)
    first = disk_page.locator(".md-search-result__list a.md-search-result__link").first
    first.wait_for(state="visible")
    assert urlparse(first.get_attribute("href") or "").path.endswith("429.html")
    first.click()
    disk_page.wait_for_url("**/429.html*")
    assert disk_page.locator("h1").first.inner_text().startswith("429 Too Many Requests")
