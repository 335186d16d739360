"""Responses carry the header fields RFC 9110 requires (MUST) or expects (SHOULD) for their status code.

| status | field | source |
|---|---|---|
| 101 | Upgrade | RFC 9110 §15.2.2: "The server MUST generate an Upgrade header field" (§7.8) |
| 206 | Content-Range; or Content-Type multipart/byteranges | §15.3.7.1 (one part: MUST), §15.3.7.2 (several: MUST) |
| 301, 302, 307, 308 | Location | §15.4.2, §15.4.3, §15.4.8, §15.4.9: "The server SHOULD generate a Location ..." |
| 303 | Location | §15.4.4: the redirect target is "indicated by a URI in the Location header field" |
| 401 | WWW-Authenticate | §15.5.2, §11.6.1: MUST |
| 405 | Allow | §15.5.6: MUST |
| 407 | Proxy-Authenticate | §15.5.8: MUST |
| 416 | Content-Range (to a byte-range request) | §15.5.17: SHOULD, "specifying the current length" |
| 426 | Upgrade | §15.5.22: MUST |

Not required: Location on 201 (§15.3.2: the new resource is identified "by either a Location header field in
the response or, if no Location header field is received, by the target URI"), Location on 300 (§15.4.1:
only "if the server has a preferred choice"). A multipart 206 must not have a top-level Content-Range
(§15.3.7.2). An example showing a server that breaks one of these rules is still reported: say so in the
example's prose and keep the field, or show a compliant server.
"""

from __future__ import annotations

from ..http_message import Message, example_messages
from ..problems import format_path

NAME = "required-fields"
DESCRIPTION = "responses carry the fields RFC 9110 requires for their status (WWW-Authenticate on 401, ...)"
SCOPE = "file"

# status -> (field, what the RFC says)
REQUIRED = {
    101: ("Upgrade", "the server MUST generate an Upgrade header field (RFC 9110 §15.2.2)"),
    301: ("Location", "the server SHOULD generate a Location header field (RFC 9110 §15.4.2)"),
    302: ("Location", "the server SHOULD generate a Location header field (RFC 9110 §15.4.3)"),
    303: ("Location", "a 303 points at a URI in the Location header field (RFC 9110 §15.4.4)"),
    307: ("Location", "the server SHOULD generate a Location header field (RFC 9110 §15.4.8)"),
    308: ("Location", "the server SHOULD generate a Location header field (RFC 9110 §15.4.9)"),
    401: ("WWW-Authenticate", "a 401 MUST carry a WWW-Authenticate challenge (RFC 9110 §15.5.2, §11.6.1)"),
    405: ("Allow", "a 405 MUST carry an Allow header field listing the supported methods (RFC 9110 §15.5.6)"),
    407: ("Proxy-Authenticate", "a 407 MUST carry a Proxy-Authenticate challenge (RFC 9110 §15.5.8)"),
    426: ("Upgrade", "a 426 MUST carry an Upgrade header field naming the required protocol (RFC 9110 §15.5.22)"),
}


def _multipart(message: Message) -> bool:
    return any(v.lower().startswith("multipart/byteranges") for v in message.values("Content-Type"))


def _problems(message: Message, request: Message | None):
    status = message.status
    if status in REQUIRED:
        name, why = REQUIRED[status]
        if not message.has(name):
            yield f"{status} without {name}: {why}"
    elif status == 206:
        if _multipart(message) and message.has("Content-Range"):
            yield (
                "a multipart/byteranges 206 has no Content-Range in its header section, only in each part "
                "(RFC 9110 §15.3.7.2)"
            )
        elif not _multipart(message) and not message.has("Content-Range"):
            yield (
                "206 without Content-Range: a single-part 206 MUST carry Content-Range (RFC 9110 §15.3.7.1); "
                "several parts need Content-Type: multipart/byteranges (§15.3.7.2)"
            )
    elif status == 416 and not message.has("Content-Range"):
        ranges = request.values("Range") if request else []
        if any(v.lower().startswith("bytes=") for v in ranges):
            yield (
                "416 to a byte-range request without Content-Range: the server SHOULD send one with the current "
                "length, e.g. 'Content-Range: bytes */47022' (RFC 9110 §15.5.17)"
            )


def check(report, loaded, context) -> None:
    for found in example_messages(loaded, ("response",)):
        for text in _problems(found.message, found.request):
            report.add(loaded.name, found.line(loaded, found.message.start_index), format_path(found.path), text)
