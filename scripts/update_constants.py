"""Regenerate rows of reference/constants-upstream.csv from the libraries that package registries ship.

Run by hand when a library may have changed its names; the project and its tests read only the CSV:

    .venv/bin/python scripts/update_constants.py --fetch            # download, parse, print the diff
    .venv/bin/python scripts/update_constants.py --fetch --write    # ... and write the table
    .venv/bin/python scripts/update_constants.py --starlette starlette-1.10.0-py3-none-any.whl --rack utils.rb

Ecosystems and where their names are read from (nothing is imported or executed except Node):

- starlette: ``starlette/status.py`` in a PyPI wheel (``pip download --no-deps starlette==V``): the
  ``HTTP_NNN_*`` assignments are current; the ``deprecation_changes`` mapping of the module ``__getattr__``
  gives the deprecated names and their replacements.
- go: ``src/net/http/status.go`` in Debian's ``golang-1.NN-src`` (what ``golang-src`` depends on); ``since``
  is the first ``api/go1*.txt`` file that lists the constant.
- rails: ``lib/rack/utils.rb`` in Debian's ``ruby-rack``: ``HTTP_STATUS_CODES`` turned into symbols by
  Rack's own rule (``downcase.gsub(/\\s|-|'/, '_')``, which must appear in the file), and
  ``OBSOLETE_SYMBOLS_TO_STATUS_CODES`` (Rack 3.1+) as deprecated symbols.
- symfony: ``Response.php`` in Debian's ``php-symfony-http-foundation``: the ``HTTP_*`` class constants.
- node: ``require('http').STATUS_CODES`` of the ``node`` on PATH.

Python, .NET, ASP.NET Core, Spring, Jakarta Servlet, Ktor and Rust are not shipped by a reachable
registry and stay as vendored. Rows of the other ecosystems are kept. For a regenerated ecosystem: a name
it still has keeps its vendored ``since``/``deprecated_in``/``removed_in`` (a single file cannot tell
history); a vendored ``removed`` row stays; a name that vanished becomes ``removed`` with ``removed_in``
left for a person to fill in. A source older than the vendored one (e.g. bookworm's Rack 2.2 against
a table read from Rack 3.2.7) is parsed and diffed but not written unless ``--allow-older``.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.constants import COLUMNS, CONSTANTS_FILE, ConstantRow, read_rows, write_rows  # noqa: E402

REGENERATED = ("starlette", "go", "rails", "symfony", "node")
STARLETTE_VERSION = "1.10.0"  # what `--fetch` downloads; the version the vendored rows were read from
SOURCE_VERSION = {
    # How each regenerated source names its version, so that an older source is never written over a newer.
    "node": re.compile(r"\bnode v(\d+(?:\.\d+)*)"),
    "go": re.compile(r"\bgolang-[\d.]+-src (\d+(?:\.\d+)*)"),
    "rails": re.compile(r"\(v(\d+(?:\.\d+)*)"),
    "symfony": re.compile(r"\(v(\d+(?:\.\d+)*)"),
    "starlette": re.compile(r"\bstarlette@(\d+(?:\.\d+)*)"),
}


class SourceError(ValueError):
    """A source file does not have the shape this parser reads (the library changed its format)."""


def _row(language: str, code: int, name: str, source: str, state: str = "current", **fields) -> ConstantRow:
    return ConstantRow(language, code, name, state, source=source, **fields)


def parse_starlette(text: str, source: str) -> list[ConstantRow]:
    """Rows for ``starlette/status.py``: ``HTTP_NNN_X = NNN`` (100-599) and the deprecated-name mapping."""
    rows = [
        _row("starlette", int(code), f"status.{name}", source)
        for name, code in re.findall(r"^(HTTP_\d{3}_\w+) = (\d{3})$", text, re.M)
    ]
    if not rows:
        raise SourceError("no HTTP_NNN_* assignments found in starlette/status.py")
    mapping = re.search(r"deprecation_changes\s*=\s*\{(.*?)\}", text, re.S)
    for old, new in re.findall(r'"(HTTP_\d{3}_\w+)":\s*"(HTTP_\d{3}_\w+)"', mapping.group(1) if mapping else ""):
        code = int(old[5:8])
        rows.append(_row("starlette", code, f"status.{old}", source, "deprecated", replaced_by=f"status.{new}"))
    return rows


def parse_go(status_go: str, api_files: dict[str, str], source: str) -> list[ConstantRow]:
    """Rows for ``net/http/status.go``; ``since`` from the first ``api/go1*.txt`` (by Go version) naming it."""

    def go_version(name: str) -> tuple[int, ...]:
        match = re.fullmatch(r"go1(?:\.(\d+))?\.txt", name)
        return (1, int(match.group(1) or 0)) if match else (999,)

    first: dict[str, str] = {}
    for name in sorted(api_files, key=go_version):
        if go_version(name) == (999,):
            continue
        for constant in re.findall(r"^pkg net/http, const (Status\w+)\b", api_files[name], re.M):
            first.setdefault(constant, ".".join(map(str, go_version(name))))
    rows = [
        _row("go", int(code), f"http.{name}", source, since=first.get(name, ""))
        for name, code in re.findall(r"^\s*(Status\w+)\s*=\s*(\d{3})\b", status_go, re.M)
    ]
    if not rows:
        raise SourceError("no Status* constants found in status.go")
    return rows


def rack_symbol(phrase: str) -> str:
    """Rack's symbol for a reason phrase: ``message.downcase.gsub(/\\s|-|'/, '_')`` (lib/rack/utils.rb)."""
    return ":" + re.sub(r"[\s\-']", "_", phrase.lower())


def parse_rack(text: str, source: str) -> list[ConstantRow]:
    """Rows for ``lib/rack/utils.rb``: HTTP_STATUS_CODES as symbols, OBSOLETE_SYMBOLS_TO_STATUS_CODES deprecated."""
    if "message.downcase.gsub(/\\s|-|'/, '_')" not in text:
        raise SourceError("utils.rb no longer derives symbols with downcase.gsub(/\\s|-|'/, '_'); update rack_symbol")
    table = re.search(r"HTTP_STATUS_CODES\s*=\s*\{(.*?)\n\s*\}", text, re.S)
    if not table:
        raise SourceError("no HTTP_STATUS_CODES hash in utils.rb")
    rows = [
        _row("rails", int(code), rack_symbol(phrase), source)
        for code, phrase in re.findall(r"(\d{3})\s*=>\s*'([^']+)'", table.group(1))
    ]
    current = {r.code: r.name for r in rows}
    obsolete = re.search(r"OBSOLETE_SYMBOLS_TO_STATUS_CODES\s*=\s*\{(.*?)\}", text, re.S)
    for symbol, code in re.findall(r"(\w+):\s*(\d{3})", obsolete.group(1) if obsolete else ""):
        rows.append(
            _row("rails", int(code), f":{symbol}", source, "deprecated", replaced_by=current.get(int(code), ""))
        )
    return rows


def parse_symfony(text: str, source: str) -> list[ConstantRow]:
    """Rows for Symfony's ``Response.php``: ``public const HTTP_X = NNN;``."""
    rows = [
        _row("symfony", int(code), f"Response::{name}", source)
        for name, code in re.findall(r"^\s*(?:public\s+)?const\s+(HTTP_\w+)\s*=\s*(\d{3})\s*;", text, re.M)
    ]
    if not rows:
        raise SourceError("no HTTP_* constants found in Response.php")
    return rows


