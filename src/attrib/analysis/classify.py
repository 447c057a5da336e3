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
from .people import without_honorific

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "i", "me"})
PRONOUNS_GROUP = frozenset({"they", "them", "their", "we", "us"})
PRONOUNS_THING = frozenset({"it", "its"})
PRONOUNS_SPEAKER = frozenset({"i", "me", "we", "us"})  # the speaker, never a reference back
_SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody", "one"})
_SEVERAL = frozenset(
    {"everyone", "everybody", "others", "many", "some", "all", "both", "few", "those"}
)
INDEFINITE_PRONOUNS = _SOMEONE | _SEVERAL
"""Pronouns for someone or several people ("anyone", "those"), which a relative clause may
follow ("those who ...")."""
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "another", "one"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_NOT_CALLED = frozenset({"GPE", "NORP", "LOC", "PERSON", "DATE", "CARDINAL", "ORDINAL"})
_RESEARCH = frozenset({"study", "research"})
"""Research published in a journal ("a study that appeared in the BMJ") is its authors', not the
journal's, as an outlet's own report or analysis ("a report in Le Monde") is the outlet's."""
_LEADING = frozenset({"lead", "head", "chair"})  # "a team led by", "a bench headed by"
_SCHOLARLY = frozenset({"research", "scientific", "academic", "white", "working", "discussion"})
_POSSESSIVE_PERSONAL = frozenset({"his", "her", "their", "my", "our"})
_PHRASE_ENDS = frozenset({",", ";", "(", "—", "–"})
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
    plural_tag = head.tag_ in ("NNS", "NNPS")
    return plural_tag or head.lower_ in ("police", "people") or _plural_acronym(head)


def _people(head: Token) -> Entity:
    """One person or several: "the widow", "the family", "officials", "74 percent of voters"."""
    several = _is_plural(head) or head.lemma_.lower() == "family" or _part_of_many(head)
    return "group" if several else "person"


def _part_of_many(head: Token) -> bool:
    """A share or number of people: "74 percent of voters", "a majority of residents"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_is_plural(o) for o in c.children)
        for c in head.children
    )


def _tagged_name(head: Token, lexicon: Lexicon, matches: Matches) -> bool:
    """A capitalised word the tagger took for a common noun and the recognizer for a name
    ("Stiglitz calls the plan a mistake", first in its sentence), or that the pipeline's
    lemmatizer knows as no English noun ("Eskom said", "Barclays said"), unless the word lists
    know it as a common noun ("Officials said ...")."""
    lemma = head.lemma_.lower()
    known = (
        lexicon.unnamed_person,
        lexicon.unnamed_group,
        lexicon.person_nouns,
        lexicon.relations,
        lexicon.document_nouns,
    )
    # "Groups such as the ACLU": a plural the recognizer took in is no one's name
    tagged = head.tag_ != "NNS" and head.ent_type_ in _NAME_LABELS
    return (
        head.is_title
        and (tagged or head.i in matches.unknown_nouns)
        and not any(lemma in words or head.lower_ in words for words in known)
    )


def _capital_inside(head: Token) -> bool:
    """A recognized name with a capital inside it, whatever the tagger's part of speech ("The
    MoD said", "DfE", "PwC", read as plural nouns)."""
    text = head.text
    return (
        head.ent_type_ in _NAME_LABELS
        and text.isalpha()
        and text[:1].isupper()
        and any(c.isupper() for c in text[1:])
        and not text.isupper()
    )


def _after_honorific(head: Token, lexicon: Lexicon) -> bool:
    """A name written after a title of persons ("Dr Fauci", "Mrs. Acme")."""
    first = min((c.i for c in head.lefts if c.dep_ == "compound"), default=head.i)
    title = head.doc[max(0, first - 1) : first + 1]  # the name's first word and the one before
    return any(t.i != head.i and t.lower_.rstrip(".") in lexicon.honorifics for t in title)


def _plural_acronym(head: Token) -> bool:
    """ "MPs", "CEOs": the tagger reads them as proper names, but they are plural nouns."""
    text = head.text
    return len(text) > 2 and text[-1] == "s" and text[:-1].isupper()


