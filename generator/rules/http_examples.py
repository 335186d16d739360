"""Examples are well-formed HTTP/1.1 messages: start line, 'Name: value' headers, blank line, body."""

from __future__ import annotations

import re

from ..problems import format_path

NAME = "http-examples"
DESCRIPTION = "example requests and responses are complete HTTP messages"
SCOPE = "file"

REQUEST_LINE = re.compile(r"^[A-Z][A-Z-]* \S+ HTTP/\d(\.\d)?$")
STATUS_LINE = re.compile(r"^HTTP/\d(\.\d)? (\d{3})( .*)?$")
HEADER_LINE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+:( .*)?$")


def _header_block(lines: list[str]) -> tuple[list[str], list[str], str | None]:
    headers = []
    for index, line in enumerate(lines):
        if line == "":
            return headers, lines[index + 1 :], None
        if not HEADER_LINE.match(line):
            return headers, [], f"header line {line[:40]!r} is not 'Name: value' (a blank line must separate the body)"
        headers.append(line.split(":", 1)[0].lower())
    return headers, [], None


def message_problems(text: str, kind: str) -> list[str]:
    lines = text.rstrip("\n").replace("\r\n", "\n").split("\n")
    problems = []
    while True:
        start, rest = lines[0], lines[1:]
        if kind == "request":
            if not REQUEST_LINE.match(start):
                return [f"first line {start[:50]!r} is not a request line like 'GET /path HTTP/1.1'"]
        else:
            match = STATUS_LINE.match(start)
            if not match:
                return [f"first line {start[:50]!r} is not a status line like 'HTTP/1.1 404 Not Found'"]
        headers, body, error = _header_block(rest)
        if error:
            return [error]
        if kind == "request" and start.endswith("HTTP/1.1") and "host" not in headers:
            problems.append("an HTTP/1.1 request needs a Host header (RFC 9112 §3.2)")
        # An interim 1xx response may be followed by the final response in the same block.
        if kind == "response" and match.group(2).startswith("1") and body and STATUS_LINE.match(body[0]):
            lines = body
            continue
        return problems


def check(report, loaded, context) -> None:
    for index, example in enumerate(loaded.data.get("examples") or []):
        if not isinstance(example, dict):
            continue
        for kind in ("request", "response"):
            text = example.get(kind)
            if isinstance(text, str) and text.strip():
                path = ("examples", index, kind)
                for message in message_problems(text, kind):
                    report.add(loaded.name, loaded.line_of(path), format_path(path), message)
