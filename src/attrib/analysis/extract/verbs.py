"""Cue verbs: "X said (that) ...", "X told Y ...", "X called the plan a disaster", "..., X said".

Every reporting verb with a speaker gives a candidate: its content is the clause the verb
governs, else its object (with any predicate), else the object of a topic preposition ("spoke
about", "called for"). A verb without content ("she said" after a quote) is kept as a bare cue
for the quotation passes to attach a quote to.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .candidates import Candidate, Mention, Range
from .context import (
    CLAUSES,
    Context,
    cue_lemma,
    cue_range,
    is_passive,
    is_relay,
    mention,
    pieces_from_tokens,
    previous_sentence,
    subject,
    topic_preposition,
    trailing_report,
    triggered,
)

_DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those"})
_NEGATIVE_SUBJECTS = frozenset({"no", "nobody", "none", "neither", "nothing", "noone"})
_HYPOTHETICAL = frozenset(
    {"can", "could", "may", "might", "should", "will", "shall", "would", "'ll"}
)
# "as she would later write": "would" telling of the past, not of a hypothesis.
_RETROSPECTIVE = frozenset({"later", "often", "always", "repeatedly", "once", "frequently"})
_Frame = str | None


def find(ctx: Context, found: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """A candidate, or a bare cue, for every reporting verb with a speaker."""
    new = (_candidate(ctx, verb) for verb in triggered(ctx, "verb"))
    return (*found, *(c for c in new if c is not None))


def _candidate(ctx: Context, verb: Token) -> Candidate | None:
    lemma = cue_lemma(ctx, verb)
    if lemma is None or is_relay(lemma, verb):
        return None
    subj = subject(verb)
    if subj is None or not any(t.is_alpha for t in subj.subtree):  # none, or a stray symbol
        return None
    if subj.lower_ in ("it", "there") and is_passive(verb):
        return None
    if subj.lower_ == "you":  # outside quotes, the reader: "you might think that ..."
        return None
    if _anonymity_request(ctx, verb):
        return None
    source = mention(ctx, subj)
    relays: tuple[Mention, ...] = ()
    if lemma in ("quote", "cite"):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            relays, source = (source,), mention(ctx, obj)
    pieces, frame = _content(ctx, verb, verb.sent)
    cls = "unasserted" if _unasserted(verb, subj) else ctx.lexicon.cue_class(lemma, frame)
    cue = cue_range(ctx, verb)
    return Candidate(verb.i, pieces, cue, source, lemma, verb.i, relays, cls=cls)


def _unasserted(verb: Token, subj: Token) -> bool:
    """Negated or hypothetical speech: "did not say that", "no one could say", "will announce"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if subj.left_edge.lower_ in _NEGATIVE_SUBJECTS:
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children)
    return modal and not any(c.lower_ in _RETROSPECTIVE for c in verb.children)


def _anonymity_request(ctx: Context, verb: Token) -> bool:
    """ "who asked not to be named", "spoke on condition of anonymity": why a source is
    unnamed, not a claim of theirs (unless a clause follows: "said on condition of
    anonymity that ...")."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False
    end = verb.right_edge.i + 1
    return ctx.matches.anonymity_phrase(verb.i, end) or ctx.matches.anonymity_phrase(
        verb.i + 1, end
    )


def _content(ctx: Context, verb: Token, sent: Span) -> tuple[tuple[Range, ...], _Frame]:
    """The claim a reporting verb governs, from the parse, and the construction it is in (a
    ``to``-infinitive, or the preposition of "called for"), which may change the cue's class."""
    if is_passive(verb):
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if target is not None and target.lower_ in _DEMONSTRATIVES:
            return previous_sentence(ctx, sent), None
        if target is not None:
            return pieces_from_tokens(ctx, (t.i for t in target.subtree)), None
    if trailing_report(ctx, verb):  # "..., UNN reports.": the rest of the sentence
        inside = {t.i for t in verb.subtree}
        return pieces_from_tokens(ctx, (t.i for t in sent if t.i not in inside)), None
    clauses = [
        c
        for c in verb.children
        if c.dep_ in CLAUSES and not (c.i > verb.i and trailing_report(ctx, c))
    ]
    if clauses:
        infinitive = any(c.dep_ == "xcomp" and _has_to(c) for c in clauses)
        pieces = pieces_from_tokens(ctx, (t.i for c in clauses for t in c.subtree))
        return pieces, "to" if infinitive else None
    nominal, frame = _nominal_content(ctx, verb)
    if nominal:
        return pieces_from_tokens(ctx, nominal), frame
    if verb.dep_ in ("parataxis", "advcl") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and not any(c.lower_ == "as" for c in verb.children):
            return (), None
        outside = {t.i for t in verb.subtree}
        indices = {t.i for t in verb.head.subtree} - outside
        return pieces_from_tokens(ctx, (i for i in indices if sent.start <= i < sent.end)), None
    return (), None


def _has_to(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _nominal_content(ctx: Context, verb: Token) -> tuple[list[int], _Frame]:
    """What a cue verb is about when it takes no clause: its direct object with any
    predicate ("called the plan a disaster", "criticized the law as unfair"), or the
    object of a topic preposition ("spoke about the economy", "called for reform")."""
    lemma = ctx.lexicon.cue_lemma(verb.lemma_.lower(), verb.lower_)
    right = [c for c in verb.children if c.i > verb.i]
    obj = next((c for c in right if c.dep_ == "dobj"), None)
    if obj is not None and lemma not in ctx.lexicon.addressee_verbs:
        parts = [obj, *(c for c in right if c.dep_ == "oprd" or _is_as_phrase(c))]
        return [t.i for p in parts for t in p.subtree], None
    if obj is not None:
        return [], None
    prep = topic_preposition(ctx, verb)
    if prep is None:
        return [], None
    objects = [t.i for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    return objects, prep.lower_


def _is_as_phrase(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ == "as"
