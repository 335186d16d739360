"""scripts/update_constants.py regenerates the vendored constants table from what package registries ship.

The parsers run over real files copied from the packages (tests/fixtures/constants/README.md says which);
the rows they produce must equal the vendored rows for Starlette, Go, Symfony and the machine's Node, so a
wrong vendored name or a broken parser fails here. Rack 2.2 (the newest in Debian bookworm) must differ
from the vendored Rack 3.2.7 rows by exactly Rack 3.1's renames, and must not be written over them.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.constants import CONSTANTS_FILE, read_rows

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "constants"
SCRIPT = ROOT / "scripts" / "update_constants.py"

spec = importlib.util.spec_from_file_location("update_constants", SCRIPT)
update = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update)

VENDORED = read_rows()


def key(rows, *extra):
    return {(r.language, r.code, r.name, r.state, r.replaced_by) + tuple(getattr(r, f) for f in extra) for r in rows}


def vendored(language: str, *extra):
    """The vendored rows a current source still has (removed names are history no single file shows)."""
    return key([r for r in VENDORED if r.language == language and r.state != "removed"], *extra)


def go_api() -> dict[str, str]:
    files: dict[str, str] = {}
    for line in (FIXTURES / "golang-1.19-src-1.19.8-api-net-http-status.txt").read_text().splitlines():
        name, _, text = line.partition(":")
        files[name] = files.get(name, "") + text + "\n"
    return files


def test_starlette_rows_equal_the_vendored_rows():
    rows = update.parse_starlette((FIXTURES / "starlette-1.10.0-status.py.txt").read_text(), "fixture")
    assert key(rows) == vendored("starlette")
    deprecated = {r.name: r.replaced_by for r in rows if r.state == "deprecated"}
    assert deprecated["status.HTTP_422_UNPROCESSABLE_ENTITY"] == "status.HTTP_422_UNPROCESSABLE_CONTENT"


def test_go_rows_and_first_versions_equal_the_vendored_rows():
    status = (FIXTURES / "golang-1.19-src-1.19.8-status.go").read_text()
    rows = update.parse_go(status, go_api(), "fixture")
    assert key(rows, "since") == vendored("go", "since")


def test_symfony_rows_equal_the_vendored_rows():
    rows = update.parse_symfony((FIXTURES / "php-symfony-http-foundation-5.4.53-Response.php").read_text(), "fixture")
    assert key(rows) == vendored("symfony")


def test_rack_2_2_differs_from_the_vendored_rack_3_2_by_the_rack_3_1_renames():
    rows = update.parse_rack((FIXTURES / "ruby-rack-2.2.22-utils.rb").read_text(), "fixture")
    ours = {(r.code, r.name) for r in rows}
    theirs = {(r.code, r.name) for r in VENDORED if r.language == "rails" and r.state != "removed"}
    # Rack 3.1 added the RFC 9110 symbols and kept the old ones only as warning fallbacks; 306 left its table.
    assert theirs - ours == {(413, ":content_too_large"), (422, ":unprocessable_content")}
    assert ours - theirs == {(306, ":(unused)")}
    assert all(r.state == "current" for r in rows)  # no OBSOLETE_SYMBOLS_TO_STATUS_CODES before 3.1
    old = [r for r in VENDORED if r.language == "rails" and r.name == ":unprocessable_entity"]
    assert old[0].state == "deprecated" and old[0].deprecated_in == "3.1.0"


def test_rack_obsolete_symbols_become_deprecated_rows():
    # Rack 3.1's shape, built from the 2.2 file: the parser must read the fallback table it added.
    text = (FIXTURES / "ruby-rack-2.2.22-utils.rb").read_text()
    text = text.replace("      413 => 'Payload Too Large',", "      413 => 'Content Too Large',")
    text += "\n    OBSOLETE_SYMBOLS_TO_STATUS_CODES = {\n      payload_too_large: 413,\n    }\n"
    rows = {r.name: r for r in update.parse_rack(text, "fixture")}
    assert rows[":content_too_large"].state == "current"
    assert rows[":payload_too_large"].state == "deprecated"
    assert rows[":payload_too_large"].replaced_by == ":content_too_large"


def test_a_parser_refuses_a_file_of_another_shape():
    with pytest.raises(update.SourceError):
        update.parse_rack("HTTP_STATUS_CODES = { 200 => 'OK' }", "fixture")
    with pytest.raises(update.SourceError):
        update.parse_symfony("<?php class Response {}", "fixture")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH, so http.STATUS_CODES cannot be read")
def test_node_status_codes_equal_the_vendored_rows():
    rows, version = update.node_rows()
    assert key(rows, "phrase") == vendored("node", "phrase"), (
        f"Node {version}'s http.STATUS_CODES differs from the vendored rows: "
        "run scripts/update_constants.py --node --write"
    )


def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)


def test_the_script_restores_a_stale_row_and_keeps_the_rest(tmp_path):
    table = tmp_path / "constants.csv"
    text = CONSTANTS_FILE.read_text(encoding="utf-8")
    stale = text.replace("status.HTTP_413_CONTENT_TOO_LARGE,current", "status.HTTP_413_CONTENT_TOO_LARGE,removed")
    assert stale != text
    table.write_text(stale, encoding="utf-8")
    wheel_like = tmp_path / "status.py"
    shutil.copy(FIXTURES / "starlette-1.10.0-status.py.txt", wheel_like)
    done = run_script("--starlette", str(wheel_like), "--table", str(table), "--write", "--today", "2026-11-30")
    assert done.returncode == 0, done.stderr
    assert "- starlette,413,status.HTTP_413_CONTENT_TOO_LARGE,removed" in done.stdout
    assert "+ starlette,413,status.HTTP_413_CONTENT_TOO_LARGE,current" in done.stdout
    after = {(r.language, r.code, r.name): r for r in read_rows(table)}
    before = {(r.language, r.code, r.name): r for r in VENDORED}
    assert after.keys() == before.keys()
    changed = [k for k in before if (before[k].state, before[k].since) != (after[k].state, after[k].since)]
    assert changed == []
    # Rows of ecosystems the script did not read are byte for byte the vendored ones.
    assert [r for r in read_rows(table) if r.language != "starlette"] == [
        r for r in VENDORED if r.language != "starlette"
    ]


def test_the_script_does_not_write_an_older_source_over_a_newer_one(tmp_path):
    table = tmp_path / "constants.csv"
    shutil.copy(CONSTANTS_FILE, table)
    unpacked = tmp_path / "ruby-rack" / "gems" / "rack-2.2.22" / "lib" / "rack"
    unpacked.mkdir(parents=True)
    shutil.copy(FIXTURES / "ruby-rack-2.2.22-utils.rb", unpacked / "utils.rb")
    done = run_script("--rack", str(tmp_path / "ruby-rack"), "--table", str(table), "--write")
    assert done.returncode == 0, done.stderr
    assert "+ rails,422,:unprocessable_entity,current" in done.stdout
    assert "older than the vendored 3.2.7: not applied" in done.stdout
    assert table.read_bytes() == CONSTANTS_FILE.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("apt-get") is None, reason="needs apt-get to download Debian packages")
def test_the_script_fetches_the_real_packages(tmp_path):
    """Downloads the starlette wheel and three Debian packages (about 19 MB) and parses them."""
    table = tmp_path / "constants.csv"
    shutil.copy(CONSTANTS_FILE, table)
    done = run_script("--fetch", "--table", str(table))
    assert done.returncode == 0, done.stdout + done.stderr
    for language in ("starlette", "go", "symfony"):
        section = done.stdout.split(f"{language}: ", 1)[1].split("\n", 2)[1]
        assert section.strip() == "no change", done.stdout
    assert "rails: " in done.stdout
