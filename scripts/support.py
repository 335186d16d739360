"""Helpers that the tests, scripts and benchmarks share: Debian's Chromium and its flags, a free loopback port.

The flags keep a headless Chromium from reaching any host but this machine (the project may not fetch from
the network at view time, and the sandbox here has no network): every name resolves to nothing except
localhost and 127.0.0.1.
"""

from __future__ import annotations

import socket
from pathlib import Path

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
