"""Fetch web pages and plain-text documents over http(s), within a size and a time limit.

Only ``urllib`` is used; every failure becomes an :class:`~attrib.inputs.decoding.InputError`
with one short line, like a file that cannot be read, saying why (a refused redirect names
its reason, a body cut short says so). One deadline covers the whole request, redirects,
headers and body included, so no server can hold attrib longer by dripping its bytes. What a
page *says* is left to :mod:`attrib.inputs.webpage`.
"""

from __future__ import annotations

import codecs
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from contextlib import suppress
from dataclasses import dataclass
from email.message import Message
from types import TracebackType
from typing import Any

from ..version import __version__
from .decoding import InputError, checked_text, decode_bytes, display_name
from .webpage import MAX_PAGE_BYTES, looks_like_html, too_large

USER_AGENT = f"attrib/{__version__} (+source attribution analyzer)"
"""Sent with every request: sites may block or rate-limit it, but should know who asks."""

DEFAULT_TIMEOUT = 20.0
"""Seconds for a whole request: connection, redirects, headers and body."""
MAX_REDIRECTS = 10

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PLAIN_TYPES = frozenset({"text/plain"})

_CHUNK = 64 * 1024
# How far into a page to look for a <meta charset> (browsers prescan 1024 bytes; pages with
# long inline scripts or comments before it exist, so a bit more).
_PRESCAN_BYTES = 4096
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


@dataclass(frozen=True)
class Fetched:
    """A fetched resource: decoded body, final URL after redirects, and its media type."""

    url: str
    text: str
    content_type: str

    @property
    def is_html(self) -> bool:
        """False for text/plain: the body is the text itself and must not be "extracted"."""
        return self.content_type in HTML_TYPES


def is_url(name: str) -> bool:
    """True for http:// and https:// URLs, in any case; other schemes are never fetched."""
    scheme, sep, rest = name.partition("://")
    return bool(sep) and scheme.lower() in ("http", "https") and bool(rest)


def fetch_resource(
    url: str, timeout: float | None = None, max_bytes: int = MAX_PAGE_BYTES
) -> Fetched:
    """Fetch an HTML page or a plain-text document over http(s).

    ``timeout`` (default :data:`DEFAULT_TIMEOUT`) bounds the whole request, and at most
    ``max_bytes + 1`` bytes are ever read, so a slow or endless response cannot hang or
    exhaust memory. text/html and application/xhtml+xml are HTML; text/plain is accepted
    and returned as text (``Fetched.is_html`` is False); anything else is refused. A URL
    with a user name or password is refused unsent (it would go to the name lookup).
    """
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    label = _label(url)
    if not is_url(url):
        raise InputError(f"{label}: not an http(s) URL")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError as err:
        raise InputError(f"{label}: invalid URL ({str(err).lower()})") from None
    if parts.username is not None or parts.password is not None:
        raise InputError(f"{label}: user names and passwords in URLs are not supported")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    with _Deadline(timeout) as deadline:
        handlers = (_Redirects(url), _Handler(deadline))
        try:
            with urllib.request.build_opener(*handlers).open(request, timeout=timeout) as answer:
                media_type, charset = _content_type(answer.headers)
                if media_type and media_type not in HTML_TYPES | PLAIN_TYPES:
                    raise InputError(f"{label}: not an HTML page ({media_type})")
                declared = answer.headers.get("Content-Length", "")
                if declared.strip().isdigit() and int(declared) > max_bytes:
                    raise too_large(label, max_bytes)
                data = _read_limited(answer, max_bytes, label)
                final_url = answer.geturl() or url
        except Exception as err:
            if deadline.expired:
                raise InputError(f"{label}: timed out after {timeout:g} s") from None
            raise _failure(label, err, timeout) from None
        if deadline.expired:  # the cut connection looked like the end of the response
            raise InputError(f"{label}: timed out after {timeout:g} s")
    if not media_type:  # no Content-Type header: sniff, as browsers do
        media_type = "text/html" if looks_like_html(data) else "text/plain"
    text = _decode(data, charset, label, sniff_meta=media_type in HTML_TYPES)
    return Fetched(url=final_url, text=text, content_type=media_type)


def _label(url: str) -> str:
    """The URL for messages, with a password in it shown as ***."""
    with suppress(ValueError):
        parts = urllib.parse.urlsplit(url)
        if parts.password is not None:
            host = parts.netloc.rpartition("@")[2]
            url = parts._replace(netloc=f"{parts.username}:***@{host}").geturl()
    return display_name(url)


def _failure(label: str, err: Exception, timeout: float) -> Exception:
    """The one-line InputError for a failed request (a bug is passed on as it is)."""
    if isinstance(err, InputError):
        return err
    if isinstance(err, _RedirectRefused):
        return InputError(f"{label}: redirect refused ({err})")
    if isinstance(err, urllib.error.HTTPError):
        return InputError(f"{label}: HTTP {err.code}")
    if isinstance(err, urllib.error.URLError):
        if isinstance(err.reason, TimeoutError):
            return InputError(f"{label}: timed out after {timeout:g} s")
        return InputError(f"{label}: cannot connect ({_reason(err.reason)})")
    if isinstance(err, TimeoutError):
        return InputError(f"{label}: timed out after {timeout:g} s")
    if isinstance(err, http.client.IncompleteRead):
        return InputError(f"{label}: response cut short")
    if isinstance(err, OSError | http.client.HTTPException):
        return InputError(f"{label}: connection failed ({_reason(err)})")
    if isinstance(err, ValueError):  # malformed URL (bad port, control characters)
        return InputError(f"{label}: invalid URL ({err})")
    return err


