"""Lighthouse audit of the built site, served the way a static host serves it: `make audit`.

Builds the site from codes/ into a temporary folder with SITE_URL set to the local server's address (so
canonical links point at the pages being measured), serves it with scripts/serve_static.py (gzip, cache
headers, 404.html) on 127.0.0.1, and runs the pinned Lighthouse (package.json) with Debian's Chromium
against the home page, a class page and three code pages. Mobile form factor with Lighthouse's default
simulated throttling. Prints the four category scores per page and exits 1 when a page misses a target
(accessibility, best practices and SEO 1.00; performance 0.95).

    .venv/bin/python scripts/audit.py [--site-dir DIR] [--runs N] [--reports DIR] [PAGE ...]

--site-dir audits an already built site instead of building one (its canonical links then point
elsewhere, which Lighthouse accepts). --runs N runs each page N times and reports the median
performance score (performance varies from run to run on a busy machine; the other categories do not).
Reports (JSON and HTML) are written to benchmarks/results/lighthouse/ unless --reports says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_static import StaticServer  # noqa: E402
from support import CHROMIUM_ARGS, build_site, free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Lighthouse splits --chrome-flags at spaces outside quotes: quote the values that hold spaces.
CHROME_FLAGS = " ".join(
    flag if " " not in flag else '{}="{}"'.format(*flag.split("=", 1)) for flag in CHROMIUM_ARGS
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 1.0, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# Home, a class page, and three code pages: the reference entry, a redirect and a 5xx page.
DEFAULT_PAGES = ("", "4xx/", "404/", "301/", "503/")


def lighthouse(url: str, output: Path) -> dict:
    """Run Lighthouse once; returns the parsed JSON report (also written as output.json/.html)."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    done = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True, timeout=300
    )
    report = output.with_suffix(".report.json")
    if done.returncode != 0 or not report.exists():
        sys.exit(f"lighthouse failed on {url}:\n{done.stdout}{done.stderr}")
    return json.loads(report.read_text(encoding="utf-8"))


def failing_audits(report: dict) -> list[str]:
    """Scored audits below 1 in the categories that miss their target, for the printout."""
    lines = []
    for name in CATEGORIES:
        category = report["categories"][name]
        if category["score"] is not None and category["score"] >= TARGETS[name]:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"    {name}: {ref['id']} {audit['score']:.2f}{shown}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "pages",
        nargs="*",
        default=list(DEFAULT_PAGES),
        help="site-relative URLs (default: home, 4xx/, 404/, 301/, 503/)",
    )
    parser.add_argument("--site-dir", type=Path, help="audit this built site instead of building one")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median performance is kept")
    parser.add_argument("--reports", type=Path, default=ROOT / "benchmarks" / "results" / "lighthouse")
    args = parser.parse_args()

    if not LIGHTHOUSE.exists():
        return (
            print(
                "node_modules/.bin/lighthouse is missing: run `make node_modules/.package-lock.json` (npm ci)",
                file=sys.stderr,
            )
            or 2
        )
    if not Path(CHROME).exists():
        return print(f"{CHROME} is missing: apt-get install chromium (or set CHROME_PATH)", file=sys.stderr) or 2

    args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        port = free_port()
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            done = build_site(site_dir, site_url=f"http://127.0.0.1:{port}/")
            if done.returncode != 0:
                sys.exit(f"site build failed:\n{done.stdout}{done.stderr}")
        with StaticServer(site_dir, port) as base:
            print(
                f"Lighthouse {lighthouse_version()}, {chromium_version()}, mobile, simulated throttling; "
                f"served gzip from {base}"
            )
            header = f"{'page':<10}" + "".join(f"{name:>16}" for name in CATEGORIES)
            print(header)
            missed = False
            for page in args.pages:
                reports = []
                for run in range(args.runs):
                    name = (page.strip("/").replace("/", "_") or "home") + (f"-{run + 1}" if args.runs > 1 else "")
                    reports.append(lighthouse(base + page, args.reports / name))
                scores = {}
                for category in CATEGORIES:
                    values = [r["categories"][category]["score"] for r in reports]
                    scores[category] = statistics.median(values) if category == "performance" else min(values)
                runs = ""
                if args.runs > 1:
                    runs = "  performance runs: " + " ".join(
                        f"{r['categories']['performance']['score']:.2f}" for r in reports
                    )
                print(f"{'/' + page:<10}" + "".join(f"{scores[c]:>16.2f}" for c in CATEGORIES) + runs)
                worst = min(reports, key=lambda r: r["categories"]["performance"]["score"])
                if any(scores[c] < TARGETS[c] for c in CATEGORIES):
                    missed = True
                    print("\n".join(failing_audits(worst)))
    print(f"reports: {args.reports}")
    if missed:
        targets = ", ".join(f"{name} {value:.2f}" for name, value in TARGETS.items())
        print(f"below target ({targets})", file=sys.stderr)
    return 1 if missed else 0


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text())["version"]


def chromium_version() -> str:
    try:
        return subprocess.run([CHROME, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return CHROME


if __name__ == "__main__":
    if shutil.which("node") is None:
        sys.exit("node is missing: Lighthouse needs Node 20 or newer")
    sys.exit(main())
