"""The article in a web page: its main text and its metadata, extracted from the HTML.

A news page is mostly not the article: navigation, ads, cookie banners, related links and
reader comments would all be analyzed as prose and produce invented "statements". The main
text is therefore extracted with trafilatura (offline; it never fetches anything itself), and
the page's metadata (title, byline, date, outlet name, canonical URL) is kept apart so the
caller can report it and recognize statements attributed to the publishing outlet itself.

Extracted text keeps one paragraph per block, separated by a blank line, because attrib's
rules treat a blank line as a paragraph (and sentence) boundary. The headline is not part of
the text; it is ``meta.title``. What trafilatura keeps that is still not the article (promo
lists, copyright and standards lines, "Read more" lines, bylines, photo credits) is dropped
line by line with the patterns of ``data/lexicons/page_boilerplate.tsv``, and so is a paragraph
that is one of the page's links on its own (a related story); a standfirst the page shows but
trafilatura left out is put back. The publisher's name falls back on the page's JSON-LD,
publisher and Open Graph metadata, then on its host (``data/lexicons/outlet_domains.tsv`` and
``outlets_us_local.tsv``).
Fetching is :mod:`attrib.inputs.fetch`.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..datafiles import table
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

# A link text shorter than this is not taken for a related story ("here", "Video").
_MIN_LINK_CHARS = 12
# A paragraph longer than this is article text even when it is one link.
_LINK_MAX_WORDS = 25
# The headline is repeated, if at all, within the first few paragraphs.
_HEADLINE_REACH = 3
# A page with less visible text than this, and scripts, is built by JavaScript in the browser.
_SCRIPTED_MAX_CHARS = 1000
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ")

# Block-level elements of trafilatura's output tree: each becomes one paragraph. Containers
# holding further blocks (a quote of several paragraphs, a div) are split into their children.
_BLOCK_TAGS = frozenset({"p", "head", "quote", "list", "table", "code", "div", "section"})
_WHOLE_BLOCKS = frozenset({"list", "table", "code"})
# A footnote reference: a superscript number ("1", "[2]") or mark ("*", "†"), which would
# otherwise be glued to the word before it ("Boris Shor.3 And ...").
_FOOTNOTE_MARK_RE = re.compile(r"^\s*\[?(?:\d{1,3}|[*†‡])\]?\s*$")
# What a footnote reference follows: punctuation ("... anyone.1"), not a unit ("km2", "10³").
_BEFORE_FOOTNOTE_RE = re.compile(r"""[.,;:!?"'”’)\]]\s*$""")


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
    article-like prose (saying so when the page is built by JavaScript in the browser), or when
    extraction runs past :data:`EXTRACT_SECONDS`: it runs in a child process that is then
    stopped.
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
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    try:
        tree = load_html(html)
        facts = _page_facts(tree) if tree is not None else PageFacts()
        if tree is not None:
            _drop_footnote_marks(tree)
        document = trafilatura.bare_extraction(
            html if tree is None else tree,  # parsed once; the facts were read before
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            # Its deduplication keeps a process-wide cache of texts seen: a page read twice, or
            # two pages sharing a paragraph, would lose text. favor_precision drops subheadings
            # and standfirsts (12 of them, one an attribution, on the 23 test pages) along with
            # the promos it removes; the balanced default and page_boilerplate.tsv lose none.
            deduplicate=False,
        )
    except Exception as err:  # trafilatura and lxml raise a variety of errors on broken input
        raise InputError(f"{label}: cannot parse HTML ({type(err).__name__})") from err
    if document is None or isinstance(document, dict) or document.body is None:
        raise _no_text(label, facts)
    meta = _meta(document, facts, url)
    blocks = [text for block in _blocks(document.body) if (text := xmltotxt(block, False))]
    paragraphs = _article_paragraphs(blocks, facts, meta.title, _clean(document.description))
    text = "\n\n".join(paragraphs)
    if not _has_prose(text):
        raise _no_text(label, facts)
    return Page(text=text, meta=meta)


@dataclass(frozen=True)
class PageFacts:
    """What the page's HTML says beyond what trafilatura reports: the publisher's names (JSON-LD
    publisher, publisher meta tag, Open Graph site name, application name, in that order), its
    titles (Open Graph, ``<title>``), its canonical URL, the texts of its links and of its
    paragraphs and headings, and whether its text is left to scripts to build."""

    publishers: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    url: str | None = None
    links: frozenset[str] = frozenset()
    blocks: frozenset[str] = frozenset()
    scripted: bool = False


