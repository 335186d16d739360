"""The loader: safe, line-accurate, and never raising."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_file

GOOD = Path(__file__).parent / "fixtures" / "minimal" / "404.yaml"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "404.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_lines_of_nested_values_point_at_the_source():
    loaded = load_file(GOOD, "codes/404.yaml")
    lines = GOOD.read_text().splitlines()
    assert loaded.problems == []
    assert lines[loaded.line_of(("code",)) - 1] == "code: 404"
    assert (
        lines[loaded.line_of(("examples", 1, "title")) - 1].strip()
        == "- title: An API resource that does not exist, as problem details"
    )
    assert lines[loaded.key_line_of(("examples", 0, "response")) - 1].strip() == "response: |"
    # A path that does not exist falls back to its nearest ancestor.
    assert loaded.line_of(("examples", 0, "missing")) == loaded.line_of(("examples", 0))


def test_dates_stay_text_and_yes_is_not_a_date(tmp_path):
    loaded = load_file(write(tmp_path, "updated: 2026-11-22\nflag: true\nn: 5\n"))
    assert loaded.data == {"updated": "2026-11-22", "flag": True, "n": 5}


def test_byte_order_mark_is_accepted(tmp_path):
    loaded = load_file(write(tmp_path, "\ufeffcode: 404\n".encode("utf-8")))
    assert loaded.problems == [] and loaded.data == {"code": 404}


def test_problems_are_collected_not_raised(tmp_path):
    loaded = load_file(write(tmp_path, "a: 1\na: 2\nb: !!python/tuple [1]\n"), "codes/404.yaml")
    assert [str(p) for p in loaded.problems] == [
        "codes/404.yaml:2: a: duplicate field (first given on line 1)",
        "codes/404.yaml:3: b: the YAML tag 'tag:yaml.org,2002:python/tuple' is not allowed; use plain values",
    ]


def test_merge_keys_are_refused(tmp_path):
    loaded = load_file(write(tmp_path, "base: &b {x: 1}\nc:\n  <<: *b\n"), "codes/404.yaml")
    assert loaded.problems and "aliases" in loaded.problems[0].message


def test_missing_file_is_a_problem(tmp_path):
    loaded = load_file(tmp_path / "nope.yaml", "codes/nope.yaml")
    assert loaded.problems[0].field == "(file)"
