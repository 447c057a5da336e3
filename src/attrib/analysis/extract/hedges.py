"""Claims whose source the text withholds: hedge adverbs ("allegedly") and agentless reports
("It is indicated that ...", "X is said to ...")."""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Hedge
from .context import Context, cue_lemma, is_passive, is_relay, subject, trigger, triggered, trim


def find(ctx: Context) -> tuple[Hedge, ...]:
    """Every hedge, in text order: the sentence it hedges and the words that hedge it."""
    found = []
    tokens = sorted((*triggered(ctx, "hedge"), *triggered(ctx, "verb")), key=lambda t: t.i)
    for tok in tokens:
        marker = tok.text if trigger(ctx, tok) == "hedge" else _agentless(ctx, tok)
        if marker is not None:
            start, end = trim(ctx.text, tok.sent.start_char, tok.sent.end_char)
            found.append(Hedge(start, end, marker))
    return tuple(found)


def _agentless(ctx: Context, verb: Token) -> str | None:
    """The hedging words of an agentless passive of a reporting verb, or None."""
    lemma = cue_lemma(ctx, verb)
    if lemma is None or is_relay(ctx, lemma, verb) or subject(verb) is not None:
        return None
    if not is_passive(verb) or lemma not in ctx.lexicon.hedge_passives:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "expl")), None)
    if subj is not None and subj.lower_ == "it":
        aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
        return ctx.text[min([subj.idx, *(a.idx for a in aux)]) : verb.idx + len(verb)]
    if subj is not None and any(c.dep_ == "xcomp" for c in verb.children):
        return f"{verb.text} to"
    return None
