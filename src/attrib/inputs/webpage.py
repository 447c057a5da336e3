"""Read articles where they live: saved HTML pages and http(s) URLs, with their metadata.

A news page is mostly not the article: navigation, ads, cookie banners, related links and
reader comments would all be analyzed as prose and produce invented "statements". The main
text is therefore extracted with trafilatura (offline; it never fetches anything itself), and
the page's metadata (title, byline, date, outlet name, canonical URL) is kept apart so the
caller can report it and recognize statements attributed to the publishing outlet itself.

Extracted text keeps one paragraph per block, separated by a blank line, because attrib's
rules treat a blank line as a paragraph (and sentence) boundary. The headline is not part of
the text; it is ``meta.title``.

Fetching uses only ``urllib``; every failure becomes an :class:`~attrib.reading.InputError`
with one short line, like a file that cannot be read.
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

from ..results import PageMeta
from ..version import __version__
from .decoding import InputError, decode_bytes, display_name

USER_AGENT = f"attrib/{__version__} (+source attribution analyzer)"
"""Sent with every request: sites may block or rate-limit it, but should know who asks."""

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PLAIN_TYPES = frozenset({"text/plain"})

_CHUNK = 64 * 1024
# How far into a page to look for signs of HTML, and for a <meta charset> (browsers prescan
# 1024 bytes; pages with long inline scripts or comments before it exist, so a bit more).
_SNIFF_CHARS = 4096
_PRESCAN_BYTES = 4096

# Leading noise a page may start with before its first tag.
_LEADING_RE = re.compile(r"(?:\s+|<!--.*?-->|<\?xml[^>]*\?>)*", re.DOTALL)
_HTML_START_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|p|div|meta|title)\b", re.IGNORECASE
)
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)

# A line counts as prose when it has this many words and ends like a sentence; a page whose
# extracted text has fewer prose characters than this is not an article (login forms, section
# fronts, link lists, error pages), and analyzing it would only produce noise.
_PROSE_MIN_WORDS = 8
_MIN_PROSE_CHARS = 200
_SENTENCE_END_RE = re.compile(r"""[.!?…][)\]"'”’»]*$""")

# Block-level elements of trafilatura's output tree: each becomes one paragraph. Containers
# holding further blocks (a quote of several paragraphs, a div) are split into their children.
_BLOCK_TAGS = frozenset({"p", "head", "quote", "list", "table", "code", "div", "section"})
_WHOLE_BLOCKS = frozenset({"list", "table", "code"})


@dataclass(frozen=True)
class Page:
    """The article text of a page, ready for analysis, and the page's metadata.

    ``extracted`` is False for a URL serving plain text: that text is analyzed as it is.
    """

    text: str
    meta: PageMeta
    extracted: bool = True


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


def looks_like_html(data: bytes | str) -> bool:
    """Decide by content, not file name: does the start of ``data`` look like an HTML page?

    Saved pages come with any extension (or none), and ``.txt`` files occasionally hold HTML.
    A byte-order mark, whitespace, an XML declaration and comments before the first tag are
    skipped.
    """
    if isinstance(data, bytes):
        head = data[:_SNIFF_CHARS]
        for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if head.startswith(bom):
                text = head[len(bom) :].decode(codec, errors="ignore")
                break
        else:
            text = head.decode("utf-8", errors="ignore")
    else:
        text = data[:_SNIFF_CHARS]
    text = text.lstrip("\ufeff")
    start = _LEADING_RE.match(text)
    return bool(_HTML_START_RE.match(text, start.end() if start else 0))


