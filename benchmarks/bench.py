"""Build-speed, scaling, live-preview and page-weight benchmark (issue 6). Run it with ``make bench``.

Every figure is measured in this run, side by side, repeated, and reported as a median, so ratios compare
runs made under the same machine load. Everything happens in a temporary directory (codes/ is copied once
at the start, so entries edited meanwhile do not change the run); the project is never written to, except
benchmarks/results/latest.json. The script prints one table and always exits 0: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Others edit the project while the benchmark runs, so everything is measured on a snapshot of it taken at
# the start (generator, templates, schema, registry, theme overrides, docs, mkdocs.yml, codes): SRC.
SNAPSHOT = ("generator", "schema", "reference", "overrides", "docs", "codes", "mkdocs.yml")
SRC = ROOT
# The generator is imported from the snapshot by use_snapshot().
pipeline = load_tree = build_reference = render_pages = render_robots = Context = validate_files = None
seo = find_active_content = None

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
for _name in ("SITE_URL", "SOURCE_DATE_EPOCH"):  # every build uses mkdocs.yml's defaults
    ENV.pop(_name, None)
EDIT_URL_BASE = "https://github.com/http-status-reference/http-status-reference/edit/main/"  # the plugin's default
KIB, MIB, GIB = 1024, 1024**2, 1024**3


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------- results


@dataclass
class Row:
    section: str
    name: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: information only

    @property
    def verdict(self) -> str:
        return "" if self.ok is None else ("PASS" if self.ok else "FAIL")


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def add(self, section, name, value, budget="", ok=None) -> None:
        self.rows.append(Row(section, name, value, budget, ok))

    def table(self) -> str:
        headers = ("#", "Measurement", "Value", "Budget", "Result")
        cells = [(r.section, r.name, r.value, r.budget, r.verdict) for r in self.rows]
        widths = [max(len(str(x)) for x in col) for col in zip(headers, *cells)]
        line = lambda row: "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        return "\n".join([line(headers), rule] + [line(c) for c in cells])


def median(values) -> float:
    return statistics.median(values)


def spread(values) -> str:
    return f"{min(values):.2f}-{max(values):.2f}"


# ----------------------------------------------------------------------------------------------- runs


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the process and every descendant it waited for
    max_rss: int  # bytes, the largest of the process and every descendant it waited for
    returncode: int
    output: str


def run(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run to completion; wall time, and CPU time and peak RSS from wait4(), which cover grandchildren such
    as the ``mkdocs build`` that ``python -m generator build`` starts."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, process.returncode, output)


def checked(result: Run, what: str) -> Run:
    if result.returncode != 0:
        raise SystemExit(f"{what} failed (exit {result.returncode}):\n{result.output[-4000:]}")
    return result


# ------------------------------------------------------------------------------------------ projects


# Rules the synthetic copies (404 -> 4041...) cannot pass: their file names, codes and registry rows.
SYNTHETIC_SKIP = ("filename", "code-range", "registry", "cacheable")


def skip_flags(skip_rules) -> list[str]:
    return [flag for name in skip_rules for flag in ("--skip-rule", name)]


def plain_config(directory: Path) -> Path:
    """A config for ``directory``/docs that inherits the project's mkdocs.yml without the statuscodes plugin
    (theme overrides linked in, so that MkDocs resolves the inherited custom_dir here)."""
    from mkdocs.utils.yaml import yaml_load

    with open(SRC / "mkdocs.yml", "rb") as handle:
        plugins = yaml_load(handle)["plugins"]
    keep = [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) != "statuscodes"]
    (directory / "overrides").symlink_to(SRC / "overrides")
    config = directory / "mkdocs.yml"
    config.write_text(
        json.dumps({"INHERIT": str(SRC / "mkdocs.yml"), "docs_dir": "docs", "plugins": keep}, indent=1),
        encoding="utf-8",
    )  # JSON is YAML
    return config


@dataclass
class Project:
    """A temporary project: its own mkdocs.yml and codes/ (entries show as codes/NNN.yaml, as for real)."""

    directory: Path
    entries: int
    skip_rules: tuple[str, ...]

    @property
    def codes(self) -> Path:
        return self.directory / "codes"

    @property
    def site(self) -> Path:
        return self.directory / "site"

    def build(self) -> Run:
        """What `make site` does (minus the venv check): validate, then mkdocs build --strict."""
        return run(
            [
                PY,
                "-m",
                "generator",
                "--codes",
                str(self.codes),
                *skip_flags(self.skip_rules),
                "build",
                "--config",
                str(SRC / "mkdocs.yml"),
                "--site-dir",
                str(self.site),
            ],
            cwd=self.directory,
        )


def make_project(directory: Path, source_codes: Path, factor: int = 1, skip_rules=()) -> Project:
    """Copy the entries; with ``factor`` > 1 add synthetic copies of each: 404 -> 4041 ... 404(factor-1).
    The leading digit keeps the copy in its class; everything else (related codes included) is unchanged."""
    directory.mkdir(parents=True)
    (directory / "codes").mkdir()
    count = 0
    for path in sorted(source_codes.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        shutil.copyfile(path, directory / "codes" / path.name)
        count += 1
        code = int(path.stem)
        for copy in range(1, factor):
            new = code * 10 + copy
            synthetic, n = re.subn(rf"^code: {code}\s*$", f"code: {new}", text, count=1, flags=re.MULTILINE)
            assert n == 1, f"{path.name}: no 'code: {code}' line"
            (directory / "codes" / f"{new}.yaml").write_text(synthetic, encoding="utf-8")
            count += 1
    skip = tuple(sorted(set(skip_rules) | (set(SYNTHETIC_SKIP) if factor > 1 else set())))
    return Project(directory, count, skip)


def make_plain_project(directory: Path, project: Project) -> Path:
    """The same pages already rendered to Markdown, in a docs dir of their own, built without the plugin."""
    docs = directory / "docs"
    shutil.copytree(SRC / "docs", docs)
    context = Context(skip_rules=frozenset(project.skip_rules))
    result = pipeline.run(project.codes, project.directory, EDIT_URL_BASE, context)
    if not result.ok:
        raise SystemExit(pipeline.format_report(result.report))
    for page in result.pages:
        (docs / page.src_uri).write_text(page.markdown, encoding="utf-8")
    (docs / "robots.txt").write_text(render_robots("https://http-status-codes.example/"), encoding="utf-8")
    return plain_config(directory)


def plain_build(config: Path, site: Path) -> Run:
    return run(
        [
            PY,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "--quiet",
            "--config-file",
            str(config),
            "--site-dir",
            str(site),
        ],
        cwd=config.parent,
    )


# ---------------------------------------------------------------------------------- 1-2: build cost


def timing(runs: list[Run]) -> str:
    wall, cpu = [r.seconds for r in runs], [r.cpu for r in runs]
    return f"CPU {median(cpu):.2f} s ({spread(cpu)}), wall {median(wall):.2f} s ({spread(wall)})"


def bench_build(results: Results, project: Project, work: Path, repeat: int) -> tuple[float, Path]:
    """Returns the full build's median CPU seconds and the plain project's config."""
    log(f"1. full build vs plain mkdocs build, {project.entries} entries, {repeat} rounds")
    plain_config = make_plain_project(work / "plain", project)
    full: list[Run] = []
    plain: list[Run] = []
    validate_only: list[Run] = []
    checked(project.build(), "full build (warm-up)")
    checked(plain_build(plain_config, work / "plain" / "site"), "plain build (warm-up)")
    flags = skip_flags(project.skip_rules)
    for index in range(repeat):
        # Alternate the order so that a slow spell on the machine does not always hit the same side.
        for which in ("full", "plain") if index % 2 == 0 else ("plain", "full"):
            if which == "full":
                full.append(checked(project.build(), "full build"))
            else:
                plain.append(checked(plain_build(plain_config, work / "plain" / "site"), "plain build"))
        validate_only.append(
            checked(
                run([PY, "-m", "generator", "--codes", str(project.codes), *flags, "validate"], cwd=project.directory),
                "validate",
            )
        )
    cpu = median([r.cpu for r in full]) / median([r.cpu for r in plain])
    wall = median([r.seconds for r in full]) / median([r.seconds for r in plain])
    results.raw["build"] = {
        name: [[r.seconds, r.cpu] for r in runs]
        for name, runs in (("full", full), ("plain", plain), ("validate", validate_only))
    }
    results.add("1", f"full build (validate + mkdocs build --strict), {project.entries} entries", timing(full))
    results.add("1", "plain mkdocs build of the same pages, pre-rendered", timing(plain))
    results.add("1", "full / plain, CPU time", f"{cpu:.2f}x", "<= 1.10x", cpu <= 1.10)
    results.add("1", "full / plain, wall clock (noisy machine: for information)", f"{wall:.2f}x")
    validate_cpu = median([r.cpu for r in validate_only])
    results.add(
        "1",
        "  of which the `python -m generator validate` step",
        f"CPU {validate_cpu:.2f} s ({validate_cpu / median([r.cpu for r in full]):.0%} of the full build)",
    )
    return median([r.cpu for r in full]), plain_config


def time_stages(codes: Path, root: Path, skip_rules, repeat: int) -> dict[str, float]:
    """Median CPU seconds of each stage, run in this process."""
    samples: dict[str, list[float]] = {"load": [], "validate": [], "model": [], "render": []}
    for _ in range(repeat):
        t0 = time.process_time()
        files = load_tree(codes, root)
        t1 = time.process_time()
        report = validate_files(files, Context(skip_rules=frozenset(skip_rules)))
        t2 = time.process_time()
        assert not report, pipeline.format_report(report)
        reference = build_reference(files)
        t3 = time.process_time()
        render_pages(reference, EDIT_URL_BASE)
        t4 = time.process_time()
        for name, seconds in zip(samples, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            samples[name].append(seconds)
    return {name: median(values) for name, values in samples.items()}


def bench_stages(results: Results, project: Project, full_build_cpu: float, repeat: int) -> None:
    log(f"2. generator stages in-process, {repeat} rounds")
    stages = time_stages(project.codes, project.directory, project.skip_rules, repeat)
    results.raw["stages"] = stages
    total = sum(stages.values())
    results.add(
        "2",
        "stages, CPU: " + ", ".join(stages),
        " + ".join(f"{s * 1000:.0f}" for s in stages.values()) + f" = {total * 1000:.0f} ms",
    )
    results.add(
        "2",
        "load + validate + model + render, share of the full build (CPU)",
        f"{total / full_build_cpu:.1%}",
        "<= 10%",
        total / full_build_cpu <= 0.10,
    )
    # `make site` loads and validates twice: in the validate step and again in the plugin.
    per_build = total + stages["load"] + stages["validate"]
    results.add(
        "2", "  a build loads + validates twice (validate step, plugin): with both", f"{per_build / full_build_cpu:.1%}"
    )

    # The plugin's per-page hooks, timed in-process too: the active-content scan of each page's HTML
    # (on_page_content; the HTML is taken from the built pages' <article>) and the head metadata (on_page_context).
    articles = [
        m.group(1)
        for m in (
            re.search(r"<article [^>]*>(.*)</article>", p.read_text(encoding="utf-8"), re.S)
            for p in project.site.rglob("index.html")
        )
        if m
    ]
    result = pipeline.run(
        project.codes,
        project.directory,
        EDIT_URL_BASE,
        Context(skip_rules=frozenset(project.skip_rules)),
    )
    site = seo.Site("HTTP Status Codes", "https://http-status-codes.example/", "")
    scan, head = [], []
    for _ in range(repeat):
        t0 = time.process_time()
        for html in articles:
            find_active_content(html)
        t1 = time.process_time()
        for page in result.pages:
            seo.head_for(page, result.reference, site.absolute(page.src_uri[:-3] + "/"), site)
        t2 = time.process_time()
        scan.append(t1 - t0)
        head.append(t2 - t1)
    results.raw["hooks"] = {"scan": median(scan), "head": median(head)}
    results.add(
        "2",
        f"plugin hooks, CPU: safety scan of {len(articles)} pages, head metadata",
        f"{median(scan) * 1000:.0f} + {median(head) * 1000:.0f} ms = "
        f"{(median(scan) + median(head)) / full_build_cpu:.1%} of the full build",
    )


# ------------------------------------------------------------------------------------------ 3: scaling


def page_size(site: Path, code: int) -> int:
    return (site / str(code) / "index.html").stat().st_size


def bench_scaling(results: Results, source_codes: Path, work: Path, repeat: int, stage_repeat: int) -> None:
    factors = (1, 4, 10)
    projects = {f: make_project(work / f"scale-{f}x", source_codes, f, SYNTHETIC_SKIP) for f in factors}
    log(f"3. scaling: {', '.join(str(p.entries) for p in projects.values())} entries, {repeat} rounds")
    runs: dict[int, list[Run]] = {f: [] for f in factors}
    for index in range(repeat):
        for f in factors if index % 2 == 0 else factors[::-1]:
            runs[f].append(checked(projects[f].build(), f"build of {projects[f].entries} entries"))
    cpu = {f: median([r.cpu for r in runs[f]]) for f in factors}
    wall = {f: median([r.seconds for r in runs[f]]) for f in factors}
    rss = {f: max(r.max_rss for r in runs[f]) for f in factors}
    results.raw["scaling"] = {
        str(f): {"entries": projects[f].entries, "runs": [[r.seconds, r.cpu, r.max_rss] for r in runs[f]]}
        for f in factors
    }
    for f in factors:
        ratio = cpu[f] / cpu[1]
        budget, ok = ("<= 11x", ratio <= 11) if f == 10 else ("", None)
        results.add(
            "3",
            f"full build, {projects[f].entries} entries ({f}x): CPU, x of 1x",
            f"{cpu[f]:.2f} s = {ratio:.2f}x (wall {wall[f]:.2f} s = {wall[f] / wall[1]:.2f}x)",
            budget,
            ok,
        )
    for f in factors:
        budget, ok = ("< 1 GiB", rss[f] < GIB) if f == 10 else ("", None)
        results.add("3", f"peak RSS, {projects[f].entries} entries ({f}x)", f"{rss[f] / MIB:.0f} MiB", budget, ok)

    stages10 = time_stages(projects[10].codes, projects[10].directory, projects[10].skip_rules, stage_repeat)
    results.raw["stages_10x"] = stages10
    results.add(
        "3",
        "generator stages at 10x, CPU: " + ", ".join(stages10),
        " + ".join(f"{s * 1000:.0f}" for s in stages10.values()) + f" ms = "
        f"{sum(stages10.values()) / cpu[10]:.1%} of its build",
    )

    # Nothing on a code page may grow with the number of entries (no sidebar or list of all codes).
    one, ten = projects[1].site, projects[10].site
    codes = sorted(int(p.stem) for p in source_codes.glob("*.yaml"))
    growth = {c: page_size(ten, c) - page_size(one, c) for c in codes}
    worst = max(growth, key=lambda c: abs(growth[c]))
    probe = 404 if 404 in growth else codes[0]
    results.add(
        "3",
        f"/{probe}/ HTML, 1x vs 10x build",
        f"{page_size(one, probe):,} vs {page_size(ten, probe):,} B",
        "no growth",
        growth[probe] == 0,
    )
    results.add(
        "3",
        f"largest change of any of the {len(codes)} real code pages, 1x -> 10x",
        f"{growth[worst]:+,} B (/{worst}/)",
        "no growth",
        all(g == 0 for g in growth.values()),
    )
    for label, rel in (
        ("home page", "index.html"),
        ("4xx class page", "4xx/index.html"),
        ("search index", "search/search_index.json"),
        ("sitemap.xml", "sitemap.xml"),
    ):
        a, b = (one / rel).stat().st_size, (ten / rel).stat().st_size
        results.add(
            "3", f"{label}, 1x -> 10x (lists entries: grows)", f"{a / KIB:,.0f} -> {b / KIB:,.0f} KiB ({b / a:.1f}x)"
        )


# ------------------------------------------------------------------------------------ 4: live preview


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        shutil.copytree(SRC / name, tree / name)
    shutil.copytree(source_codes, tree / "codes")
    shutil.copyfile(SRC / "mkdocs.yml", tree / "mkdocs.yml")
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
    images), Material's search worker and the search index it loads. Returns (files, external URLs)."""
    page_url = "/" + page.parent.relative_to(site).as_posix() + "/"
    found = resources(page.read_text(encoding="utf-8"))
    wanted = [u for _, u in found.urls]
    if found.config.get("search"):
        wanted.append(found.config["search"])  # the worker script, started on every page load
        wanted.append(urljoin(urljoin(page_url, found.config.get("base", ".") + "/"), "search/search_index.json"))
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


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Nothing can leave the machine; a request to another host still shows up (and fails).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


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
                tab.wait_for_timeout(1000)  # the search worker starts after load
                context.close()
                seen[path] = [u[len(base) :] if u.startswith(base + "/") else u for u in requests]
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return seen


