"""The article in a web page: its main text and its metadata, extracted from the HTML.

A news page is mostly not the article: navigation, ads, cookie banners, related links and
reader comments would all be analyzed as prose and produce invented "statements". The main
text is therefore extracted with trafilatura (offline; it never fetches anything itself), and
the page's metadata (title, byline, date, outlet name, canonical URL) is kept apart so the
caller can report it and recognize statements attributed to the publishing outlet itself.

Extracted text keeps one paragraph per block, separated by a blank line, because attrib's
rules treat a blank line as a paragraph (and sentence) boundary. The headline is not part of
the text; it is ``meta.title``. Fetching is :mod:`attrib.inputs.fetch`.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from ..processes import WorkerError, call_with_deadline
from ..results import PageMeta
from .decoding import InputError, display_name, size_label

MAX_PAGE_BYTES = 10 * 1024 * 1024
"""Pages over this size, fetched or saved, are refused unread."""

EXTRACT_SECONDS = 20.0
"""Extraction of one page stops after this long. Its time grows with the square of the page's
elements: real news pages (up to 2,100 elements) take under 0.3 s, but 12,000 inline elements
in one paragraph take 8 s, and a hostile page within the size limit could take hours."""

# How far into a page to look for signs of HTML.
_SNIFF_CHARS = 4096
# Leading noise a page may start with before its first tag.
_LEADING_RE = re.compile(r"(?:\s+|<!--.*?-->|<\?xml[^>]*\?>)*", re.DOTALL)
_HTML_START_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|p|div|meta|title)\b", re.IGNORECASE
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
    """The article text of a page, ready for analysis, and the page's metadata."""

    text: str
    meta: PageMeta


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
    article-like prose, or when extraction runs past :data:`EXTRACT_SECONDS`: it runs in a
    child process that is then stopped.
    """
    import trafilatura  # noqa: F401  (loaded here once, so a forked child starts at once)

    label = display_name(name or url or "<html>")
    try:
        page = call_with_deadline(_extract, (html, url, label), EXTRACT_SECONDS)
    except WorkerError as err:
        raise InputError(f"{label}: extraction failed ({err})") from None
    if page is None:
        raise InputError(
            f"{label}: page too complex (extraction stopped after {EXTRACT_SECONDS:g} s)"
        )
    return page


def _extract(html: str, url: str | None, label: str) -> Page:
    import trafilatura
    from trafilatura.xml import xmltotxt

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
    sitename, hostname = _sitename(_clean(document.sitename), page_url), url_hostname(page_url)
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


def url_hostname(url: str | None) -> str | None:
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
    return InputError(f"{display_name(name)}: larger than {size_label(limit)}")
