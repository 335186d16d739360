"""HTTP/1.1 messages as the entries write them in ``examples[].request`` and ``examples[].response``.

An example is the text of one request, or of the responses to it: zero or more interim (1xx) responses,
each ended by a blank line, then the final response. Each message is a start line, header field lines, and
optionally a blank line followed by the content ("body"). The text is a YAML block scalar, so lines end in
LF and YAML adds one final line break, which is not part of the content (see ``Message.content``).

Only the shape is parsed here (it is what the rules share); the ``http-examples`` rule reports text that
does not have this shape, and the other ``http-*`` rules read the parsed messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .locate import file_lines

START_OF_RESPONSE = re.compile(r"^HTTP/")


@dataclass
class Field:
    name: str
    value: str
    index: int  # line number inside the example text, from 0


@dataclass
class Message:
    """One HTTP message: its start line, header fields and content (``None`` when no blank line ends the
    header section, so no content is shown)."""

    start: str
    start_index: int
    fields: list[Field] = field(default_factory=list)
    content: str | None = None
    content_index: int = 0
    problem: str | None = None  # why the text is not an HTTP message, with the line index in problem_index
    problem_index: int = 0

    @property
    def status(self) -> int | None:
        """The status code of a response (``None`` for a request or an unreadable status line)."""
        match = re.match(r"^HTTP/\S+ ([0-9]{3})(?: |$)", self.start)
        return int(match.group(1)) if match else None

    @property
    def method(self) -> str | None:
        return self.start.split(" ", 1)[0] if not self.start.startswith("HTTP/") and " " in self.start else None

    def values(self, name: str) -> list[str]:
        """The values of every field named ``name`` (case-insensitive, RFC 9110 §5.1), trimmed of OWS."""
        return [f.value.strip(" \t") for f in self.fields if f.name.lower() == name.lower()]

    def has(self, name: str) -> bool:
        return any(f.name.lower() == name.lower() for f in self.fields)

    def field_named(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name.lower() == name.lower()), None)

    @property
    def shown_content(self) -> str:
        """The content as shown, "" when there is none."""
        return self.content or ""


def parse(text: str, kind: str) -> list[Message]:
    """Split an example into messages. ``kind`` is "request" or "response".

    Takes the example text as loaded from YAML; returns the messages in order (for a response: interim 1xx
    responses, then the final one). A message whose header section holds a line that is not a field line
    gets ``problem`` set and ends the list. Never raises.
    """
    text = text.replace("\r\n", "\n")
    # YAML's block scalar adds one final line break that is not part of the message.
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")
    messages: list[Message] = []
    index = 0
    while index < len(lines):
        message = Message(start=lines[index], start_index=index)
        messages.append(message)
        index += 1
        while index < len(lines) and lines[index] != "":
            line = lines[index]
            name, colon, value = line.partition(":")
            if not colon or not name or name != name.strip() or line[0] in " \t":
                message.problem, message.problem_index = "field", index
                return messages
            message.fields.append(Field(name, value, index))
            index += 1
        if index >= len(lines):
            return messages  # no blank line: no content shown
        index += 1  # the blank line
        rest = lines[index:]
        interim = kind == "response" and message.status is not None and 100 <= message.status < 200
        if interim and rest and START_OF_RESPONSE.match(rest[0]):
            continue  # an interim response, followed by the next response
        message.content, message.content_index = "\n".join(rest), index
        return messages
    return messages


def exchange(example: dict) -> tuple[Message | None, list[Message]]:
    """(request, responses) of one example; either side is empty when missing or not text."""
    request_text, response_text = example.get("request"), example.get("response")
    requests = parse(request_text, "request") if isinstance(request_text, str) and request_text.strip() else []
    responses = parse(response_text, "response") if isinstance(response_text, str) and response_text.strip() else []
    return (requests[0] if requests else None), responses


def line_in_example(loaded, path: tuple, text: str, index: int) -> int:
    """File line (1-based) of line ``index`` of the example text at ``path``.

    In a literal block scalar (``response: |``) line ``index`` is ``index + 1`` lines below the key; that is
    checked against the file, and when it does not hold (another YAML style) the value's own line is returned.
    """
    start = loaded.line_of(path)
    wanted = text.replace("\r\n", "\n").split("\n")[index].strip() if text else ""
    lines = file_lines(loaded)
    candidate = start + 1 + index
    if 0 < candidate <= len(lines) and lines[candidate - 1].strip() == wanted:
        return candidate
    return start


@dataclass(frozen=True)
class ExampleMessage:
    """One parsed message of an entry's example, with where it was written: what the ``http-*`` rules report."""

    message: Message
    request: Message | None  # the example's request, which the responses answer
    kind: str  # "request" or "response"
    path: tuple  # ("examples", index, kind)
    text: str  # the example text the message was parsed from

    def line(self, loaded, index: int) -> int:
        """File line of line ``index`` of this example's text (see ``line_in_example``)."""
        return line_in_example(loaded, self.path, self.text, index)


def example_messages(loaded, kinds: tuple[str, ...] = ("request", "response")):
    """Every message of every example in ``loaded`` (a LoadedFile), requests before responses, as
    ``ExampleMessage``; examples that are not mappings are skipped (the schema rule reports them)."""
    for index, example in enumerate(loaded.data.get("examples") or []):
        if not isinstance(example, dict):
            continue
        request, responses = exchange(example)
        for kind in kinds:
            messages = responses if kind == "response" else [request] if request else []
            for message in messages:
                yield ExampleMessage(message, request, kind, ("examples", index, kind), example[kind])
