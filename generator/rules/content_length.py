"""Content-Length equals the size of the content an example shows (RFC 9110 §8.6), counted one way.

The counting convention (also in CONTRIBUTING.md, "Examples"): the content is the text after the blank line
that ends the header section, encoded as UTF-8, with LF line endings as written and without the final line
break YAML's block scalar (``response: |``) adds. A line that is only a placeholder of the form
``[N bytes of ...]`` stands for N bytes (its own text is not counted); the line breaks around it are.
So ``[2147483648 bytes of video data]`` must come with ``Content-Length: 2147483648``.

Also from RFC 9110 §8.6 and RFC 9112 §6.2:
- the value is one non-negative decimal number (1*DIGIT);
- no Content-Length on a 1xx or 204 response, nor on a 2xx response to CONNECT;
- no Content-Length together with Transfer-Encoding (RFC 9112 §6.2), whose chunked content is not counted.

Not counted: a response to HEAD and a 304, whose Content-Length describes the representation that a GET
would have carried (RFC 9110 §8.6); a request with ``Expect: 100-continue`` that shows no content, because
the client sends its content only after a 100 (RFC 9110 §10.1.1) and may never send it.
"""

from __future__ import annotations

import re

from ..http_message import Message, example_messages
from ..problems import format_path

NAME = "content-length"
DESCRIPTION = "Content-Length equals the size of the content shown (placeholders '[N bytes of ...]' count N)"
SCOPE = "file"

PLACEHOLDER = re.compile(r"^\[([0-9]+) bytes\b[^\]]*\]$")
# "... 4194304 bytes of the file ...", "(18342 bytes of JSON)": meant as a placeholder, not written as one.
LOOKS_LIKE_PLACEHOLDER = re.compile(r"^\s*(?:\[|\(|\.\.\.|…)[^\n]*\b[0-9][0-9,]* bytes\b")


def content_size(content: str) -> int:
    """Bytes of ``content`` under the counting convention above: UTF-8, LF line breaks, placeholder lines
    ``[N bytes of ...]`` counted as N."""
    lines = content.split("\n")
    size = len(lines) - 1  # the line breaks between lines
    for line in lines:
        match = PLACEHOLDER.match(line)
        size += int(match.group(1)) if match else len(line.encode("utf-8"))
    return size


def _problems(message: Message, request: Message | None, kind: str):
    """(line index, text) for each problem of one message."""
    lengths = [f for f in message.fields if f.name.lower() == "content-length"]
    if not lengths:
        return
    first = lengths[0]
    status = message.status
    if kind == "response" and status is not None and (100 <= status < 200 or status == 204):
        yield first.index, f"a {status} response has no Content-Length (RFC 9110 §8.6: a server MUST NOT send it)"
        return
    if kind == "response" and request and request.method == "CONNECT" and status and 200 <= status < 300:
        yield first.index, "a 2xx response to CONNECT has no Content-Length (RFC 9110 §8.6, §9.3.6)"
        return
    if message.has("Transfer-Encoding"):
        yield first.index, "a message with Transfer-Encoding has no Content-Length (RFC 9112 §6.2)"
        return
    values = {f.value.strip(" \t") for f in lengths}
    if len(values) > 1 or not all(re.fullmatch(r"[0-9]+", v) for v in values):
        yield (
            first.index,
            f"Content-Length must be one decimal number, not {', '.join(sorted(values))!r} (RFC 9110 §8.6)",
        )
        return
    declared = int(values.pop())
    if kind == "response" and (status == 304 or (request and request.method == "HEAD")):
        return  # describes the representation a GET would carry (RFC 9110 §8.6)
    if not message.shown_content:
        expecting = kind == "request" and any(v.lower() == "100-continue" for v in message.values("Expect"))
        if declared and not expecting:
            yield (
                first.index,
                (
                    f"Content-Length is {declared} but no content is shown; show it, or a placeholder line "
                    f"'[{declared} bytes of ...]'"
                ),
            )
        return
    size = content_size(message.shown_content)
    if size != declared:
        hint = ""
        lines = message.shown_content.split("\n")
        if any(LOOKS_LIKE_PLACEHOLDER.match(line) and not PLACEHOLDER.match(line) for line in lines):
            hint = "; a placeholder line must read exactly '[N bytes of ...]'"
        yield (
            first.index,
            (
                f"Content-Length is {declared} but the content shown is {size} bytes (UTF-8, LF line breaks, without "
                f"the final line break; see CONTRIBUTING.md){hint}"
            ),
        )


def check(report, loaded, context) -> None:
    for found in example_messages(loaded):
        for line_index, text in _problems(found.message, found.request, found.kind):
            report.add(loaded.name, found.line(loaded, line_index), format_path(found.path), text)
