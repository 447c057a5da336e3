"""Find quotations in raw text, before and independently of the parse.

Quotation marks are a surface fact that the small statistical models get wrong
(they split and merge sentences around them), so quotes are paired here by a
single linear scan over each paragraph. A quote left open at a paragraph's end
runs to that end: in news style a quote spanning several paragraphs leaves each
paragraph but the last unclosed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
DOUBLED = "''"  # two apostrophes standing for a double quote mark (some wire and archive styles)
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation from its opening mark to its closing mark, both included."""

    start: int
    end: int
    closed: bool = True
    width: int = 1  # characters in each quotation mark: 2 for ''doubled apostrophes''


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each paragraph: text between blank lines, trimmed."""
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, pos, brk.start())
        pos = brk.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield start + lead, start + lead + len(stripped)


def _opens_here(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it follows a space, an opening bracket or a dash."""
    return i == start or text[i - 1].isspace() or text[i - 1] in "([{—–-:/"


def _closer_opens(text: str, i: int, start: int) -> bool:
    """A closing mark where a quote opens, right before a word, opens one: the typo of a page
    that starts a quotation with the wrong mark ('”What is most infuriating is ...”')."""
    return _opens_here(text, i, start) and i + 1 < len(text) and text[i + 1].isalnum()


def _single_closes(text: str, i: int) -> bool:
    """’ closes a quote only when no letter follows (else it is an apostrophe)."""
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in ``text``, in order."""
    quotes: list[Quote] = []
    for start, end in paragraphs(text):
        quotes.extend(_paragraph_quotes(text, start, end))
    return quotes


def _paragraph_quotes(text: str, start: int, end: int) -> Iterator[Quote]:
    open_at: int | None = None
    single_at: int | None = None
    width = 1
    i = start - 1
    while i + 1 < end:
        i += 1
        ch = text[i]
        doubled = text.startswith(DOUBLED, i) and i + 1 < end
        if open_at is None:
            if doubled and _opens_here(text, i, start):
                open_at, single_at, width = i, None, 2
                i += 1
            elif (
                ch in OPENERS
                or (ch == STRAIGHT and _opens_here(text, i, start))
                or (ch in CLOSERS and _closer_opens(text, i, start))
            ):
                open_at, single_at, width = i, None, 1
            elif ch == SINGLE_OPEN and _opens_here(text, i, start):
                single_at = i
            elif ch == SINGLE_CLOSE and single_at is not None and _single_closes(text, i):
                if i - single_at > 1:
                    yield Quote(single_at, i + 1)
                single_at = None
        elif ch in CLOSERS or ch == STRAIGHT or (doubled and width == 2):
            close = i + 2 if doubled and width == 2 else i + 1
            if close - open_at > 2 * width:
                yield Quote(open_at, close, width=width)
            open_at, i = None, close - 1
        elif ch in OPENERS:
            open_at, width = i, 1  # the earlier opener was stray; start again here
    if open_at is not None and end - open_at > width:
        yield Quote(open_at, end, closed=False, width=width)


class QuoteIndex:
    """Answer "is this offset inside a quote?" in O(log n)."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self._starts = [q.start for q in self.quotes]

    def containing(self, offset: int) -> Quote | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def next_after(self, offset: int) -> Quote | None:
        """The first quote that ends after ``offset``."""
        i = max(bisect_right(self._starts, offset) - 1, 0)
        while i < len(self.quotes) and self.quotes[i].end <= offset:
            i += 1
        return self.quotes[i] if i < len(self.quotes) else None

    def within(self, start: int, end: int) -> list[Quote]:
        """Quotes that overlap [start, end)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            q = self.quotes[i]
            if q.end > start:
                out.append(q)
            i += 1
        return out
