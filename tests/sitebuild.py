"""Build real sites for tests: the project's own mkdocs.yml, with the plugin pointed at a chosen codes/ folder."""

from __future__ import annotations

import io
import json
import os
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup

from scripts.support import build_site

ROOT = Path(__file__).resolve().parent.parent
TEST_SITE_URL = "https://status.test.example/"


@dataclass
class BuildResult:
    """What a build printed and how it ended, read like a finished process."""

    returncode: int
    stdout: str
    stderr: str = ""


def build(codes_dir: Path, site_dir: Path, site_url: str | None = TEST_SITE_URL) -> BuildResult:
    """Build the project's own mkdocs.yml with the plugin's ``codes_dir`` set to ``codes_dir``, in this process,
    through MkDocs' config loading (what ``python -m generator --codes DIR build`` does)."""
    from generator.mkdocs_build import build_site

    out = io.StringIO()
    saved = os.environ.pop("SITE_URL", None)
    try:
        status = build_site(site_dir, ROOT / "mkdocs.yml", codes_dir=codes_dir, site_url=site_url, stream=out)
    finally:
        if saved is not None:
            os.environ["SITE_URL"] = saved
    return BuildResult(status, out.getvalue())


def build_cli(
    codes_dir: Path, site_dir: Path, env: dict | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """``python -m generator --codes DIR build`` in a new interpreter (for what a process fixes at start: the
    hash seed, the locale), with the project's mkdocs.yml and ``TEST_SITE_URL``: scripts/support.py's
    ``build_site``, the runner the audit script and the benchmark use too."""
    return build_site(
        site_dir,
        codes_dir=codes_dir,
        config=ROOT / "mkdocs.yml",
        site_url=TEST_SITE_URL,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes, for byte-identical comparisons."""
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@dataclass
class BuiltSite:
    """A built site on disk, read the way the tests need it."""

    root: Path
    site_url: str = TEST_SITE_URL
    _soups: dict = field(default_factory=dict, repr=False)

    def path_for(self, url_path: str) -> Path:
        """File served for a site-relative URL like '404/' or ''."""
        target = self.root / url_path
        return target / "index.html" if url_path == "" or url_path.endswith("/") else target

    def html(self, url_path: str) -> str:
        return self.path_for(url_path).read_text(encoding="utf-8")

    def soup(self, url_path: str) -> BeautifulSoup:
        """The parsed page, parsed once (callers only read it)."""
        if url_path not in self._soups:
            self._soups[url_path] = BeautifulSoup(self.html(url_path), "html.parser")
        return self._soups[url_path]

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
