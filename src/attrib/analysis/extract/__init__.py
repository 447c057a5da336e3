"""Find attributions in a parsed Doc: content, cue and the local source mention.

The rule layer over spaCy's dependency parse, as a sequence of passes. Each pass reads the
frozen :class:`~.context.Context` (the Doc, its text, the word lists, the quotations found on the
raw text, the tuning settings) and the candidates found so far, and returns the new candidates;
adding a construction means adding or editing one pass. Nothing here knows of coreference or
source types: ``resolve`` turns the local mentions into sources.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import Lexicon, Matches
from ..quotes import QuoteIndex, find_quotes
from . import (
    according,
    hedges,
    labels,
    nesting,
    no_comment,
    nouns,
    posts,
    quotations,
    relays,
    verbs,
)
from .candidates import Candidate, Extraction, Hedge, Mention, Refusal
from .context import Context, Settings

__all__ = ["Candidate", "Extraction", "Hedge", "Mention", "Refusal", "Settings", "extract"]


def extract(
    doc: Doc, lexicon: Lexicon, matches: Matches, settings: Settings | None = None
) -> Extraction:
    """All attributions and hedges in ``doc``; ``matches`` are the lexicon's phrases in it."""
    text = doc.text
    quotes = QuoteIndex(find_quotes(text))
    ctx = Context(doc, text, lexicon, matches, quotes, settings or Settings())
    found: tuple[Candidate, ...] = ()
    # Rules on single tokens, in text order (a token sets off at most one of them).
    for find in (verbs.find, according.find, nouns.find):
        found = find(ctx, found)
    found = tuple(sorted(found, key=lambda c: c.uid))  # uid: the token that set the rule off
    found = relays.cite(ctx, found)
    found = relays.quote_as(ctx, found)
    found = labels.find(ctx, found)
    found = posts.find(ctx, found)
    found = quotations.link(ctx, found)
    found = relays.fold(ctx, found)
    found = labels.strip(ctx, found)
    found = nesting.drop(ctx, found)
    found, refusals = no_comment.find(ctx, found)
    ordered = tuple(sorted(found, key=lambda c: c.start))
    return Extraction(text, ordered, hedges.find(ctx), refusals)
