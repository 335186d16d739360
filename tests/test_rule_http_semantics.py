"""The rules over the meaning of example messages: no-content, required-fields, http-dates, json-bodies.

One entry that every rule accepts, then one doctored copy per fault, each reported on its own line.
"""

from __future__ import annotations

import pytest

from generator.rules import http_dates, json_bodies, no_content, required_fields

from .rulecheck import run_rule, where

ENTRY = """\
code: 401
examples:
  - title: A challenge, a date and problem details
    request: |
      GET /api/me HTTP/1.1
      Host: api.example.com
      If-Modified-Since: Sat, 21 Nov 2026 10:00:00 GMT
    response: |
      HTTP/1.1 401 Unauthorized
      Date: Sun, 22 Nov 2026 09:14:03 GMT
      WWW-Authenticate: Bearer realm="api"
      Retry-After: 120
      Content-Type: application/problem+json
      Content-Length: 20

      {"status": 401,
       "a": [1]}
  - title: No content on 204; a HEAD response; upgrade
    request: |
      HEAD /file HTTP/1.1
      Host: www.example.com
    response: |
      HTTP/1.1 101 Switching Protocols
      Upgrade: websocket

      [WebSocket frames follow on this connection]
  - title: 204
    request: |
      DELETE /file HTTP/1.1
      Host: www.example.com
    response: |+
      HTTP/1.1 204 No Content
      Last-Modified: Fri, 20 Nov 2026 08:00:00 GMT

  - title: Ranges
    request: |
      GET /file HTTP/1.1
      Host: www.example.com
      Range: bytes=9000-
      If-Range: "abc"
    response: |
      HTTP/1.1 416 Range Not Satisfiable
      Content-Range: bytes */47022
  - title: Redirect and a truncated JSON body
    request: |
      POST /items HTTP/1.1
      Host: www.example.com
      Content-Type: application/json
      Content-Length: 100

      {"items": [
      [88 bytes not shown]
    response: |
      HTTP/1.1 308 Permanent Redirect
      Location: /v2/items
      Expires: Thu, 01 Jan 1970 00:00:00 GMT
  - title: Malformed JSON is what a 400 is about
    request: |
      POST /items HTTP/1.1
      Host: www.example.com
      Content-Type: application/json
      Content-Length: 9

      {"a": 1,}
    response: |
      HTTP/1.1 400 Bad Request
      Content-Type: application/json
      Content-Length: 2

      {}
"""

# (rule, what, old, new, line reported, words of the message)
BROKEN = [
    (
        required_fields,
        "401 without challenge",
        '      WWW-Authenticate: Bearer realm="api"\n',
        "",
        9,
        "WWW-Authenticate",
    ),
    (required_fields, "101 without Upgrade", "      Upgrade: websocket\n", "", 23, "Upgrade header field"),
    (required_fields, "308 without Location", "      Location: /v2/items\n", "", 54, "Location"),
    (required_fields, "416 without Content-Range", "      Content-Range: bytes */47022\n", "", 42, "§15.5.17"),
    (
        required_fields,
        "405 without Allow",
        "HTTP/1.1 416 Range Not Satisfiable\n      Content-Range: bytes */47022\n",
        "HTTP/1.1 405 Method Not Allowed\n",
        42,
        "Allow",
    ),
    (
        required_fields,
        "407 without challenge",
        "HTTP/1.1 401 Unauthorized\n      Date",
        "HTTP/1.1 407 Proxy Authentication Required\n      Date",
        9,
        "Proxy-Authenticate",
    ),
    (
        required_fields,
        "426 without Upgrade",
        "HTTP/1.1 101 Switching Protocols\n      Upgrade: websocket\n\n"
        "      [WebSocket frames follow on this connection]\n",
        "HTTP/1.1 426 Upgrade Required\n",
        23,
        "Upgrade header field",
    ),
    (
        required_fields,
        "206 without Content-Range",
        "HTTP/1.1 416 Range Not Satisfiable\n      Content-Range: bytes */47022\n",
        "HTTP/1.1 206 Partial Content\n",
        42,
        "§15.3.7.1",
    ),
    (
        no_content,
        "content on 204",
        "      Last-Modified: Fri, 20 Nov 2026 08:00:00 GMT\n\n",
        "      Last-Modified: Fri, 20 Nov 2026 08:00:00 GMT\n\n      Deleted.\n",
        35,
        "§15.3.5",
    ),
    (
        no_content,
        "content on a HEAD response",
        "HTTP/1.1 101 Switching Protocols\n      Upgrade: websocket\n",
        "HTTP/1.1 200 OK\n      Content-Type: text/plain\n",
        26,
        "response to HEAD never includes content",
    ),
    (
        http_dates,
        "wrong day name",
        "Sun, 22 Nov 2026 09:14:03 GMT",
        "Mon, 22 Nov 2026 09:14:03 GMT",
        10,
        "is a Sun, not a Mon",
    ),
    (http_dates, "not IMF-fixdate", "Sat, 21 Nov 2026 10:00:00 GMT", "2026-11-21T10:00:00Z", 7, "not an IMF-fixdate"),
    (http_dates, "Expires: 0", "Expires: Thu, 01 Jan 1970 00:00:00 GMT", "Expires: 0", 56, "Expires: '0'"),
    (
        http_dates,
        "Retry-After date",
        "Retry-After: 120",
        "Retry-After: Sun, 22 Nov 2026 09:14:03 UTC",
        12,
        "Retry-After",
    ),
    (http_dates, "If-Range date", 'If-Range: "abc"', "If-Range: Fri, 31 Nov 2026 08:00:00 GMT", 40, "not a real date"),
    (json_bodies, "trailing comma", '"a": [1]}', '"a": [1],}', 17, "not valid JSON"),
    (json_bodies, "JSON in a placeholder-free request", "      [88 bytes not shown]\n", "", 51, "not valid JSON"),
    (json_bodies, "response of a 400", "      {}\n", "      {\n", 70, "not valid JSON"),
]


@pytest.mark.parametrize("rule", [no_content, required_fields, http_dates, json_bodies], ids=lambda r: r.NAME)
def test_accepts_messages_that_follow_the_rfcs(tmp_path, rule):
    assert run_rule(rule, tmp_path, ENTRY) == []


@pytest.mark.parametrize("rule,what,old,new,line,words", BROKEN, ids=[b[1] for b in BROKEN])
def test_reports_each_fault_on_its_line(tmp_path, rule, what, old, new, line, words):
    assert old in ENTRY
    problems = run_rule(rule, tmp_path, ENTRY.replace(old, new, 1))
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert where(problems)[0][1] == line, str(problems[0])
    assert words in problems[0].message, problems[0].message
