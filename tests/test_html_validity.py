"""Every built page passes the Nu Html Checker (vnu.jar from the pinned npm package vnu-jar).

One JVM run checks the whole site. Errors are allowed only when tests/vnu-allowlist.yaml lists them (markup
Material writes outside any block we can override), each with its reason. Without Java or node_modules the
test is skipped with the reason, or fails when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

from .sitebuild import ROOT

pytestmark = pytest.mark.slow  # runs the Nu Html Checker (Java) over the site

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWLIST_FILE = Path(__file__).resolve().parent / "vnu-allowlist.yaml"
FAILING_TYPES = {"error", "non-document-error"}


@dataclass(frozen=True)
class Allowed:
    message: re.Pattern
    extract: re.Pattern | None
    reason: str

    def matches(self, message: dict) -> bool:
        return bool(self.message.search(message.get("message", ""))) and (
            self.extract is None or bool(self.extract.search(message.get("extract", "")))
        )


def load_allowlist() -> list[Allowed]:
    items = yaml.safe_load(ALLOWLIST_FILE.read_text(encoding="utf-8")) or []
    allowed = []
    for number, item in enumerate(items, start=1):
        assert isinstance(item, dict) and set(item) <= {"message", "extract", "reason"}, (
            f"{ALLOWLIST_FILE.name} item {number}: only message, extract and reason are allowed"
        )
        assert str(item.get("message", "")).strip(), f"{ALLOWLIST_FILE.name} item {number}: message is missing"
        assert len(str(item.get("reason", "")).split()) >= 5, (
            f"{ALLOWLIST_FILE.name} item {number}: say why the error cannot be fixed (reason)"
        )
        allowed.append(
            Allowed(
                re.compile(item["message"]),
                re.compile(item["extract"]) if item.get("extract") else None,
                " ".join(item["reason"].split()),
            )
        )
    return allowed


def _missing() -> str | None:
    problems = []
    if shutil.which("java") is None:
        problems.append("java is missing (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        problems.append("node_modules/vnu-jar/build/dist/vnu.jar is missing (run `make test`, which runs npm ci)")
    return "; ".join(problems) or None


@dataclass
class VnuRun:
    checked: set[Path]
    messages: list[dict]


@pytest.fixture(scope="module")
def vnu(site) -> VnuRun:
    missing = _missing()
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {missing}", pytrace=False)
        pytest.skip(f"HTML validation skipped: {missing}")
    # --verbose lists each checked file on stdout; the JSON report goes to stderr.
    done = subprocess.run(
        [
            "java",
            "-Xss4m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--skip-non-html",
            "--verbose",
            str(site.root),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), f"vnu failed ({done.returncode}):\n{done.stderr[-3000:]}"
    report = json.loads(done.stderr)
    checked = {Path(line.strip()).resolve() for line in done.stdout.splitlines() if line.strip()}
    return VnuRun(checked, report["messages"])


def _where(message: dict, root: Path) -> str:
    url = message.get("url", "")
    path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
    try:
        path = path.resolve().relative_to(root.resolve())
    except ValueError:
        pass
    return f"{path}:{message.get('lastLine', '?')}:{message.get('firstColumn', message.get('lastColumn', '?'))}"


def test_every_built_page_was_checked(site, vnu):
    pages = {p.resolve() for p in site.root.rglob("*.html")}
    assert len(pages) > 50
    assert pages <= vnu.checked, f"not checked: {sorted(str(p) for p in pages - vnu.checked)[:10]}"


def test_no_html_errors_except_the_allowlisted_ones(site, vnu):
    allowlist = load_allowlist()
    problems = []
    for message in vnu.messages:
        if message.get("type") not in FAILING_TYPES or any(item.matches(message) for item in allowlist):
            continue
        extract = " ".join(message.get("extract", "").split())
        problems.append(f"{_where(message, site.root)}: {message.get('message')}  [{extract}]")
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems[:40])


def test_allowlist_is_documented_and_still_needed(vnu):
    errors = [m for m in vnu.messages if m.get("type") in FAILING_TYPES]
    for item in load_allowlist():
        assert any(item.matches(m) for m in errors), (
            f"{ALLOWLIST_FILE.name}: {item.message.pattern!r} matches no error any more: delete the item"
        )
