"""Self-attribution: an article that cites its own outlet ("UNN reports" on a UNN page).

A web page names its publisher (``sitename`` and ``hostname`` in ``input.page``; a
``--jsonl-in`` record may give them as fields, carried in ``meta``). An outlet
source that is that publisher is not an outside outlet: it is the article's own
reporting, and is marked ``publisher`` so the breakdown can tell the two apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..results import Analysis, Source
from .lexicon import Lexicon, default_lexicon

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _norm(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower().removeprefix("the "))


def _canonical(name: str, lexicon: Lexicon) -> str:
    return _norm(lexicon.canonical_outlet(name) or name)


def is_publisher(
    source: Source, sitename: str | None, hostname: str | None, lexicon: Lexicon
) -> bool:
    """Does this outlet source name the site the article was published on?"""
    if source.type != "outlet":
        return False
    names = {_norm(source.name), _canonical(source.name, lexicon)} - {""}
    if sitename and names & {_norm(sitename), _canonical(sitename, lexicon)}:
        return True
    host = (hostname or "").removeprefix("www.")
    label = _norm(host.split(".")[0]) if host else ""
    return bool(label) and label in names


def publisher_of(analysis: Analysis) -> tuple[str | None, str | None]:
    """The publisher's ``(sitename, hostname)``: from the page, else from carried fields."""
    page = analysis.input.page
    fields: Mapping[str, Any] = page.to_dict() if page else analysis.meta
    sitename, hostname = fields.get("sitename"), fields.get("hostname")
    return (
        str(sitename) if sitename else None,
        str(hostname) if hostname else None,
    )


def mark_publisher(analysis: Analysis, lexicon: Lexicon | None = None) -> Analysis:
    """The analysis with the publishing outlet's source marked, when its input names it."""
    sitename, hostname = publisher_of(analysis)
    if not (sitename or hostname):
        return analysis
    lex = lexicon or default_lexicon()
    sources = tuple(
        replace(s, publisher=True) if is_publisher(s, sitename, hostname, lex) else s
        for s in analysis.sources
    )
    return replace(analysis, sources=sources)
