"""segments(): the one cut of a text at overlapping span boundaries, shared by show and HTML."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as hs

from attrib.outputs.segments import Segment, segments


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str = ""


def parts(text: str, cut: list[Segment[Span]]) -> list[tuple[str, list[str]]]:
    return [(text[s.start : s.end], [span.name for span in s.spans]) for s in cut]


def test_a_cue_inside_a_quote_and_a_hedge_across_it() -> None:
    text = "He said it was allegedly fine, she said."
    quote = Span(8, 29, "quote")
    cue = Span(3, 7, "cue")
    hedge = Span(15, 40, "hedge")
    assert parts(text, segments(len(text), [quote, cue, hedge])) == [
        ("He ", []),
        ("said", ["cue"]),
        (" ", []),
        ("it was ", ["quote"]),
        ("allegedly fine", ["quote", "hedge"]),
        (", she said.", ["hedge"]),
    ]


def test_spans_keep_the_order_given_not_the_order_of_their_offsets() -> None:
    outer, inner = Span(0, 10, "outer"), Span(2, 4, "inner")
    (_, middle, _) = segments(10, [inner, outer])
    assert [s.name for s in middle.spans] == ["inner", "outer"]


def test_spans_are_clipped_to_the_text_and_empty_ones_dropped() -> None:
    cut = segments(5, [Span(-3, 2, "a"), Span(4, 99, "b"), Span(3, 3, "empty"), Span(7, 9, "out")])
    assert [(s.start, s.end, [x.name for x in s.spans]) for s in cut] == [
        (0, 2, ["a"]),
        (2, 4, []),
        (4, 5, ["b"]),
    ]


def test_extra_cuts_split_a_stretch_without_spans() -> None:
    cut = segments(6, [Span(0, 6, "a")], cuts=[3, 0, 6, 9])
    assert [(s.start, s.end) for s in cut] == [(0, 3), (3, 6)]
    assert all(s.spans == (Span(0, 6, "a"),) for s in cut)


def test_empty_text_has_no_segments() -> None:
    assert segments(0, [Span(0, 3)]) == []


bounds = hs.tuples(hs.integers(-3, 45), hs.integers(-3, 45))


@settings(max_examples=300, deadline=None)
@given(
    size=hs.integers(0, 40),
    ranges=hs.lists(bounds, max_size=8),
    cuts=hs.lists(hs.integers(-3, 45), max_size=4),
)
def test_every_character_once_in_order_with_exactly_its_spans(
    size: int, ranges: list[tuple[int, int]], cuts: list[int]
) -> None:
    spans = [Span(a, b, f"s{n}") for n, (a, b) in enumerate(ranges)]
    cut = segments(size, spans, cuts)
    # every character once, in order: the segments tile [0, size) without gaps or overlaps
    assert [i for s in cut for i in range(s.start, s.end)] == list(range(size))
    assert all(s.start < s.end for s in cut)
    for s in cut:
        for i in range(s.start, s.end):
            covering = [span for span in spans if span.start <= i < span.end]
            assert list(s.spans) == covering  # exactly those, in the order given
    # and no cut where none was asked for: neighbours differ in spans or meet at a cut
    for left, right in pairwise(cut):
        assert left.spans != right.spans or left.end in cuts
