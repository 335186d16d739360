"""Helpers that the tests, scripts and benchmarks share: Debian's Chromium and its flags, a free loopback port,
and the site build run as `make site` runs it (a new interpreter).

The flags keep a headless Chromium from reaching any host but this machine (the project may not fetch from
the network at view time, and the sandbox here has no network): every name resolves to nothing except
localhost and 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def free_port() -> int:
    """A loopback port that is free now (for a server that must know its address before it starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_command(
    site_dir: Path, *, codes_dir: Path | str | None = None, config: Path | None = None, skip_rules=()
) -> list[str]:
    """The command line that builds a site with this interpreter: ``python -m generator [--codes DIR]
    [--skip-rule NAME]... build [--config FILE] --site-dir DIR`` (``make site`` is the same without the
    options). For callers that run it their own way (the benchmark times it with ``wait4``)."""
    command = [sys.executable, "-m", "generator"]
    if codes_dir is not None:
        command += ["--codes", str(codes_dir)]
    for name in skip_rules:
        command += ["--skip-rule", name]
    command.append("build")
    if config is not None:
        command += ["--config", str(config)]
    return command + ["--site-dir", str(site_dir)]


def build_site(
    site_dir: Path,
    *,
    codes_dir: Path | str | None = None,
    config: Path | None = None,
    site_url: str | None = None,
    env: dict | None = None,
    cwd: Path = ROOT,
    timeout: float = 900,
) -> subprocess.CompletedProcess:
    """Build a site in a new interpreter (see ``build_command``) and return the finished process, its output
    captured as text. ``env`` (default: this process's environment) gets ``NO_MKDOCS_2_WARNING=1`` and, when
    ``site_url`` is given, ``SITE_URL`` (the address canonical links point at). A failed build is returned,
    not raised: callers report its output their own way. Raises ``subprocess.TimeoutExpired`` after
    ``timeout`` seconds."""
    environment = {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        environment["SITE_URL"] = site_url
    return subprocess.run(
        build_command(site_dir, codes_dir=codes_dir, config=config),
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
