"""Responses that cannot have content show none: 204, 304 and any response to HEAD (RFC 9110 §6.4.1).

RFC 9110 §6.4.1: "Responses to the HEAD request method never include content" and "All 1xx (Informational),
204 (No Content), and 304 (Not Modified) responses do not include content"; §15.3.5 and §15.4.5: a 204 or
304 "is terminated by the end of the header section". Text after an interim 1xx response that is not the next
response is reported by the http-examples rule; after a 101 the connection speaks another protocol
(RFC 9110 §15.2.2), and a bracketed note may say so.
"""

from __future__ import annotations

from ..http_message import example_messages
from ..problems import format_path

NAME = "no-content"
DESCRIPTION = "204, 304 and responses to HEAD show no content (RFC 9110 §6.4.1)"
SCOPE = "file"


def check(report, loaded, context) -> None:
    for found in example_messages(loaded, ("response",)):
        message, request = found.message, found.request
        if not message.shown_content.strip():
            continue
        status = message.status
        if status in (204, 304):
            why = f"a {status} response ends with its header section and has no content (RFC 9110 §6.4.1, " + (
                "§15.3.5)" if status == 204 else "§15.4.5)"
            )
        elif request is not None and request.method == "HEAD" and status is not None and status >= 200:
            why = "a response to HEAD never includes content (RFC 9110 §6.4.1, §9.3.2)"
        else:
            continue
        line = found.line(loaded, message.content_index)
        report.add(loaded.name, line, format_path(found.path), why + "; remove the text after the blank line")
