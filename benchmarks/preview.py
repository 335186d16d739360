"""Section 4: the live preview's delay from an edit of codes/404.yaml to the served page."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import common as c
from common import ENV, PY, Results, log, median, spread
from support import free_port

# ------------------------------------------------------------------------------------ 4: live preview


def fetch(url: str, timeout: float = 30) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def time_edits(config: Path, source: Path, pattern: str, repeat: int, log_path: Path):
    """Start ``mkdocs serve --livereload`` on ``config``; ``repeat`` times replace the first word matched by
    ``pattern`` (group 1) in ``source`` and time until /404/ is served with it. Returns wall seconds and the
    server's CPU seconds per edit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/404/"
    with log_path.open("wb") as log_file:
        server = subprocess.Popen(
            [PY, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(config)],
            cwd=config.parent,
            env=ENV,
            # Ctrl-C must reach it even when the benchmark runs in the background (where SIGINT is ignored).
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        latencies, cpus = [], []
        try:
            deadline = time.monotonic() + 300
            while fetch(url, timeout=5) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("mkdocs serve did not come up:\n" + log_path.read_text()[-3000:])
                time.sleep(0.2)
            original = source.read_text(encoding="utf-8")
            match = re.search(pattern, original, flags=re.MULTILINE)
            assert match, f"{source.name}: no match for {pattern!r}"
            for index in range(repeat):
                time.sleep(1.5)  # let the watcher settle after the previous rebuild
                token = f"Benchmarked{index:03d}"
                cpu_before = cpu_seconds(server.pid)
                source.write_text(original[: match.start(1)] + token + original[match.end(1) :], encoding="utf-8")
                start = time.perf_counter()
                while True:
                    page = fetch(url)
                    if page and token in page:
                        latencies.append(time.perf_counter() - start)
                        cpus.append(cpu_seconds(server.pid) - cpu_before)
                        break
                    if time.perf_counter() - start > 120:
                        raise SystemExit("the preview never showed the edit:\n" + log_path.read_text()[-3000:])
                    time.sleep(0.05)
        finally:
            server.send_signal(signal.SIGINT)  # like Ctrl-C, so mkdocs removes its temporary site dir
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return latencies, cpus


def bench_serve(results: Results, source_codes: Path, work: Path, repeat: int, plain_config: Path | None) -> None:
    log(f"4. mkdocs serve --livereload: edit codes/404.yaml, {repeat} edits")
    tree = work / "serve"
    for name in ("docs", "overrides"):
        shutil.copytree(c.SRC / name, tree / name)
    shutil.copytree(source_codes, tree / "codes")
    shutil.copyfile(c.SRC / "mkdocs.yml", tree / "mkdocs.yml")
    wall, cpu = time_edits(
        tree / "mkdocs.yml", tree / "codes" / "404.yaml", r"^summary: >-\n  (\S+)", repeat, work / "serve.log"
    )
    results.raw["serve"] = {"wall": wall, "cpu": cpu}
    results.add(
        "4",
        "edit codes/404.yaml -> served /404/ shows it",
        f"{median(wall):.2f} s ({spread(wall)}); server CPU {median(cpu):.2f} s",
        "< 2 s",
        median(wall) < 2,
    )
    if plain_config is not None:
        # The floor: the same edit in the pre-rendered Markdown, served without the plugin.
        log(f"4. the same in the plain pre-rendered docs, {repeat} edits")
        docs = plain_config.parent / "docs"
        wall, cpu = time_edits(
            plain_config, docs / "404.md", r"^!!! abstract .*\n\n    (\S+)", repeat, work / "serve-plain.log"
        )
        results.raw["serve_plain"] = {"wall": wall, "cpu": cpu}
        results.add(
            "4",
            "  same edit in the plain pre-rendered docs/404.md (MkDocs alone)",
            f"{median(wall):.2f} s ({spread(wall)}); server CPU {median(cpu):.2f} s",
        )
