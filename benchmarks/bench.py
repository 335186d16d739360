"""Build-speed, scaling, live-preview and page-weight benchmark (issue 6). Run it with ``make bench``.

Every figure is measured in this run, side by side, repeated, and reported as a median, so ratios compare
runs made under the same machine load. Everything happens in a temporary directory (codes/ is copied once
at the start, so entries edited meanwhile do not change the run); the project is never written to, except
benchmarks/results/latest.json. The script prints one table and always exits 0: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import common as c
from build_cost import bench_build, bench_stages
from common import GIB, ROOT, Results, checked, log, make_plain_project, make_project, use_snapshot
from preview import bench_serve
from reader import bench_reader
from scaling import bench_scaling
from weight import bench_weight, largest_code_page

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds for the build comparison (default 5)")
    parser.add_argument("--scale-repeat", type=int, default=3, help="rounds for the scaling builds (default 3)")
    parser.add_argument("--serve-repeat", type=int, default=5, help="edits timed in the live preview (default 5)")
    parser.add_argument("--codes", default=str(ROOT / "codes"), help="entries to measure (default codes/)")
    parser.add_argument("--only", default="123456", help="sections to run, e.g. --only 56")
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
        files = c.load_tree(source, work)
        entries = len(files)
        report = c.validate_files(files, c.Context(skip_rules=frozenset(args.skip_rule)))
        if report:
            print(c.pipeline.format_report(report), file=sys.stderr)
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
        if "6" in args.only:
            if not project.site.is_dir():
                checked(project.build(), "full build")
            bench_reader(results, project.site, largest_code_page(project.site))
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