def classify(head: Token, lexicon: Lexicon, matches: Matches) -> Typed:
    """Type one mention from its head token; ``matches`` are the lexicon's phrases in its Doc.

    Unnamed only on evidence of anonymity (a marker such as "unnamed" or "familiar with", an
    anonymity head such as "official" or "sources" without a name, a document no one is said to
    have issued); outlets by the lexicon, by a newspaper's name ("the Daily Courier") or by an
    outlet noun ("the newspaper Kommersant"); a spokesperson speaks for the organization named
    with them, a document for whoever issued it.
    """
    lower = head.lower_
    lemma = head.lemma_.lower()
    acronyms = _plural_acronym(head)  # "Tory MPs": a plural of a common noun, not a name
    if acronyms:
        lemma = lower[:-1]
    misread = head.pos_ == "PRON" and not head.is_stop and head.text[:1].isupper()  # "Brind'Amour"
    pronoun = head.pos_ == "PRON" and not misread and head.ent_type_ not in ("PERSON", "ORG")
    if lower == "those" and any(c.dep_ in ("amod", "acl", "relcl", "prep") for c in head.children):
        # "those familiar with the talks", "those who know him": people, not named; a
        # clause of the relative's own left out ("those who acknowledge [that ...]")
        clauses = [c for c in head.subtree if c.dep_ in ("ccomp", "xcomp", "advcl")]
        inner = {t.i for c in clauses for t in c.subtree}
        toks = [t for t in mention_tokens(head) if t.i not in inner]
        name = head.doc[toks[0].i : toks[-1].i + 1].text
        return Typed("unnamed", "group", name, "anon:" + name.lower(), False, lower)
    if pronoun or lower in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_THING:
        entity: Entity = (
            "person"
            if lower in PRONOUNS_PERSON or lower in _SOMEONE
            else "group"
            if lower in PRONOUNS_GROUP or lower in _SEVERAL
            else "organization"
        )
        return Typed("unnamed", entity, head.text, lower, True, lower)
    core = core_tokens(head)
    text = head.doc[core[0].i : core[-1].i + 1].text  # not doc.text: that is O(n) a call
    definite = core[0].lower_ in _DEFINITE or any(t.dep_ == "poss" for t in core)
    # "The Times of India", not "The Times"; "The Globe and Mail", one entity with a conjunct
    tokens = [*mention_tokens(head), *head.doc[slice(*entity_range(head))]]
    article = head.doc[head.left_edge.i - 1] if head.left_edge.i else None
    if article is not None and article.lower_ == "the" and article.head.i == head.head.i:
        tokens.append(article)  # "the Guardian understands", the cue read as a noun
    listed = matches.outlet(tokens, head)
    if listed is not None:  # named as written ("UNN"), known by its canonical name
        canonical, written = listed
        return Typed("outlet", "organization", written, "outlet:" + canonical.lower(), False, lemma)
    shaped = _outlet_name(head, core, lexicon)
    if shaped is not None:
        return Typed("outlet", "organization", shaped, "outlet:" + shaped.lower(), False, lemma)
    if _outlet_noun(head, lemma, lexicon) and not scholarly(head):
        called = proper_name_beside(head)  # "the newspaper Kommersant"
        if called is not None:
            return Typed("outlet", "organization", called, "outlet:" + called.lower(), False, lemma)
        name = strip_determiner(text)
        return Typed("outlet", "organization", name, "outlet:" + name.lower(), definite, lemma)
    anonymous = matches.anonymous({t.i for t in mention_tokens(head)})
    plural = _is_plural(head)
    role_word = lemma in lexicon.person_nouns  # "a Labour MP", tagged a name
    proper = (
        not acronyms
        and not role_word
        and (
            head.pos_ == "PROPN"
            or misread
            or (head.text.isupper() and len(head.text) > 1)
            or _tagged_name(head, lexicon, matches)
            or _capital_inside(head)
        )
    )
    acronym = head.text.isupper() and len(head.text) > 1 and _entity_text(head) == head.text
    if _one_of_a_kind(head, core):  # "a Democrat", "one Republican", "a senior Conservative"
        name = strip_determiner(text)
        return Typed("unnamed", "person", name, "anon:" + name.lower(), False, lemma)
    company = head.ent_type_ == "PERSON" and lexicon.company_name(
        head.doc[slice(*entity_range(head))]
    )
    if head.ent_type_ == "PERSON" and not (plural or anonymous or acronym or company):  # "CNS",
        name = _entity_text(head)  # "Hanbit Electronics" are no people
        return Typed("named", "person", name, "person:" + name.lower(), False, lemma)
    if head.ent_type_ in _NAME_LABELS and proper and not anonymous:
        name = strip_determiner(_entity_text(head))
        if _after_honorific(head, lexicon):  # "Dr Fauci", tagged an organization
            name = without_honorific(name, lexicon.honorifics)
            return Typed("named", "person", name, "person:" + name.lower(), False, lemma)
        party = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)
        if head.ent_type_ == "NORP" and plural and definite and party:
            # "The Liberal Democrats said": a party by its name, not some of its members
            party_name = strip_determiner(text)
            return Typed(
                "named", "organization", party_name, "org:" + party_name.lower(), False, lemma
            )
        if head.ent_type_ == "NORP" and plural:  # "Republicans", "Tory MPs": a generic group,
            given = _examples(head, lexicon, matches)  # unless given by its named members
            if given == "named":
                whole = head.doc[core[0].i : head.right_edge.i + 1].text.rstrip(",;: ")
                name = strip_determiner(whole)
                return Typed("named", "group", name, "group:" + name.lower(), False, lemma)
            return Typed("unnamed", "group", name, "anon:" + name.lower(), False, lemma)
        demonym = head.ent_type_ == "NORP" or head.lower_.endswith(("man", "woman"))
        if demonym and definite and len(core) == 2:  # "the Swede", "the Frenchman": a person
            return Typed("named", "person", name, "role:" + name.lower(), True, lemma)
        return Typed("named", "organization", name, "org:" + name.lower(), False, lemma)
    if _news_reports(head, lexicon):  # "according to news reports", "media reports said"
        name = strip_determiner(text)
        return Typed("outlet", "organization", name, "outlet:" + name.lower(), definite, lemma)
    if lemma == "figure" and any(c.lower_ in lexicon.figure_ranks for c in head.lefts):
        name = strip_determiner(text)  # "senior Labour figures": people, not numbers
        return Typed(
            "unnamed", "group" if plural else "person", name, "anon:" + name.lower(), False, lemma
        )
    piece = lemma in lexicon.news_pieces  # "a separate story reported": the media's, unless issued
    if (
        piece
        or lemma in lexicon.document_nouns
        or lower in lexicon.document_nouns
        or scholarly(head)
    ):
        found = _issuer(head, lexicon, matches)
        issuer = found[0] if found else ("outlet" if piece else None)
        if issuer is None and lemma in lexicon.law_nouns:  # "the new regulations state"
            issuer = "named"
        kind: SourceType = "unnamed" if anonymous or issuer is None else issuer
        if (
            kind == "unnamed"
            and any(t.pos_ == "PROPN" and t != head for t in core)
            and not anonymous
        ):
            kind = "named"  # "the Mueller report"
        name = strip_determiner(_with_issuer(head, core, found[1]) if found else text)
        return Typed(kind, "document", name, "doc:" + text.lower(), definite, lemma)
    company = lexicon.company_name(head.doc[core[0].i : head.i + 1])  # "Hanbit Electronics"
    if head.tag_ == "NNPS" and not head.ent_type_ and not company:  # "Tory MPs": a group
        # (after documents: "Records show ...", capitalised first in a sentence, is none)
        name = strip_determiner(text)
        return Typed("unnamed", "group", name, "anon:" + name.lower(), False, lemma)
    voiced = _voiced(head, lexicon, matches)
    if voiced is not None:  # "a narrator in the Clinton ad": the ad speaks
        return voiced
    represented = _represented(head, lexicon, matches)
    if represented is not None and not anonymous:  # "a spokesperson for Acme Corp."
        name, entity = represented
        return Typed("named", entity, name, "org:" + name.lower(), False, lemma)
    institution = _institution(core, lexicon, matches)
    if institution is not None and not anonymous:
        return Typed(
            "named", "organization", strip_determiner(text), "org:" + institution, definite, lemma
        )
    examples = _examples(head, lexicon, matches)
    if examples is not None and not anonymous:  # "think tanks like the Brookings Institution"
        name = strip_determiner(head.doc[core[0].i : head.right_edge.i + 1].text)
        return Typed(examples, "group", name, "group:" + name.lower(), False, lemma)
    if lemma in lexicon.organization_nouns and not proper:  # "the retailer", "a lender"
        name = strip_determiner(text)
        if _called(core) and not anonymous:  # "the Royal Free hospital trust": a name, described
            return Typed("named", "organization", name, "org:" + name.lower(), False, lemma)
        entity = "group" if _people(head) == "group" else "organization"
        return Typed("unnamed", entity, name, "anon:" + name.lower(), definite, lemma)
    office = definite and any(t.lower_ in lexicon.offices for t in core)  # "the chief executive"
    unnamed_head = (
        lemma in lexicon.unnamed_person and not office
    ) or lower in lexicon.unnamed_group
    role = lemma in lexicon.person_nouns or lemma in lexicon.relations or office  # "the coach"
    if anonymous or unnamed_head or (not proper and not role):
        entity = _people(head)
        name = strip_determiner(text)
        return Typed("unnamed", entity, name, "anon:" + name.lower(), definite, lemma)
    if proper:
        name = strip_determiner(text)
        unknown = head.i in matches.unknown_nouns and not head.ent_type_  # "Eskom": a body
        entity = "organization" if unknown or company else "person" if not plural else "group"
        return Typed("named", entity, name, "name:" + name.lower(), False, lemma)
    # A role noun: "the president", "a spokesman" - named when definite, else anonymous; a
    # singular with no article at all is a headline's ("Senator from Texas says ...").
    entity = _people(head)
    bare = not any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in head.children)
    first = core[0]  # a headline's "Senator says ..." or "..., owner says ..."; not "One ..."
    after_comma = first.i > 0 and head.doc[first.i - 1].text == "," and head.tag_ == "NN"
    headline = entity == "person" and bare and (bool(first.is_sent_start) or after_comma)
    kind = "named" if definite or headline else "unnamed"
    anaphoric = definite or headline
    return Typed(kind, entity, strip_determiner(text), "role:" + text.lower(), anaphoric, lemma)


