"""Type a source mention: named, unnamed or outlet; person, organization, group or document.

Typing looks only at the mention itself (its head, modifiers and entity label);
whether a definite description or pronoun refers back to an earlier source is
``resolve``'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from ..results import Entity, SourceType
from .lexicon import Lexicon, Matches

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "i", "me"})
PRONOUNS_GROUP = frozenset({"they", "them", "we", "us"})
PRONOUNS_THING = frozenset({"it"})
PRONOUNS_SPEAKER = frozenset({"i", "me", "we", "us"})  # the speaker, never a reference back
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "another", "one"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_CORE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "quantmod", "nmod"})


@dataclass(frozen=True)
class Typed:
    """What a mention says about its source, before coreference."""

    type: SourceType
    entity: Entity
    name: str
    key: str  # identity for merging mentions of the same source
    anaphoric: bool  # a pronoun or definite description that may refer back
    head_lemma: str


def core_tokens(head: Token) -> list[Token]:
    """The head with its pre-modifiers ("an unnamed senior official"), no clauses or conjuncts."""
    toks = [head]
    for child in head.lefts:
        if child.dep_ in _CORE_DEPS:
            toks.extend(child.subtree)
    return sorted(set(toks), key=lambda t: t.i)


def mention_tokens(head: Token, others: Iterable[Token] = ()) -> list[Token]:
    """The head's subtree without coordinated mentions, for per-source mention spans."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("conj", "cc") or (child.dep_ == "punct" and child.i > head.i):
            skip.update(t.i for t in child.subtree)
    for other in others:
        if other.i > head.i:
            skip.update(t.i for t in other.subtree)
            skip.update(c.i for c in other.head.children if c.dep_ == "cc" and c.i < other.i)
    toks = [t for t in head.subtree if t.i not in skip]
    while toks and toks[-1].is_punct:
        toks.pop()
    return toks


def shares_surname(name: str, other: str) -> bool:
    """One name is the other's surname ("Smith" and "Jane Smith"), or both are the same one."""
    mine, theirs = name.split(), other.split()
    return bool(mine and theirs) and mine[-1] == theirs[-1] and 1 in (len(mine), len(theirs))


def strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in _DETERMINERS and rest else text


def _is_plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "people")


def classify(head: Token, lexicon: Lexicon, matches: Matches) -> Typed:
    """Type one mention from its head token; ``matches`` are the lexicon's phrases in its Doc."""
    lower = head.lower_
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON" or lower in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_THING:
        entity: Entity = (
            "person"
            if lower in PRONOUNS_PERSON
            else "group"
            if lower in PRONOUNS_GROUP
            else "organization"
        )
        return Typed("unnamed", entity, head.text, lower, True, lower)
    core = core_tokens(head)
    text = head.doc[core[0].i : core[-1].i + 1].text  # not doc.text: that is O(n) a call
    definite = core[0].lower_ in _DEFINITE
    outlet = matches.outlet(core, head)
    if outlet is not None:
        return Typed("outlet", "organization", text, "outlet:" + outlet.lower(), False, lemma)
    if lemma in lexicon.outlet_nouns or lower in lexicon.outlet_nouns:
        name = strip_determiner(text)
        return Typed("outlet", "organization", name, "outlet:" + name.lower(), definite, lemma)
    anonymous = matches.anonymous({t.i for t in mention_tokens(head)})
    if head.ent_type_ == "PERSON" and not anonymous:
        name = _entity_text(head)
        return Typed("named", "person", name, "person:" + name.lower(), False, lemma)
    if head.ent_type_ in _NAME_LABELS and head.pos_ == "PROPN" and not anonymous:
        name = strip_determiner(_entity_text(head))
        entity = "group" if head.ent_type_ == "NORP" and _is_plural(head) else "organization"
        return Typed("named", entity, name, "org:" + name.lower(), False, lemma)
    if lemma in lexicon.document_nouns and not _is_plural(head):
        named = any(t.pos_ == "PROPN" for t in core) and not anonymous
        kind: SourceType = "named" if named else "unnamed"
        return Typed(
            kind, "document", strip_determiner(text), "doc:" + text.lower(), definite, lemma
        )
    institution = _institution(core, lexicon, matches)
    if institution is not None and not anonymous:
        return Typed(
            "named", "organization", strip_determiner(text), "org:" + institution, definite, lemma
        )
    plural = _is_plural(head)
    unnamed_head = lemma in lexicon.unnamed_person or lower in lexicon.unnamed_group
    if anonymous or unnamed_head or (head.pos_ != "PROPN" and lemma not in lexicon.person_nouns):
        entity = "group" if plural else "person"
        name = strip_determiner(text)
        return Typed("unnamed", entity, name, "anon:" + name.lower(), definite, lemma)
    if head.pos_ == "PROPN":
        name = strip_determiner(text)
        return Typed(
            "named", "person" if not plural else "group", name, "name:" + name.lower(), False, lemma
        )
    # A role noun: "the president", "a spokesman" - named when definite, else anonymous.
    entity = "group" if plural else "person"
    kind = "named" if definite else "unnamed"
    return Typed(kind, entity, strip_determiner(text), "role:" + text.lower(), definite, lemma)


def _entity_text(head: Token) -> str:
    """The named entity around ``head``, found from IOB tags (``doc.ents`` is O(n) a call)."""
    if not head.ent_type_:
        return head.text
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _institution(core: list[Token], lexicon: Lexicon, matches: Matches) -> str | None:
    """The institution a description ends with ("the White House", "the foreign ministry"),
    or a lone plural of one ("ministries")."""
    found = matches.institution(core, _DETERMINERS)
    if found is not None:
        return found
    words = [t for t in core if t.lower_ not in _DETERMINERS]
    if len(words) == 1 and core[-1].lemma_.lower() in lexicon.institutions:
        return core[-1].lemma_.lower()
    return None
