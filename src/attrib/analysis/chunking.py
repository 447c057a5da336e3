"""Long texts: split at paragraph breaks, analyze the pieces, merge the analyses.

spaCy refuses texts over ``nlp.max_length`` and its memory grows with the Doc,
so a transcript of several megabytes is cut into paragraph-aligned chunks. Each
chunk is analyzed on its own; offsets are shifted back into the whole text and
sources with the same name and type are merged. A pronoun with no antecedent in its
chunk ("She added ..." at the top of it) is given the compatible source mentioned last
before the chunk, and a lone surname the person named in full before; a description ("the
official") only joins a source of an earlier chunk when the name is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from ..results import Analysis, NoComment, Source, Statement, TextSpan, Unattributed
from .classify import PRONOUNS_GROUP, PRONOUNS_PERSON, PRONOUNS_SPEAKER, shares_surname
from .quotes import paragraphs

#: Chunk size in characters: far below spaCy's default max_length, large enough
#: that almost every news article is a single chunk.
CHUNK_CHARS = 30_000

# Pronouns that can open a chunk and refer back across its boundary, with the entities they
# can stand for.
_PRONOUN_ENTITIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(PRONOUNS_PERSON - PRONOUNS_SPEAKER, frozenset({"person"})),
    **dict.fromkeys(PRONOUNS_GROUP - PRONOUNS_SPEAKER, frozenset({"group", "organization"})),
}


#: Longest run without whitespace analyzed with other text: spaCy's tokenizer takes time that
#: grows with the square of a run's length (50,000 quotation marks in a row: minutes), and no
#: word is this long, so a longer run is cut into chunks of its own.
RUN_CHARS = 2_000
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Paragraph-aligned [start, end) ranges covering ``text``, each at most ``limit`` long.

    A single paragraph longer than ``limit`` is cut at the last whitespace
    before the limit (or hard at the limit when there is none); a run of more than
    ``RUN_CHARS`` characters without whitespace is cut into chunks of ``RUN_CHARS``.
    """
    bounds: list[tuple[int, int]] = []
    start = end = 0
    for p_start, p_end, alone in _pieces(text, limit):
        if end > start and (alone or p_end - start > limit):
            bounds.append((start, end))
            start = p_start
        end = p_end
        if alone:
            bounds.append((start, end))
            start = end
    if end > start:
        bounds.append((start, end))
    return bounds


def _pieces(text: str, limit: int) -> Iterator[tuple[int, int, bool]]:
    """Paragraphs no longer than ``limit``, with long runs without whitespace cut out of them
    as pieces that stand alone (``True``)."""
    for start, end in _bounded_paragraphs(text, limit):
        at = start
        for run in _LONG_RUN.finditer(text, start, end):
            if run.start() > at:
                yield at, run.start(), False
            for cut in range(run.start(), run.end(), RUN_CHARS):
                yield cut, min(cut + RUN_CHARS, run.end()), True
            at = run.end()
        if end > at:
            yield at, end, False


def _bounded_paragraphs(text: str, limit: int) -> Iterator[tuple[int, int]]:
    for start, end in paragraphs(text):
        while end - start > limit:
            space = text.rfind(" ", start + 1, start + limit)
            cut = space if space > start else start + limit
            yield start, cut
            start = cut + 1 if space > start else cut
        yield start, end


def _shift(span: TextSpan, offset: int) -> TextSpan:
    return TextSpan(span.start + offset, span.end + offset, span.text)


def _antecedent(earlier: Iterable[Source], src: Source, offset: int) -> Source | None:
    """What a source of a later chunk refers back to: a pronoun left without antecedent in its
    chunk ("She added ..." opening it) is the compatible source mentioned last before the
    chunk, and a lone surname ("Miller") the person named in full ("Jane Miller") before."""
    if not offset:
        return None
    wanted = _PRONOUN_ENTITIES.get(src.name.lower())
    if wanted is not None and src.type == "unresolved":
        candidates = [
            (max(m.end for m in s.mentions), s)
            for s in earlier
            if s.entity in wanted and s.mentions and s.mentions[0].end <= offset
        ]
        return max(candidates, key=lambda c: c[0])[1] if candidates else None
    if src.type == "named" and src.entity == "person" and len(src.name.split()) == 1:
        return next(
            (
                s
                for s in earlier
                if s.type == "named"
                and s.entity == "person"
                and s.name != src.name
                and shares_surname(src.name, s.name)
            ),
            None,
        )
    return None


def merge(parts: Sequence[tuple[int, Analysis]], model: str = "") -> Analysis:
    """One Analysis from chunk analyses given with the offset of their chunk."""
    sources: dict[tuple[str, str, str], Source] = {}
    statements: list[Statement] = []
    others: list[Statement] = []
    refusals: list[NoComment] = []
    hedges: list[Unattributed] = []
    for offset, part in parts:
        renamed: dict[str, str] = {}
        for src in part.sources:
            antecedent = _antecedent(sources.values(), src, offset)
            if antecedent is not None:
                key = (antecedent.name, antecedent.type, antecedent.entity)
            else:
                key = (src.name, src.type, src.entity)
            mentions = tuple(_shift(m, offset) for m in src.mentions)
            if key in sources:
                kept = sources[key]
                sources[key] = replace(kept, mentions=kept.mentions + mentions)
            else:
                sources[key] = replace(src, id=f"src{len(sources) + 1}", mentions=mentions)
            renamed[src.id] = sources[key].id
        statements.extend(
            _moved(st, f"s{len(statements) + n}", offset, renamed)
            for n, st in enumerate(part.statements, 1)
        )
        others.extend(
            _moved(st, f"a{len(others) + n}", offset, renamed)
            for n, st in enumerate(part.others, 1)
        )
        refusals.extend(
            replace(
                e,
                id=f"n{len(refusals) + n}",
                cue=_shift(e.cue, offset),
                source_span=_shift(e.source_span, offset) if e.source_span else None,
                source_id=renamed.get(e.source_id or "", e.source_id),
            )
            for n, e in enumerate(part.no_comment, 1)
        )
        hedges.extend(
            replace(u, start=u.start + offset, end=u.end + offset) for u in part.unattributed
        )
    return Analysis(
        tuple(statements),
        tuple(sources.values()),
        tuple(hedges),
        model,
        others=tuple(others),
        no_comment=tuple(refusals),
    )


def _moved(st: Statement, new_id: str, offset: int, renamed: dict[str, str]) -> Statement:
    """A chunk's statement in the whole text: offsets shifted, sources renamed."""
    return replace(
        st,
        id=new_id,
        pieces=tuple(_shift(p, offset) for p in st.pieces),
        cue=_shift(st.cue, offset) if st.cue else None,
        source_span=_shift(st.source_span, offset) if st.source_span else None,
        source_id=renamed.get(st.source_id or "", st.source_id),
        via=tuple(renamed[v] for v in st.via),
        co_source_ids=tuple(renamed[c] for c in st.co_source_ids),
    )
