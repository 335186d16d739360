"""The MkDocs plugin: wires the plain pipeline to MkDocs events.

With ``mkdocs_build.py`` (the command line's build and serve), the only module that imports MkDocs. Moving
to another engine means replacing these two and the head override (``overrides/``); ``python -m generator
render`` writes the same pages without any engine.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import pipeline, search_index, seo
from .interactive import GUIDE_FILE, SCENARIOS_DIR
from .kinds import kind_named
from .safety import find_active_content
from .schema import SCHEMA_PATH
from .validate import Context

log = logging.getLogger("mkdocs.plugins.statuscodes")


class InvalidEntries(PluginError):
    """The entries have problems; ``report`` lists them as ``file:line: field: message`` lines."""

    PREFIX = "invalid entries:"

    def __init__(self, report: str):
        super().__init__(f"{self.PREFIX}\n{report}")
        self.report = report


def _as_is(config, path: str, content: str) -> File:
    """A generated file MkDocs copies to ``path`` unchanged. Its source name is not ``path``: MkDocs would take
    a Markdown twin (404/index.md) for a page to render."""
    file = File.generated(config, path + ".as-is", content=content)
    file.dest_uri = path
    return file


class StatusCodesConfig(base.Config):
    # A path option: MkDocs resolves it relative to mkdocs.yml and refuses a folder that does not exist.
    codes_dir = c.Dir(exists=True, default="codes")
    edit_url_base = c.Type(str, default=pipeline.DEFAULT_EDIT_URL_BASE)
    # Names of validation rules not to run (generator/rules/*.py NAME), e.g. the benchmark's synthetic
    # entries skip filename, code-range and registry. Unknown names are an error.
    skip_rules = c.ListOfItems(c.Type(str), default=[])


class StatusCodesPlugin(BasePlugin[StatusCodesConfig]):
    serving = False  # on_startup says otherwise under `mkdocs serve`

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        self.codes_dir = Path(self.config.codes_dir)
        # Entries are named as in the repository (codes/404.yaml): in messages and in edit links.
        self.root = self.codes_dir.parent
        try:
            self.context = Context(skip_rules=frozenset(self.config.skip_rules))
        except ValueError as error:
            raise PluginError(f"statuscodes: skip_rules: {error}") from None
        url = config.site_url
        self.site = seo.Site(
            config.site_name, url if not url or url.endswith("/") else url + "/", config.site_description or ""
        )

    def on_files(self, files, config):
        # Read here, not in on_config: another plugin's on_config may change it (Material's offline plugin does).
        self.site = dataclasses.replace(self.site, directory_urls=config.use_directory_urls)
        result = pipeline.run(
            self.codes_dir, self.root, self.config.edit_url_base, self.context, partial=self.serving, site=self.site
        )
        if result.report.warnings:
            # Info, not warning: `mkdocs build --strict` fails on warnings, and a date must never stop a build.
            log.info("dated facts to re-check:\n%s", "\n".join(str(p) for p in result.report.warnings))
        if not result.ok:
            message = pipeline.format_report(result.report)
            if not self.serving:
                raise InvalidEntries(message)
            # The preview keeps running: broken entries are left out until they are fixed.
            log.error("invalid entries (left out of the preview until fixed):\n%s", message)
        self.result = result
        self.pages = {page.src_uri: page for page in result.pages}
        self.sections_shown: dict[str, list[str]] = {}
        # Reproducible output: dates come from the entries, never from the clock. Set for every build (a
        # live preview rebuilds after an edit to `updated`), and put back afterwards (on_post_build).
        updated = datetime.strptime(result.reference.updated, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        self._saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = str(int(updated.timestamp()))
        for page in result.engine_pages:
            files.append(File.generated(config, page.src_uri, content=page.content))
        for output in result.files:
            files.append(_as_is(config, output.src_uri, output.content))
        return files

    def on_nav(self, nav, config, files):
        # Pages of kinds marked in_nav go after the first item (Home). MkDocs has made a Page for every file
        # by now; titles come from each page's H1 once it is rendered, before any template needs them.
        for page in self.result.engine_pages:
            file = files.get_file_from_path(page.src_uri) if kind_named(page.kind).in_nav else None
            if file is not None and file.page is not None and file.page not in nav.items:
                nav.items.insert(1, file.page)
                nav.pages.insert(1, file.page)
        return nav

    def on_post_build(self, config):
        # After Material's search plugin (listed first in mkdocs.yml) has written search/search_index.json.
        try:
            search_index.write(Path(config.site_dir), self.result.reference, self.sections_shown)
        finally:
            self._restore_epoch()

    def on_build_error(self, error):
        self._restore_epoch()

    def _restore_epoch(self):
        if not hasattr(self, "_saved_epoch"):
            return
        if self._saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = self._saved_epoch
        del self._saved_epoch

    def on_serve(self, server, config, builder):
        server.watch(str(self.codes_dir))
        server.watch(str(SCHEMA_PATH.parent))
        for folder in (GUIDE_FILE.parent, SCENARIOS_DIR):  # the guide and scenarios, when the project has them
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server

    def on_page_content(self, html, page, config, files):
        self.sections_shown[page.url] = search_index.sections_shown(html)
        findings = find_active_content(html)
        if findings:
            source = self.pages[page.file.src_uri].subject if page.file.src_uri in self.pages else None
            where = getattr(source, "source", page.file.src_uri)
            raise PluginError(f"{where}: refusing to publish active content: {'; '.join(sorted(set(findings)))}")
        return html

    def on_page_context(self, context, page, config, nav):
        generated = self.pages.get(page.file.src_uri)
        context["statuscodes_head"] = seo.head_for(
            generated, self.result.reference, page.canonical_url, self.site, title=page.title
        )
        return context