def node_rows(node: str = "node") -> tuple[list[ConstantRow], str]:
    """Rows from ``http.STATUS_CODES`` of ``node``, and its version. Raises SourceError if it cannot run."""
    script = "console.log(JSON.stringify({v: process.version, codes: require('http').STATUS_CODES}))"
    try:
        done = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        raise SourceError(f"cannot run {node}: {error}") from error
    data = json.loads(done.stdout)
    version = data["v"].lstrip("v")
    source = f'node v{version} (require("http").STATUS_CODES)'
    rows = [
        _row("node", int(code), phrase, source, phrase=phrase)
        for code, phrase in data["codes"].items()
        if 100 <= int(code) <= 599
    ]
    return rows, version


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def vendored_version(rows: list[ConstantRow], language: str) -> str | None:
    """The version of ``language``'s source in the vendored ``rows`` (the highest one named), or None."""
    found = [
        m.group(1) for r in rows if r.language == language for m in [SOURCE_VERSION[language].search(r.source)] if m
    ]
    return max(found, key=_version_tuple, default=None)


def merge(vendored: list[ConstantRow], new: list[ConstantRow], checked_on: str) -> tuple[list[ConstantRow], list[str]]:
    """The table with ``new`` (rows of one ecosystem) in place of that ecosystem's rows, and warnings.

    History the new source cannot know is kept from ``vendored`` (see the module docstring).
    """
    language = new[0].language
    old = {r.name: r for r in vendored if r.language == language}
    warnings, merged = [], []
    for row in new:
        before = old.get(row.name)
        if before:
            kept_deprecation = before.deprecated_in if before.state == row.state == "deprecated" else ""
            row = replace(
                row,
                since=row.since or before.since,
                deprecated_in=row.deprecated_in or kept_deprecation,
                phrase=row.phrase or before.phrase,
            )
        row = replace(row, checked_on=checked_on)
        if row.state == "deprecated" and not row.deprecated_in:
            warnings.append(f"{language} {row.code} {row.name}: newly deprecated; fill in deprecated_in by hand")
        merged.append(row)
    names = {r.name for r in new}
    for name, before in old.items():
        if name in names:
            continue
        if before.state == "removed":
            merged.append(before)
            continue
        successor = next((r.name for r in new if r.code == before.code and r.state == "current"), "")
        merged.append(replace(before, state="removed", replaced_by=successor, checked_on=checked_on))
        warnings.append(f"{language} {before.code} {name}: gone from the source; fill in removed_in by hand")
    others = [r for r in vendored if r.language != language]
    # Keep the table's order: ecosystems where they were, each one's rows by code, current names first.
    order = {"current": 0, "alias": 1, "deprecated": 2, "removed": 3}
    merged.sort(key=lambda r: (r.code, order[r.state]))
    position = next((i for i, r in enumerate(vendored) if r.language == language), len(others))
    before_rows = [r for r in vendored[:position] if r.language != language]
    after_rows = [r for r in vendored[position:] if r.language != language]
    return before_rows + merged + after_rows, warnings


