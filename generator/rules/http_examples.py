"""Examples are HTTP/1.1 messages in the syntax of RFC 9112: start line, field lines, blank line, content.

- request-line = method SP request-target SP HTTP-version (RFC 9112 §3); method is a token (RFC 9110 §9.1);
  the request-target is one of the four forms of RFC 9112 §3.2 and holds no whitespace or "#";
- status-line = HTTP-version SP status-code SP [reason-phrase] (RFC 9112 §4): the space after the
  three-digit code is there even when the reason phrase is empty;
- HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3);
- field-line = field-name ":" OWS field-value OWS (RFC 9112 §5): the name is a token (RFC 9110 §5.1), no
  whitespace before the colon (RFC 9112 §5.1), no line folding (obs-fold, RFC 9112 §5.2), and the value
  holds no control characters (RFC 9110 §5.5);
- an HTTP/1.1 request has a Host field (RFC 9112 §3.2).

Several responses may follow one another: interim 1xx responses, each ended by a blank line, then the final
response (RFC 9110 §15.2).
"""

from __future__ import annotations

import re

from ..http_message import Message, line_in_example, parse
from ..problems import format_path

NAME = "http-examples"
DESCRIPTION = "example requests and responses are HTTP/1.1 messages in the syntax of RFC 9112"
SCOPE = "file"

TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
VERSION = r"HTTP/[0-9]\.[0-9]"
REQUEST_LINE = re.compile(rf"^(?P<method>{TOKEN}) (?P<target>\S+) (?P<version>{VERSION})$")
LOOSE_REQUEST_LINE = re.compile(r"^[A-Za-z-]+\s+\S.*\s+HTTP/\S+\s*$")
STATUS_LINE = re.compile(rf"^(?P<version>{VERSION}) (?P<code>[0-9]{{3}}) (?P<reason>[\t \x21-\x7e\x80-\U0010ffff]*)$")
LOOSE_STATUS_LINE = re.compile(r"^HTTP/\S*\s+[0-9]{3}(\s.*)?$")
TARGET_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?\[\]@!$&'()*+,;=%]+$")
FIELD_VALUE = re.compile(r"^[\t \x21-\x7e\x80-\U0010ffff]*$")


def _bad_version(version: str) -> str:
    return f"{version!r} is not an HTTP-version: 'HTTP/' DIGIT '.' DIGIT, as in HTTP/1.1 (RFC 9112 §2.3)"


def _request_line(line: str) -> str | None:
    match = REQUEST_LINE.match(line)
    if not match:
        if not LOOSE_REQUEST_LINE.match(line):
            return f"first line {line[:50]!r} is not a request line like 'GET /path HTTP/1.1'"
        if re.search(r"HTTP/\S*$", line) and not re.search(rf"{VERSION}\s*$", line):
            return _bad_version(line.split()[-1])
        return (
            f"request line {line[:50]!r} must be method SP request-target SP HTTP-version, single spaces (RFC 9112 §3)"
        )
    method, target = match.group("method"), match.group("target")
    if not TARGET_CHARS.match(target) or "#" in target:
        return f"request-target {target[:40]!r} holds characters a URI cannot (percent-encode them; RFC 9112 §3.2)"
    if target == "*":
        return None if method == "OPTIONS" else "the asterisk-form '*' is only for OPTIONS (RFC 9112 §3.2.4)"
    if method == "CONNECT":
        if not re.fullmatch(r"[^/?#@]+:[0-9]+", target):
            return f"CONNECT takes the authority-form host:port, not {target[:40]!r} (RFC 9112 §3.2.3)"
        return None
    if not (target.startswith("/") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target)):
        return f"request-target {target[:40]!r} must start with '/' (origin-form) or be an absolute URI (RFC 9112 §3.2)"
    return None


def _status_line(line: str) -> str | None:
    if STATUS_LINE.match(line):
        return None
    if not LOOSE_STATUS_LINE.match(line):
        return f"first line {line[:50]!r} is not a status line like 'HTTP/1.1 404 Not Found'"
    version = line.split()[0]
    if not re.fullmatch(VERSION, version):
        return _bad_version(version)
    if re.fullmatch(rf"{VERSION} [0-9]{{3}}", line):
        return (
            f"status line {line!r} needs a space after the status code even when the reason phrase is empty "
            f"(status-line = HTTP-version SP status-code SP [reason-phrase], RFC 9112 §4): write {line + ' '!r}"
        )
    return (
        f"status line {line[:50]!r} must be HTTP-version SP status-code SP reason-phrase, single spaces (RFC 9112 §4)"
    )


def _field_line(line: str) -> str:
    """Why a line of the header section is not a field line (RFC 9112 §5)."""
    name, colon, _ = line.partition(":")
    if line[:1] in (" ", "\t"):
        return f"line {line[:40]!r} starts with whitespace: line folding (obs-fold) is obsolete (RFC 9112 §5.2)"
    if not colon:
        return f"header line {line[:40]!r} is not 'Name: value' (a blank line must separate the body)"
    if name != name.rstrip():
        return f"no whitespace is allowed between the field name {name.strip()!r} and the colon (RFC 9112 §5.1)"
    return f"field name {name[:40]!r} is not a token (RFC 9110 §5.1)"


def message_problems(messages: list[Message], kind: str) -> list[tuple[int, str]]:
    """(line index in the example text, message) for each syntax problem of the parsed ``messages``."""
    problems = []
    for message in messages:
        error = _request_line(message.start) if kind == "request" else _status_line(message.start)
        if error:
            return problems + [(message.start_index, error)]
        for item in message.fields:
            if not re.fullmatch(TOKEN, item.name):
                problems.append((item.index, _field_line(f"{item.name}:{item.value}")))
            elif not FIELD_VALUE.match(item.value):
                problems.append((item.index, f"the value of {item.name} holds a control character (RFC 9110 §5.5)"))
        if message.problem:
            return problems + [(message.problem_index, "")]
        status = message.status
        # After a 101 the connection speaks the new protocol (RFC 9110 §15.2.2): what follows is not HTTP.
        if kind == "response" and status and 100 <= status < 200 and status != 101 and message.content:
            line = message.content.split("\n")[0]
            return problems + [
                (
                    message.content_index,
                    f"{line[:50]!r} follows the interim {status} response, which ends at its blank line: it must "
                    "be the status line of the next response (RFC 9110 §15.2)",
                )
            ]
        if kind == "request" and message.start.endswith("HTTP/1.1") and not message.has("Host"):
            problems.append((message.start_index, "an HTTP/1.1 request needs a Host header (RFC 9112 §3.2)"))
    return problems


def check(report, loaded, context) -> None:
    for index, example in enumerate(loaded.data.get("examples") or []):
        if not isinstance(example, dict):
            continue
        for kind in ("request", "response"):
            text = example.get(kind)
            if not isinstance(text, str) or not text.strip():
                continue
            path = ("examples", index, kind)
            lines = text.replace("\r\n", "\n").split("\n")
            for line_index, message in message_problems(parse(text, kind), kind):
                message = message or _field_line(lines[line_index])
                report.add(loaded.name, line_in_example(loaded, path, text, line_index), format_path(path), message)
