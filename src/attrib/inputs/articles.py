"""Expand what the user named into a stream of articles: files, folders, globs, stdin, JSONL.

Errors are reported through a callback and the stream goes on, so one bad file
in a corpus never stops the run. Everything is lazy: a corpus of any size is
read one article at a time.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..results import InputInfo, PageMeta
from .decoding import InputError, read_input, unicode_name
from .fetch import is_url
from .jsonlines import read_json_lines

DEFAULT_GLOBS = ("*.txt",)


@dataclass(frozen=True)
class Article:
    """One text to analyze, where it came from, and the fields carried through with it."""

    input: InputInfo
    text: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.input.name or ""

    @property
    def title(self) -> str:
        """The input's name, with the page title for a web page: the heading of its table."""
        title = self.input.page.title if self.input.page else None
        return f"{self.name} — {title}" if title else self.name


def expand(
    names: Iterable[str],
    patterns: Iterable[str] = DEFAULT_GLOBS,
    on_error: Callable[[str], None] = lambda _: None,
) -> Iterator[str]:
    """Paths in order: a folder gives its matching files (recursively, sorted), a glob its matches.

    Names that are neither are passed on unchanged, so reading them reports the problem ("no
    such file"). A file is given once, however often it is named or reached (twice on the
    command line, through a symbolic link, or through a link back up a folder tree).
    """
    seen: set[tuple[int, int]] = set()
    for name in _expand(names, tuple(patterns), on_error):
        key = _file_identity(name)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        yield name


def _expand(
    names: Iterable[str], patterns: tuple[str, ...], on_error: Callable[[str], None]
) -> Iterator[str]:
    for name in names:
        path = Path(name)
        if name == "-" or is_url(name):
            yield name
        elif path.is_dir():
            found = {p for pattern in patterns for p in path.rglob(pattern) if p.is_file()}
            if not found:
                on_error(f"{name}: no files matching {' or '.join(patterns)}{_hint(path)}")
            yield from (str(p) for p in sorted(found))
        elif not path.exists() and glob.has_magic(name):
            matches = _glob(name)
            if not matches:
                on_error(f"{name}: no files match this pattern")
            yield from matches
        else:
            yield name


def _glob(pattern: str) -> list[str]:
    """A glob's matches, sorted, as ``glob.glob(recursive=True)`` gives them (names starting with
    a dot only when the pattern says so), but ``**`` never follows a symbolic link to a folder:
    a link back up the tree would loop."""
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed])
    hidden = any(part.startswith(".") for part in parts[fixed:])
    return sorted(
        str(match)
        for match in root.glob(str(Path(*parts[fixed:])))
        if hidden or not any(part.startswith(".") for part in match.parts[len(root.parts) :])
    )


def _file_identity(name: str) -> tuple[int, int] | None:
    """(device, inode) of a regular file; None for stdin, URLs and names that are not one."""
    if name == "-" or is_url(name):
        return None
    try:
        info = os.stat(name)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def _hint(folder: Path) -> str:
    """Saved web pages are not taken from folders by default: say how to take them."""
    for ext in ("html", "htm"):
        if next(folder.rglob(f"*.{ext}"), None) is not None:
            return f" (it holds .{ext} files: add --glob '*.{ext}')"
    return ""


def read_files(names: Iterable[str], on_error: Callable[[str], None]) -> Iterator[Article]:
    """Articles from paths, '-' or http(s) URLs; unreadable ones go to ``on_error``.

    A web page (a URL, or a file whose content is HTML) is reduced to its main
    text, and its metadata (title, author, date, sitename, url) goes with it as
    ``input.page``: offsets then refer to the extracted text.
    """
    for name in names:
        try:
            yield read_article(name)
        except InputError as err:
            on_error(str(err))


def read_article(name: str) -> Article:
    """One article from a path, '-' or an http(s) URL."""
    if is_url(name):
        return _read_url(name)
    text = read_input(name)
    label = unicode_name(name)  # a file name need not be UTF-8; what attrib writes must be
    if not _html_prefix(text):
        return Article(InputInfo(label), text)
    from .webpage import MAX_PAGE_BYTES, extract_page, looks_like_html, too_large

    if not looks_like_html(text):
        return Article(InputInfo(label), text)
    if len(text) > MAX_PAGE_BYTES:  # extraction time grows faster than the page
        raise too_large(name, MAX_PAGE_BYTES)
    page = extract_page(text, name=name)
    return Article(InputInfo(label, "html", page.meta), page.text)


def _read_url(url: str) -> Article:
    """A fetched page's extracted article, or a plain-text document as it is."""
    from .fetch import fetch_resource
    from .webpage import extract_page, url_hostname

    fetched = fetch_resource(url)
    if fetched.is_html:
        page = extract_page(fetched.text, url=fetched.url, name=url)
        return Article(InputInfo(unicode_name(url), "html", page.meta), page.text)
    meta = PageMeta(url=fetched.url, hostname=url_hostname(fetched.url))
    return Article(InputInfo(unicode_name(url), "text", meta), fetched.text)


def _html_prefix(text: str) -> bool:
    """Cheap pre-check, so plain text never imports the HTML extractor."""
    return text.lstrip()[:1] == "<"


def read_jsonl(name: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    """Articles from JSON Lines ``{"id": ..., "text": ..., ...}`` ('-' is stdin), a line at a time.

    Fields other than ``id`` and ``text`` become the article's ``meta`` and are carried into
    the output; a record without a string ``text`` is reported and skipped.
    """
    for where, record in read_json_lines(name, on_error):
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str):
            on_error(f"{where}: not a JSON object with a string 'text'")
            continue
        ident = str(record.get("id", where))
        meta = {k: v for k, v in record.items() if k not in ("id", "text")}
        yield Article(InputInfo(ident), text, meta)  # as given: offsets match the caller's text