def _called(core: list[Token]) -> bool:
    """A description carrying a name of its own ("the Royal Free hospital trust", "the Acme
    company"), not a place, a people or a person's ("the London firm", "the Dutch lender")."""
    return any(
        t.pos_ == "PROPN"
        and t.dep_ in ("compound", "nmod")
        and t.ent_type_ not in _NOT_CALLED
        and not t.is_sent_start
        for t in core[:-1]
    )


def _outlet_name(head: Token, core: list[Token], lexicon: Lexicon) -> str | None:
    """An outlet in no list, known by the shape of its name: a proper name ending in a word that
    names newspapers and broadcasters ("the Daily Courier", "the Tribune-Herald", "Kyiv Post",
    "the Bay of Plenty Times"), starting in one ("Radio Kestrel"), or beside an outlet noun
    ("the newspaper Kommersant", "broadcaster RTL", "the radio programme Morning Brief"), or
    before a noun that "news" makes one of news media ("the Iberica Press agency")."""
    names = [t for t in core if t.pos_ == "PROPN" or t.text == "-"]
    words = [t.lower_ for t in names if t.text != "-"]
    shaped = len(words) >= 2 and (
        words[-1] in lexicon.outlet_words or words[0] in lexicon.outlet_first_words
    )
    if head.pos_ != "PROPN":  # "the Iberica Press agency": a name of that shape before a noun
        news = f"news {head.lemma_.lower()}" in lexicon.outlet_nouns  # that "news" makes media
        owned = any(t.dep_ == "poss" for t in core)  # "the BBC's Today programme": the BBC's
        return head.doc[names[0].i : head.i + 1].text if shaped and news and not owned else None
    name = head.doc[names[0].i : names[-1].i + 1].text if names else head.text
    if shaped:
        return name
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    place = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if place is not None and place.pos_ == "PROPN" and place.lower_ in lexicon.outlet_words:
        return head.doc[names[0].i : place.i + 1].text  # "the Bay of Plenty Times"
    beside = [c for c in head.children if c.dep_ in ("compound", "appos", "nmod")]
    if any(c.lemma_.lower() in lexicon.outlet_nouns for c in beside if c.pos_ == "NOUN"):
        return name
    if head.dep_ == "appos" and head.head.lemma_.lower() in lexicon.outlet_nouns:
        return name
    before = head.doc[names[0].i - 1] if names and names[0].i else None  # the noun right
    if before is None or before.pos_ != "NOUN":  # before, where the parser set them apart
        return None
    return name if _outlet_noun(before, before.lemma_.lower(), lexicon) else None


