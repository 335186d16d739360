"""Content declared as JSON (application/json or a +json type such as application/problem+json) parses.

JSON is RFC 8259; the "+json" structured syntax suffix is RFC 6839 §3.1. Not parsed: content with a
placeholder line ``[N bytes of ...]`` (part of it is not shown; see the content-length rule), content with
a Content-Encoding (the bytes are compressed, not JSON text), and the content of a request answered with 400,
whose point may be the malformed JSON it carries (RFC 9110 §15.5.1).
"""

from __future__ import annotations

import json
import re

from ..http_message import exchange, line_in_example
from ..problems import format_path
from .content_length import PLACEHOLDER

NAME = "json-bodies"
DESCRIPTION = "content with a JSON media type (application/json, +json) is valid JSON (RFC 8259)"
SCOPE = "file"

JSON_TYPE = re.compile(r"^application/(?:[A-Za-z0-9!#$&^_.-]+\+)?json\s*(?:;|$)", re.IGNORECASE)


def _checked(message) -> bool:
    content = message.shown_content
    return (
        bool(content.strip())
        and any(JSON_TYPE.match(v) for v in message.values("Content-Type"))
        and not any(v.lower() != "identity" for v in message.values("Content-Encoding"))
        and not any(PLACEHOLDER.match(line) for line in content.split("\n"))
    )


def check(report, loaded, context) -> None:
    for index, example in enumerate(loaded.data.get("examples") or []):
        if not isinstance(example, dict):
            continue
        request, responses = exchange(example)
        answered_400 = bool(responses) and responses[-1].status == 400
        sides = [("request", [request] if request and not answered_400 else []), ("response", responses)]
        for kind, messages in sides:
            path = ("examples", index, kind)
            for message in messages:
                if not _checked(message):
                    continue
                try:
                    json.loads(message.shown_content)
                except json.JSONDecodeError as error:
                    line_index = message.content_index + error.lineno - 1
                    line = line_in_example(loaded, path, example[kind], line_index)
                    media = message.values("Content-Type")[0].split(";")[0]
                    report.add(
                        loaded.name,
                        line,
                        format_path(path),
                        f"the {media} content is not valid JSON: {error.msg} (line {error.lineno} of the content, "
                        f"column {error.colno}; RFC 8259)",
                    )