def bench_weight(results: Results, site: Path) -> None:
    log("5. page weight")
    code_pages = [p for p in site.glob("*/index.html") if p.parent.name.isdigit()]
    largest = max(code_pages, key=lambda p: p.stat().st_size)
    largest_url = f"/{largest.parent.name}/"
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
        "<= 250 KB gzip",
        zipped <= 250 * 1000,
    )
    for p in files:
        data = p.read_bytes()
        results.add("5", f"  {p.relative_to(site)}", f"{len(data) / 1000:.1f} KB raw, {gz(data) / 1000:.1f} KB gzip")
    index = site / "search" / "search_index.json"
    docs = len(json.loads(index.read_text(encoding="utf-8"))["docs"])
    results.add(
        "5",
        f"search index ({docs} sections)",
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


# ------------------------------------------------------------------------------------------------ main


def machine() -> dict:
    memory = next(
        (
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        ),
        0,
    )
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "memory_gib": round(memory / GIB, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def use_snapshot(work: Path, codes: Path) -> Path:
    """Copy the project (with ``codes`` as codes/) and make this process and every build use the copy."""
    global SRC, pipeline, load_tree, build_reference, render_pages, render_robots, Context, validate_files
    global seo, find_active_content
    snapshot = work / "project"
    snapshot.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SNAPSHOT:
        source = codes if name == "codes" else ROOT / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name, ignore=ignore)
        else:
            shutil.copyfile(source, snapshot / name)
    SRC = snapshot
    ENV["PYTHONPATH"] = str(snapshot)  # ahead of the editable install, for the CLI and the MkDocs plugin
    sys.path.insert(0, str(snapshot))
    import generator
    from generator import pipeline, seo
    from generator.loader import load_tree
    from generator.model import build_reference
    from generator.render import render_pages, render_robots
    from generator.safety import find_active_content
    from generator.validate import Context, validate_files

    assert Path(generator.__file__).resolve().parent == snapshot / "generator", generator.__file__
    check = run([PY, "-c", "import generator.mkdocs_plugin as m; print(m.__file__)"], cwd=work)
    assert check.output.strip().startswith(str(snapshot)), check.output
    return snapshot / "codes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds for the build comparison (default 5)")
    parser.add_argument("--scale-repeat", type=int, default=3, help="rounds for the scaling builds (default 3)")
    parser.add_argument("--serve-repeat", type=int, default=5, help="edits timed in the live preview (default 5)")
    parser.add_argument("--codes", default=str(ROOT / "codes"), help="entries to measure (default codes/)")
    parser.add_argument("--only", default="12345", help="sections to run, e.g. --only 45")
    parser.add_argument(
        "--skip-rule",
        action="append",
        default=[],
        metavar="NAME",
        help="validation rule not to run on --codes (repeatable; a development tree with stand-in entries)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)

    results = Results()
    results.raw["machine"] = info = machine()
    work = Path(tempfile.mkdtemp(prefix="statuscodes-bench-"))
    log(f"working in {work}")
    entries = 0
    try:
        source = use_snapshot(work, Path(args.codes))
        files = load_tree(source, work)
        entries = len(files)
        report = validate_files(files, Context(skip_rules=frozenset(args.skip_rule)))
        if report:
            print(pipeline.format_report(report), file=sys.stderr)
            print(
                f"\nThe benchmark needs entries that validate ({args.codes} does not); nothing was measured.",
                file=sys.stderr,
            )
            return 0
        project = make_project(work / "real", source, skip_rules=args.skip_rule)
        plain_config = None
        if "1" in args.only or "2" in args.only:
            full_cpu, plain_config = bench_build(results, project, work, args.repeat)
            if "2" in args.only:
                bench_stages(results, project, full_cpu, max(args.repeat, 5))
        if "3" in args.only:
            bench_scaling(results, source, work, args.scale_repeat, max(args.scale_repeat, 3))
        if "4" in args.only:
            if plain_config is None:
                plain_config = make_plain_project(work / "plain", project)
            bench_serve(results, source, work, args.serve_repeat, plain_config)
        if "5" in args.only:
            if not project.site.is_dir():
                checked(project.build(), "full build")
            bench_weight(results, project.site)
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(
        f"\nHTTP status reference benchmark, {info['date']}: {info['nproc']} CPUs, {info['memory_gib']} GiB RAM, "
        f"Python {info['python']}, load average at start {' '.join(f'{x:.1f}' for x in info['load_average'])}; "
        f"{entries} entries from {args.codes}\n"
    )
    print(results.table())
    missed = [r for r in results.rows if r.ok is False]
    print(f"\n{len(missed)} budget(s) missed" + (": " + "; ".join(r.name.strip() for r in missed) if missed else ""))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps(
            {"rows": [r.__dict__ | {"result": r.verdict} for r in results.rows], "raw": results.raw},
            indent=2,
            default=str,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