def extract_page(html: str, url: str | None = None, *, name: str | None = None) -> Page:
    """Extract the article text and metadata from an HTML page.

    ``url`` is where the page came from (used when the page names no canonical URL);
    ``name`` labels errors and defaults to ``url``. Raises InputError when the page holds no
    article-like prose.
    """
    import trafilatura
    from trafilatura.xml import xmltotxt

    label = display_name(name or url or "<html>")
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    except Exception as err:  # trafilatura and lxml raise a variety of errors on broken input
        raise InputError(f"{label}: cannot parse HTML ({type(err).__name__})") from err
    if document is None or isinstance(document, dict) or document.body is None:
        raise InputError(f"{label}: no article text found")
    page_url = _clean(document.url) or url
    sitename, hostname = _sitename(_clean(document.sitename), page_url), _hostname(page_url)
    meta = PageMeta(
        title=_headline(_clean(document.title), sitename, hostname),
        author=_clean(document.author),
        date=_clean(document.date),
        sitename=sitename,
        url=page_url,
        hostname=hostname,
    )
    paragraphs = [text for block in _blocks(document.body) if (text := xmltotxt(block, False))]
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    if paragraphs and meta.title and _same_text(paragraphs[0], meta.title):
        paragraphs.pop(0)
    text = "\n\n".join(paragraphs)
    if not _has_prose(text):
        raise InputError(f"{label}: no article text found")
    return Page(text=text, meta=meta)


def fetch_resource(
    url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
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


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Fetch an HTML page and return it decoded; plain-text responses are refused here.

    Use :func:`fetch_resource` (or :func:`read_url`) to accept text/plain as well: returning
    it from here would send plain text through HTML extraction.
    """
    fetched = fetch_resource(url, timeout, max_bytes)
    if not fetched.is_html:
        raise InputError(f"{display_name(url)}: not an HTML page ({fetched.content_type})")
    return fetched.text


def read_url(
    url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> Page:
    """Fetch a URL and return its article: extracted from HTML, or plain text as it is."""
    fetched = fetch_resource(url, timeout, max_bytes)
    if fetched.is_html:
        return extract_page(fetched.text, url=fetched.url, name=url)
    meta = PageMeta(url=fetched.url, hostname=_hostname(fetched.url))
    return Page(text=fetched.text, meta=meta, extracted=False)


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


def _blocks(element: Any) -> list[Any]:
    """Top-level paragraphs of trafilatura's output tree, containers split into their blocks."""
    blocks: list[Any] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        nested = tag not in _WHOLE_BLOCKS and any(
            isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in child
        )
        if nested and not (child.text or "").strip():
            blocks.extend(_blocks(child))
        else:
            blocks.append(child)
    return blocks


def _has_prose(text: str) -> bool:
    """True when enough lines read as sentences for the text to be an article."""
    prose = 0
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= _PROSE_MIN_WORDS and _SENTENCE_END_RE.search(line):
            prose += len(line)
    return prose >= _MIN_PROSE_CHARS


def _hostname(url: str | None) -> str | None:
    """The URL's host without "www." (trafilatura's own field is an inconsistent domain guess:
    it keeps news.bbc.co.uk but cuts news.example.org to example.org)."""
    try:
        host = urllib.parse.urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _sitename(name: str | None, url: str | None) -> str | None:
    """The outlet's name, or None where trafilatura merely copied the URL's host into it."""
    if name and url:
        try:
            netloc = urllib.parse.urlsplit(url).netloc.lower()
        except ValueError:
            return name
        if name.lower() in (netloc, netloc.removeprefix("www.")):
            return None
    return name


def _headline(title: str | None, sitename: str | None, hostname: str | None) -> str | None:
    """The title without the site's suffix: "Headline | DW | 10.06.2013" is "Headline" when one
    of the later " | " parts names the site (its name, host, or the host's first label)."""
    if not title or " | " not in title:
        return title
    first, *rest = title.split(" | ")
    host = hostname or ""
    site = {n.casefold() for n in (sitename, host, host.split(".")[0]) if n}
    return first if any(part.strip().casefold() in site for part in rest) else title


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def too_large(name: str, limit: int) -> InputError:
    """The one-line error for a page over the size limit (fetched or saved)."""
    return InputError(f"{display_name(name)}: larger than {_size(limit)}")


def _size(n: int) -> str:
    """Exact size for a limit: whole MB or KB when it is one, else bytes."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale and n % scale == 0:
            return f"{n // scale} {unit}"
    return f"{n} bytes"


def _reason(err: object) -> str:
    """A short lower-case reason from a socket, SSL or HTTP error, on one line."""
    if isinstance(err, socket.gaierror):
        return "unknown host"
    if isinstance(err, OSError) and err.strerror:
        text = err.strerror
    else:
        text = str(err) or type(err).__name__
    return " ".join(text.split()).lower()