class _Deadline:
    """One deadline for a whole request: when it passes, every connection made for the request
    is shut down, which ends any read at once, however slowly a server drips its bytes (a
    socket timeout only bounds each wait between two bytes). The name lookup is the system
    resolver's and is not covered."""

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self.expired = False

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._timer.cancel()

    def left(self) -> float:
        return max(0.001, self._end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def connection(self, kind: type[_Watched]) -> Any:
        """A factory of ``kind`` connections bound to this deadline, for ``do_open``."""

        def make(host: str, **kwargs: Any) -> _Watched:
            conn = kind(host, **kwargs)
            conn.deadline = self
            return conn

        return make

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watched(http.client.HTTPConnection):
    """A connection whose socket its request's deadline can shut; it connects within the
    time left."""

    deadline: _Deadline

    def connect(self) -> None:
        if isinstance(self.timeout, float | int):
            self.timeout = min(self.timeout, self.deadline.left())
        super().connect()
        self.deadline.watch(self.sock)  # before a TLS handshake, which could drip too


class _WatchedTLS(http.client.HTTPSConnection, _Watched):
    """HTTPS: ``HTTPSConnection.connect`` reaches ``_Watched.connect`` before it wraps."""


class _Handler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https requests on connections their deadline can shut."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._deadline.connection(_Watched), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._deadline.connection(_WatchedTLS), req)


class _RedirectRefused(Exception):
    """Why a redirect was not followed."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow up to :data:`MAX_REDIRECTS` redirects, to http(s) URLs only and never back to a
    URL already visited; say which rule a refused one broke."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self._visited = {url}

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location is not None:  # urllib refuses other schemes before redirect_request
            target = urllib.parse.urljoin(req.full_url, location)
            if not is_url(target):
                raise _RedirectRefused(f"to {display_name(target)}: not http or https")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if newurl in self._visited:
            raise _RedirectRefused(f"a loop back to {display_name(newurl)}")
        if len(self._visited) > MAX_REDIRECTS:
            raise _RedirectRefused(f"more than {MAX_REDIRECTS} redirects")
        with suppress(ValueError):
            parts = urllib.parse.urlsplit(newurl)
            if parts.username is not None or parts.password is not None:
                raise _RedirectRefused("to a URL with a user name or password")
        self._visited.add(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_limited(response: http.client.HTTPResponse, max_bytes: int, label: str) -> bytes:
    """Read the body in chunks, stopping past ``max_bytes``; a body shorter than announced is
    an error, not an article cut short.

    gzip/deflate bodies (sent despite ``Accept-Encoding: identity``) are inflated with the
    same size limit.
    """
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflater: Any = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    elif encoding == "identity":
        inflater = None
    else:
        raise InputError(f"{label}: unsupported content encoding ({encoding})")
    chunks: list[bytes] = []
    total = raw = 0  # bytes kept, bytes received (they differ for compressed bodies)
    while total <= max_bytes and raw <= max_bytes:
        chunk = response.read1(min(_CHUNK, max_bytes + 1 - max(total, raw)))
        if not chunk:
            break
        raw += len(chunk)
        if inflater is not None:
            try:
                chunk = inflater.decompress(chunk, max_bytes + 1 - total)
            except zlib.error as err:
                raise InputError(f"{label}: corrupt compressed response") from err
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes or raw > max_bytes:
        raise too_large(label, max_bytes)
    if response.length:  # announced by Content-Length, never sent
        raise InputError(f"{label}: response cut short ({raw} of {raw + response.length} bytes)")
    if inflater is not None and not inflater.eof:
        raise InputError(f"{label}: response cut short (incomplete {encoding} data)")
    return b"".join(chunks)


def _content_type(headers: Message) -> tuple[str, str | None]:
    """Media type (lower case, "" when absent) and charset parameter of a response."""
    if headers.get("Content-Type") is None:
        return "", None
    charset = headers.get_content_charset()
    return headers.get_content_type().lower(), charset


def _decode(data: bytes, charset: str | None, label: str, *, sniff_meta: bool) -> str:
    """Decode with the header's charset, else a <meta charset>, else UTF-8 or attrib's guess.

    A byte-order mark wins over any declaration (as in browsers), and a declared charset that
    is unknown or does not fit the bytes falls back to attrib's own detection rather than
    producing mojibake or failing outright.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, label)
    if charset is None and sniff_meta:
        found = _META_CHARSET_RE.search(data[:_PRESCAN_BYTES])
        charset = found.group(1).decode("ascii") if found else None
    codec = _codec(charset, data)
    if codec is not None:
        try:
            return checked_text(data.decode(codec), label)
        except UnicodeDecodeError:
            pass
    return decode_bytes(data, label)


def _codec(charset: str | None, data: bytes) -> str | None:
    """Python codec for a declared charset; Latin-1 and ASCII labels mean Windows-1252 (WHATWG).

    A UTF-16 or UTF-32 label is believed only when the body has the NUL bytes such text has
    (ASCII letters among them): pages mislabelled so, with UTF-8 bytes, are common.
    """
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # decode_bytes still covers its five undefined bytes on failure
    if name.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        return None
    return name


def _reason(err: object) -> str:
    """A short lower-case reason from a socket, SSL or HTTP error, on one line."""
    if isinstance(err, socket.gaierror):
        return "unknown host"
    if isinstance(err, OSError) and err.strerror:
        text = err.strerror
    else:
        text = str(err) or type(err).__name__
    return " ".join(text.split()).lower()
