"""Command line: python -m generator {validate,build,offline,serve,new,render}.

``validate``, ``new`` and ``render`` are plain Python and never import MkDocs; ``build`` and ``serve`` run
MkDocs in this process through ``generator.mkdocs_build``, handing ``--codes`` and ``--skip-rule`` to the
statuscodes plugin's own options. Errors are printed as ``file:line: field: message``; the exit status is 1
when anything is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import pipeline
from .validate import Context


def _context(args) -> Context | None:
    """The rules' settings from the command line; None (after printing why) when a rule name is unknown."""
    try:
        return Context(skip_rules=frozenset(args.skip_rule))
    except ValueError as error:
        print(f"--skip-rule: {error}", file=sys.stderr)
        return None


def _codes_dir(args) -> Path | None:
    codes = Path(args.codes or "codes")
    if not codes.is_dir():
        print(f"{codes}: no such folder of entries (give one with --codes DIR)", file=sys.stderr)
        return None
    return codes


def cmd_validate(args) -> int:
    context, codes = _context(args), _codes_dir(args)
    if context is None or codes is None:
        return 2
    files, report, interactive = pipeline.validate_all(codes, Path.cwd(), context)
    if report.problems:
        print(pipeline.format_report(report), file=sys.stderr)
    if report:
        return 1
    if report.warnings and getattr(args, "strict", False):
        print("--strict: warnings count as failures (CI runs this way)", file=sys.stderr)
        return 1
    print(f"{checked_summary(len(files), interactive)} valid")
    return 0


def checked_summary(entries: int, interactive) -> str:
    """What validation covered: "106 entries, the guide and 9 scenarios" (the guide and scenarios only when
    the project has them)."""
    parts = [f"{entries} entries"]
    if interactive.guide is not None:
        parts.append("the guide")
    if interactive.scenarios:
        count = len(interactive.scenarios)
        parts.append(f"{count} scenario{'s' if count != 1 else ''}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def cmd_build(args) -> int:
    from .mkdocs_build import build_site

    # The plugin validates the entries inside the build (once); invalid entries fail the build before any
    # page is written, and the old site stays.
    status = build_site(Path(args.site_dir), Path(args.config), codes_dir=args.codes, skip_rules=args.skip_rule)
    if status == 0:
        print(f"site built in {args.site_dir}/")
    return status


def cmd_offline(args) -> int:
    import tempfile

    from .bundle import zip_folder
    from .mkdocs_build import build_site

    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="offline-") as work:
        site = Path(work) / "http-status-reference"
        status = build_site(site, Path(args.config), codes_dir=args.codes, skip_rules=args.skip_rule, offline=True)
        if status:
            return status
        size = zip_folder(site, out)
    print(f"offline copy written to {out} ({size:,} bytes); unzip it and open http-status-reference/index.html")
    return 0


def cmd_serve(args) -> int:
    from .mkdocs_build import serve

    return serve(Path(args.config), codes_dir=args.codes, skip_rules=args.skip_rule, dev_addr=args.dev_addr)


def cmd_render(args) -> int:
    from .export import export

    context, codes = _context(args), _codes_dir(args)
    if context is None or codes is None:
        return 2
    return export(codes, Path(args.out), context, site_url=args.site_url, edit_url_base=args.edit_url_base)


def cmd_new(args) -> int:
    from .scaffold import scaffold

    codes = Path(args.codes or "codes")
    return scaffold(args.code, codes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--codes",
        help="folder of NNN.yaml entries (default: codes/ here for validate, new and render; "
        "the plugin's codes_dir in mkdocs.yml for build and serve)",
    )
    parser.add_argument(
        "--skip-rule",
        action="append",
        default=[],
        metavar="NAME",
        help="do not run this validation rule (repeatable; for stand-in entries such as the benchmark's)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every entry and print every problem")
    validate.add_argument(
        "--strict", action="store_true", help="fail on warnings too (dated facts not re-checked since they passed)"
    )
    build = sub.add_parser("build", help="build the site with mkdocs build --strict (validating every entry)")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--config", default="mkdocs.yml")
    offline = sub.add_parser("offline", help="build the copy that works from disk (file://) as a zip")
    offline.add_argument("--out", default="dist/http-status-reference-offline.zip", help="zip file to write")
    offline.add_argument("--config", default="mkdocs.yml")
    serve = sub.add_parser("serve", help="live preview with mkdocs serve --livereload")
    serve.add_argument("--config", default="mkdocs.yml")
    serve.add_argument("-a", "--dev-addr", default=None, metavar="IP:PORT")
    render = sub.add_parser("render", help="write the Markdown pages and JSON documents, without any engine")
    render.add_argument("--out", required=True, help="folder to write (must not exist, or be empty)")
    render.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL") or pipeline.DEFAULT_SITE_URL,
        help="address the site is served from (default: $SITE_URL, else mkdocs.yml's placeholder)",
    )
    render.add_argument("--edit-url-base", default=pipeline.DEFAULT_EDIT_URL_BASE, help="edit links point here")
    new = sub.add_parser("new", help="scaffold codes/NNN.yaml with every field")
    new.add_argument("code", type=int)
    args = parser.parse_args(argv)
    handler = {
        "validate": cmd_validate,
        "build": cmd_build,
        "serve": cmd_serve,
        "offline": cmd_offline,
        "render": cmd_render,
        "new": cmd_new,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