def _outlet_noun(head: Token, lemma: str, lexicon: Lexicon) -> bool:
    """A common noun of news media, alone ("the newspaper") or with the word before it ("the
    news agency", "a wire service")."""
    nouns = lexicon.outlet_nouns
    return (
        lemma in nouns
        or head.lower_ in nouns
        or any(c.dep_ == "compound" and f"{c.lower_} {lemma}" in nouns for c in head.lefts)
    )


def _news_reports(head: Token, lexicon: Lexicon) -> bool:
    """Reports of the news media, no outlet named: "news reports", "media accounts", "press
    stories", and bare "reports" with no one's name ("according to reports in Spain"; not
    "reports by the ministry")."""
    if head.lemma_.lower() not in lexicon.news_reports:
        return False
    media = any(
        c.dep_ == "compound" and (c.lower_ == "news" or c.lower_ in lexicon.outlet_nouns)
        for c in head.children
    )
    whose = ("det", "poss", "compound", "amod", "nummod")
    bare = head.lower_ == "reports" and not any(
        c.dep_ in whose or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))
        for c in head.children
    )
    return media or bare


def _examples(head: Token, lexicon: Lexicon, matches: Matches) -> SourceType | None:
    """A group given by named members speaks through them: "think tanks like the Brookings
    Institution", "groups such as the ACLU", "outlets including CNN" (named, or outlet); so
    does one given by the people named in it or at its head ("a bench of Justices Meera
    Kapoor and Anil Sethi", "a bench headed by Justice Arvind Rao")."""
    if _named_in_it(head, lexicon):
        return "named"
    for child in head.children:
        if child.dep_ != "prep":
            continue
        such = child.lower_ == "as" and any(t.lower_ == "such" for t in child.lefts)
        such = such or (child.i > 0 and head.doc[child.i - 1].lower_ == "such")
        if child.lower_ in ("like", "including") or such:
            for example in (c for c in child.children if c.dep_ == "pobj"):
                kind = classify(example, lexicon, matches).type
                if kind in ("named", "outlet"):
                    return kind
    return None


