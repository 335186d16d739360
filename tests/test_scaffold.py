"""`make new CODE=...` writes a complete skeleton and never overwrites an entry."""

from __future__ import annotations

import subprocess
import sys

import yaml

from generator.loader import load_tree
from generator.schema import load_schema
from generator.validate import validate_files


def new(tmp_path, code):
    return subprocess.run(
        [sys.executable, "-m", "generator", "--codes", "codes", "new", str(code)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


def test_registered_code_is_prefilled_from_the_registry(tmp_path):
    (tmp_path / "codes").mkdir()
    done = new(tmp_path, 425)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "codes" / "425.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/status-code.schema.json")
    data = yaml.safe_load(text)
    assert data["phrase"] == "Too Early"
    assert data["standing"] == "permanent"
    assert data["spec"] == {
        "document": "RFC 8470",
        "section": "5.2",
        "url": "https://www.rfc-editor.org/rfc/rfc8470#section-5.2",
    }
    assert data["cacheable"] is False
    # Every field of the schema is offered except those that only apply to other standings.
    assert set(load_schema()["properties"]) - set(data) <= {
        "common_name",
        "registration",
        "vendors",
        "history",
        "cacheable_note",
        "search_boost",
    }


def test_unofficial_code_gets_a_vendor_section(tmp_path):
    (tmp_path / "codes").mkdir()
    assert new(tmp_path, 599).returncode == 0
    data = yaml.safe_load((tmp_path / "codes" / "599.yaml").read_text())
    assert data["standing"] == "unofficial" and data["vendors"]


def test_refuses_to_overwrite(tmp_path):
    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "404.yaml").write_text("keep me")
    done = new(tmp_path, 404)
    assert done.returncode == 1 and "already exists" in done.stderr
    assert (tmp_path / "codes" / "404.yaml").read_text() == "keep me"


def test_unfilled_scaffold_does_not_validate(tmp_path):
    (tmp_path / "codes").mkdir()
    new(tmp_path, 425)
    problems = validate_files(load_tree(tmp_path / "codes", tmp_path)).sorted()
    assert any("placeholder TODO" in p.message for p in problems)


def test_scaffold_asks_for_sources_and_a_review(tmp_path):
    (tmp_path / "codes").mkdir()
    new(tmp_path, 425)
    new(tmp_path, 599)
    problems = validate_files(load_tree(tmp_path / "codes", tmp_path)).sorted()
    todo = {(p.file, p.field) for p in problems if "placeholder TODO" in p.message}
    for file in ("codes/425.yaml", "codes/599.yaml"):
        assert {(file, "sources[0].title"), (file, "sources[0].checked"), (file, "reviewed")} <= todo
    assert ("codes/599.yaml", "sources[0].vendor") in todo
    registered = yaml.safe_load((tmp_path / "codes" / "425.yaml").read_text())
    assert registered["sources"][0]["url"] == registered["spec"]["url"]
    assert registered["sources"][0]["kind"] == "specification"


def test_number_outside_the_range_is_scaffolded_as_not_a_status_code(tmp_path):
    (tmp_path / "codes").mkdir()
    done = new(tmp_path, "000")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "codes" / "000.yaml").read_text()
    data = yaml.safe_load(text)
    assert data["code"] == 0 and data["standing"] == "not-a-status-code" and data["vendors"]
    assert "prefilled from the registry" not in text  # nothing came from the registry for 000
    problems = validate_files(load_tree(tmp_path / "codes", tmp_path)).sorted()
    assert not [p for p in problems if p.field in ("code", "standing", "(file)")], problems


def test_refuses_a_number_of_four_digits(tmp_path):
    (tmp_path / "codes").mkdir()
    done = new(tmp_path, 1000)
    assert done.returncode == 2 and "RFC 9110 §15" in done.stderr
    assert not list((tmp_path / "codes").iterdir())
