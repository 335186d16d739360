"""A real link checker over the built site: linkinator (pinned in package.json), crawling from the home page.

The site is served the way a static host serves it (scripts/serve_static.py: directory redirects, 404.html,
gzip), and linkinator follows every same-site link recursively, checking each link's target, each #fragment
(--check-fragments), each url() in CSS (--check-css), and that no internal link needs a redirect
(--redirects error: a link to /404 instead of /404/). External links are not fetched (no network here);
tests/test_site.py checks internal links and anchors in Python too. Without node_modules the test is
skipped with the reason, or fails when REQUIRE_BROWSER=1 (CI).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess

import pytest

from .sitebuild import ROOT

pytestmark = pytest.mark.slow  # runs linkinator (Node) over the served site

LINKINATOR = ROOT / "node_modules" / ".bin" / "linkinator"


def _static_server():
    spec = importlib.util.spec_from_file_location("serve_static", ROOT / "scripts" / "serve_static.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.StaticServer


@pytest.fixture(scope="module")
def crawl(site) -> tuple[str, list[dict]]:
    problems = []
    if shutil.which("node") is None:
        problems.append("node is missing")
    if not LINKINATOR.exists():
        problems.append("node_modules/.bin/linkinator is missing (run `make test`, which runs npm ci)")
    if problems:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {'; '.join(problems)}", pytrace=False)
        pytest.skip(f"link checker skipped: {'; '.join(problems)}")
    with _static_server()(site.root) as base:
        done = subprocess.run(
            [
                str(LINKINATOR),
                base,
                "--recurse",
                "--check-fragments",
                "--check-css",
                "--redirects",
                "error",
                # Generous limits: a busy 2-core CI machine must not turn a slow answer into a broken link.
                "--concurrency",
                "4",
                "--timeout",
                "30000",
                "--skip",
                f"^(?!{re.escape(base)})",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert done.stdout.strip(), f"linkinator printed nothing ({done.returncode}):\n{done.stderr[-3000:]}"
    return base, json.loads(done.stdout)["links"]


def test_no_broken_links_fragments_or_redirects(crawl):
    base, links = crawl
    broken = [
        f"{link['url'].removeprefix(base) or '/'} ({link.get('status')}) linked from "
        f"{(link.get('parent') or '').removeprefix(base) or '/'}"
        for link in links
        if link["state"] == "BROKEN"
    ]
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(sorted(set(broken))[:40])


def test_every_page_is_reachable_from_the_home_page(site, crawl):
    base, links = crawl
    reached = {link["url"].removeprefix(base).split("#")[0] for link in links if link["state"] == "OK"}
    pages = {page for page in site.pages if page != "404.html"}
    assert not pages - reached, f"pages no link leads to: {sorted(pages - reached)}"