def diff(vendored: list[ConstantRow], updated: list[ConstantRow]) -> list[str]:
    """Lines ``- row`` and ``+ row`` (CSV, without source and date) for what changed."""

    def key(r: ConstantRow) -> str:
        return ",".join(str(getattr(r, c)) for c in COLUMNS if c not in ("source", "checked_on"))

    before, after = {key(r) for r in vendored}, {key(r) for r in updated}
    return [f"- {line}" for line in sorted(before - after)] + [f"+ {line}" for line in sorted(after - before)]


def _deb_member(deb: Path, pattern: str, work: Path) -> dict[str, str]:
    """Files of a .deb (or an unpacked directory) whose path matches ``pattern``: {path: text}."""
    root = deb
    if deb.is_file():
        root = work / deb.stem
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*") if re.search(pattern, str(p))
    }


def _one(files: dict[str, str], what: str) -> tuple[str, str]:
    if len(files) != 1:
        raise SourceError(f"expected one {what}, found {sorted(files) or 'none'}")
    return next(iter(files.items()))


def _deb_version(deb: Path) -> str:
    if deb.is_file():
        return subprocess.run(
            ["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True, check=True
        ).stdout.strip()
    return "unpacked"


def read_source(language: str, path: Path, work: Path) -> list[ConstantRow]:
    """Rows of ``language`` from ``path``: a wheel, a .deb, an unpacked directory or the file itself."""
    if language == "starlette":
        if path.suffix == ".whl":
            data = path.read_bytes()
            text = zipfile.ZipFile(io.BytesIO(data)).read("starlette/status.py").decode("utf-8")
            version = path.name.split("-")[1]
            sha = hashlib.sha256(data).hexdigest()
            source = f"starlette@{version} (PyPI wheel sha256 {sha}):starlette/status.py"
        else:
            text, source = path.read_text(encoding="utf-8"), f"starlette ({path.name}):starlette/status.py"
        return parse_starlette(text, source)
    if language == "go":
        if path.name == "status.go":
            return parse_go(path.read_text(encoding="utf-8"), {}, f"go ({path}):src/net/http/status.go")
        status_path, status = _one(_deb_member(path, r"src/net/http/status\.go$", work), "net/http/status.go")
        api = _deb_member(path, r"/api/go1[.\d]*\.txt$", work)
        package = re.search(r"golang-[\d.]+-src", str(path)) or re.search(r"go-[\d.]+", status_path)
        name = package.group().replace("go-", "golang-") + ("-src" if package.group().startswith("go-") else "")
        source = f"{name} {_deb_version(path)} (Debian):src/net/http/status.go; since from its api/go1*.txt"
        return parse_go(status, {Path(p).name: t for p, t in api.items()}, source)
    if language == "rails":
        if path.suffix == ".rb":
            text, version = path.read_text(encoding="utf-8"), "?"
        else:
            rb_path, text = _one(_deb_member(path, r"lib/rack/utils\.rb$", work), "lib/rack/utils.rb")
            version = re.search(r"rack-([\d.]+)/", rb_path).group(1)
        return parse_rack(text, f"ruby-rack {_deb_version(path)} (Debian), rack (v{version}):lib/rack/utils.rb")
    if language == "symfony":
        if path.suffix == ".php":
            text = path.read_text(encoding="utf-8")
        else:
            _, text = _one(_deb_member(path, r"HttpFoundation/Response\.php$", work), "HttpFoundation/Response.php")
        package = _deb_version(path)
        source = f"php-symfony-http-foundation {package} (Debian), symfony/http-foundation (v{package.split('+')[0]})"
        return parse_symfony(text, f"{source}:Response.php")
    raise SourceError(f"no reader for {language}")


def fetch(work: Path) -> dict[str, Path]:
    """Download the sources with the registries' own clients (pip, apt-get) into ``work``."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            f"starlette=={STARLETTE_VERSION}",
            "-d",
            str(work),
        ],
        check=True,
    )
    depends = subprocess.run(["apt-cache", "depends", "golang-src"], capture_output=True, text=True, check=True).stdout
    go_src = re.search(r"Depends: (golang-[\d.]+-src)", depends).group(1)
    packages = [go_src, "ruby-rack", "php-symfony-http-foundation"]
    subprocess.run(["apt-get", "download", "-q", *packages], cwd=work, check=True)
    found = {"starlette": next(work.glob("starlette-*.whl"))}
    for language, package in zip(("go", "rails", "symfony"), packages):
        found[language] = next(work.glob(f"{package}_*.deb"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fetch", action="store_true", help="download every source with pip and apt-get")
    parser.add_argument("--starlette", type=Path, help="starlette wheel or status.py")
    parser.add_argument("--go", type=Path, help="golang-1.NN-src .deb, its unpacked directory, or status.go")
    parser.add_argument("--rack", type=Path, help="ruby-rack .deb, its unpacked directory, or utils.rb")
    parser.add_argument("--symfony", type=Path, help="php-symfony-http-foundation .deb, directory or Response.php")
    parser.add_argument("--node", nargs="?", const="node", help="read http.STATUS_CODES of this node (default: node)")
    parser.add_argument("--table", type=Path, default=CONSTANTS_FILE, help="the table to update")
    parser.add_argument("--write", action="store_true", help="write the table (default: only print the diff)")
    parser.add_argument("--allow-older", action="store_true", help="write a source older than the vendored one")
    parser.add_argument("--today", default=datetime.date.today().isoformat(), help="checked_on for new rows")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = {"starlette": args.starlette, "go": args.go, "rails": args.rack, "symfony": args.symfony}
        if args.fetch:
            sources = {**fetch(work), **{k: v for k, v in sources.items() if v}}
            args.node = args.node or ("node" if shutil.which("node") else None)
        table = read_rows(args.table)
        changed = False
        for language in REGENERATED:
            try:
                if language == "node":
                    if not args.node:
                        continue
                    rows, _ = node_rows(args.node)
                elif sources.get(language):
                    rows = read_source(language, sources[language], work)
                else:
                    continue
            except (SourceError, OSError, subprocess.CalledProcessError) as error:
                print(f"{language}: {error}", file=sys.stderr)
                return 1
            updated, warnings = merge(table, rows, args.today)
            lines = diff(table, updated)
            print(f"{language}: {len(rows)} rows from {rows[0].source}")
            for line in lines or ["no change"]:
                print(f"  {line}")
            for warning in warnings:
                print(f"  warning: {warning}")
            new_version = SOURCE_VERSION[language].search(rows[0].source)
            old_version = vendored_version(table, language)
            if (
                new_version
                and old_version
                and _version_tuple(new_version.group(1)) < _version_tuple(old_version)
                and not args.allow_older
            ):
                print(f"  older than the vendored {old_version}: not applied (--allow-older applies it)")
                continue
            table = updated
            changed = changed or bool(lines)
        if args.write and changed:
            write_rows(table, args.table)
            print(f"wrote {args.table}")
        elif changed:
            print("not written (--write writes the table)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
