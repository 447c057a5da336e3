"""Resolve source mentions across a document and build the Analysis.

Mentions are visited in text order; each either refers back to an earlier
source (pronouns, definite descriptions such as "the source" or "the same
publication", surnames) or starts a new one. Within one attribution the chain
is visited from the outermost relay inwards, so the inner outlet ("NBC News",
not the publishing "UNN") is the salient one for a following "the publication".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..results import Analysis, Kind, NoComment, Source, Statement, TextSpan, Unattributed
from .classify import (
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    Typed,
    classify,
    mention_tokens,
    shares_surname,
    strip_determiner,
)
from .extract import Extraction, Hedge, Mention
from .lexicon import Lexicon, Matches

_GENERIC_PERSON = frozenset({"source", "interlocutor", "person", "official", "insider", "speaker"})
_GENERIC_OUTLET = frozenset({"publication", "outlet", "media", "newspaper", "paper", "agency"})
_QUOTE_MARKS = '"“”„«»‘’'
_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_THING
_DOUBLED = "''"


@dataclass
class _Source:
    id: str
    typed: Typed
    mentions: list[TextSpan] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    """Role nouns a person was introduced with ("Mayor Jane Doe", "the coach, John Smith"),
    so a later "the mayor" or "the coach" is that person."""
    words: set[str] = field(default_factory=set)
    """Every word of every mention, lower case: what a later description may repeat."""

    @property
    def name(self) -> str:
        return self.typed.name


class _Resolver:
    def __init__(self, doc: Doc, text: str, lexicon: Lexicon, matches: Matches) -> None:
        self.doc = doc
        self.text = text
        self.lex = lexicon
        self.matches = matches
        self.sources: list[_Source] = []
        self.by_key: dict[str, _Source] = {}
        self.recent: list[_Source] = []  # most recent last
        self.persons = _person_entities(doc)
        self.used: set[int] = set()  # head tokens already resolved

    def resolve(self, mention: Mention) -> list[_Source]:
        bounds = (mention.start, mention.end)
        return [self.resolve_head(head, mention.heads, bounds) for head in mention.heads]

    def resolve_head(
        self, head: Token, coordinated: Sequence[Token], bounds: tuple[int, int] | None = None
    ) -> _Source:
        """The source of one head; its mention never reaches outside ``bounds`` (the span the
        rule found: "Poll" of a headline "Poll: ...", whose parse makes it the root)."""
        relative = _relative_antecedent(head)
        if relative is not None:  # "an aide, who said ...": the source is the aide
            return self.resolve_head(relative, [head.head])
        named = _named_appositive(head) or head
        typed = classify(named, self.lex, self.matches)
        toks = [
            t
            for t in mention_tokens(head, coordinated)
            if bounds is None or bounds[0] <= t.idx < bounds[1]
        ]
        if toks:
            span = TextSpan.of(self.text, toks[0].idx, toks[-1].idx + len(toks[-1]))
        elif bounds is not None:  # the head is the name spelled out elsewhere ("Pence:")
            span = TextSpan.of(self.text, *bounds)
        else:
            span = TextSpan.of(self.text, head.idx, head.idx + len(head))
        if typed.type == "unnamed" and not typed.anaphoric and head.pos_ != "PRON":
            name = strip_determiner(self.without_clause(head, span))
            typed = replace(typed, name=name, key="anon:" + name.lower())
        self.used.add(head.i)
        antecedent = self.refer_back(head, typed)
        if antecedent is None and head.lower_ in _PRONOUNS:
            typed = replace(typed, type="unresolved")  # no compatible source to refer back to
        src = antecedent or self.by_key.get(typed.key) or self.new(typed)
        src.mentions.append(span)
        src.words.update(span.text.lower().split())
        if src.typed.entity == "person" and src.typed.type == "named":
            src.titles.update(_titles(named, head))
        if src in self.recent:
            self.recent.remove(src)
        self.recent.append(src)
        return src

    def without_clause(self, head: Token, span: TextSpan) -> str:
        """The mention up to a relative clause, as a name: "a logistics manager at one of the
        carriers, who asked not to be named because ..." is "a logistics manager at one of the
        carriers" (the mention itself, as annotated corpora do, keeps the clause)."""
        clause = next((t for t in head.subtree if t.dep_ == "relcl" and t.i > head.i), None)
        if clause is None or not span.start < clause.left_edge.idx < span.end:
            return span.text
        return self.text[span.start : clause.left_edge.idx].rstrip(" ,;:–—-")

    def new(self, typed: Typed) -> _Source:
        src = _Source(f"src{len(self.sources) + 1}", typed)
        self.sources.append(src)
        if not typed.anaphoric:
            self.by_key[typed.key] = src
        return src

    def refer_back(self, head: Token, typed: Typed) -> _Source | None:
        lower = head.lower_
        if lower in PRONOUNS_PERSON:
            return self.last(lambda s: s.typed.entity == "person") or self.person_antecedent(head)
        if lower in PRONOUNS_GROUP:
            return self.last(lambda s: s.typed.entity in ("group", "organization"))
        if lower == "it":
            return self.last(lambda s: s.typed.entity in ("organization", "document"))
        if typed.anaphoric and head.pos_ == "NOUN" and typed.type != "outlet" and _bare(head):
            # "the mayor" after "Mayor Jane Doe", "the spokesman" after "a spokesman for X"
            lemma, qualifiers = typed.head_lemma, _qualifiers(head)
            same = self.last(
                lambda s: (
                    (s.typed.head_lemma == lemma or lemma in s.titles) and qualifiers <= s.words
                )
            )
            if same is not None:
                return same
        if typed.type == "named" and typed.entity == "person":
            return self.same_person(typed)
        if not typed.anaphoric:
            return None
        lemma = typed.head_lemma
        if typed.type == "outlet":
            return self.last(
                lambda s: (
                    s.typed.type == "outlet"
                    and (lemma in _GENERIC_OUTLET or s.typed.head_lemma == lemma)
                )
            )
        same_head = self.last(lambda s: s.typed.head_lemma == lemma and s.typed.type == typed.type)
        if same_head is not None or lemma not in _GENERIC_PERSON:
            return same_head
        return self.last(lambda s: s.typed.type == "unnamed" and s.typed.entity == "person")

    def entity(self, source_id: str | None) -> str | None:
        """The entity of a resolved source, as resolved so far."""
        src = next((s for s in self.sources if s.id == source_id), None)
        return src.typed.entity if src is not None else None

    def last(self, accept: Callable[[_Source], bool]) -> _Source | None:
        return next((s for s in reversed(self.recent) if accept(s)), None)

    def other_mentions(self) -> None:
        """Record where known sources are mentioned outside attributions ("the official did not
        specify"), so each source lists all its mentions. Never creates a source."""
        lemmas = {s.typed.head_lemma for s in self.sources}
        words = {
            word
            for s in self.sources
            for word in (*s.typed.name.lower().split(), *s.typed.key.partition(":")[2].split())
        }
        for chunk in self.doc.noun_chunks:
            head = chunk.root
            if head.i in self.used or head.pos_ == "PRON":
                continue
            if head.lemma_.lower() not in lemmas and head.lower_ not in words:
                continue  # cannot match a known source; skip the costly typing
            typed = classify(head, self.lex, self.matches)
            src = self.by_key.get(typed.key)
            if src is None and typed.anaphoric:
                src = next(
                    (
                        s
                        for s in self.sources
                        if s.typed.head_lemma == typed.head_lemma
                        and s.typed.type == typed.type
                        and s.mentions[0].start < head.idx
                    ),
                    None,
                )
            if src is None and typed.type == "named" and typed.entity == "person":
                src = self.same_person(typed)
            if src is not None:
                toks = mention_tokens(head) or [head]
                src.mentions.append(
                    TextSpan.of(self.text, toks[0].idx, toks[-1].idx + len(toks[-1]))
                )
                src.mentions.sort(key=lambda m: m.start)

    def same_person(self, typed: Typed) -> _Source | None:
        """A surname ("Smith") refers to the full name ("Jane Smith") seen earlier."""
        for src in reversed(self.recent):
            if src.typed.entity != "person" or src.typed.type != "named":
                continue
            if shares_surname(typed.name, src.typed.name):
                if len(typed.name.split()) > len(src.typed.name.split()):
                    src.typed = typed
                return src
        return None

    def person_antecedent(self, pronoun: Token) -> _Source | None:
        """A pronoun whose antecedent is a person named in the text but not yet a source."""
        name = None
        for ent_start, ent in self.persons:
            if ent_start >= pronoun.idx:
                break
            name = ent
        if name is None:
            return None
        typed = Typed(
            "named", "person", name, "person:" + name.lower(), False, name.split()[-1].lower()
        )
        return self.same_person(typed) or self.by_key.get(typed.key) or self.new(typed)


