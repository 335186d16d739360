"""The ``httpstatus`` command, run as a user runs it: the console script in a subprocess, from outside the
repository. tests/test_packaging.py runs the same checks on a plain ``pip install .`` in a new environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema

from generator.lookup import match_strength, search

from .sitebuild import ROOT

SCRIPT = Path(sys.executable).parent / "httpstatus"
API_SCHEMA = json.loads((ROOT / "schema" / "api-v1.schema.json").read_text(encoding="utf-8"))


def run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return subprocess.run([str(script), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def check_commands(script: Path, cwd: Path) -> None:
    """What each documented command prints, and its exit status."""
    found = run(script, "404", cwd=cwd)
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("404 Not Found\n")
    for expected in ("Standing:", "RFC 9110 §15.5.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"):
        assert expected in found.stdout
    assert "Page:      https://http-status-codes.example/404/" in found.stdout

    ranked = run(script, "rate limit", cwd=cwd)
    assert ranked.returncode == 0, ranked.stderr
    first = ranked.stdout.splitlines()[0]
    assert first.startswith("429 Too Many Requests"), ranked.stdout

    cls = run(script, "4xx", cwd=cwd)
    assert cls.returncode == 0, cls.stderr
    codes = [line.split()[0] for line in cls.stdout.splitlines()[2:] if line.strip()]
    assert codes[0] == "400" and "404" in codes and all(c.startswith("4") for c in codes), cls.stdout

    # A warn-code is listed with its first digit but is no status code; each non-permanent standing is named.
    informational = run(script, "1xx", cwd=cwd).stdout.splitlines()
    assert next(line for line in informational if line.startswith("110 ")).endswith(
        "[Warning header code, not a status code]"
    )
    assert not next(line for line in informational if line.startswith("100 ")).endswith("]")
    assert "Class:     none (a Warning header code, listed under 1xx)" in run(script, "110", cwd=cwd).stdout

    document = run(script, "--json", "429", cwd=cwd)
    assert document.returncode == 0, document.stderr
    data = json.loads(document.stdout)
    jsonschema.validate(data, {"$ref": "#/$defs/entry", "$defs": API_SCHEMA["$defs"]})
    assert data["code"] == 429 and data["phrase"] == "Too Many Requests"

    # 000 is what logs record when no response came: no registered phrase, no "vendor" specification.
    no_response = run(script, "000", cwd=cwd)
    assert no_response.returncode == 0, no_response.stderr
    assert no_response.stdout.startswith("000 No HTTP response\n")
    assert "(none)" not in no_response.stdout and "Registered:" not in no_response.stdout
    assert "Spec:      none (RFC 9110 §15 allows only 100-599)" in no_response.stdout

    unknown = run(script, "999999", cwd=cwd)
    assert unknown.returncode == 1
    assert unknown.stdout == ""
    assert "no entry for status code 999999" in unknown.stderr and "httpstatus 4xx" in unknown.stderr

    nothing = run(script, "xyzzy plugh", cwd=cwd)
    assert nothing.returncode == 1 and "nothing matches" in nothing.stderr
    assert "https://http-status-codes.example/guide/" in nothing.stderr  # someone choosing a code, not naming one

    usage = run(script, "--no-such-option", "404", cwd=cwd)
    assert usage.returncode == 2 and "Usage:" in usage.stderr
    assert run(script, cwd=cwd).returncode == 2  # no query at all

    helped = run(script, "--help", cwd=cwd)
    assert helped.returncode == 0
    assert 'httpstatus "rate limit"' in helped.stdout and "httpstatus --json 429" in helped.stdout


def test_console_script_of_the_development_install(tmp_path):
    assert SCRIPT.is_file(), f"{SCRIPT} is missing: run `make validate` (pip install -e '.[test]')"
    check_commands(SCRIPT, cwd=tmp_path)


def test_ranking_prefers_names_then_former_names_then_keywords(reference):
    # 302's former name is "Moved Temporarily"; 301's phrase is "Moved Permanently"; 308 lists it as a keyword.
    assert [m.entry.code for m in search(reference, "moved permanently")][:1] == [301]
    assert search(reference, "moved temporarily")[0].entry.code == 302
    assert search(reference, "Request Entity Too Large")[0].entry.code == 413  # a former name of 413
    assert search(reference, "teapot")[0].entry.code == 418
    assert search(reference, "xyzzy") == []


def test_match_strength_orders_exact_phrase_words():
    assert match_strength("not found", "Not Found") > match_strength("not found", "Not Found Here")
    assert match_strength("not found", "Not Found Here") > match_strength("found not", "Not Found Here")
    assert match_strength("found not", "Not Found Here") > match_strength("not here", "Not Found")
    assert match_strength("gone", "Not Found") == 0
