"""What every measurement of the benchmark shares: results table, timed runs, temporary projects, and the
snapshot of the project that every build and every in-process stage uses (see bench.py)."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# scripts/support.py (Chromium and its flags, a free port) and scripts/serve_static.py are shared with the
# tests and the audit script.
sys.path.insert(0, str(ROOT / "scripts"))
from support import build_command  # noqa: E402

# Others edit the project while the benchmark runs, so everything is measured on a snapshot of it taken at
# the start (generator, templates, schema, registry, theme overrides, docs, mkdocs.yml, codes): SRC.
SNAPSHOT = ("generator", "schema", "reference", "overrides", "docs", "codes", "mkdocs.yml")
SRC = ROOT
# The generator is imported from the snapshot by use_snapshot().
pipeline = load_tree = build_reference = render_all = Build = render_robots = Context = validate_files = None
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
        command = build_command(self.site, codes_dir=self.codes, config=SRC / "mkdocs.yml", skip_rules=self.skip_rules)
        return run(command, cwd=self.directory)


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
    # Only the pages MkDocs renders: the other outputs (JSON, Markdown twins...) are copied by the plugin, and a
    # twin written into docs/ would be taken for one more page to render.
    for page in result.engine_pages:
        (docs / page.src_uri).write_text(page.content, encoding="utf-8")
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


def use_snapshot(work: Path, codes: Path) -> Path:
    """Copy the project (with ``codes`` as codes/) and make this process and every build use the copy."""
    global SRC, pipeline, load_tree, build_reference, render_all, Build, render_robots, Context, validate_files
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
    from generator.kinds import Build, render_all
    from generator.loader import load_tree
    from generator.model import build_reference
    from generator.render import render_robots
    from generator.safety import find_active_content
    from generator.validate import Context, validate_files

    assert Path(generator.__file__).resolve().parent == snapshot / "generator", generator.__file__
    check = run([PY, "-c", "import generator.mkdocs_plugin as m; print(m.__file__)"], cwd=work)
    assert check.output.strip().startswith(str(snapshot)), check.output
    return snapshot / "codes"