def _named_appositive(head: Token) -> Token | None:
    """The name in "the team's coach, John Smith,": it types and resolves the mention."""
    if head.ent_type_ == "PERSON" or head.pos_ != "NOUN":
        return None
    return next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


def _bare(head: Token) -> bool:
    """A description without a qualifier: "the mayor", not "the mayor of the next town"."""
    return not any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in head.children)


def _qualifiers(head: Token) -> set[str]:
    """Words narrowing a description ("Republican" in "the Republican nominee"): an earlier
    source must have used them all to be the one meant."""
    return {c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}


def _titles(name: Token, head: Token) -> set[str]:
    """Role words attached to a person's name: "Mayor" in "Mayor Jane Doe", "Gov." in "Indiana
    Gov. Mike Pence", "coach" in "the team's coach, John Smith" (whose appositive is the name)."""
    titles = {
        c.lemma_.lower()
        for c in name.children
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_
    }
    if name is not head:
        titles.add(head.lemma_.lower())
    return titles


def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for: "who" in "the aide, who said" is the aide."""
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        noun = head.head.head
        if noun.pos_ in ("NOUN", "PROPN") and noun.i != head.i:
            return noun
    return None


def _person_entities(doc: Doc) -> list[tuple[int, str]]:
    """PERSON entities acting as subjects, with surnames expanded to the full name seen first."""
    full: dict[str, str] = {}
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s")
        last = name.split()[-1] if name.split() else name
        if len(name.split()) > 1:
            full.setdefault(last, name)
        if ent.root.dep_ in ("nsubj", "nsubjpass"):
            out.append((ent.start_char, full.get(last, name)))
    return out


def build_analysis(
    doc: Doc, extraction: Extraction, lexicon: Lexicon, matches: Matches, model: str = ""
) -> Analysis:
    """Resolve sources and assemble statements, the other attributions, no-comment events,
    hedges and the summary."""
    text = extraction.text
    resolver = _Resolver(doc, text, lexicon, matches)
    found: list[Statement] = []
    resolved: dict[int, tuple[str | None, tuple[str, ...], tuple[str, ...], str]] = {}
    for cand in extraction.candidates:
        if cand.continues is not None and cand.continues in resolved:
            source_id, co, via, cls = resolved[cand.continues]
        else:
            via_sources = [resolver.resolve(m)[0] for m in reversed(cand.relays)]
            heads = resolver.resolve(cand.source) if cand.source else []
            source_id = heads[0].id if heads else None
            co = tuple(s.id for s in heads[1:])
            via = tuple(s.id for s in reversed(via_sources))
            cls = cand.cls
        resolved[cand.uid] = (source_id, co, via, cls)
        pieces = tuple(TextSpan.of(text, s, e) for s, e in cand.pieces)
        kind = statement_kind(pieces)
        entity = resolver.entity(source_id)
        found.append(
            Statement(
                id="",
                kind=kind,
                pieces=pieces,
                cue=TextSpan.of(text, *cand.cue) if cand.cue else None,
                source_span=TextSpan.of(text, cand.source.start, cand.source.end)
                if cand.source
                else None,
                source_id=source_id,
                via=via,
                co_source_ids=co,
                cls=final_class(lexicon, cls, kind, entity),
            )
        )
    refusals = tuple(
        NoComment(
            f"n{n}",
            TextSpan.of(text, *r.cue),
            TextSpan.of(text, r.source.start, r.source.end) if r.source else None,
            resolver.resolve(r.source)[0].id if r.source else None,
        )
        for n, r in enumerate(extraction.refusals, 1)
    )
    resolver.other_mentions()
    statements = _numbered((st for st in found if lexicon.is_statement(st.cls or "")), "s")
    others = _numbered((st for st in found if not lexicon.is_statement(st.cls or "")), "a")
    used = {sid for st in found for sid in (st.source_id, *st.via, *st.co_source_ids)}
    used.update(e.source_id for e in refusals if e.source_id)
    sources = tuple(
        Source(s.id, s.name, s.typed.type, s.typed.entity, tuple(s.mentions))
        for s in resolver.sources
        if s.id in used
    )
    hedges = unattributed(text, extraction.hedges, found)
    return Analysis(statements, sources, hedges, model, others=others, no_comment=refusals)


def final_class(lexicon: Lexicon, cls: str, kind: Kind, entity: str | None) -> str:
    """The class of an attribution, from its cue's class refined by what it is: a document as
    source makes it a document statement ("the study found"), and a quotation is speech ('"We
    will fight," she vowed')."""
    info = lexicon.classes[cls]
    if entity == "document" and info.of_document:
        return "document"
    if kind == "direct" and not info.statement and cls != "unasserted":
        return "speech"
    return cls


def _numbered(statements: Iterable[Statement], prefix: str) -> tuple[Statement, ...]:
    return tuple(replace(st, id=f"{prefix}{n}") for n, st in enumerate(statements, 1))


def statement_kind(pieces: tuple[TextSpan, ...]) -> Kind:
    """direct when every piece is a quotation, mixed when some quoting is inside, else indirect."""

    def quoted(p: TextSpan) -> bool:
        if p.text.startswith(_DOUBLED):
            return len(p.text) > 2
        return p.text[:1] in _QUOTE_MARKS and (p.text[-1:] in _QUOTE_MARKS or len(p.text) > 1)

    if all(quoted(p) and _single_quote(p.text) for p in pieces):
        return "direct"
    if any(ch in _QUOTE_MARKS.replace("’", "") for p in pieces for ch in p.text):
        return "mixed"
    if any(_DOUBLED in p.text for p in pieces):
        return "mixed"
    return "indirect"


def _single_quote(text: str) -> bool:
    """The piece is one quotation: no closing mark before its last character."""
    if text.startswith(_DOUBLED):
        return _DOUBLED not in text[2:-2]
    inner = text[1:-1]
    return not any(ch in '"”»' for ch in inner)


def unattributed(
    text: str, hedges: Sequence[Hedge], statements: Sequence[Statement]
) -> tuple[Unattributed, ...]:
    """Hedged claims not already inside an attributed statement, one per sentence."""
    spans = [(p.start, p.end) for st in statements for p in st.pieces]
    out: dict[tuple[int, int], Unattributed] = {}
    for h in hedges:
        if any(s <= h.start and h.end <= e for s, e in spans) or (h.start, h.end) in out:
            continue
        out[(h.start, h.end)] = Unattributed(h.start, h.end, text[h.start : h.end], h.marker)
    return tuple(out.values())
