"""One real build of the real entries per test session, shared by every test that reads the site."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.model import build_reference
from generator.validate import validate_tree

from .sitebuild import ROOT, TEST_SITE_URL, build


@dataclass
class BuiltSite:
    root: Path
    site_url: str

    def path_for(self, url_path: str) -> Path:
        """File served for a site-relative URL like '404/' or ''."""
        target = self.root / url_path
        return target / "index.html" if url_path == "" or url_path.endswith("/") else target

    def html(self, url_path: str) -> str:
        return self.path_for(url_path).read_text(encoding="utf-8")

    def soup(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url_path), "html.parser")

    @cached_property
    def pages(self) -> list[str]:
        """Site-relative URL of every HTML page."""
        result = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            result.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        return result

    @staticmethod
    def json_ld(soup: BeautifulSoup) -> list[dict]:
        return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


@pytest.fixture(scope="session")
def reference():
    files, report = validate_tree(ROOT / "codes", ROOT)
    assert not report, "\n".join(map(str, report.sorted()))
    return build_reference(files)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    work = tmp_path_factory.mktemp("site")
    done = build(ROOT / "codes", work / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return BuiltSite(work / "site", TEST_SITE_URL)
