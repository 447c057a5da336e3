"""Self-attribution: an article that cites its own outlet ("UNN reports" on a UNN page).

A web page names its publisher (``sitename``, ``hostname`` in the article's
meta). An outlet source that is that publisher is not an outside outlet: it is
the article's own reporting, and is marked ``publisher`` so the breakdown can
tell the two apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .lexicon import Lexicon, default_lexicon
from .model import Analysis, Source

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _norm(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower().removeprefix("the "))


def _canonical(name: str, lexicon: Lexicon) -> str:
    return _norm(lexicon.outlets.get(tuple(name.split()), name))


def is_publisher(source: Source, meta: Mapping[str, Any], lexicon: Lexicon) -> bool:
    """Does this outlet source name the site the article was published on?"""
    if source.type != "outlet":
        return False
    names = {_norm(source.name), _canonical(source.name, lexicon)} - {""}
    sitename = meta.get("sitename")
    if sitename and names & {_norm(sitename), _canonical(sitename, lexicon)}:
        return True
    hostname = str(meta.get("hostname") or "").removeprefix("www.")
    label = _norm(hostname.split(".")[0]) if hostname else ""
    return bool(label) and label in names


def mark_publisher(
    analysis: Analysis, meta: Mapping[str, Any], lexicon: Lexicon | None = None
) -> Analysis:
    """The analysis with the publishing outlet's source marked, when the meta names it."""
    lex = lexicon or default_lexicon()
    if not (meta.get("sitename") or meta.get("hostname")):
        return analysis
    sources = tuple(
        replace(s, publisher=True) if is_publisher(s, meta, lex) else s for s in analysis.sources
    )
    return replace(analysis, sources=sources)
