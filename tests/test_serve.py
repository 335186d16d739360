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


@pytest.fixture
def server(tmp_path):
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
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
