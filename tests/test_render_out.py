"""`python -m generator render --out DIR`: every page's Markdown and a JSON document per entry, no engine."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.mkdocs_build import load_config

from .sitebuild import ROOT

MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
# The command line, in an interpreter where MkDocs cannot be imported at all.
WITHOUT_MKDOCS = (
    "import sys; sys.modules['mkdocs'] = None; from generator.__main__ import main; sys.exit(main(sys.argv[1:]))"
)


def render(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_MKDOCS, *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("render") / "out"
    done = render("render", "--out", str(out), "--site-url", "https://status.test.example/")
    assert done.returncode == 0, done.stderr
    return out


def test_every_page_is_the_markdown_mkdocs_gets(rendered):
    """The same pages, byte for byte, as the plugin hands MkDocs (home, classes, every code)."""
    edit_url_base = load_config(ROOT / "mkdocs.yml").plugins["statuscodes"].config.edit_url_base
    result = pipeline.run(ROOT / "codes", ROOT, edit_url_base)
    assert result.ok
    written = {p.name: p.read_text(encoding="utf-8") for p in (rendered / "pages").glob("*.md")}
    assert written == {page.src_uri: page.content for page in result.engine_pages}
    assert {"index.md", "4xx.md", "404.md"} <= set(written)
    assert "Sitemap: https://status.test.example/sitemap.xml" in (rendered / "robots.txt").read_text()


def test_one_json_document_per_entry_holds_the_whole_entry(rendered):
    entries = sorted(ROOT.glob("codes/*.yaml"))
    api = rendered / "api" / "v1"
    assert sorted(p.name for p in api.glob("[0-9]*.json")) == sorted(f"{p.stem}.json" for p in entries)
    source = yaml.safe_load((ROOT / "codes" / "404.yaml").read_text(encoding="utf-8"))
    document = json.loads((api / "404.json").read_text(encoding="utf-8"))
    assert document["code"] == 404 and document["phrase"] == source["phrase"] == "Not Found"
    assert document["spec"]["section"] == source["spec"]["section"]
    assert [x["title"] for x in document["examples"]] == [x["title"] for x in source["examples"]]
    assert [r["code"] for r in document["related"]] == [r["code"] for r in source["related"]]
    assert [q["question"] for q in document["faq"]] == [q["question"] for q in source.get("faq", [])]
    assert document["updated"] == source["updated"] and document["class"] == "4xx"
    assert document["url"] == "https://status.test.example/404/"


def test_the_index_lists_every_document(rendered):
    api = rendered / "api" / "v1"
    index = json.loads((api / "codes.json").read_text(encoding="utf-8"))
    assert index["count"] == len(index["codes"]) == len(list(ROOT.glob("codes/*.yaml")))
    for item in index["codes"]:
        assert item["api_url"] == f"https://status.test.example/api/v1/{item['code']:03d}.json"
        assert (api / f"{item['code']:03d}.json").is_file()
    assert [item["code"] for item in index["codes"]] == sorted(item["code"] for item in index["codes"])


def test_invalid_entries_write_nothing(tmp_path):
    codes = tmp_path / "codes"
    shutil.copytree(MINIMAL, codes)
    entry = codes / "404.yaml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("code: 404", "code: 405"), encoding="utf-8")
    done = render("--codes", "codes", "render", "--out", "out", cwd=tmp_path)
    assert done.returncode == 1 and "codes/404.yaml:2: code: code 405 does not match" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codes"]


def test_a_folder_with_files_is_not_written_into(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    done = render("--codes", str(MINIMAL), "render", "--out", "out", cwd=tmp_path)
    assert done.returncode == 1 and "not an empty folder" in done.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keep.txt"]
