"""Engine-neutral output: the rendered Markdown pages and one JSON document per entry, written to a folder
with no site engine involved (``python -m generator render --out DIR``). Never imports MkDocs.

Layout of ``DIR`` (shaped so that ``api/`` can be served as it is, as /api/v1/404.json and /api/v1/codes.json):

    pages/index.md, pages/4xx.md, pages/404.md ...   the Markdown the MkDocs plugin hands to MkDocs
    pages/robots.txt
    api/v1/404.json ...                              the whole entry as the model holds it
    api/v1/codes.json                                the index: every code with its phrase, summary, links

A new engine needs only templates around ``pages/`` (or reads ``api/``).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

from . import pipeline
from .model import Entry, Reference
from .render import render_robots
from .validate import Context

API_VERSION = 1


def _class_id(reference: Reference, entry: Entry) -> str | None:
    """The class id ("4xx"); None for a number outside 100-599 (000, 783, 999), which belongs to no class."""
    code_class = reference.class_of(entry)
    return code_class.id if code_class else None


def entry_document(entry: Entry, reference: Reference, site_url: str) -> dict:
    """The JSON document of one entry: every field of ``Entry`` (a field added to the model appears here
    without a change to this module), plus its class and the address of its page and document."""
    document = dataclasses.asdict(entry)
    document["class"] = _class_id(reference, entry)
    document["url"] = f"{site_url}{entry.path}"
    document["api_url"] = f"{site_url}api/v{API_VERSION}/{entry.number}.json"
    return document


def index_document(reference: Reference, site_url: str) -> dict:
    """The JSON index of every entry: code, phrase, names, standing, summary, class and links."""
    return {
        "api_version": API_VERSION,
        "updated": reference.updated,
        "count": len(reference.entries),
        "codes": [
            {
                "code": e.code,
                "phrase": e.phrase,
                "common_name": e.common_name,
                "standing": e.standing,
                "summary": e.summary,
                "class": _class_id(reference, e),
                "url": f"{site_url}{e.path}",
                "api_url": f"{site_url}api/v{API_VERSION}/{e.number}.json",
                "updated": e.updated,
            }
            for e in reference.entries
        ],
    }


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def export(
    codes_dir: Path,
    out: Path,
    context: Context | None = None,
    site_url: str = pipeline.DEFAULT_SITE_URL,
    edit_url_base: str = pipeline.DEFAULT_EDIT_URL_BASE,
) -> int:
    """Validate ``codes_dir`` and write every page and JSON document into ``out``.

    Returns 0, or 1 after printing every problem to standard error (then nothing is written). ``out`` must
    not exist or be empty; it is filled through a staging folder, so a failure never leaves half of it.
    """
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"{out}: exists and is not an empty folder; not writing into it", file=sys.stderr)
        return 1
    result = pipeline.run(codes_dir, codes_dir.resolve().parent, edit_url_base, context)
    if not result.ok:
        print(pipeline.format_report(result.report), file=sys.stderr)
        print(f"not rendering: {out} was not written", file=sys.stderr)
        return 1
    staging = out.with_name(f".{out.name}.rendering")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        pages, api = staging / "pages", staging / "api" / f"v{API_VERSION}"
        pages.mkdir(parents=True)
        api.mkdir(parents=True)
        for page in result.pages:
            (pages / page.src_uri).write_text(page.markdown, encoding="utf-8")
        (pages / "robots.txt").write_text(render_robots(site_url), encoding="utf-8")
        for entry in result.reference.entries:
            _dump(api / f"{entry.number}.json", entry_document(entry, result.reference, site_url))
        _dump(api / "codes.json", index_document(result.reference, site_url))
        if out.exists():
            out.rmdir()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"{len(result.pages)} pages and {len(result.reference.entries)} JSON documents written to {out}/")
    return 0
