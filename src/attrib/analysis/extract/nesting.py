""" "She said he wants to leave": a belief, intention or attitude reported inside another
statement's content is part of that statement, not one of its own. Statements inside statements
stay ("She said the mayor told her the deal was off")."""

from __future__ import annotations

from .candidates import Candidate
from .context import Context


def drop(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.cue is not None:
            start = ctx.doc.char_span(*cand.cue, alignment_mode="expand")
            key = start.sent.start if start is not None else -1
            by_sentence.setdefault(key, []).append(cand)
    nested: set[int] = set()
    for group in by_sentence.values():
        for inner in group:
            if inner.cue is None or ctx.lexicon.is_statement(inner.cls):
                continue
            if any(outer is not inner and outer.has(inner.cue[0]) for outer in group):
                nested.add(inner.uid)
    return tuple(c for c in found if c.uid not in nested)
