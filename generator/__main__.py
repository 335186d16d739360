"""Command line: python -m generator {validate,build,new,render}.

Errors are printed as ``file:line: field: message``; the exit status is 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

# Material prints an end-of-life banner unless this is set before it is imported.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from . import pipeline
from .validate import Context, validate_tree

ROOT = Path(__file__).resolve().parent.parent


def cmd_validate(args) -> int:
    files, report = validate_tree(
        Path(args.codes),
        Path.cwd(),
        Context(allow_any_code=args.allow_any_code, check_registry=not args.allow_any_code),
    )
    if report.problems:
        print(pipeline.format_report(report), file=sys.stderr)
    if report or (report.warnings and getattr(args, "strict", False)):
        return 1
    print(f"{len(files)} entries valid")
    return 0


def _mkdocs_logging(quiet: bool) -> None:
    """Print MkDocs' log the way its own command line does."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    logger.propagate = False
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    if not any(getattr(h, "name", "") == "generator-build" for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        handler.name = "generator-build"
        logger.addHandler(handler)


def build_site(site_dir: Path, config: Path, quiet: bool = False) -> int:
    """``mkdocs build --strict`` into a temporary sibling of ``site_dir``, swapped in only when the build
    succeeds, so a failed build never leaves a half-written or clobbered site.

    MkDocs runs in this process, so the statuscodes plugin reuses the validation ``cmd_build`` just did
    (see ``validate.validate_tree``) instead of loading every entry again in a second interpreter.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    retired = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    _mkdocs_logging(quiet)
    try:
        build(load_config(config_file=str(config), site_dir=str(staging), strict=True))
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if str(error):
            print(f"Error: {error}", file=sys.stderr)
        print(f"build failed; {site_dir.name}/ was left as it was", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def cmd_build(args) -> int:
    status = cmd_validate(args)
    if status:
        print(f"not building: {Path(args.site_dir).name}/ was left as it was", file=sys.stderr)
        return status
    status = build_site(Path(args.site_dir), Path(args.config))
    if status == 0:
        print(f"site built in {args.site_dir}/")
    return status


def cmd_new(args) -> int:
    from .scaffold import scaffold

    return scaffold(args.code, Path(args.codes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--codes", default=str(ROOT / "codes"), help="folder of NNN.yaml entries")
    parser.add_argument("--allow-any-code", action="store_true", help=argparse.SUPPRESS)  # benchmark only
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check every entry and print every problem")
    validate.add_argument(
        "--strict", action="store_true", help="fail on warnings too (dated facts not re-checked since they passed)"
    )
    build = sub.add_parser("build", help="validate, then build the site with mkdocs build --strict")
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    build.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    new = sub.add_parser("new", help="scaffold codes/NNN.yaml with every field")
    new.add_argument("code", type=int)
    args = parser.parse_args(argv)
    handler = {"validate": cmd_validate, "build": cmd_build, "new": cmd_new}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