def _named_in_it(head: Token, lexicon: Lexicon) -> bool:
    """ "a bench of Justices Meera Kapoor and Anil Sethi" (two or more people named, not "a
    friend of Tom Hale"), "a team led by Jane Roe", "a bench headed by Justice Arvind Rao"."""
    lemma = head.lemma_.lower()
    if (
        lemma in lexicon.unnamed_person
        or lemma in lexicon.person_nouns
        or lemma in lexicon.relations
    ):
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            people = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
            if any(
                c.dep_ == "conj" and c.ent_type_ == "PERSON" for p in people for c in p.children
            ):
                return True
        if child.dep_ == "acl" and child.lemma_.lower() in _LEADING:
            agents = [p for a in child.children if a.dep_ == "agent" for p in a.children]
            if any(p.dep_ == "pobj" and p.ent_type_ in _LEADERS for p in agents):
                return True  # "a team led by Jane Roe", "27 states led by West Virginia"
    return False


_LEADERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def scholarly(head: Token) -> bool:
    """ "a research paper", "the paper published in Nature", "a paper by Jane Roe": a paper that
    is a document, not a newspaper."""
    if head.lemma_.lower() != "paper":
        return False
    return any(
        (c.dep_ in ("compound", "amod") and c.lemma_.lower() in _SCHOLARLY)
        or (c.dep_ == "acl" and c.lemma_.lower() in ("publish", "title", "write", "author"))
        or (c.dep_ == "prep" and c.lower_ == "by")
        for c in head.children
    )


def proper_name_beside(head: Token) -> str | None:
    """A proper name set beside a common noun: "the newspaper Kommersant", "Kommersant
    newspaper"."""
    beside = [c for c in head.children if c.dep_ in ("appos", "compound", "nmod", "npadvmod")]
    if head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_type_:  # parsed apart
        beside.append(head.doc[head.i + 1])
    for child in beside:
        if child.pos_ == "PROPN":
            left, right = child.left_edge, child.right_edge
            return head.doc[left.i : right.i + 1].text.strip(", ")
    return None


def _with_issuer(head: Token, core: list[Token], issuer: Token) -> str:
    """A document's name with the phrase after it that names its issuer, up to a comma:
    "report by the WHO", "document on Acme's website", not "report" or "document"."""
    doc = head.doc
    plain = doc[core[0].i : core[-1].i + 1].text
    if issuer.i < head.i:
        return plain
    before = doc[issuer.i - 1]  # "by the" of "report by the WHO", the name misread a pronoun
    prep = next(
        (
            c
            for c in head.children
            if c.dep_ == "prep" and (c.is_ancestor(issuer) or c.is_ancestor(before))
        ),
        None,
    )
    if prep is None:
        return plain
    end = max(prep.right_edge.i, issuer.i) + 1
    if issuer.dep_ == "compound":  # the name before a cue misread as its head (_misread_cue)
        end = issuer.i + 1
    stop = next((t.i for t in doc[issuer.i : end] if t.text in _PHRASE_ENDS), end)
    return doc[core[0].i : stop].text


