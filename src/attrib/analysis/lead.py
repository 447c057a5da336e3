"""Delayed identification: a headline or lead describes its source ("A former party chairman
says ...", "Poll: ...") and the text names it a sentence or two later ("..., said Jane Roe,
who chaired the party", "a new Acme poll"). News writing does this on purpose, so a lead's
description is not by itself evidence of anonymity.

The tie between a description and a name given later must be in the words: a noun or proper
word the two share ("Member of House panel" and "the top Democrat on the House committee"),
the initials of the description's proper name ("Democratic National Committee", "DNC"), or
another word for its role ("judge" and "Justice Jane Roe").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .lexicon import Lexicon

_PHRASE = frozenset({"det", "amod", "compound", "nmod", "poss", "case", "nummod", "prep", "pobj"})
"""What belongs to a noun phrase: not its clauses or conjuncts, nor what a headline's parse
hangs on a noun it took for the root ("Judge rejects request to unseal file")."""


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def _description_tokens(head: Token) -> list[Token]:
    """The description without its clauses and conjuncts ("an aide, who said ...")."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ not in _PHRASE:
            skip.update(t.i for t in child.subtree)
    return [t for t in head.subtree if t.i not in skip]


def _initials(tokens: Iterable[Token]) -> set[str]:
    """The initials of each run of two or more capitalized words ("Democratic National
    Committee": "dnc")."""
    found: set[str] = set()
    run: list[str] = []
    for tok in [*tokens, None]:
        if tok is not None and tok.is_alpha and tok.text[:1].isupper():
            run.append(tok.text[0].lower())
            continue
        if len(run) >= 2:
            found.add("".join(run))
        run = []
    return found


def description_words(head: Token, lexicon: Lexicon) -> frozenset[str]:
    """The words that may tie a description to a name given after it."""
    toks = _description_tokens(head)
    nouns = {_word(t) for t in toks if t.pos_ in ("NOUN", "PROPN") and not t.is_stop}
    role = lexicon.same_role.get(head.lemma_.lower(), frozenset())
    return frozenset(nouns | role | _initials(toks))


def introduction_words(tokens: Iterable[Token], titles: Iterable[str]) -> frozenset[str]:
    """The words of the phrase that introduces a name (its appositive or relative clause
    included), with the name's titles."""
    return frozenset({_word(t) for t in tokens if not t.is_stop} | set(titles))
