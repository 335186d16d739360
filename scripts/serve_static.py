"""Serve a built site the way a static host does: gzip, cache headers, 404.html, directory redirects.

Used by scripts/audit.py (Lighthouse) and the link checker test, so that what they measure is what a
visitor of a real static host gets, not what ``python -m http.server`` (no compression) sends:

- text responses (HTML, CSS, JS, JSON, XML, SVG, plain text) are gzip-compressed when the client
  accepts it, with ``Vary: Accept-Encoding``;
- fingerprinted assets (``main.<hash>.min.css``) are cacheable for a year, everything else for ten
  minutes (GitHub Pages' default);
- ``/dir`` redirects to ``/dir/``, ``/dir/`` serves ``/dir/index.html``, a missing file serves
  ``404.html`` with status 404;
- ETag / If-None-Match give 304s.

It only ever listens on the loopback interface. Run by hand:

    .venv/bin/python scripts/serve_static.py site --port 8000
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import mimetypes
import posixpath
import re
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    from support import free_port  # noqa: F401  (run as a script, or imported with scripts/ on the path)
except ImportError:
    from scripts.support import free_port  # noqa: F401

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(css|js)$")
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".txt": "text/plain",
}


@lru_cache(maxsize=4096)
def _load(path: Path, mtime_ns: int) -> tuple[bytes, bytes, str]:
    """(raw bytes, gzip bytes, etag) for a file version; compressed once, reused."""
    raw = path.read_bytes()
    compressed = gzip.compress(raw, compresslevel=9, mtime=0)
    etag = '"' + hashlib.sha1(raw).hexdigest()[:20] + '"'
    return raw, compressed, etag


def make_handler(root: Path, on_sent=None):
    """The request handler class serving ``root``; ``on_sent(path, head_bytes, body_bytes)``, when given,
    hears of every answer: the bytes of its status line and headers, and of its (gzip) body."""
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like a real host
        disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms stalls

        def version_string(self):
            return "static"

        def log_message(self, format, *args):  # quiet: the callers print what matters
            pass

        def _resolve(self) -> tuple[Path | None, str | None]:
            """(file to send, redirect location)."""
            path = unquote(urlsplit(self.path).path)
            normal = posixpath.normpath(path)
            if ".." in normal.split("/"):
                return None, None
            target = (root / normal.lstrip("/")).resolve()
            if target != root and root not in target.parents:
                return None, None
            if target.is_dir():
                if not path.endswith("/"):
                    query = urlsplit(self.path).query
                    return None, path + "/" + ("?" + query if query else "")
                target = target / "index.html"
            return (target if target.is_file() else None), None

        def _send(self, head_only: bool) -> None:
            target, location = self._resolve()
            if location:
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = HTTPStatus.OK
            if target is None:
                status = HTTPStatus.NOT_FOUND
                target = root / "404.html"
                if not target.is_file():
                    self.send_error(HTTPStatus.NOT_FOUND)
                    return
            raw, compressed, etag = _load(target, target.stat().st_mtime_ns)
            ctype = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/json", "application/xml", "image/svg+xml"):
                ctype += "; charset=utf-8"
            compressible = bool(COMPRESSIBLE.match(ctype))
            use_gzip = compressible and "gzip" in self.headers.get("Accept-Encoding", "")
            if status == HTTPStatus.OK and etag in self.headers.get("If-None-Match", ""):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = compressed if use_gzip else raw
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if compressible:
                self.send_header("Vary", "Accept-Encoding")
            if use_gzip:
                self.send_header("Content-Encoding", "gzip")
            if status == HTTPStatus.OK:
                self.send_header("ETag", etag)
                immutable = FINGERPRINTED.search(target.name)
                self.send_header(
                    "Cache-Control", "public, max-age=31536000, immutable" if immutable else "public, max-age=600"
                )
            self.end_headers()
            if not head_only:
                self.wfile.write(body)
                self._body_bytes = len(body)

        def end_headers(self):
            self._header_bytes = sum(map(len, getattr(self, "_headers_buffer", []))) + 2
            super().end_headers()

        def do_GET(self):
            self._header_bytes = self._body_bytes = 0
            self._send(head_only=False)
            if on_sent is not None:
                on_sent(urlsplit(self.path).path, self._header_bytes, self._body_bytes)

        def do_HEAD(self):
            self._send(head_only=True)

    return Handler


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops connections when a crawler opens a dozen at once; the client
    # then waits for SYN retransmits (1 s, 2 s, 4 s, ...).
    request_queue_size = 128
    daemon_threads = True


class StaticServer:
    """A loopback static server in a background thread: ``with StaticServer(dir) as url: ...``."""

    def __init__(self, root: Path, port: int = 0, on_sent=None):
        self.httpd = _Server(("127.0.0.1", port), make_handler(Path(root), on_sent))
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = StaticServer(args.directory, args.port)
    print(f"serving {args.directory} on {server.url} (Ctrl-C stops)")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()


if __name__ == "__main__":
    main()
