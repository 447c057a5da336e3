"""Chains of relays: "NBC News reported, citing an official, ..." and "..., UNN reports."

``cite`` makes the one cited the source and the reporter a relay ("X, citing Y, said", "Citing
Y, X reported", "the official, cited by the BBC"); ``quote_as`` does the same for "X quoted Y as
saying" and "X cited Y as saying"; ``fold`` turns an outlet's report of statements ("UNN
reports" around "NBC reported ...") into one more link of the chain of every statement inside it.
(An outlet told or spoken to, "Y told Reuters", is found with the statement and made a relay when
resolved.)
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Token

from .candidates import Candidate, Mention
from .context import (
    CITING,
    Context,
    cue_lemma,
    is_relay,
    mention,
    subtree_range,
    triggered,
    without,
)


def cite(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ ", citing X": X is the original source of the report the participle belongs to: the
    nearest report before it in the sentence, else the verb it hangs on ("Citing Y, X
    reported", "X, citing Y, said"), or the report whose source a relative clause hangs on
    ("according to Politico, which cited X"); ", cited by X": X relays the statement before it
    ("according to Y, cited by X")."""
    cands = list(found)
    cues = sorted((c.cue_token, n) for n, c in enumerate(cands) if c.cue_token is not None)
    for verb in triggered(ctx, "verb"):
        lemma = cue_lemma(ctx, verb)
        if lemma is None or not is_relay(ctx, lemma, verb):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        by = _agent(verb)
        host = _nearest_cue_before(cues, ctx.sentence_start(verb), verb.i)
        if host is None and obj is not None:  # "Citing Y, X reported", "X, citing Y, said"
            host = _by_cue(cands, verb.head)
        if host is None and verb.dep_ == "acl":  # "The Telegraph, quoting a source, said"
            host = next(
                (n for n, c in enumerate(cands) if c.source and verb.head in c.source.heads), None
            )
        cand = cands[host] if host is not None else None
        if host is None or cand is None or cand.source is None:
            continue
        source = cand.source
        if verb.dep_ == "relcl" and not source.start <= verb.head.idx < source.end:
            continue  # "which cited X" on another noun than the report's source's (not its
            # name set beside it: "the financial magazine Caixin, which cited ...")
        if obj is not None:  # the claim loses ", citing X," where the parser put it inside
            relays = (cand.source, *cand.relays)
            start, end = verb.idx, obj.right_edge.idx + len(obj.right_edge)
            pieces = without(ctx.text, cand.pieces, start, end)
            cands[host] = replace(cand, source=mention(ctx, obj), relays=relays, pieces=pieces)
        elif by is not None:
            start, end = subtree_range(verb)
            pieces = without(ctx.text, cand.pieces, start, end)
            relays = (*cand.relays, mention(ctx, by))
            cands[host] = replace(cand, pieces=pieces, relays=relays)
    return tuple(cands)


def quote_as(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ "The paper quoted (or cited) the minister as saying that ...", "..., according to the
    paper, which quoted the minister as saying ...": the minister's statement, relayed by the
    paper; the quoting itself is no statement of its own."""
    cands = list(found)
    for verb in triggered(ctx, "verb"):
        if cue_lemma(ctx, verb) not in CITING:
            continue
        quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        said = [
            p for a in verb.children if a.lower_ == "as" for p in a.children if p.dep_ == "pcomp"
        ]
        speech = _by_cue(cands, said[0]) if said else None
        reporter = _by_cue(cands, verb)
        if quoted is None or speech is None:
            continue
        cand = cands[speech]
        if reporter is None:  # "according to the Herald, which quoted X as saying ...": the
            if verb.dep_ != "relcl":  # relative clause is a relay of its own (cite)
                continue
            name = verb.head  # the outlet's name, without the clause
            outlet = Mention(name.left_edge.idx, name.idx + len(name), (name,))
            cands[speech] = replace(cand, source=mention(ctx, quoted), relays=(outlet,))
            continue
        frame = cands[reporter]
        relays = (frame.relays[0],) if frame.relays else ((frame.source,) if frame.source else ())
        cands[speech] = replace(cand, source=mention(ctx, quoted), relays=relays)
        del cands[reporter]
    return tuple(cands)


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _by_cue(cands: list[Candidate], tok: Token) -> int | None:
    return next((n for n, c in enumerate(cands) if c.cue_token == tok.i), None)


def _nearest_cue_before(cues: list[tuple[int, int]], first: int, i: int) -> int | None:
    """The position of the candidate whose cue verb is nearest before token ``i`` and not
    before token ``first``; ``cues`` are (cue token, position), sorted."""
    n = bisect_left(cues, (i, -1))
    return cues[n - 1][1] if n and cues[n - 1][0] >= first else None


def fold(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """ "..., UNN reports.": an outlet's report of a statement becomes part of its chain. A
    report of a plan or a belief ("the district is considering ..., the Sun Sentinel reports")
    stays the outlet's statement. "X said ..., according to Kyodo" (a listed outlet) makes
    Kyodo a link of X's chain too, and stays Kyodo's statement, as PolNeAR marks it."""
    added: dict[int, list[Mention]] = {}
    folded: set[int] = set()
    cued = sorted((c.cue[0], n) for n, c in enumerate(found) if c.cue and c.source)
    for outer in found:
        reports = outer.cue_lemma == "report"
        if outer.source is None or not (reports or _according_to_outlet(ctx, outer)):
            continue
        inside = {
            n
            for start, end in outer.pieces
            for _, n in cued[bisect_left(cued, (start, -1)) : bisect_left(cued, (end, -1))]
        }
        inner = [
            found[n]
            for n in sorted(inside)
            if found[n] is not outer and ctx.lexicon.is_statement(found[n].cls)
        ]
        for cand in inner:
            added.setdefault(cand.uid, []).append(outer.source)
        if inner and reports:
            folded.add(outer.uid)
    return tuple(
        replace(c, relays=(*c.relays, *added.get(c.uid, ()))) for c in found if c.uid not in folded
    )


def _according_to_outlet(ctx: Context, cand: Candidate) -> bool:
    """ "according to Kyodo", "according to the Kyodo news agency": a listed outlet's name."""
    source = cand.source
    if cand.cue_lemma != "according" or source is None:
        return False
    tokens = [t for h in source.heads for t in h.subtree if source.start <= t.idx < source.end]
    return any(ctx.matches.outlet(tokens, t) is not None for t in tokens)
