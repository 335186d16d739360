"""Reproducible builds: the same entries give the same bytes, whenever, wherever and by whomever built.

The real entries are built twice, in different temporary folders, more than a second apart, with different
time zones, locales and hash seeds and no SOURCE_DATE_EPOCH; every output file (sitemap.xml.gz and the
search index included) must be byte-identical. Dates in the output come from the entries, never the clock.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.constants import read_rows

from .sitebuild import ROOT, build, build_cli, snapshot

pytestmark = pytest.mark.slow  # two builds in new interpreters

DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b")
ENVIRONMENTS = (
    {"TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"},
    {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "4242"},
)


def _build(work: Path, codes: Path, environment: dict, monkeypatch) -> dict[str, bytes]:
    """Build a copy of ``codes`` inside ``work`` (so that the folder differs from build to build), through the
    command line in a new interpreter, since the hash seed and locale are fixed when a process starts."""
    shutil.copytree(codes, work / "codes")
    with monkeypatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        done = build_cli(work / "codes", work / "site", env=environment, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    return snapshot(work / "site")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    # One snapshot of codes/, so that an entry edited meanwhile cannot make the builds differ.
    codes = tmp_path_factory.mktemp("entries") / "codes"
    shutil.copytree(ROOT / "codes", codes, ignore=shutil.ignore_patterns(".*"))
    monkeypatch = pytest.MonkeyPatch()
    try:
        first = _build(tmp_path_factory.mktemp("first"), codes, ENVIRONMENTS[0], monkeypatch)
        time.sleep(1.5)  # a build that stamps the time would now stamp another second
        second = _build(tmp_path_factory.mktemp("second-build"), codes, ENVIRONMENTS[1], monkeypatch)
    finally:
        monkeypatch.undo()
    return first, second


def test_the_same_files_are_written(two_builds):
    first, second = two_builds
    assert sorted(first) == sorted(second)
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first and "404/index.html" in first


def test_every_file_is_byte_identical(two_builds):
    first, second = two_builds
    differing = []
    for name in sorted(set(first) & set(second)):
        if first[name] != second[name]:
            a, b = first[name], second[name]
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            differing.append(
                f"{name}: first difference at byte {at}: {a[max(0, at - 60) : at + 60]!r} "
                f"vs {b[max(0, at - 60) : at + 60]!r}"
            )
    assert not differing, "\n".join(differing)


def test_compressed_sitemap_is_stamped_with_the_newest_entry_date(two_builds):
    """gzip stores a modification time in its header: it must be the entries' date, not the build's."""
    first, _ = two_builds
    data = first["sitemap.xml.gz"]
    assert gzip.decompress(data) == first["sitemap.xml"]
    newest = max(re.findall(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", first["sitemap.xml"].decode()))
    expected = int(datetime.strptime(newest, "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp())
    assert int.from_bytes(data[4:8], "little") == expected


def test_no_build_folder_leaks_into_the_output(two_builds, tmp_path_factory):
    first, _ = two_builds
    base = str(tmp_path_factory.getbasetemp()).encode()
    leaking = [name for name, data in first.items() if base in data]
    assert not leaking, f"the build folder's path is written into {leaking}"


def test_dates_come_from_the_entries_not_the_clock(tmp_path, monkeypatch):
    """With the entry dated long ago, neither the build date nor the build time appears anywhere."""
    codes = tmp_path / "codes"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", codes)
    entry = codes / "404.yaml"
    text = entry.read_text(encoding="utf-8")
    assert 'updated: "' in text
    entry.write_text(re.sub(r'updated: "[\d-]+"', 'updated: "2001-02-03"', text), encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    done = build(codes, tmp_path / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    files = snapshot(tmp_path / "site")
    stamp = int(datetime(2001, 2, 3, tzinfo=timezone.utc).timestamp())
    assert int.from_bytes(files["sitemap.xml.gz"][4:8], "little") == stamp
    # Every date printed anywhere is one a source file gives (the entry, or a hand-written page's front matter).
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    entry_dates = set(DATE.findall(entry.read_text(encoding="utf-8")))  # updated, and the sources' checked dates
    assert datetime.now(timezone.utc).date().isoformat() not in entry_dates, "the fixture would hide the build date"
    allowed = entry_dates | {d for text in sources for d in DATE.findall(text)}
    # The constants table's check date is printed in one sentence per page, and nowhere else.
    checked = {row.checked_on for row in read_rows()}
    for name, data in files.items():
        body = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8", "replace")
        for date in set(DATE.findall(body)):
            if date in checked and body.count(date) == body.count(f"last checked {date}"):
                continue
            assert date in allowed, f"{name} carries the date {date}, which no source file gives (the build date?)"
    assert b"2001-02-03" in files["404/index.html"] and b"<lastmod>2001-02-03</lastmod>" in files["sitemap.xml"]


def test_each_build_takes_its_date_from_its_own_entries(tmp_path, monkeypatch):
    """A second build in the same process (as in the live preview after an edit to ``updated``) is stamped
    with the new date, not the first build's; and the process environment is left as it was."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    codes = tmp_path / "codes"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", codes)
    entry = codes / "404.yaml"
    text = entry.read_text(encoding="utf-8")
    stamps = []
    for date in ("2001-02-03", "2002-03-04"):
        entry.write_text(re.sub(r'updated: "[\d-]+"', f'updated: "{date}"', text), encoding="utf-8")
        done = build(codes, tmp_path / "site")
        assert done.returncode == 0, done.stdout + done.stderr
        stamps.append(int.from_bytes((tmp_path / "site" / "sitemap.xml.gz").read_bytes()[4:8], "little"))
    assert stamps == [
        int(datetime(2001, 2, 3, tzinfo=timezone.utc).timestamp()),
        int(datetime(2002, 3, 4, tzinfo=timezone.utc).timestamp()),
    ]
    assert "SOURCE_DATE_EPOCH" not in os.environ
