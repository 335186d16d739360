"""`make serve`: a YAML edit reloads the page; a broken entry is reported in the terminal and on its page while
the preview keeps running, and fixing the file brings the page back."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .sitebuild import ROOT

pytestmark = pytest.mark.slow  # starts the live preview and waits for rebuilds

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_for(predicate, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return None


# A playground flow on the 404 page, next to the entries like the project's scenarios/.
SCENARIO = """\
title: Ask for a report that was never made
pages: [404]
summary: The server has no resource at the target.
steps:
  - title: Request a missing report
    request: |
      GET /reports/2031 HTTP/1.1
      Host: api.example.com
    response: |
      HTTP/1.1 404 Not Found
      Date: Mon, 30 Nov 2026 18:00:00 GMT
      Content-Length: 0
    rule: The origin server did not find a current representation for the target resource.
    section: RFC 9110 §15.5.5
    url: https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5
"""


@pytest.fixture
def server(tmp_path):
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "404-missing.yaml").write_text(SCENARIO, encoding="utf-8")
    port = free_port()
    log = open(tmp_path / "serve.log", "w+")
    process = subprocess.Popen(
        # What `make serve` runs, with --codes handed to the plugin's codes_dir.
        [sys.executable, "-m", "generator", "--codes", str(codes), "serve", "--config", str(ROOT / "mkdocs.yml")]
        + ["-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=tmp_path,
    )
    url = f"http://127.0.0.1:{port}/404/"
    try:
        assert wait_for(lambda: fetch(url)[0] == 200), (tmp_path / "serve.log").read_text()
        yield process, url, codes / "404.yaml", tmp_path / "serve.log"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_edit_reload_break_and_fix(server):
    process, url, entry, log = server
    original = entry.read_text(encoding="utf-8")

    entry.write_text(
        original.replace("or will not\n  say whether one exists.", "or will not\n  say whether one exists, edited."),
        encoding="utf-8",
    )
    assert wait_for(lambda: "exists, edited." in fetch(url)[1]), "the edit did not reach the served page"

    entry.write_text(original.replace("phrase: Not Found", "phrase: Not Found\nphrase: Twice"), encoding="utf-8")
    assert wait_for(lambda: "404.yaml:4: phrase: duplicate field" in log.read_text()), log.read_text()
    shown = wait_for(lambda: "invalid entry" in fetch(url)[1] and fetch(url)[1])
    assert shown and "duplicate field" in shown, "the preview should show the problem where the page was"
    assert process.poll() is None, "the server died on a broken entry"
    assert "Traceback" not in log.read_text()

    entry.write_text(original, encoding="utf-8")
    assert wait_for(lambda: "invalid entry" not in (page := fetch(url)[1]) and "Meaning" in page), (
        "fixing the file did not bring the page back"
    )
    assert process.poll() is None


def test_a_scenario_edit_reloads_and_a_broken_one_is_reported(server, tmp_path):
    """The preview watches scenarios/ (and guide/) next to the entries, like codes/."""
    process, url, _, log = server
    scenario = tmp_path / "scenarios" / "404-missing.yaml"
    assert "Try it: Ask for a report that was never made" in fetch(url)[1]

    scenario.write_text(SCENARIO.replace("never made", "never written"), encoding="utf-8")
    assert wait_for(lambda: "Try it: Ask for a report that was never written" in fetch(url)[1]), log.read_text()

    scenario.write_text(SCENARIO.replace("Content-Length: 0", "Content-Length: 12"), encoding="utf-8")
    assert wait_for(lambda: "scenarios/404-missing.yaml:" in log.read_text()), log.read_text()
    assert wait_for(lambda: "Try it:" not in (page := fetch(url)[1]) and "Meaning" in page), (
        "a broken scenario is left out of the preview until it is fixed"
    )
    assert process.poll() is None and "Traceback" not in log.read_text()