def _drop_footnote_marks(tree: Any) -> None:
    """Remove footnote references from the page, keeping the text after them: a superscript
    mark inside an in-page link ("#fn-3") or after punctuation. Left in, the mark joins the
    sentence's last word ("Shor.3"), which then neither ends the sentence nor reads as a name."""
    for sup in list(tree.iter("sup")):
        if not _FOOTNOTE_MARK_RE.match(sup.text_content() or ""):
            continue
        link = next(sup.iterancestors("a"), None)
        in_page = link is not None and (link.get("href") or "").startswith("#")
        previous = sup.getprevious()
        before = (previous.tail if previous is not None else sup.getparent().text) or ""
        if in_page or _BEFORE_FOOTNOTE_RE.search(before):
            sup.drop_tree()


def _page_facts(tree: Any) -> PageFacts:
    """Read the facts once from the parsed page (``trafilatura.utils.load_html``)."""

    def meta(*keys: str) -> list[str]:
        found = []
        for key in keys:
            for attr in ("property", "name"):
                found += tree.xpath(f"//meta[@{attr}='{key}']/@content")
        return [v for v in map(_clean, found) if v]

    canonical = tree.xpath("//link[@rel='canonical']/@href") + meta("og:url")
    titles = meta("og:title") + [t for t in map(_clean, tree.xpath("/html/head/title/text()")) if t]
    links = {_normal(a.text_content()) for a in tree.iter("a")}
    blocks = {_normal(e.text_content()) for e in tree.iter("p", "h2", "h3")}
    visible = "".join(
        tree.xpath(
            "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
            " or ancestor::template)]"
        )
    )
    asks = any("javascript" in n.text_content().lower() for n in tree.iter("noscript"))
    scripts = next(tree.iter("script"), None) is not None
    return PageFacts(
        publishers=tuple(
            dict.fromkeys(
                _without_host_note(n)
                for n in (
                    *_json_ld_publishers(tree),
                    *meta("publisher", "og:site_name"),
                    *meta("application-name"),
                )
            )
        ),
        titles=tuple(titles),
        url=_clean(canonical[0]) if canonical else None,
        links=frozenset(t for t in links if len(t) >= _MIN_LINK_CHARS),
        blocks=frozenset(t for t in blocks if t),
        scripted=len(_normal(visible)) < _SCRIPTED_MAX_CHARS and (scripts or asks),
    )


def _json_ld_publishers(tree: Any) -> list[str]:
    """The names of every ``publisher`` in the page's JSON-LD, in document order."""
    names: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            publisher = node.get("publisher")
            for item in publisher if isinstance(publisher, list) else [publisher]:
                name = item.get("name") if isinstance(item, dict) else item
                if isinstance(name, str) and _clean(name):
                    names.append(" ".join(name.split()))
            for value in node.values():
                walk(value)

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except ValueError:
            continue  # a page's broken JSON-LD is its own problem
    return names


def _without_host_note(name: str) -> str:
    """'Deutsche Welle (www.dw.com)' is 'Deutsche Welle'."""
    return re.sub(r"\s*\((?:www\.)?[\w-]+(?:\.[\w-]+)+\)$", "", name)


def _no_text(label: str, facts: PageFacts) -> InputError:
    if facts.scripted:
        return InputError(
            f"{label}: no article text in the HTML: the page is built by JavaScript in the "
            "browser (save it from a browser once it has loaded)"
        )
    return InputError(f"{label}: no article text found")


def _meta(document: Any, facts: PageFacts, url: str | None) -> PageMeta:
    """The page's metadata, each field from trafilatura first, then from the page's other
    metadata, and the publisher's name last from its host name (``outlet_domains.tsv``)."""
    page_url = _clean(document.url) or facts.url or url
    hostname = url_hostname(page_url)
    own = _clean(document.sitename)
    named = (own and _without_host_note(own), *facts.publishers)  # a copy of the host is no name
    sitename = next((n for n in named if n and _sitename(n, page_url)), _outlet_of(hostname))
    names = (*named, sitename)
    title = _clean(document.title)
    if facts.titles and not (title and any(title in t for t in facts.titles)):
        title = facts.titles[0]  # trafilatura took a headline no other field agrees with
    return PageMeta(
        title=_headline(title, sitename, hostname),
        author=_author(_clean(document.author), {n.casefold() for n in names if n}),
        date=_clean(document.date),
        sitename=sitename,
        url=page_url,
        hostname=hostname,
    )


