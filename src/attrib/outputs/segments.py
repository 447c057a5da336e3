"""Cut a text at span boundaries: how every view draws overlapping spans.

Spans overlap — a cue inside a quote, a hedged sentence around a statement, two
statements sharing words — and neither a terminal nor HTML can draw two ranges
that cross. Cut at every boundary, the text falls into stretches that each lie
wholly inside or wholly outside every span; the terminal view styles each
stretch by the spans covering it, the HTML report nests elements by them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, Protocol, TypeVar


class Spanning(Protocol):
    """Anything with code-point offsets into the text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanning)


@dataclass(frozen=True, slots=True)
class Segment(Generic[S]):
    """text[start:end], covered by exactly ``spans`` (in the order they were given)."""

    start: int
    end: int
    spans: tuple[S, ...]


def segments(size: int, spans: Sequence[S], cuts: Iterable[int] = ()) -> list[Segment[S]]:
    """Cut text[0:size] at every span boundary and at ``cuts``, into segments in text order.

    Spans are clipped to the text and empty ones cover nothing. Together the
    segments hold every character once; a stretch covered by no span is a
    segment too, with no spans.
    """
    clipped = [(max(0, s.start), min(size, s.end)) for s in spans]
    opening: defaultdict[int, list[int]] = defaultdict(list)
    closing: defaultdict[int, list[int]] = defaultdict(list)
    for n, (start, end) in enumerate(clipped):
        if start < end:
            opening[start].append(n)
            closing[end].append(n)
    bounds = sorted({0, size, *opening, *closing, *(c for c in cuts if 0 < c < size)})
    active: set[int] = set()
    out: list[Segment[S]] = []
    for start, end in pairwise(bounds):
        active.difference_update(closing[start])
        active.update(opening[start])
        out.append(Segment(start, end, tuple(spans[n] for n in sorted(active))))
    return out
