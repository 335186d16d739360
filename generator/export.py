"""Engine-neutral output: every output of the site except the HTML, written to a folder with no site engine
involved (``python -m generator render --out DIR``). Never imports MkDocs.

Layout of ``DIR``:

    pages/index.md, pages/4xx.md, pages/404.md ...   the Markdown the MkDocs plugin hands MkDocs to render
    api/v1/codes.json, api/v1/404.json ...           the JSON API (generator/api.py), served as it is
    404/index.md ..., llms.txt, opensearch.xml,      every other file of the site, at its path on the site
    robots.txt

A new engine needs only templates around ``pages/``; everything else is already the site's file. The kinds of
output and their paths come from one registry (generator/kinds.py), the same one the MkDocs plugin uses.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from . import pipeline, seo
from .validate import Context


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
    site = seo.Site(pipeline.DEFAULT_SITE_NAME, site_url, pipeline.DEFAULT_SITE_DESCRIPTION)
    result = pipeline.run(codes_dir, codes_dir.resolve().parent, edit_url_base, context, site=site)
    if not result.ok:
        print(pipeline.format_report(result.report), file=sys.stderr)
        print(f"not rendering: {out} was not written", file=sys.stderr)
        return 1
    staging = out.with_name(f".{out.name}.rendering")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        for page in result.engine_pages:
            _write(staging / "pages" / page.src_uri, page.content)
        for output in result.files:
            _write(staging / output.src_uri, output.content)
        if out.exists():
            out.rmdir()
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"{len(result.engine_pages)} pages and {len(result.files)} other files written to {out}/")
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