def _author(value: str | None, outlets: set[str]) -> str | None:
    """The author field without what names no author: placeholders, dates, the outlet itself
    ("Rob Picheta; CNN" is "Rob Picheta", "CBS News February" nothing)."""
    if value is None:
        return None
    authors = _rules().authors
    parts = [p.strip() for p in value.split(";")]
    kept = [
        p
        for p in parts
        if p and p.casefold() not in outlets and not any(r.search(p) for r in authors)
    ]
    return "; ".join(kept) or None


def _article_paragraphs(
    blocks: list[str], facts: PageFacts, title: str | None, description: str | None
) -> list[str]:
    """The article's paragraphs: without boilerplate lines (``page_boilerplate.tsv``), links
    standing alone as a paragraph ("Read: …" related stories) or the headline repeated, and with
    the standfirst when the page shows it above the article but trafilatura left it out."""
    lines = _rules().lines
    paragraphs = []
    for block in blocks:
        kept = [
            ln.strip() for ln in block.splitlines() if not any(r.search(ln.strip()) for r in lines)
        ]
        paragraph = "\n".join(ln for ln in kept if ln).strip()
        if paragraph and not _link_only(paragraph, facts.links):
            paragraphs.append(paragraph)
    head = paragraphs[:_HEADLINE_REACH]
    paragraphs = [p for p in head if not (title and _same_text(p, title))] + paragraphs[
        _HEADLINE_REACH:
    ]
    whole = _normal(" ".join(paragraphs))
    if description and _normal(description) in facts.blocks and _normal(description) not in whole:
        paragraphs.insert(0, description)
    return paragraphs


def _link_only(paragraph: str, links: frozenset[str]) -> bool:
    """A short paragraph that is one link of the page, alone or after a label ("Read: …"),
    and not a sentence: a related story, not article text."""
    text = _normal(paragraph)
    if len(text.split()) > _LINK_MAX_WORDS or _SENTENCE_END_RE.search(text):
        return False
    labelled = re.match(r"^[\w ]{1,20}:\s*(.+)$", text)
    return text in links or bool(labelled and labelled.group(1) in links)


def _normal(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Rules:
    lines: tuple[re.Pattern[str], ...]
    authors: tuple[re.Pattern[str], ...]


@cache
def _rules() -> _Rules:
    """The patterns of ``page_boilerplate.tsv``, by kind."""
    kinds: dict[str, list[re.Pattern[str]]] = {"line": [], "author": []}
    for kind, pattern in table("page_boilerplate.tsv"):
        kinds[kind].append(re.compile(pattern))
    return _Rules(tuple(kinds["line"]), tuple(kinds["author"]))


@cache
def _domains() -> dict[str, str]:
    """Host -> outlet: ``outlet_domains.tsv`` over the local papers of ``outlets_us_local.tsv``."""
    local = {domain: name for name, domain in table("outlets_us_local.tsv") if domain}
    return local | dict(table("outlet_domains.tsv"))


def _outlet_of(hostname: str | None) -> str | None:
    """The outlet whose listed domain is the host or the nearest domain above it."""
    labels = (hostname or "").split(".")
    domains = _domains()
    return next(
        (domains[d] for n in range(len(labels) - 1) if (d := ".".join(labels[n:])) in domains),
        None,
    )


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
    """The title without the site's suffix: "Headline | DW | 10.06.2013" is "Headline" and
    "Headline - California Globe" "Headline": the title is cut before the first later part,
    between " | ", " - ", " – " or " — ", that names the site (its name, host, or the host's
    first label)."""
    if not title:
        return title
    host = hostname or ""
    site = {n.casefold() for n in (sitename, host, host.split(".")[0]) if n}
    for separator in _TITLE_SEPARATORS:
        parts = title.split(separator)
        for n, part in enumerate(parts[1:], 1):
            if part.strip().casefold() in site:
                return separator.join(parts[:n])
    return title


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def too_large(name: str, limit: int) -> InputError:
    """The one-line error for a page over the size limit (fetched or saved)."""
    return InputError(f"{display_name(name)}: larger than {size_label(limit)}")
