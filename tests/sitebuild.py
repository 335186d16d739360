"""Build real sites for tests: the project's own config, pointed at a chosen codes/ folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
TEST_SITE_URL = "https://status.test.example/"


def write_config(directory: Path, codes_dir: Path, site_url: str | None = TEST_SITE_URL) -> Path:
    """A copy of mkdocs.yml whose relative paths point back into the project and at ``codes_dir``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: docs": f"docs_dir: {ROOT / 'docs'}",
        "custom_dir: overrides": f"custom_dir: {ROOT / 'overrides'}",
        "codes_dir: codes": f"codes_dir: {codes_dir}",
    }
    for old, new in replacements.items():
        assert old in text, f"mkdocs.yml no longer contains {old!r}; update tests/sitebuild.py"
        text = text.replace(old, new)
    config = directory / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(
    codes_dir: Path,
    site_dir: Path,
    site_url: str | None = TEST_SITE_URL,
    command: str = "build",
    config_dir: Path | None = None,
) -> subprocess.CompletedProcess:
    """Run ``python -m generator build`` (validate, then mkdocs build --strict, swap on success)."""
    config_dir = config_dir or site_dir.parent
    config_dir.mkdir(parents=True, exist_ok=True)
    config = write_config(config_dir, codes_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if site_url is None:
        env.pop("SITE_URL", None)
    else:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--codes",
            str(codes_dir),
            command,
            "--config",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
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
