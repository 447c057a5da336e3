"""Noun cues with their speaker: "his claim that ...", "repeated the assertion that ...",
'issued a statement: "..."'.

The speaker is the noun's possessor, or the subject of a support verb ("made", "repeated");
without either the claim is not attributed here.
"""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Candidate
from .context import Context, mention, pieces_from_tokens, quote_after_colon, quoted, triggered


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    new = (_candidate(ctx, noun) for noun in triggered(ctx, "noun"))
    return (*found, *(c for c in new if c is not None))


def _candidate(ctx: Context, noun: Token) -> Candidate | None:
    if quoted(ctx, noun):
        return None
    clause = next(
        (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and _has_complementizer(c)),
        None,
    )
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb = noun.head
    if speaker is None and noun.dep_ == "dobj" and verb.lemma_.lower() in ctx.lexicon.support_verbs:
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or not any(ch.isalpha() for ch in speaker.text):
        return None
    if clause is not None:
        pieces = pieces_from_tokens(ctx, (t.i for t in clause.subtree))
    else:
        quote = quote_after_colon(ctx, noun)
        pieces = (quote,) if quote is not None else ()
    if not pieces:
        return None
    cue = (noun.idx, noun.idx + len(noun))
    cls = ctx.lexicon.cue_nouns[noun.lemma_.lower()]
    return Candidate(noun.i, pieces, cue, mention(ctx, speaker), "claim", cls=cls)


def _has_complementizer(clause: Token) -> bool:
    """The clause opens with "that" (as a marker, or mis-parsed as its object)."""
    return clause.left_edge.lower_ == "that" and clause.left_edge.i < clause.i
