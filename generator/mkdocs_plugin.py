"""The only file that knows MkDocs: wires the plain pipeline to MkDocs events.

Moving to another engine means replacing this file (and the head override), nothing else.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import pipeline, seo
from .render import render_robots
from .safety import find_active_content
from .schema import SCHEMA_PATH
from .validate import Context

log = logging.getLogger("mkdocs.plugins.statuscodes")


class StatusCodesConfig(base.Config):
    codes_dir = c.Type(str, default="codes")
    edit_url_base = c.Type(str, default="https://github.com/http-status-reference/http-status-reference/edit/main/")
    allow_any_code = c.Type(bool, default=False)  # benchmark-only: synthetic entries outside 100-599


class StatusCodesPlugin(BasePlugin[StatusCodesConfig]):
    serving = False  # on_startup says otherwise under `mkdocs serve`

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.codes_dir = self.root / self.config.codes_dir
        url = config.site_url
        self.site = seo.Site(
            config.site_name, url if not url or url.endswith("/") else url + "/", config.site_description or ""
        )

    def on_files(self, files, config):
        context = Context(allow_any_code=self.config.allow_any_code, check_registry=not self.config.allow_any_code)
        result = pipeline.run(self.codes_dir, self.root, self.config.edit_url_base, context, partial=self.serving)
        if result.report.warnings:
            # Info, not warning: `mkdocs build --strict` fails on warnings, and a date must never stop a build.
            log.info("dated facts to re-check:\n%s", "\n".join(str(p) for p in result.report.warnings))
        if not result.ok:
            message = pipeline.format_report(result.report)
            if not self.serving:
                raise PluginError("invalid entries:\n" + message)
            # The preview keeps running: broken entries are left out until they are fixed.
            log.error("invalid entries (left out of the preview until fixed):\n%s", message)
        self.result = result
        self.pages = {page.src_uri: page for page in result.pages}
        # Reproducible output: dates come from the entries, never from the clock.
        updated = datetime.strptime(result.reference.updated, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(updated.timestamp())))
        for page in result.pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        files.append(File.generated(config, "robots.txt", content=render_robots(self.site.url)))
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.codes_dir))
        server.watch(str(SCHEMA_PATH.parent))
        return server

    def on_page_content(self, html, page, config, files):
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
