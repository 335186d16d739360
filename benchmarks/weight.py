"""Section 5: page weight and what a first visit fetches (HTML/CSS parse and Chromium's requests)."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from common import Results, log

# -------------------------------------------------------------------------------------- 5: page weight


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


FETCHING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'");\s]+)""")


EMBEDDING_TAGS = {"img", "iframe", "embed", "object", "source", "video", "audio", "track", "input"}


class Resources(HTMLParser):
    """What a browser fetches for a page: stylesheets, scripts, icons, images, frames."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (what, url)
        self.config: dict = {}
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href") and FETCHING_RELS & set((a.get("rel") or "").lower().split()):
            self.urls.append((f"link rel={a.get('rel')}", a["href"]))
        if tag == "script":
            if a.get("src"):
                self.urls.append(("script", a["src"]))
            self._in_config = a.get("id") == "__config"
        for attr in ("src", "poster", "data"):
            if tag in EMBEDDING_TAGS and a.get(attr):
                self.urls.append((f"{tag} {attr}", a[attr]))
        if a.get("srcset"):
            self.urls += [(f"{tag} srcset", part.split()[0]) for part in a["srcset"].split(",") if part.strip()]
        if a.get("style"):
            self.urls += [(f"{tag} style", u) for u in CSS_URL.findall(a["style"])]

    def handle_data(self, data):
        if self._in_config and data.strip():
            self.config = json.loads(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


def resources(html: str) -> Resources:
    parser = Resources()
    parser.feed(html)
    parser.close()
    return parser


def is_external(url: str) -> bool:
    return url.lower().startswith(("http://", "https://", "//"))


def first_visit(site: Path, page: Path) -> tuple[list[Path], list[str]]:
    """Files a first visit to ``page`` transfers: the HTML, what it links, what the CSS pulls in (fonts,
    images). Search loads only when the reader opens it (section 6, reader.py). Returns (files, external URLs)."""
    page_url = "/" + page.parent.relative_to(site).as_posix() + "/"
    found = resources(page.read_text(encoding="utf-8"))
    wanted = [u for _, u in found.urls]
    files, external, queue, seen = [page], [], [urljoin(page_url, u) for u in wanted], set()
    while queue:
        url = queue.pop(0)
        if is_external(url):
            external.append(url)
            continue
        if url.startswith("data:") or url in seen:
            continue
        seen.add(url)
        path = site / urlsplit(url).path.lstrip("/")
        if not path.is_file():
            log(f"   (first visit: {url} is not in the site)")
            continue
        files.append(path)
        if path.suffix == ".css":
            css = path.read_text(encoding="utf-8", errors="replace")
            queue += [urljoin(url, u) for u in CSS_URL.findall(css) + CSS_IMPORT.findall(css)]
    return files, external


def external_references(site: Path) -> list[str]:
    """Absolute URLs the built site would fetch: HTML link/script/img/... and CSS url()/@import."""
    fetched = []
    for path in sorted(site.rglob("*.html")):
        for what, url in resources(path.read_text(encoding="utf-8", errors="replace")).urls:
            if is_external(url):
                fetched.append(f"{path.relative_to(site)}: {what} {url}")
    for path in sorted(site.rglob("*.css")):
        css = path.read_text(encoding="utf-8", errors="replace")
        for url in CSS_URL.findall(css) + CSS_IMPORT.findall(css):
            if is_external(url):
                fetched.append(f"{path.relative_to(site)}: url() {url}")
    return fetched


from support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (scripts/support.py: one list for tests, scripts, benchmarks)


def browser_visits(site: Path, paths: list[str]) -> dict[str, list[str]] | None:
    """Every URL Chromium requests on a first visit (fresh profile) to each path, until the network is idle.
    None when Debian's chromium or the playwright package is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.is_file():
        return None
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    seen: dict[str, list[str]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            for path in paths:
                context = browser.new_context()
                requests: list[str] = []
                context.on("request", lambda request: requests.append(request.url))
                tab = context.new_page()
                tab.goto(base + path, wait_until="networkidle")
                tab.wait_for_timeout(1000)  # anything started after load
                context.close()
                seen[path] = [u[len(base) :] if u.startswith(base + "/") else u for u in requests]
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return seen


# Code pages with a playground (issue 13) load its script and carry its messages as content; the budgets hold
# for every other code page ("first visit to a code page without a playground").
PLAYGROUND_SCRIPT = b"assets/javascripts/tryit.js"


def largest_code_page(site: Path) -> str:
    """Path ('/504/') of the code page without a playground that has the most HTML."""
    code_pages = [p for p in site.glob("*/index.html") if p.parent.name.isdigit()]
    plain = [p for p in code_pages if PLAYGROUND_SCRIPT not in p.read_bytes()]
    return f"/{max(plain, key=lambda p: p.stat().st_size).parent.name}/"


def bench_weight(results: Results, site: Path) -> None:
    log("5. page weight")
    largest_url = largest_code_page(site)
    largest = site / largest_url.strip("/") / "index.html"
    for label, page, budget in (
        ("home page /", site / "index.html", None),
        ("class page /4xx/", site / "4xx" / "index.html", None),
        (f"largest code page {largest_url}", largest, 60 * 1000),
    ):
        data = page.read_bytes()
        results.add(
            "5",
            f"{label} HTML",
            f"{len(data) / 1000:.1f} KB raw, {gz(data) / 1000:.1f} KB gzip",
            "<= 60 KB raw" if budget else "",
            None if budget is None else len(data) <= budget,
        )

    files, external = first_visit(site, largest)  # what the HTML, CSS and Material's config say
    visits = browser_visits(site, [largest_url, "/", "/4xx/"])
    if visits is not None:
        local = [u for u in visits[largest_url] if u.startswith("/")]
        observed = [site / urlsplit(u).path.lstrip("/") for u in local]
        observed = [p / "index.html" if p.is_dir() else p for p in observed]
        same = sorted(map(str, observed)) == sorted(map(str, files))
        results.add(
            "5",
            "first-visit files: HTML/CSS parse vs Chromium's requests",
            "identical" if same else "differ: browser " + ", ".join(local),
            "",
            None,
        )
        if not same:
            files = [p for p in observed if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    zipped = sum(gz(p.read_bytes()) for p in files)
    results.raw["first_visit"] = {str(p.relative_to(site)): [p.stat().st_size, gz(p.read_bytes())] for p in files}
    results.add(
        "5",
        f"first visit to {largest_url}: {len(files)} files",
        f"{raw / 1000:.0f} KB raw, {zipped / 1000:.0f} KB gzip",
        "<= 75 KB gzip",
        zipped <= 75 * 1000,
    )
    for p in files:
        data = p.read_bytes()
        results.add("5", f"  {p.relative_to(site)}", f"{len(data) / 1000:.1f} KB raw, {gz(data) / 1000:.1f} KB gzip")
    index = site / "search" / "index.js"
    results.add(
        "5",
        "search index search/index.js (loaded when the reader opens the search)",
        f"{index.stat().st_size / 1000:.0f} KB raw, {gz(index.read_bytes()) / 1000:.0f} KB gzip",
    )

    fetched = external_references(site) + [f"first visit: {u}" for u in external]
    results.add(
        "5",
        "absolute URLs fetched by built HTML/CSS (link, script, img..., url(), @import)",
        f"{len(fetched)}" + (f": {fetched[0]}" if fetched else ""),
        "0",
        not fetched,
    )
    if visits is None:
        results.add("5", "requests to other hosts in Chromium", "not checked: needs /usr/bin/chromium and playwright")
    else:
        foreign = sorted({u for urls in visits.values() for u in urls if not u.startswith("/")})
        results.add(
            "5",
            f"requests to other hosts in Chromium ({', '.join(visits)})",
            f"{len(foreign)}" + (f": {', '.join(foreign[:3])}" if foreign else ""),
            "0",
            not foreign,
        )
        fetched += foreign
    results.raw["external"] = fetched
