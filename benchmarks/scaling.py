"""Section 3: builds of 1x, 4x and 10x the entries; page growth."""

from __future__ import annotations

from pathlib import Path

from build_cost import time_stages
from common import GIB, KIB, MIB, SYNTHETIC_SKIP, Results, Run, checked, log, make_project, median

# ------------------------------------------------------------------------------------------ 3: scaling


def page_size(site: Path, code: str) -> int:
    """Bytes of the code page's HTML; ``code`` as its file is named (``000``, the page ``/000/``)."""
    return (site / code / "index.html").stat().st_size


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
    codes = sorted(p.stem for p in source_codes.glob("*.yaml"))  # "000" names the page /000/
    growth = {c: page_size(ten, c) - page_size(one, c) for c in codes}
    worst = max(growth, key=lambda c: abs(growth[c]))
    probe = "404" if "404" in growth else codes[0]
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
        ("search index", "search/index.js"),
        ("sitemap.xml", "sitemap.xml"),
    ):
        a, b = (one / rel).stat().st_size, (ten / rel).stat().st_size
        results.add(
            "3", f"{label}, 1x -> 10x (lists entries: grows)", f"{a / KIB:,.0f} -> {b / KIB:,.0f} KiB ({b / a:.1f}x)"
        )