def _issuer(head: Token, lexicon: Lexicon, matches: Matches) -> tuple[SourceType, Token] | None:
    """The type of whoever issued a document, and the word naming them, when the mention says:
    "a report by the WHO", "data published by OpenAI", "the EU's statement", "his release", "a
    study by The Economist" or "a report in Le Monde" (an outlet's document is the outlet's), "a
    document on Acme's website" (the site's), "X said in a statement" (the speaker's)."""
    issuers = []
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and _body_word(child, lexicon)):
            issuers.append(child)  # "the EU's statement", "a Washington Post database"
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [_misread_article(c) for c in child.children if c.dep_ == "pobj"]
            issuers += [_misread_cue(c, lexicon) for c in objects]
        elif (
            child.lower_ == "of" and {head.lemma_.lower(), head.lower_} & lexicon.document_portions
        ):
            issuers += [c for c in child.children if c.dep_ == "pobj"]  # "details of the bill"
        elif child.dep_ == "prep" and child.lower_ == "of":
            # "the transcript of the debate, published by The Washington Post": the parser
            # hangs the participle on the nearer noun, but it is the document that is published
            issuers += [
                issuer
                for c in child.children
                if c.dep_ == "pobj"
                for clause in c.children
                if clause.dep_ == "acl"
                for issuer in _clause_issuers(clause, lexicon)
            ]
        elif child.dep_ == "prep" and child.lower_ == "in":  # "a report in Le Monde"
            issuers += [
                c
                for c in child.children
                if c.dep_ == "pobj"
                and (
                    c.lemma_.lower() in lexicon.texts  # "a graph in a report by Oxfam"
                    or classify(c, lexicon, matches).type == "outlet"
                )
            ]
        elif child.dep_ == "prep" and child.lower_ == "on":  # "a document on Acme's website"
            issuers += [
                owner
                for place in child.children
                if place.dep_ == "pobj" and place.lemma_.lower() in lexicon.document_places
                for owner in place.children
                if owner.dep_ == "poss" or (owner.dep_ == "compound" and owner.pos_ == "PROPN")
            ]
        elif child.dep_ in ("acl", "relcl"):
            issuers += _clause_issuers(child, lexicon)
    issued = head.head.lemma_.lower() in lexicon.issuing_verbs
    if head.dep_ == "dobj" and issued:  # "The CBO released a report"
        issuers += [c for c in head.head.children if c.dep_ == "nsubj"]
    verb = head.head.head
    if (
        head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and verb.lemma_.lower() in lexicon.cue_classes
    ):
        issuers += [c for c in verb.children if c.dep_ == "nsubj"]  # "In a statement, X said"
    research = head.lemma_.lower() in _RESEARCH or scholarly(head)
    for issuer in issuers:
        if issuer.lower_ in ("his", "her", "its"):  # "his release", "minutes of its meeting"
            return "named", issuer
        if issuer.lower_ == "our":  # outside quotes, the publication's own ("our forecasts")
            return "outlet", issuer
        if issuer.pos_ == "PRON" and not issuer.text.isupper():  # not "the WHO"
            continue
        typed = classify(issuer, lexicon, matches)
        definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in issuer.children)
        if definite and typed.entity == "organization" and issuer.dep_ == "poss":
            return "named", issuer  # "the company's annual filing": the company named before
        described = definite or (issuer.dep_ == "compound" and issuer.pos_ == "NOUN")
        if described and typed.type == "unnamed" and typed.entity == "organization":
            return "named", issuer  # "a letter from the joint venture", "a company filing"
        unnamed_body = typed.type == "unnamed" and typed.entity == "organization"
        if unnamed_body and proper_name_beside(issuer) is not None:
            return "named", issuer  # "a report by the rights group Justice Watch"
        venue = issuer.head.lower_ == "in" and research
        journal = typed.type == "outlet" or proper_name_beside(issuer) is not None
        if journal and venue:  # "a study that appeared in the BMJ", "published in the journal
            return "named", issuer  # Nature Geoscience": its authors'
        if typed.type in ("named", "outlet"):
            return typed.type, issuer
        # "a chart from the IMF's outlook": its issuer's (a document's own issuer classify
        # has weighed already: "a graph in a report by Oxfam")
        if issuer.head.lower_ in ("from", "in") and typed.entity != "document":
            taken = _issuer(issuer, lexicon, matches)
            if taken is not None:
                return taken
    return None


