"""Sections 1-2: the full build against a plain MkDocs build of the same pages, and the generator's stages."""

from __future__ import annotations

import re
import time
from pathlib import Path

import common as c
from common import (
    EDIT_URL_BASE,
    PY,
    Project,
    Results,
    Run,
    checked,
    log,
    make_plain_project,
    median,
    plain_build,
    run,
    skip_flags,
    spread,
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
    results.add(
        "1", f"full build (mkdocs build --strict, the plugin validating), {project.entries} entries", timing(full)
    )
    results.add("1", "plain mkdocs build of the same pages, pre-rendered", timing(plain))
    results.add("1", "full / plain, CPU time", f"{cpu:.2f}x", "<= 1.10x", cpu <= 1.10)
    results.add("1", "full / plain, wall clock (noisy machine: for information)", f"{wall:.2f}x")
    validate_cpu = median([r.cpu for r in validate_only])
    results.add(
        "1",
        "  for comparison: `python -m generator validate` alone (interpreter start included)",
        f"CPU {validate_cpu:.2f} s ({validate_cpu / median([r.cpu for r in full]):.0%} of the full build)",
    )
    return median([r.cpu for r in full]), plain_config


def time_stages(codes: Path, root: Path, skip_rules, repeat: int) -> dict[str, float]:
    """Median CPU seconds of each stage, run in this process."""
    samples: dict[str, list[float]] = {"load": [], "validate": [], "model": [], "render": []}
    for _ in range(repeat):
        t0 = time.process_time()
        files = c.load_tree(codes, root)
        t1 = time.process_time()
        report = c.validate_files(files, c.Context(skip_rules=frozenset(skip_rules)))
        t2 = time.process_time()
        assert not report, c.pipeline.format_report(report)
        reference = c.build_reference(files)
        t3 = time.process_time()
        c.render_all(c.Build(reference, c.seo.Site("bench", "https://http-status-codes.example/", ""), EDIT_URL_BASE))
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
    result = c.pipeline.run(
        project.codes,
        project.directory,
        EDIT_URL_BASE,
        c.Context(skip_rules=frozenset(project.skip_rules)),
    )
    site = c.seo.Site("HTTP Status Codes", "https://http-status-codes.example/", "")
    scan, head = [], []
    for _ in range(repeat):
        t0 = time.process_time()
        for html in articles:
            c.find_active_content(html)
        t1 = time.process_time()
        for page in result.engine_pages:  # the HTML pages: the plugin's head hook runs for those only
            c.seo.head_for(page, result.reference, site.absolute(page.src_uri[:-3] + "/"), site)
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
