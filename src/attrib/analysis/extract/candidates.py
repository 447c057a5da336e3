"""What the extraction passes pass along: candidate attributions, source mentions and hedges.

Candidates are immutable; a pass that changes one returns a replaced copy. ``uid`` names a
candidate across passes (a continued quote points at the candidate it continues by uid), and
the order of the candidate tuple is the order in which attributions were found, which later
passes keep.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import count

from spacy.tokens import Token

Range = tuple[int, int]
"""Character offsets [start, end)."""


@dataclass(frozen=True)
class Mention:
    """A source mention: its full span (as scored) and the head tokens to resolve."""

    start: int
    end: int
    heads: tuple[Token, ...]


@dataclass(frozen=True)
class Candidate:
    """An attribution found in the text, before sources are resolved.

    ``pieces`` is empty for a cue that has no content yet ("she said" after a quote, until the
    quotation is attached); such cues are kept so that a quote can find them.
    """

    uid: int
    pieces: tuple[Range, ...]
    cue: Range | None
    source: Mention | None
    cue_lemma: str = ""
    cue_token: int | None = None
    """The index of the cue verb, for quotes and relays that look for the cue near them."""
    relays: tuple[Mention, ...] = ()
    continues: int | None = None
    """The uid of the candidate whose speaker a continuing quote shares."""
    cls: str = "speech"
    """The class of the attribution (classes.tsv), from its cue and construction."""
    addressee: Mention | None = None
    """Whom the source spoke to ("told Reuters", "in an interview with the BBC"): a relay
    when it is a news outlet."""
    body_cls: str | None = None
    """The class when an organization is the source, where it differs: a court's finding that
    ... is its statement, a person's a belief (cue_frames.tsv, frame ``body``)."""

    def has(self, offset: int) -> bool:
        """Does the content hold this offset?"""
        return any(s <= offset < e for s, e in self.pieces)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class Hedge:
    """An agentless or hedged claim: the sentence and the words that hedge it."""

    start: int
    end: int
    marker: str


@dataclass(frozen=True)
class Refusal:
    """A no-comment event: the words ("declined to comment") and who declined."""

    cue: Range
    source: Mention | None


@dataclass(frozen=True)
class Extraction:
    text: str  # doc.text, built once (spaCy rebuilds it on every access)
    candidates: tuple[Candidate, ...]
    hedges: tuple[Hedge, ...]
    refusals: tuple[Refusal, ...] = ()


def with_content(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The candidates that are attributions already (not bare cues waiting for a quote)."""
    return [c for c in candidates if c.pieces]


def merge_ranges(ranges: Iterable[Range]) -> tuple[Range, ...]:
    """Sorted ranges with overlapping and touching ones joined."""
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def fresh_uids(found: Iterable[Candidate], floor: int) -> Iterator[int]:
    """Uids for new candidates: above every uid in use and above ``floor`` (the Doc's length,
    since the passes over tokens use token indices as uids)."""
    return count(max([floor, *(c.uid + 1 for c in found)]))