def _body_word(word: Token, lexicon: Lexicon) -> bool:
    """A word before a document's noun that names who issued it: a name ("a Washington Post
    database", "a PCB press release", the acronym tagged a noun) or the noun of a body the text
    names ("a company filing"); not an institution's ("court documents" are no court's word)."""
    lemma = word.lemma_.lower()
    if lemma in lexicon.institutions and not word.text.isupper():
        return False  # "Court documents show", capitalised first in a sentence
    return word.pos_ == "PROPN" or word.ent_type_ == "ORG" or lemma in lexicon.organization_nouns


def _misread_article(pobj: Token) -> Token:
    """The name after "the" when the parser left the article alone as the object and took the
    name for a relative pronoun ("a report by the WHO found ...")."""
    after = pobj.doc[pobj.i + 1] if pobj.i + 1 < len(pobj.doc) else None
    if pobj.tag_ == "DT" and after is not None and after.ent_type_ and after.text.isupper():
        return after
    return pobj


def _misread_cue(pobj: Token, lexicon: Lexicon) -> Token:
    """The name before a cue closing the sentence that the parser took for the object's head
    ("..., figures from the CSO show.")."""
    before = pobj.doc[pobj.i - 1] if pobj.i else None
    if (
        pobj.lower_ in lexicon.cue_forms
        and (pobj.i + 1 == pobj.sent.end or pobj.doc[pobj.i + 1].is_punct)
        and before is not None
        and before.dep_ == "compound"
        and before.pos_ == "PROPN"
        and before.head == pobj
    ):
        return before
    return pobj


