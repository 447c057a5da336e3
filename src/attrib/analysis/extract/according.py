""" "according to X, ..." and "..., per X": the rest of the sentence is X's."""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Candidate
from .context import Context, mention, obtained_by, pieces_from_tokens, quoted, triggered


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    new = (_candidate(ctx, tok) for tok in triggered(ctx, "according"))
    return (*found, *(c for c in new if c is not None))


def _candidate(ctx: Context, tok: Token) -> Candidate | None:
    """The statement of "according to X" (``tok`` is "according") or "per X" (``tok`` is
    "per"): the sentence without the phrase."""
    prep = tok if tok.lower_ == "per" else ctx.doc[tok.i + 1]
    if prep.lower_ not in ("to", "per") or quoted(ctx, tok):
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or _manner(ctx, obj):
        return None
    # not tok.subtree: a parse that makes "according" the root hangs the whole sentence on it
    phrase = {tok.i} | {t.i for t in prep.subtree}
    pieces = pieces_from_tokens(ctx, (t.i for t in tok.sent if t.i not in phrase))
    if not pieces:
        return None
    cue = (tok.idx, prep.idx + len(prep))
    hearer = obtained_by(ctx, obj)  # "according to a document seen by the BBC"
    addressee = mention(ctx, hearer) if hearer is not None else None
    return Candidate(
        tok.i, pieces, cue, mention(ctx, obj), "according", tok.i, cls="speech", addressee=addressee
    )


def _manner(ctx: Context, obj: Token) -> bool:
    """ "went according to plan": a bare noun of manner is no source."""
    return obj.lemma_.lower() in ctx.lexicon.manner_nouns and not any(obj.children)
