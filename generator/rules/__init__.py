"""Validation rules, one concern per module (shape borrowed from mdn/browser-compat-data's linter).

Each module defines NAME, DESCRIPTION, SCOPE ("file" or "tree") and ``check``:
- file scope: ``check(report, loaded, context)`` for each file that loaded;
- tree scope: ``check(report, files, context)`` once with every file that loaded.
Rules report problems and never raise. Adding a rule = one module here + one test file.
"""

from __future__ import annotations

from . import (
    cacheable,
    cited_sections,
    code_range,
    constants,
    content_length,
    dates,
    duplicate_codes,
    filename,
    http_dates,
    http_examples,
    json_bodies,
    links,
    no_content,
    placeholders,
    plain_text,
    raw_html,
    reason_phrase,
    registry,
    related_codes,
    required_fields,
    review_dates,
    schema,
    sources_required,
    spec_cited,
    vendor_sources,
)

RULES = [
    schema,
    filename,
    code_range,
    duplicate_codes,
    related_codes,
    links,
    raw_html,
    plain_text,
    http_examples,
    reason_phrase,
    content_length,
    no_content,
    required_fields,
    http_dates,
    json_bodies,
    registry,
    cacheable,
    cited_sections,
    constants,
    placeholders,
    dates,
    sources_required,
    spec_cited,
    vendor_sources,
    review_dates,
]
