"""Chains of relays: "NBC News reported, citing an official, ..." and "..., UNN reports."

``cite`` makes the one cited the source and the reporter a relay; ``fold`` turns an outlet's
report of statements ("UNN reports" around "NBC reported ...") into one more link of the chain
of every statement inside it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .candidates import Candidate, Mention
from .context import Context, cue_lemma, is_relay, mention, triggered


def cite(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ ", citing X": X is the original source of the nearest earlier report in the sentence."""
    cands = list(found)
    for verb in triggered(ctx, "verb"):
        lemma = cue_lemma(ctx, verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma is None or not is_relay(lemma, verb) or obj is None:
            continue
        host = _nearest_cue_before(cands, verb)
        cand = cands[host] if host is not None else None
        if host is not None and cand is not None and cand.source is not None:
            relays = (cand.source, *cand.relays)
            cands[host] = replace(cand, source=mention(ctx, obj), relays=relays)
    return tuple(cands)


def _nearest_cue_before(cands: list[Candidate], tok: Token) -> int | None:
    """The position of the candidate whose cue verb is nearest before ``tok`` in its sentence."""
    first = tok.sent.start
    before = [
        (c.cue_token, n)
        for n, c in enumerate(cands)
        if c.cue_token is not None and first <= c.cue_token < tok.i
    ]
    return max(before)[1] if before else None


def fold(found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ "..., UNN reports.": an outlet's report of a report becomes part of the chain."""
    added: dict[int, list[Mention]] = {}
    folded: set[int] = set()
    for outer in found:
        if outer.cue_lemma != "report" or outer.source is None:
            continue
        inner = [
            c
            for c in found
            if c is not outer and c.cue is not None and c.source is not None and outer.has(c.cue[0])
        ]
        for cand in inner:
            added.setdefault(cand.uid, []).append(outer.source)
        if inner:
            folded.add(outer.uid)
    return tuple(
        replace(c, relays=(*c.relays, *added.get(c.uid, ()))) for c in found if c.uid not in folded
    )
