"""Fetch web pages and plain-text documents over http(s), within a size and time limit.

Only ``urllib`` is used; every failure becomes an :class:`~attrib.inputs.decoding.InputError`
with one short line, like a file that cannot be read. What a page *says* is left to
:mod:`attrib.inputs.webpage`.
"""

from __future__ import annotations

import codecs
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import Any

from ..version import __version__
from .decoding import InputError, decode_bytes, display_name
from .webpage import MAX_PAGE_BYTES, looks_like_html, too_large

USER_AGENT = f"attrib/{__version__} (+source attribution analyzer)"
"""Sent with every request: sites may block or rate-limit it, but should know who asks."""

DEFAULT_TIMEOUT = 20.0

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
    """True for http:// and https:// URLs; other schemes (file:, ftp:) are never fetched."""
    scheme, sep, rest = name.partition("://")
    return bool(sep) and scheme.lower() in ("http", "https") and bool(rest)


def fetch_resource(
    url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES
) -> Fetched:
    """Fetch an HTML page or a plain-text document over http(s).

    ``timeout`` bounds the whole download (not only each socket operation), and at most
    ``max_bytes + 1`` bytes are ever read, so a slow or endless response cannot hang or
    exhaust memory. text/html and application/xhtml+xml are HTML; text/plain is accepted
    and returned as text (``Fetched.is_html`` is False); anything else is refused.
    """
    label = display_name(url)
    if not is_url(url):
        raise InputError(f"{label}: not an http(s) URL")
    try:
        urllib.parse.urlsplit(url).port  # noqa: B018 - raises ValueError when out of range
    except ValueError as err:
        raise InputError(f"{label}: invalid URL ({str(err).lower()})") from None
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5",
            "Accept-Encoding": "identity",
        },
    )
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            media_type, charset = _content_type(response.headers)
            if media_type and media_type not in HTML_TYPES | PLAIN_TYPES:
                raise InputError(f"{label}: not an HTML page ({media_type})")
            declared = response.headers.get("Content-Length", "")
            if declared.strip().isdigit() and int(declared) > max_bytes:
                raise too_large(url, max_bytes)
            data = _read_limited(response, max_bytes, deadline, label, timeout)
            final_url = response.geturl() or url
    except InputError:
        raise
    except urllib.error.HTTPError as err:
        raise InputError(f"{label}: HTTP {err.code}") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise InputError(f"{label}: timed out after {timeout:g} s") from None
        raise InputError(f"{label}: cannot connect ({_reason(err.reason)})") from None
    except TimeoutError:
        raise InputError(f"{label}: timed out after {timeout:g} s") from None
    except (OSError, HTTPException) as err:
        raise InputError(f"{label}: connection failed ({_reason(err)})") from None
    except ValueError as err:  # malformed URL (bad port, control characters)
        raise InputError(f"{label}: invalid URL ({err})") from None
    if not media_type:  # no Content-Type header: sniff, as browsers do
        media_type = "text/html" if looks_like_html(data) else "text/plain"
    text = _decode(data, charset, label, sniff_meta=media_type in HTML_TYPES)
    return Fetched(url=final_url, text=text, content_type=media_type)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects (urllib's limit of 10), but never to a non-http(s) scheme such as ftp."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-http URL", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_limited(
    response: HTTPResponse, max_bytes: int, deadline: float, label: str, timeout: float
) -> bytes:
    """Read the body in chunks, stopping past ``max_bytes`` or the overall ``deadline``.

    ``read1`` returns after one socket read, so a server trickling bytes cannot keep a large
    ``read`` waiting; the socket timeout still bounds each wait. gzip/deflate bodies (sent
    despite ``Accept-Encoding: identity``) are inflated with the same size limit.
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
        if time.monotonic() > deadline:
            raise InputError(f"{label}: timed out after {timeout:g} s")
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
    codec = _codec(charset)
    if codec is not None:
        try:
            return data.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            pass
    return decode_bytes(data, label)


def _codec(charset: str | None) -> str | None:
    """Python codec for a declared charset; Latin-1 and ASCII labels mean Windows-1252 (WHATWG)."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # decode_bytes still covers its five undefined bytes on failure
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # without a BOM such a label is nearly always wrong on an HTML page
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