def _clause_issuers(clause: Token, lexicon: Lexicon) -> list[Token]:
    """Who issued a document, from a clause on it: "compiled by X", "published in X", "a
    study that appeared in X", "a speech X delivered", "the report, which X released" (a clause
    with a subject of its own is a relative one, even where the parser calls it acl)."""
    lemma = clause.lemma_.lower()
    issuing = lemma in lexicon.issuing_verbs
    found = []
    for c in clause.children:
        if (c.dep_ == "agent" and lemma not in lexicon.obtaining_verbs) or (
            c.lower_ == "in" and lemma in ("appear", "publish")
        ):
            found += [_misread_cue(p, lexicon) for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "nsubj" and issuing:  # a relative clause, whatever its label
            found += [] if c.tag_ in ("WDT", "WP") else [c]  # ("a report that Acme filed")
    return found


def _voiced(head: Token, lexicon: Lexicon, matches: Matches) -> Typed | None:
    """The document whose voice ``head`` is, typed: "a narrator in the Clinton ad", "the ad's
    narrator", "the narrator of the video"."""
    if head.lemma_.lower() not in lexicon.document_voices:
        return None
    for child in head.children:
        if child.dep_ == "poss":
            documents = [child]
        elif child.dep_ == "prep" and child.lower_ in ("in", "of", "on"):
            documents = [c for c in child.children if c.dep_ == "pobj"]
        else:
            continue
        for document in documents:
            typed = classify(document, lexicon, matches)
            if typed.entity == "document":
                return typed
    return None


def _represented(head: Token, lexicon: Lexicon, matches: Matches) -> tuple[str, Entity] | None:
    """Whom a spokesperson or a lawyer speaks for, when named, and what they are: "a
    spokesperson for Acme Corp." (organization), "an Acme spokesman", "the ministry's
    spokeswoman", "Pagliano's lawyer" (person: his lawyer speaks for him on the record); whose
    kin a relative is ("his wife", "the victim's mother": one identifiable person); whose
    researchers or analysts speak ("scientists at Oxford University", "NOAA researchers",
    "analysts at JPMorgan": its research)."""
    lemma = head.lemma_.lower()
    kin = _people(head)
    # several who speak as their body: its researchers, or all its members ("the members of
    # the UN Security Council"); not "a researcher", not "some members"
    collective = lemma in lexicon.research_staff and kin == "group"
    if lemma in lexicon.body_members and kin == "group":
        determiners = [c for c in head.children if c.dep_ in ("det", "poss")]
        collective = len(determiners) == 1 and (  # "the members", "the museum's trustees"
            determiners[0].lower_ == "the" or determiners[0].dep_ == "poss"
        )
    if (
        not collective
        and lemma not in lexicon.representatives | lexicon.counsel | lexicon.relations
    ):
        return None
    for child in head.children:
        candidates = []
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from"):
            candidates = [_misread_article(c) for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "NOUN"):
            candidates = [child]
        elif _party_word(child, head):  # "a Conservative spokesman": the party's
            return child.text, "organization"
        elif child.dep_ == "poss" and child.lower_ in _POSSESSIVE_PERSONAL:  # "his lawyer"
            return strip_determiner(head.doc[head.left_edge.i : head.i + 1].text), kin
        for whom in candidates:
            typed = classify(whom, lexicon, matches)
            if whom.lemma_.lower() in lexicon.plain_people:
                continue  # "the man's lawyer": whoever the man is
            definite = any(c.lower_ == "the" for c in whom.children)
            if definite and whom.lemma_.lower() in lexicon.person_descriptors and not collective:
                mention = head.doc[head.left_edge.i : head.right_edge.i + 1].text
                return strip_determiner(mention), kin  # "a lawyer for the billionaire" named
            owner = whom.dep_ == "poss" and definite
            if typed.type not in ("named", "outlet") or (
                collective and whom.pos_ != "PROPN" and not whom.ent_type_ and not owner
            ):
                continue  # "researchers at a university" are not named by it; "the museum's"
                # trustees are the museum's named before
            name = typed.name.removesuffix("'s").removesuffix("’s")
            if typed.entity == "organization" and not collective and lemma not in lexicon.relations:
                return name, "organization"
            if typed.entity != "document":  # of a named person or family: one of theirs
                mention = head.doc[head.left_edge.i : head.right_edge.i + 1].text
                return strip_determiner(mention), kin
    return None


def _one_of_a_kind(head: Token, core: list[Token]) -> bool:
    """One member of a party or people, not named: a capitalized word alone after "a", "an"
    or "one" ("a Democrat", "one Republican", "a senior Conservative", "an American")."""
    if head.pos_ != "PROPN" or head.ent_type_ not in ("NORP", "PERSON", "ORG", ""):
        return False
    start, end = entity_range(head)
    if end - start > 1:  # a name of several words: "A Ministry of Housing spokesperson"
        return False
    first = core[0].lower_
    if first not in ("a", "an", "one", "another"):
        return False
    return not any(t.pos_ == "PROPN" for t in core if t.i != head.i)


def _party_word(child: Token, head: Token) -> bool:
    """A party or national adjective right before a representative ("a Conservative
    spokesman", "a Labour spokeswoman"), not one of several words ("an Israeli military
    spokesman" speaks for the military)."""
    return (
        child.pos_ == "ADJ"
        and child.dep_ in ("amod", "compound")
        and child.ent_type_ in ("NORP", "ORG")
        and child.text[:1].isupper()
        and child.i + 1 == head.i
    )


def _entity_text(head: Token) -> str:
    """The named entity around ``head``, without a dash the tagger took in ("― Jane Roe")."""
    return head.doc[slice(*entity_range(head))].text


def entity_range(head: Token) -> tuple[int, int]:
    """Where the named entity around ``head`` starts and ends, found from IOB tags
    (``doc.ents`` is O(n) a call); the head alone outside any."""
    if not head.ent_type_:
        return head.i, head.i + 1
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while start < head.i and not doc[start].text[0].isalnum():
        start += 1
    end = head.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _institution(core: list[Token], lexicon: Lexicon, matches: Matches) -> str | None:
    """The institution a description ends with ("the White House", "the foreign ministry");
    not a plural without "the" ("companies complain", "hospitals say": a generic group), though
    "police" is one."""
    head = core[-1]
    generic = head.tag_ == "NNS" and head.lower_ != head.lemma_.lower()
    if generic and not any(t.lower_ in _DEFINITE or t.dep_ == "poss" for t in core):
        return None
    found = matches.institution(core, _DETERMINERS)
    if found is not None:
        return found
    words = [t for t in core if t.lower_ not in _DETERMINERS]
    if len(words) == 1 and core[-1].lemma_.lower() in lexicon.institutions:
        return core[-1].lemma_.lower()
    return None
