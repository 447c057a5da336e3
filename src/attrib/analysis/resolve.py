"""Resolve source mentions across a document and build the Analysis.

Mentions are visited in text order; each either refers back to an earlier
source (pronouns, definite descriptions such as "the source" or "the same
publication", surnames) or starts a new one. Within one attribution the chain
is visited from the outermost relay inwards, so the inner outlet ("NBC News",
not the publishing "UNN") is the salient one for a following "the publication".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..results import (
    Analysis,
    Entity,
    Kind,
    NoComment,
    Source,
    Statement,
    TextSpan,
    Unattributed,
)
from .classify import (
    INDEFINITE_PRONOUNS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    PRONOUNS_SPEAKER,
    PRONOUNS_THING,
    Typed,
    classify,
    core_tokens,
    entity_range,
    mention_tokens,
    proper_name_beside,
    scholarly,
    shares_surname,
    strip_determiner,
)
from .extract import Candidate, Extraction, Hedge, Mention, Settings
from .lead import description_words, introduction_words
from .lexicon import Lexicon, Matches
from .people import People, Person, pronoun_gender

_PHRASE_HEADS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "pcomp", "dative", "appos", "attr", "oprd", "ROOT"}
)
"""Dependencies of the heads of noun phrases (those of spaCy's English ``noun_chunks``)."""
_GENERIC_PERSON = frozenset({"source", "interlocutor", "person", "official", "insider", "speaker"})
_GENERIC_OUTLET = frozenset({"publication", "outlet", "media", "newspaper", "paper", "agency"})
_QUOTE_MARKS = '"“”„«»‘’'
_PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_THING
_DOUBLED = "''"
_PLACE_OR_BODY = frozenset({"GPE", "LOC", "FAC", "ORG"})


@dataclass
class _Source:
    id: str
    typed: Typed
    mentions: list[TextSpan] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    """Token index of the head of every mention resolved to this source."""
    titles: set[str] = field(default_factory=set)
    """Role nouns a person was introduced with ("Mayor Jane Doe", "the coach, John Smith"),
    so a later "the mayor" or "the coach" is that person."""
    words: set[str] = field(default_factory=set)
    """Every word of every mention, lower case: what a later description may repeat."""

    @property
    def name(self) -> str:
        return self.typed.name


class _Resolver:
    def __init__(
        self, doc: Doc, text: str, lexicon: Lexicon, matches: Matches, settings: Settings
    ) -> None:
        self.doc = doc
        self.text = text
        self.lex = lexicon
        self.matches = matches
        self.settings = settings
        self.sources: list[_Source] = []
        self.by_key: dict[str, _Source] = {}
        self.by_person: dict[int, _Source] = {}
        self.recent: list[_Source] = []  # most recent last
        self.people = People(doc, lexicon)
        self.sentence = _sentence_numbers(doc)
        self.sentence_starts = [s.start for s in doc.sents]
        self.mentioned: dict[int, list[tuple[int, Person | _Source]]] = {}
        """Sentence number -> (token, person or source) of every mention so far: what a
        pronoun may refer back to, looked up sentence by sentence, never the whole text."""
        for person in self.people.people:
            for i in person.mentions:
                self.mentioned.setdefault(self.sentence[i], []).append((i, person))
        self.nouns: dict[str, list[int]] = {}  # lemma -> where each common noun stands
        self.described: list[int] = []  # "The mayor disagreed.": people to refer back to
        self.described_groups: list[int] = []  # "Critics disagree. ..., they say"
        self.described_things: list[int] = []  # "The court disagreed. It noted that ..."
        persons = lexicon.person_nouns | lexicon.unnamed_person | set(lexicon.genders)
        groups = persons | lexicon.unnamed_group
        things = lexicon.institutions | lexicon.document_nouns
        untagged: list[int] = []  # names the tagger left unlabelled, as subjects
        self.phrase_heads: list[int] = []  # heads of noun phrases, as doc.noun_chunks gives
        for t in doc:  # one pass: every token object made once
            pos, tag = t.pos_, t.tag_
            if pos != "NOUN" and pos != "PROPN":
                continue
            lemma = t.lemma_.lower()
            if pos == "NOUN":
                self.nouns.setdefault(lemma, []).append(t.i)
            dep = t.dep_
            if dep in _PHRASE_HEADS or (dep == "conj" and t.head.pos_ in ("NOUN", "PROPN")):
                self.phrase_heads.append(t.i)
            if dep not in ("nsubj", "nsubjpass"):
                continue
            if pos == "PROPN" and t.dep_ == "nsubj" and not t.ent_type_:
                untagged.append(t.i)
            if pos == "NOUN" and tag == "NN" and lemma in persons:
                self.described.append(t.i)
            if pos == "NOUN" and tag == "NNS" and (lemma in groups or t.lower_ in groups):
                self.described_groups.append(t.i)
            singular = tag in ("NN", "NNP") or t.lower_ == lemma  # "police" is one body
            if singular and (t.ent_type_ == "ORG" or lemma in things):
                self.described_things.append(t.i)
        named_bodies = [i for i in self.described_things if doc[i].ent_type_ == "ORG"]
        self.bodies_and_groups = sorted(self.described_groups + named_bodies)
        """What "they" may refer to: "Critics disagree", "The Environment Agency warned" (a
        body by name; "the state" is an "it")."""
        self.organizations = sorted(
            {e.root.i for e in doc.ents if e.label_ == "ORG" and not _in_dateline(e)} | {*untagged}
        )
        """Where the text names an organization, or a name the tagger left unlabelled is a
        subject ("Anthropic released a model"): what "the startup" may refer back to."""
        self.claim: tuple[tuple[int, int], ...] = ()
        """The reported (not quoted) pieces after its source of the claim being resolved: whom
        they name is not its speaker ("He said that Hartley had closed his business" is not
        Hartley; in a quotation one may name oneself)."""
        self.used: set[int] = set()  # head tokens already resolved
        self.first_subjects: dict[tuple[int, str], int | None] = {}

    def resolve(self, mention: Mention, reporting: bool = False) -> list[_Source]:
        """The sources of a mention; ``reporting`` when it is the subject of a publishing cue
        ("X reported"), which makes a named organization an outlet."""
        bounds = (mention.start, mention.end)
        return [
            self.resolve_head(head, mention.heads, bounds, reporting=reporting)
            for head in mention.heads
        ]

    def resolve_head(
        self,
        head: Token,
        coordinated: Sequence[Token],
        bounds: tuple[int, int] | None = None,
        look_back: bool = True,
        reporting: bool = False,
    ) -> _Source:
        """The source of one head; its mention never reaches outside ``bounds`` (the span the
        rule found: "Poll" of a headline "Poll: ...", whose parse makes it the root). Without
        ``look_back`` a description is not taken for a person named before it."""
        relative = _relative_antecedent(head)
        if relative is not None:  # "an aide, who said ...": the source is the aide
            return self.resolve_head(self.speaking_noun(relative), [head.head])
        text = head.lemma_.lower() in self.lex.document_nouns  # "the charge sheet, Ali Swaleh,"
        named = (None if text else _named_appositive(head)) or head  # is not Swaleh
        typed = classify(named, self.lex, self.matches)
        if named is not head and typed.type == "named":  # "his teammate Huw Jenkins": a person
            described = classify(head, self.lex, self.matches).entity
            if {described, typed.entity} <= {"person", "organization"}:
                typed = replace(typed, entity=described)
        study = self.study_before(named, typed)
        if study is not None:  # "the paper states" after "a paper by Jane Roe"
            typed = classify(study, self.lex, self.matches)
        if reporting and self.publishes(named, typed):  # "AnandTech reported that ..."
            entity: Entity = "organization" if typed.entity == "person" else typed.entity
            typed = replace(typed, type="outlet", entity=entity, key="outlet:" + typed.name.lower())
        person = self.people.at(named)
        if person is None and named.pos_ == "PROPN" and not named.ent_type_ and _single_name(named):
            person = self.people.surname(named.lower_)  # "Post said", untagged, "Gerald Post"
        if person is not None and self.withheld(named):
            person = None  # "an unnamed aide, John": a name withheld on purpose stays so
        if person is not None and typed.type == "outlet" and len(person.words) < 2:
            person = None  # "Politico", which the tagger took for a person, is the outlet
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
        antecedent = (
            self.for_person(person)
            if person
            else self.outlet_by_last_word(head, typed) or self.refer_back(head, typed, look_back)
        )
        if antecedent is None and look_back:
            antecedent = self.named_after(head, typed)
        unsettled = antecedent is None and _unsettled_document(typed, head)
        plain = antecedent is None and typed.anaphoric and typed.head_lemma in self.lex.plain_people
        if unsettled and look_back and self.issuer_before(head):
            typed = replace(typed, type="named")  # "The court ruled ... The ruling said"
        elif plain and typed.type == "named":  # "The man said": no man named before
            seen = self.noun_before(typed.head_lemma, head.i) is not None  # "A man was ..."
            typed = replace(typed, type="unnamed" if seen else "unresolved")
        elif antecedent is None and (
            head.lower_ in _PRONOUNS
            or unsettled
            or self.describes_body(head, typed)
            or self.describes_someone_unfound(head, typed)
            or (typed.entity == "group" and _demonstrative(head))
        ):
            typed = replace(typed, type="unresolved")  # no compatible source to refer back to
        src = antecedent or self.by_key.get(typed.key) or self.new(typed)
        src.mentions.append(span)
        src.heads.append(head.i)
        self.mentioned.setdefault(self.sentence[head.i], []).append((head.i, src))
        src.words.update(span.text.lower().split())
        if src.typed.entity == "person" and src.typed.type == "named":
            src.titles.update(_titles(named, head), person.titles if person else ())
            if antecedent is not None and typed.key.startswith("role:"):
                src.titles.add(typed.head_lemma)  # "Judge ..." named after: "the judge" is them
        if src in self.recent:
            self.recent.remove(src)
        self.recent.append(src)
        return src

    def withheld(self, head: Token) -> bool:
        """Whether the mention marks its source anonymous ("an unnamed aide", "a spokesman who
        asked not to be named")."""
        return self.matches.anonymous({t.i for t in mention_tokens(head)})

    def speaking_noun(self, noun: Token) -> Token:
        """The noun a relative "which said" stands for when the parser hung it on a word that
        cannot speak inside a phrase of one that can: "a story about her eating avocados which
        said ..." is the story's."""
        words = self.lex.speaker_nouns
        if noun.pos_ == "PROPN" or noun.ent_type_ or noun.lemma_.lower() in words:
            return noun
        prep = noun.head
        if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() in words:
            return prep.head
        return noun

    def outlet(self, mention: Mention) -> _Source | None:
        """The source of a mention when it names a news outlet ("Reuters", "the Daily
        Courier") or something of one's ("CNN's State of the Union", "the BBC's Today
        programme", "CNN's Jake Tapper", "ABC Radio Sydney", "Fox News host Sean Hannity"),
        not a generic word for the media ("the media")."""
        head = mention.heads[0]
        typed = classify(head, self.lex, self.matches)
        generic = head.pos_ != "PROPN" and {typed.head_lemma, head.lower_} & self.lex.outlet_nouns
        if typed.type == "outlet" and (not generic or proper_name_beside(head)):  # "the ... NHK"
            return self.resolve(mention)[0]
        if typed.type == "outlet" and typed.anaphoric:  # "told the paper": the one named before
            named = self.refer_back(head, typed)
            if named is not None and named.typed.type == "outlet" and named.mentions:
                return self.resolve(mention)[0]
        if self.outlet_by_last_word(head, typed) is not None:  # "told the Star"
            return self.resolve(mention)[0]
        owner = next((t for t in head.subtree if t.dep_ == "poss" and t.i < head.i), None)
        if owner is not None and classify(owner, self.lex, self.matches).type == "outlet":
            end = owner.idx + len(owner)
            return self.outlet(Mention(owner.left_edge.idx, end, (owner,)))
        first = head.left_edge  # "ABC Radio Sydney", "the CBS program Face the Nation"
        first = self.doc[first.i + 1] if first.pos_ == "DET" and first.i < head.i else first
        starts = [(s, e) for s, e, _ in self.matches.outlets if s == first.i and e <= head.i]
        if not starts:  # "Fox News host Sean Hannity": a name that opens with an outlet's
            return None
        s, e = max(starts, key=lambda r: r[1])
        name = self.doc[s:e]
        return self.resolve(Mention(name.start_char, name.end_char, (name.root,)))[0]

    def outlet_by_last_word(self, head: Token, typed: Typed) -> _Source | None:
        """ "The Star" after "the Toronto Star reported": a name of one word, with "the", is
        the outlet named before whose name ends in it."""
        core = core_tokens(head)
        if typed.type != "named" or head.pos_ != "PROPN" or len(core) != 2:
            return None
        if core[0].lower_ != "the":
            return None
        word = head.lower_
        return self.last(
            lambda s: (
                s.typed.type == "outlet"
                and len(s.typed.name.split()) > 1
                and s.typed.name.split()[-1].lower() == word
            )
        )

    def publishes(self, head: Token, typed: Typed) -> bool:
        """A named organization, not an institution, the tagger knows by name, or a story of no
        one's: when it reports or publishes, it is news media ("a separate story reported";
        "the truck story suggests" is an anecdote)."""
        if typed.type == "unnamed" and typed.entity == "document":
            return typed.head_lemma in self.lex.news_reports
        if typed.type == "named" and typed.entity == "person" and self.people.at(head) is None:
            # "The Northland Age reported that", "WRAL reported that"
            return core_tokens(head)[0].lower_ == "the" or head.text.isupper()
        # "The Australian reported": a paper named as a people's adjective, the tagger's NORP
        # ... or as a demonym the tagger takes for a place ("The Coloradoan", "The Tennessean")
        demonym = head.ent_type_ == "GPE" and head.lower_.endswith(("ian", "ean", "oan"))
        paper = (
            (head.ent_type_ == "NORP" or demonym)
            and head.tag_ == "NNP"
            and core_tokens(head)[0].lower_ == "the"
        )
        return (
            typed.type == "named"
            and typed.entity == "organization"
            and (head.ent_type_ == "ORG" or head.text.isupper() or paper)
            and head.lemma_.lower() not in self.lex.institutions
        )

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

    def for_person(self, person: Person) -> _Source:
        """The source of a person the text names, one however the name is written."""
        src = self.by_person.get(id(person))
        if src is None:
            key = "person:" + person.name.lower()
            typed = Typed("named", "person", person.name, key, False, person.words[-1])
            same = None if self.people.ambiguous(person) else self.same_person(typed)
            src = same or self.by_key.get(key) or self.new(typed)
            src.titles.update(person.titles)
            self.by_person[id(person)] = src
        return src

    def refer_back(self, head: Token, typed: Typed, look_back: bool = True) -> _Source | None:
        lower = head.lower_
        if lower in PRONOUNS_SPEAKER:
            return None  # outside quotes, the writer
        if lower in PRONOUNS_PERSON:
            gender = pronoun_gender(lower)
            asked = self.asked_before(head, gender)
            if asked is not None:  # 'A reporter asked Jane Roe, "...?" "Never," she replied'
                return asked
            earlier = self.same_pronoun_before(head)
            found = self.antecedent(
                earlier or head,
                self.settings.pronoun_reach,
                lambda p: p.agrees(gender) and not self.named_in_claim(p),
                lambda s: (
                    (s.typed.entity == "person" and s.typed.type in ("named", "unnamed"))
                    or self.spoken_by_representative(s, gender)
                ),
                lambda t: self.lex.genders.get(t.lemma_.lower()) in (None, gender),
            )
            return found or self.person_tagged_otherwise(earlier or head, gender)
        if lower in PRONOUNS_GROUP or lower in PRONOUNS_THING:  # the nearest, spoken or not
            return self.referent_before(head, thing=lower in PRONOUNS_THING)
        lemma = typed.head_lemma
        if typed.anaphoric and lemma in self.lex.pair_nouns:
            return self.pair(head)
        if _the_two(head) and lemma in self.lex.organization_nouns | self.lex.institutions:
            bodies = self.bodies_pair(head)  # "the two companies said in a joint statement"
            if bodies is not None:
                return bodies
        if typed.entity == "group" and head.lower_ in self.lex.study_authors and _plain(head):
            study = self.study_named_before(head)  # "the researchers": the study's authors,
            if study is not None:  # or the body's research staff who spoke before them
                return study  # ("scientists at the Kenya Medical Research Institute")
            staff = self.last(
                lambda s: (
                    s.typed.type == "named"
                    and s.typed.entity == "group"
                    and s.typed.head_lemma in self.lex.research_staff
                )
            )
            since = max((t.idx for t in self.studies_before(head)), default=-1)
            if staff is not None and staff.mentions[-1].start > since:  # no study between
                return staff
        if typed.anaphoric and head.pos_ == "NOUN" and typed.type != "outlet" and _bare(head):
            # "the mayor" after "Mayor Jane Doe", "the spokesman" after "a spokesman for X"
            qualifiers = _qualifiers(head) - self.lex.office_words  # "chief" is the office's
            titles = self.lex.same_role.get(lemma, frozenset({lemma}))  # "the officer": "Insp."
            same = self.last(
                lambda s: (
                    (s.typed.head_lemma == lemma or bool(titles & s.titles))
                    and qualifiers <= s.words
                )
            )
            if same is None and not qualifiers:  # "the duchess" after "Meghan, Duchess of ..."
                same = self.titled(head, lemma)
            if same is not None and same.typed.type != "unresolved":  # else whom it means may
                return same  # be named since ("the company ... Buckeye Burger Co. ... the company")
        if typed.type == "named" and typed.entity == "person" and not typed.anaphoric:
            return self.same_person(typed)
        if lemma in self.lex.representatives and typed.type == "unnamed":
            # "The company will close the plant, a spokesman said"; "a spokesman for the firm"
            whose = any(c.dep_ in ("compound", "nmod", "poss") for c in head.children)
            bare = _bare(head) and not whose  # "a rebel spokesman" says whose he is
            body = self.spoken_for(head) if bare else self.described_body_of(head)
            if body is not None:
                return body
        if not typed.anaphoric:
            if typed.entity == "document" and typed.type == "unnamed" and look_back:
                other = self.part_of_the_same(head, typed)
                if other is not None:
                    return other
            bare = typed.entity == "document" and look_back and not any(head.lefts)
            # "Video shows ..." after "Police released video": the document named before
            return self.document_named_before(head) if bare and _bare(head) else None
        if self.describes_body(head, typed):
            return self.body_before(head)
        if self.names_an_institution(head, typed):
            named = self.institution_named_before(head)
            if named is not None:
                return named
        if typed.type == "outlet":
            if any(c.dep_ == "poss" for c in head.children):
                return None  # "the university's student newspaper": an outlet of its own

            def same_kind(s: _Source) -> bool:
                return s.typed.type == "outlet" and (
                    lemma in _GENERIC_OUTLET or s.typed.head_lemma == lemma
                )

            # "The Millbrook Sentinel obtained the emails. The newspaper reported ...": the
            # outlet last named in reach, a subject preferred, else the last that has spoken
            if lemma not in _GENERIC_OUTLET:  # "the network": one that spoke as one
                return self.last(same_kind)
            named = self.antecedent(
                head,
                self.settings.description_reach,
                lambda _: False,
                same_kind,
                lambda t: (
                    t.pos_ == "PROPN"
                    and self.people.at(t) is None  # "Bloomberg", the person
                    and classify(t, self.lex, self.matches).type == "outlet"
                ),
                described=self.organizations,
            )
            return named or self.last(same_kind)
        same_head = self.last(  # "the report", "the study": the document named with its issuer
            lambda s: (
                s.typed.head_lemma == lemma
                and (
                    s.typed.type == typed.type
                    or (typed.entity == s.typed.entity == "document" and typed.type == "unnamed")
                )
            )
        )
        if same_head is not None:
            return same_head
        if typed.entity == "group" and _demonstrative(head):  # "These opponents say", as "they"
            return self.referent_before(head, thing=False)
        if lemma in _GENERIC_PERSON:
            return self.last(lambda s: s.typed.type == "unnamed" and s.typed.entity == "person")
        if lemma in self.lex.unnamed_person and self.noun_before(lemma, head.i) is None:
            # "an onlooker said ... the witness told the Mirror": the anonymous one just before
            nearby = self.last(lambda s: s.typed.type == "unnamed" and s.typed.entity == "person")
            reach = self.settings.description_reach
            if nearby is not None and self._sentences_since(nearby, head) <= reach:
                return nearby
        if typed.entity == "document" and look_back and _bare(head):
            return self.outlet_report_before(head, typed) or self.document_named_before(head)
        if look_back and self.describes_person(head, typed):
            # "the billionaire", "the 34-year-old", "the former mayor": the person last named
            gender = self.lex.genders.get(lemma)
            qualified = bool(_qualifiers(head) - self.lex.office_words)  # "chief" is an office's
            return self.antecedent(
                head,
                self.settings.description_reach,
                lambda p: p.agrees(gender) and (qualified or self.may_hold(p, lemma)),
                lambda s: (
                    s.typed.entity == "person"
                    and s.typed.type == "named"
                    and not s.typed.key.startswith("role:")  # "the mayor" is not "the minister"
                ),
                salient=True,
                gender=gender,
            )
        return None

    def referent_before(self, head: Token, thing: bool) -> _Source | None:
        """What "they" (groups and bodies) or "it" (bodies and documents) refers to: the
        nearest in reach, spoken or not, else the last source of that kind."""
        entities = ("organization", "document") if thing else ("group", "organization")
        return self.antecedent(
            head,
            self.settings.pronoun_reach,
            lambda _: False,
            lambda s: s.typed.entity in entities,
            lambda t: self.people.at(t) is None,  # "Khurana", tagged an organization, is a man
            described=self.described_things if thing else self.bodies_and_groups,
        ) or self.last(lambda s: s.typed.entity in entities)

    def named_after(self, head: Token, typed: Typed) -> _Source | None:
        """A description in the lead with no mark of anonymity, named in the sentences after it
        (see :mod:`.lead`): the person first named in a later sentence with words in common
        (in the name's phrase, its appositive or relative clause, or its titles), or the
        document of the same noun whose issuer is named."""
        here = self.sentence[head.i]
        office = typed.type == "named" and typed.anaphoric and typed.key.startswith("role:")
        if (typed.type != "unnamed" and not office) or here >= self.settings.lead_sentences:
            return None  # "Governor says ..." may be named after, as "a state judge" may
        if typed.head_lemma in _GENERIC_PERSON or self.withheld(head):
            return None
        last = here + self.settings.description_reach
        if typed.entity == "document":
            at = self.nouns.get(typed.head_lemma, [])
            for i in at[bisect_left(at, head.i + 1) :]:
                if self.sentence[i] > last:
                    break
                later = self.doc[i]
                if classify(later, self.lex, self.matches).type in ("named", "outlet"):
                    return self.resolve_head(later, [later], look_back=False)
            return None
        if typed.entity == "organization":
            return self.body_named_after(head, last)
        if typed.entity != "person":
            return None
        words = description_words(head, self.lex)
        introduced = sorted(
            (p.mentions[0], p)
            for p in self.people.people
            if here < self.sentence[p.mentions[0]] <= last
        )
        for first, person in introduced:
            if words & introduction_words(self.doc[first].subtree, person.titles):
                return self.for_person(person)
        return None

    def part_of_the_same(self, head: Token, typed: Typed) -> _Source | None:
        """ "Another slide shows ..." or "one slide says ..." after "A slide from a
        presentation that X gave": another part of the document taken from before, its
        issuer's (not "another poll", a document of its own)."""
        if not any(c.lower_ in ("another", "one") for c in head.lefts):
            return None

        def taken_from(s: _Source) -> bool:
            first = self.doc[s.heads[0]]
            return any(
                c.dep_ == "prep"
                and c.lower_ in ("from", "in", "of")
                and any(o.lemma_.lower() in self.lex.texts for o in c.children)
                for c in first.children
            )

        return self.last(
            lambda s: (
                s.typed.entity == "document"
                and s.typed.type == "named"
                and s.typed.head_lemma == typed.head_lemma
                and taken_from(s)
            )
        )

    def body_named_after(self, head: Token, last: int) -> _Source | None:
        """A headline's bare description of an organization ("..., company says"; not "a
        European lender", anonymous) is the organization named next as a subject, up to the
        sentence ``last``."""
        if any(c.dep_ == "det" for c in head.children) or head.tag_ != "NN":
            return None
        at = self.organizations
        for i in at[bisect_left(at, head.i + 1) :]:
            if self.sentence[i] > last:
                break
            later = self.doc[i]
            named = classify(later, self.lex, self.matches).type == "named"
            if named and later.dep_ in ("nsubj", "nsubjpass"):
                return self.resolve_head(later, [later], look_back=False)
        return None

    def spoken_for(self, head: Token) -> _Source | None:
        """The named organization a spokesperson with no "for X" speaks for: the one that is
        the subject of its sentence or of one just before it, as the descriptions of
        :meth:`antecedent` are found."""
        if self.withheld(head):
            return None
        body = self.antecedent(
            head,
            self.settings.description_reach,
            lambda _: False,
            _named_body,
            lambda t: t.ent_type_ == "ORG" or t.lemma_.lower() in self.lex.institutions,
            described=self.described_things,
        )
        return body if body is not None and _named_body(body) else None

    def described_body_of(self, head: Token) -> _Source | None:
        """The named organization a spokesperson speaks for when it is given by a description
        ("a spokesman for the automaker", "a company spokesman" after "Toyota")."""
        if self.withheld(head):
            return None
        bodies = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from"):
                bodies += [c for c in prep.children if c.dep_ == "pobj"]
        for body in bodies:
            typed = classify(body, self.lex, self.matches)
            if body.dep_ == "compound":  # "company" in "a company spokesman": as "the company"
                typed = replace(typed, anaphoric=True)
            if self.describes_body(body, typed):
                found = self.body_before(body)
                return found if found is not None and _named_body(found) else None
        return None

    def issuer_before(self, head: Token) -> bool:
        """Whether a definite document that refers back to nothing is a named issuer's: "The
        appeals court ruled ... The ruling said", "The union endorsed Clinton ... The statement
        added": a named person, source or organization is the subject of a sentence in reach,
        and the text has not introduced the document's noun before without a name ("a group
        of parents sent a letter ... the letter" is theirs). Looks only: creates no source."""
        if self.noun_before(head.lemma_.lower(), head.i) is not None:
            return False
        here = self.sentence[head.i]
        earliest = max(0, here - self.settings.description_reach)
        first = self.first_token(earliest)
        subjects = ("nsubj", "nsubjpass")
        for n in range(earliest, here + 1):
            for i, said in self.mentioned.get(n, ()):
                named = isinstance(said, Person) or said.typed.type == "named"
                if i < head.i and named and self.doc[i].dep_ in subjects:
                    return True
        things = self.described_things  # subjects: organizations, institutions, documents
        bodies = (
            self.doc[i] for i in things[bisect_left(things, first) : bisect_left(things, head.i)]
        )
        return any(
            t.ent_type_ == "ORG" or t.lemma_.lower() in self.lex.institutions for t in bodies
        )

    def outlet_report_before(self, head: Token, typed: Typed) -> _Source | None:
        """ "The report said" after "Bloomberg News reported ...": the outlet that reported in
        reach, as the subject of its sentence, when nothing of that noun came before."""
        lemma = typed.head_lemma
        pieces = self.lex.news_reports | self.lex.news_pieces
        if lemma not in pieces or self.noun_before(lemma, head.i) is not None:
            return None
        here = self.sentence[head.i]
        for n in range(here, max(0, here - self.settings.description_reach) - 1, -1):
            for i, said in reversed(self.mentioned.get(n, ())):
                subject = self.doc[i].dep_ == "nsubj"
                if i < head.i and subject and isinstance(said, _Source):
                    return said if said.typed.type == "outlet" else None
        return None

    def study_named_before(self, head: Token) -> _Source | None:
        """The study mentioned last before ``head``, when it names its authors or issuer ("a
        paper by Jane Roe and colleagues"); an anonymous one ("a new study") leaves the
        researchers unnamed."""
        paper = self.noun_before("paper", head.i)  # the last paper, when it is no newspaper
        found = self.studies_before(head)
        studies = [*found, paper] if paper is not None and scholarly(paper) else found
        study = max(studies, key=lambda t: t.i) if studies else None
        issuer = self.issued_before(head)
        if issuer is not None and (study is None or issuer.i > study.i):
            # "NOAA released its Winter Outlook. Researchers predicted ...": NOAA's
            return self.resolve_head(issuer, [issuer], look_back=False)
        if study is None:
            return None
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in study.children):
            return None  # "their paper": whoever "their" is
        if classify(study, self.lex, self.matches).type not in ("named", "outlet"):
            return None
        return self.resolve_head(study, [study], look_back=False)

    def studies_before(self, head: Token) -> list[Token]:
        """The last mention before ``head`` of each noun of research ("study", "report")."""
        found = (self.noun_before(lemma, head.i) for lemma in self.lex.study_nouns)
        return [t for t in found if t is not None]

    def issued_before(self, head: Token) -> Token | None:
        """A named organization that, in the sentence before ``head``, released or published
        something: whose researchers "researchers" then are."""
        start = self.first_token(self.sentence[head.i] - 1)
        for verb in reversed(self.doc[start : self.first_token(self.sentence[head.i])]):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.issuing_verbs:
                continue
            if not any(c.dep_ == "dobj" for c in verb.children):
                continue
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            typed = classify(subj, self.lex, self.matches)
            if typed.type == "named" and typed.entity == "organization":
                return subj
        return None

    def noun_before(
        self, lemma: str, i: int, accept: Callable[[Token], bool] = lambda _: True
    ) -> Token | None:
        """The last common noun of this lemma before token ``i`` that ``accept`` takes."""
        at = self.nouns.get(lemma, [])
        for n in reversed(range(bisect_left(at, i))):
            if accept(noun := self.doc[at[n]]):
                return noun
        return None

    def document_named_before(self, head: Token) -> _Source | None:
        """ "The report says ..." after "The CBO released a report on Monday": the document
        mentioned last before with the same noun, or one of its kind ("The ONS published figures
        ... The data showed"), when that mention says who issued it."""
        lemma = head.lemma_.lower()
        before = self.noun_before(lemma, head.i)
        kind = next((k for k in self.lex.document_kinds if lemma in k), frozenset())
        if before is None and kind:
            found = [t for t in (self.noun_before(other, head.i) for other in kind) if t]
            before = max(found, key=lambda t: t.i) if found else None
        if before is None:
            return None
        typed = classify(before, self.lex, self.matches)
        if typed.type in ("named", "outlet"):
            return self.resolve_head(before, [before], look_back=False)
        speaker = self.spoke_in(before)  # "the two companies said in a joint statement"
        if speaker is None or speaker.typed.type not in ("named", "outlet"):
            return None
        issued = replace(typed, type=speaker.typed.type, key="doc-of:" + speaker.id)
        return self.by_key.get(issued.key) or self.new(issued)

    def spoke_in(self, document: Token) -> _Source | None:
        """Who, as resolved, spoke in a document: "X said in a statement" (X may be a
        description or a pair of bodies, which the mention alone does not name)."""
        verb = document.head.head
        if document.dep_ != "pobj" or document.head.lower_ != "in" or verb.pos_ != "VERB":
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        return next((src for src in self.sources if subj.i in src.heads), None)

    def describes_body(self, head: Token, typed: Typed) -> bool:
        """A definite description of one organization by what it is ("the retailer", "the tech
        giant"), with no qualifier of its own ("the group of parents")."""
        return (
            typed.anaphoric
            and typed.type == "unnamed"  # not an institution ("the fire service")
            and typed.entity == "organization"
            and typed.head_lemma in self.lex.organization_nouns
            and _bare(head)
        )

    def body_before(self, head: Token) -> _Source | None:
        """The organization a description refers back to: the same noun used before without a
        name ("a group of parents ... the group"), else the organization the text named last
        within reach, a subject preferred, as for :meth:`antecedent`, else the last named
        organization that has spoken."""
        same = self.noun_before(head.lemma_.lower(), head.i, _introduced)
        if same is not None and self.sentence[head.i] - self.sentence[same.i] <= (
            self.settings.description_reach
        ):
            return self.resolve_head(same, [same], look_back=False)
        body = self.antecedent(
            head,
            self.settings.description_reach,
            lambda _: False,
            _named_body,
            lambda t: (
                classify(t, self.lex, self.matches).type == "named" and self.people.at(t) is None
            ),
            described=self.organizations,
        ) or self.last(_named_body)
        if body is not None and body.typed.key.startswith("name:"):  # a name, now a body's
            body.typed = replace(body.typed, entity="organization")
        return body

    def names_an_institution(self, head: Token, typed: Typed) -> bool:
        """A definite institution by its kind alone ("the board", "the party")."""
        return (
            typed.type == "named"
            and typed.entity == "organization"
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in self.lex.institutions
            and _bare(head)
        )

    def institution_named_before(self, head: Token) -> _Source | None:
        """The organization named before in reach whose name ends in the same word: "the board"
        after "the Peel District School Board", "the party" after "the Labour Party" (not any
        body: "the union" after "General Motors" is another)."""
        word = head.lemma_.lower()
        return self.antecedent(
            head,
            self.settings.description_reach,
            lambda _: False,
            lambda s: _named_body(s) and s.typed.head_lemma == word,
            lambda t: t.lemma_.lower() == word and bool(t.ent_type_),
            described=self.organizations,
        )

    def describes_person(self, head: Token, typed: Typed) -> bool:
        """A definite description of one person that is not a mark of anonymity ("the official"
        after an official stays anonymous, "the chief executive" is one office) and carries no
        qualifier of its own ("the mayor of the next town")."""
        office = any(c.lower_ in self.lex.offices for c in head.lefts)
        lemma = typed.head_lemma
        # "the legislator" after "MCA Otieno Ouma", no legislator before: Ouma, not a new one
        first = self.noun_before(lemma, head.i) is None and head.lower_ == lemma
        return (
            typed.entity == "person"
            and (
                head.tag_ == "NN"
                or (head.pos_ == "ADJ" and head.dep_ == "nsubj")
                or head.ent_type_ == "NORP"  # "the Swede"
                or (head.pos_ == "PROPN" and head.lower_.endswith(("man", "woman")))  # "Frenchman"
            )
            and (lemma not in self.lex.unnamed_person or office or first)
            and _bare(head)
            and not any(c.dep_ == "poss" for c in head.children)
        )

    def describes_someone_unfound(self, head: Token, typed: Typed) -> bool:
        """A definite description of one person by no mark of anonymity ("the 31-year-old",
        "the left-hander") that refers back to no one: whom it means is not settled, which is
        no evidence that they are anonymous."""
        return (
            typed.type == "unnamed"
            and typed.anaphoric
            and typed.head_lemma not in self.lex.unnamed_person
            and not self.matches.anonymous({t.i for t in mention_tokens(head)})
            and self.describes_person(head, typed)
        )

    def may_hold(self, person: Person, role: str) -> bool:
        """A person introduced in one office is not described by another bare: "the minister"
        is not "Premier Doug Ford" ("the Democratic nominee", qualified, may be whoever the text
        named; a description that is no office, "the billionaire", anyone)."""
        known = role in self.lex.person_nouns or role in self.lex.unnamed_person  # "executive"
        if not known or not person.titles & self.lex.person_nouns:
            return True
        same = self.lex.same_role.get(role, frozenset({role}))
        return bool(person.titles & (same | {role}))

    def antecedent(
        self,
        head: Token,
        reach: int,
        person_fits: Callable[[Person], bool],
        source_fits: Callable[[_Source], bool] = lambda _: False,
        description_fits: Callable[[Token], bool] = lambda _: False,
        described: list[int] | None = None,
        salient: bool = False,
        gender: str | None = None,
    ) -> _Source | None:
        """The person a pronoun or description refers back to, within ``reach`` sentences: a
        subject earlier in its own sentence ("When Meghan arrived, she said"); else, as news
        writing goes on with its speaker, the nearest person who has spoken; else the nearest
        subject, then the nearest mention. The people the text names count whether or not they
        are sources yet; other sources ("a senior official ... he added") when ``source_fits``,
        and people described as the subject of a sentence ("The mayor disagreed.") when
        ``description_fits``. Given other ``described`` subjects (groups for "they",
        organizations and documents for "it"), those are sought ("Critics disagree. ..., they
        say"), and a speaker is not preferred to a nearer one. With ``salient`` (a description:
        "the 27-year-old", "the veteran"), the person the text has named most often so far comes
        first: a description stands for the story's subject more than for its last voice, but
        for a person just introduced as the subject of a sentence of no speech before all; one
        with a ``gender`` ("the businessman") prefers the people whose pronouns agree."""
        here = self.sentence[head.i]
        best: (
            tuple[tuple[bool, bool, bool, int, bool, int, bool, int], Person | _Source | Token]
            | None
        ) = None
        speaking = {id(p) for p, src in self._persons_with_sources()}

        def consider(i: int, who: Person | _Source | Token, speaker: bool) -> None:
            nonlocal best
            distance = here - self.sentence[i]
            if i >= head.i or distance > reach:
                return
            subject = self.doc[i].dep_ in ("nsubj", "nsubjpass")
            # a person introduced as the subject of the sentence before is the new topic
            fresh = (
                _subject_or_named_in_it(self.doc[i])
                and distance == 1
                and isinstance(who, Person)
                and who.mentions[0] == i
            )
            prefer = (speaker or fresh) and described is None
            person = who if isinstance(who, Person) else None
            # mentions are sorted: how many come before the description, in log time
            times = bisect_left(person.mentions, head.i) if salient and person else 0
            unsure = gender is not None and (person is None or person.gender != gender)
            key = (
                not (distance == 0 and subject),
                unsure,
                # a new topic, not a new voice: "Striker Tomas Beilin apologised. The 29-year-old"
                not (salient and fresh and not speaker),
                -times,
                not prefer,
                distance,
                not subject,
                -i,
            )
            if best is None or key < best[0]:
                best = (key, who)

        person_of = {id(src): p for p, src in self._persons_with_sources()}
        for n in range(max(0, here - reach), here + 1):
            for i, said in self.mentioned.get(n, ()):
                person = said if isinstance(said, Person) else person_of.get(id(said))
                if person is not None:
                    if person_fits(person):
                        consider(i, person, id(person) in speaking)
                elif isinstance(said, _Source) and source_fits(said):
                    consider(i, said, True)
        subjects = self.described if described is None else described
        first = bisect_left(subjects, self.first_token(here - reach))
        for i in subjects[first : bisect_left(subjects, head.i)]:
            if i not in self.used and description_fits(self.doc[i]):
                consider(i, self.doc[i], False)
        if best is None:
            return None
        _, who = best
        if isinstance(who, Person):
            return self.for_person(who)
        if isinstance(who, Token):
            return self.resolve_head(who, [who], look_back=False)
        return who

    def study_before(self, head: Token, typed: Typed) -> Token | None:
        """The scholarly paper a bare "the paper" refers back to, when the text has one and
        names no news outlet after it."""
        if typed.type != "outlet" or typed.name.lower() != "paper":  # not "the Paper Mill Post"
            return None
        study = self.noun_before("paper", head.i, scholarly)
        outlet = self.last(lambda s: s.typed.type == "outlet")
        if study is None or (outlet is not None and outlet.mentions[-1].start > study.idx):
            return None  # a newspaper mentioned since is nearer
        return study

    def asked_before(self, head: Token, gender: str | None) -> _Source | None:
        """The person asked last, within the pronoun's reach, when the pronoun is the subject
        of a verb of replying."""
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in self.lex.reply_verbs:
            return None
        start = self.first_token(self.sentence[head.i] - self.settings.pronoun_reach)
        for tok in reversed(self.doc[start : head.i]):
            if tok.lemma_.lower() not in self.lex.question_verbs or tok.pos_ != "VERB":
                continue
            person = next(
                (p for c in tok.children if c.dep_ == "dobj" and (p := self.person_at(c))), None
            )
            return self.for_person(person) if person and person.agrees(gender) else None
        return None

    def named_in_claim(self, person: Person) -> bool:
        """Is the person the subject of a clause of the claim being resolved?"""
        subjects = (self.doc[i].idx for i in person.subjects)
        return any(s <= at < e for at in subjects for s, e in self.claim)

    def spoken_by_representative(self, src: _Source, gender: str | None) -> bool:
        """A body that spoke through a spokesperson whose word for the role agrees with a
        pronoun's gender (any, given none): "she said" after "a hospital spokeswoman said" is the
        spokeswoman's, so the hospital's."""
        return any(
            self.doc[i].lemma_.lower() in self.lex.representatives
            and (
                gender is None or self.lex.genders.get(self.doc[i].lemma_.lower()) in (None, gender)
            )
            for i in src.heads
        )

    def person_tagged_otherwise(self, head: Token, gender: str | None) -> _Source | None:
        """With no person in reach, "he" or "she" shows that a name the tagger took for an
        organization is a person's, when it has spoken ("Smith said ...; he added") or is the
        subject of a sentence and shaped like a person's name ("Eleanor Thwaite spent 22 years
        as a midwife. ... she announced"): that source, now typed a person."""
        speaker = self.antecedent(
            head,
            self.settings.pronoun_reach,
            lambda _: False,
            lambda s: (
                s.typed.type == "named"
                and s.typed.key.startswith("org:")
                and _named_like_a_person(s)
                and not self.spoken_by_representative(s, None)  # a body that has a spokesman
            ),
        ) or self.antecedent(
            head,
            self.settings.pronoun_reach,
            lambda _: False,
            description_fits=lambda t: self.subject_named_like_a_person(t, gender),
            described=self.organizations,
        )
        if speaker is not None:
            speaker.typed = replace(speaker.typed, entity="person")
        return speaker

    def subject_named_like_a_person(self, tok: Token, gender: str | None) -> bool:
        """A subject named in two or three capitalized words the tagger took for an
        organization, with no mark of a body (a company word, an institution, an outlet) and
        no title whose gender disagrees."""
        if tok.ent_type_ != "ORG" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        ent = tok.doc[slice(*entity_range(tok))]
        return (
            2 <= len(ent) <= 3
            and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in ent)
            and not self.lex.company_name(ent)
            and not any(t.lower_ in self.lex.institutions for t in ent)
            and self.lex.canonical_outlet(ent.text) is None
            and self.lex.genders.get(ent[0].lower_) in (None, gender)
        )

    def person_at(self, head: Token) -> Person | None:
        """The person a noun phrase names, also where the tagger gave this mention of the name
        another label than elsewhere ("Montoya-Lewis" a person once, an organization next)."""
        text = self.doc[head.left_edge.i : head.right_edge.i + 1].text
        return self.people.at(head) or (self.people.named(text) if head.pos_ == "PROPN" else None)

    def same_pronoun_before(self, head: Token) -> Token | None:
        """ "Although he is new to the job, he agrees ...": the same pronoun as the subject
        earlier in the sentence is the same person, so the search starts from there."""
        key = (self.sentence[head.i], head.lower_)
        if key not in self.first_subjects:  # one scan a sentence and pronoun: linear overall
            sentence = key[0]
            starts = self.sentence_starts
            end = starts[sentence + 1] if sentence + 1 < len(starts) else len(self.doc)
            subjects = (
                t.i
                for t in self.doc[self.first_token(sentence) : end]
                if t.lower_ == key[1] and t.dep_ in ("nsubj", "nsubjpass")
            )
            self.first_subjects[key] = next(subjects, None)
        first = self.first_subjects[key]
        return self.doc[first] if first is not None and first < head.i else None

    def titled(self, head: Token, title: str) -> _Source | None:
        """The person last mentioned before ``head`` whose name came with this title."""
        found = [
            (max(m for m in p.mentions if m < head.i), p)
            for p in self.people.with_title(title)
            if p.mentions[0] < head.i
        ]
        return self.for_person(max(found, key=lambda f: f[0])[1]) if found else None

    def first_token(self, sentence: int) -> int:
        """The first token of a sentence (of the first sentence, for a number below 0)."""
        return self.sentence_starts[max(0, sentence)]

    def _persons_with_sources(self) -> list[tuple[Person, _Source]]:
        return [(p, self.by_person[id(p)]) for p in self.people.people if id(p) in self.by_person]

    def pair(self, head: Token) -> _Source | None:
        """ "the pair", "the couple": the two people named last, as one group."""
        found: list[Person] = []
        for person in self.people.before(head):
            found.append(person)
            if len(found) == 2:
                break
        if len(found) < 2:
            return None
        first, second = sorted(found, key=lambda p: p.mentions[0])
        name = f"{first.name} and {second.name}"
        key = "pair:" + name.lower()
        return self.by_key.get(key) or self.new(
            Typed("named", "group", name, key, False, head.lemma_.lower())
        )

    def _sentences_since(self, src: _Source, head: Token) -> int:
        """Sentences from the last mention of ``src`` to ``head``."""
        return self.sentence[head.i] - self.sentence[src.heads[-1]]

    def bodies_pair(self, head: Token) -> _Source | None:
        """ "the two companies", "both banks": the two organizations named last before, in its
        sentence or the one before, as one group."""
        start = self.first_token(self.sentence[head.i] - 1)
        names: list[str] = []
        for i in reversed(self.organizations[: bisect_left(self.organizations, head.i)]):
            if i < start:
                break
            typed = classify(self.doc[i], self.lex, self.matches)
            if typed.type == "named" and typed.name not in names:
                names.append(typed.name)
        if len(names) != 2:
            return None
        name = f"{names[1]} and {names[0]}"
        key = "pair:" + name.lower()
        return self.by_key.get(key) or self.new(
            Typed("named", "group", name, key, False, head.lemma_.lower())
        )

    def typed(self, source_id: str | None) -> Typed | None:
        """What a resolved source is, as resolved so far."""
        src = next((s for s in self.sources if s.id == source_id), None)
        return src.typed if src is not None else None

    def last(self, accept: Callable[[_Source], bool]) -> _Source | None:
        return next((s for s in reversed(self.recent) if accept(s)), None)

    def authors_named(self) -> None:
        """Studies and their researchers, left anonymous where the text first gives them ("a
        study by a group of researchers"), are on the record when the text names the authors
        in reach ("The authors of the report, which include the Urban Institute, ...", "The
        study's authors, Jane Roe and Tom Hale,", "The report was written by X", "said lead
        author Dr Jane Roe") or the study itself ("The research, published in the journal
        Neurology Open, ...")."""
        studies = self.lex.study_nouns
        at = [*self.nouns.get("author", ()), *(i for s in studies for i in self.nouns.get(s, ()))]
        # "the authors", or the verb of which a study is the passive subject, or the study
        candidates = {
            self.doc[i] if self.doc[i].lemma_ == "author" else self.doc[i].head for i in at
        } | {self.doc[i] for i in at}
        named = [t for t in candidates if self._names_authors(t)]
        if not named:
            return
        reach = self.settings.authors_reach
        studies = studies | {"paper"}
        for src in self.sources:
            typed = src.typed
            # one study (not "previous studies", others), or its researchers
            single = self.doc[src.heads[0]].tag_ != "NNS"
            document = typed.entity == "document" and typed.head_lemma in studies and single
            authors = typed.entity == "group" and typed.head_lemma in self.lex.study_authors
            if typed.type not in ("unnamed", "unresolved") or not (document or authors):
                continue
            here = {self.sentence[i] for i in src.heads}
            if any(abs(self.sentence[t.i] - n) <= reach for t in named for n in here):
                src.typed = replace(typed, type="named")

    def _names_authors(self, tok: Token) -> bool:
        """Whether ``tok`` opens a naming of a study's authors (see :meth:`authors_named`)."""
        studies = self.lex.study_nouns
        lemma = tok.lemma_.lower()
        if lemma in studies:  # "The research, published in the journal Neurology Open, ..."
            definite = any(c.lower_ == "the" for c in tok.children)
            return definite and classify(tok, self.lex, self.matches).type == "named"
        if lemma == "author":
            of = [p for c in tok.children if c.lower_ == "of" for p in c.children]
            whose = [c for c in tok.children if c.dep_ == "poss"] + of
            lead = any(c.lower_ in _LEAD_AUTHOR for c in tok.children)  # "lead author Dr X"
            if lead and tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
                return True
            if not any(w.lemma_.lower() in studies for w in whose) and not lead:
                return False
            given = [c for c in tok.children if c.dep_ == "appos"]
            given += [
                o
                for c in tok.children
                if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "be")
                for o in c.children
                if o.dep_ in ("dobj", "attr")
            ]
        elif lemma in self.lex.authoring_verbs and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in studies for c in tok.children
        ):
            given = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
        else:
            return False
        return any(
            classify(g, self.lex, self.matches).type == "named" or g.ent_type_ == "PERSON"
            for g in given
        )

    def other_mentions(self) -> None:
        """Record where known sources are mentioned outside attributions ("the official did not
        specify"), so each source lists all its mentions. Never creates a source."""
        lemmas = {s.typed.head_lemma for s in self.sources}
        words = {
            word
            for s in self.sources
            for word in (*s.typed.name.lower().split(), *s.typed.key.partition(":")[2].split())
        }
        for i in self.phrase_heads:  # (doc.noun_chunks would parse the Doc's spans again)
            head = self.doc[i]
            if i in self.used:
                continue
            if head.lemma_.lower() not in lemmas and head.lower_ not in words:
                continue  # cannot match a known source; skip the costly typing
            typed = classify(head, self.lex, self.matches)
            person = self.people.at(head)
            src = self.by_person.get(id(person)) if person else self.by_key.get(typed.key)
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
        """A surname ("Smith") refers to the full name ("Jane Smith") seen earlier, when only
        one person of that name has been named (not a senator and his wife)."""
        found = [
            src
            for src in reversed(self.recent)
            if src.typed.entity == "person"
            and src.typed.type == "named"
            and shares_surname(typed.name, src.typed.name)
        ]
        if len({src.id for src in found}) != 1:
            return None
        src = found[0]
        if len(typed.name.split()) > len(src.typed.name.split()):
            src.typed = typed
        return src


def _single_name(tok: Token) -> bool:
    """A proper noun of one word: no other name word with it ("Post", not "Post Office")."""
    return not any(c.pos_ == "PROPN" for c in tok.children) and tok.head.pos_ != "PROPN"


def _named_body(src: _Source) -> bool:
    """An organization the text names: what a spokesperson or "the retailer" may stand for."""
    return src.typed.entity == "organization" and src.typed.type == "named"


def _named_like_a_person(src: _Source) -> bool:
    """A source named in one to three capitalized words, as a person may be ("Smith", "Dana
    Kerr"), not "the Labor Department"."""
    words = src.typed.name.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _subject_or_named_in_it(tok: Token) -> bool:
    """A subject, or the name set beside one ("Her colleague, Tom Hale, agreed")."""
    subjects = ("nsubj", "nsubjpass")
    return tok.dep_ in subjects or (tok.dep_ == "appos" and tok.head.dep_ in subjects)


def _sentence_numbers(doc: Doc) -> list[int]:
    """The number of the sentence each token is in."""
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        numbers[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return numbers


def _named_appositive(head: Token) -> Token | None:
    """The name set off beside a description or a pronoun: "the team's coach, John Smith,",
    "Another, Pelco, announced", "one of his lawyers, Jane Roe,", "his former teammate Huw
    Jenkins": it types and resolves the mention."""
    if head.pos_ == "PROPN" and head.ent_type_ != "PERSON":  # "Superintendent of Police Anil
        return next(  # Kumar": a title's "of" phrase that ends in the name; a capitalised
            (  # title's name set off ("Australia's Foreign Minister, Claire Whitfield,")
                obj
                for c in head.children
                for obj in ((c,) if c.dep_ == "appos" else c.children if c.lower_ == "of" else ())
                if obj.ent_type_ == "PERSON" and obj.i > head.i and obj.dep_ in ("appos", "pobj")
            ),
            None,
        )
    if head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "PRON", "NUM"):
        return None
    own = next(
        (
            c
            for c in head.children
            if c.dep_ in ("appos", "npadvmod")
            and c.i > head.i
            and (
                (c.ent_type_ == "PERSON" and c.dep_ == "appos")  # "my colleague Geoffrey Skelley"
                or (c.pos_ == "PROPN" and head.pos_ == "PRON" and head.doc[c.i - 1].text == ",")
                or (c.dep_ == "appos" and _named_beside(head, c))
            )
        ),
        None,
    )
    if own is None:  # "One expert, economist Jane Roe, said": the name beside the appositive
        own = next(
            (
                n
                for c in head.children
                if c.dep_ == "appos" and c.pos_ == "NOUN"
                for n in c.children
                if n.dep_ == "appos" and n.ent_type_ == "PERSON"
            ),
            None,
        )
    return own or _name_after_qualifier(head)


def _named_beside(noun: Token, appos: Token) -> bool:
    """A proper name set right after a noun ("his former teammate Huw Jenkins", "the campaign
    group 4 Day Week Global"), or an organization's name after a comma ("her publisher,
    Harcourt & Vane,"), whatever the tagger labelled it."""
    if noun.pos_ != "NOUN" or appos.pos_ != "PROPN":
        return False
    before = noun.doc[appos.left_edge.i - 1]
    return before.i == noun.i or (before.text == "," and appos.ent_type_ == "ORG")


def _name_after_qualifier(head: Token) -> Token | None:
    """ "His partner at Acme, Jane Roe,", "a friend of Tom Hale, Jane Roe,": a person's name
    the parser hung on the body, place or person that qualifies the description."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for name in obj.children:
                after_comma = name.i > 0 and head.doc[name.left_edge.i - 1].text == ","
                if name.dep_ == "appos" and name.ent_type_ == "PERSON" and after_comma:
                    return name
    return None


def _unsettled_document(typed: Typed, head: Token) -> bool:
    """ "The report says ...": a definite document with no issuer in the mention points back
    to one the text introduced; when none is found, whose it is stays open, not anonymous."""
    return (
        typed.type == "unnamed"
        and typed.entity == "document"
        and typed.anaphoric
        and not _qualifiers(head)
        and _bare(head)
    )


def _plain(head: Token) -> bool:
    """A description with nothing of its own but "the": "the researchers", "scientists", not
    "other scientists" or "scientists at a rival lab"."""
    return _bare(head) and all(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)


def _subject_of_cue(cand: Candidate) -> bool:
    """The candidate's source is its cue's subject ("AnandTech reported"), not the one the
    report cites ("reported, citing the provincial police")."""
    if cand.source is None:
        return False
    return any(h.head.i == cand.cue_token and h.dep_ == "nsubj" for h in cand.source.heads) or (
        not cand.relays
    )


_LEAD_AUTHOR = frozenset({"lead", "senior", "first", "corresponding", "principal"})
"""Words that make "author" a study's ("lead author Dr Jane Roe")."""


def _introduced(noun: Token) -> bool:
    """A body introduced by a common noun, not a name ("a group of parents"), nor a definite
    description itself referring back ("the company", which a name given since outranks, or a
    headline's bare "company says"), nor a noun set beside a name ("software company Tessary")."""
    determiners = [c.lower_ for c in noun.children if c.dep_ == "det"]
    return (
        not noun.ent_type_
        and "the" not in determiners
        and (bool(determiners) or noun.tag_ == "NNS")  # a headline's "company says" is definite
        and proper_name_beside(noun) is None
    )


def _in_dateline(ent: Span) -> bool:
    """A name in the dateline that opens the text, "COLUMBUS, Ohio (WCMH) —", "SEOUL
    (Reuters) -": the place and the news organization credited, not a body the story is
    about."""
    doc = ent.doc
    head = doc[: min(len(doc), _DATELINE_TOKENS)]
    dash = next((t.i for t in head if t.text in _DATELINE_DASHES and t.i > 0), None)
    if dash is None or ent.end > dash:
        return False
    before = doc[dash - 1]
    return before.text == ")" or (before.is_upper and before.is_alpha)


_DATELINE_TOKENS = 12
_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _the_two(head: Token) -> bool:
    """ "the two companies", "both banks": two, and known ones."""
    words = {c.lower_ for c in head.lefts if c.dep_ in ("det", "nummod", "predet")}
    return head.tag_ == "NNS" and (words >= {"the", "two"} or words == {"both"})


def _demonstrative(head: Token) -> bool:
    """A description pointing back ("these opponents", "those critics"): never a fresh group."""
    return any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in head.children)


def _bare(head: Token) -> bool:
    """A description without a qualifier: "the mayor", not "the mayor of the next town"; one
    with an epithet is bare ("the mother-of-three", "the father of two"), and so is one with a
    clause set off by a comma, which describes and does not pick out ("The 64-year-old, who has
    led the bank since 2015, said")."""
    return not any(
        c.dep_ in ("prep", "relcl", "acl", "appos") and not _epithet(c) and not _set_off(c)
        for c in head.children
    )


def _set_off(clause: Token) -> bool:
    """A relative clause after a comma: "the mayor, who ...", not "the mayor who ..."."""
    first = clause.left_edge
    return clause.dep_ == "relcl" and first.i > 0 and first.nbor(-1).text == ","


def _epithet(modifier: Token) -> bool:
    """A phrase that makes one word with its noun: "-of-three" written with hyphens, or "of
    three" ("the mother of three", "a father of two")."""
    if modifier.i and modifier.doc[modifier.i - 1].tag_ == "HYPH":
        return True
    objects = [c for c in modifier.children if c.dep_ == "pobj"]
    return modifier.lower_ == "of" and len(objects) == 1 and objects[0].like_num


def _qualifiers(head: Token) -> set[str]:
    """Words narrowing a description ("Republican" in "the Republican nominee"): an earlier
    source must have used them all to be the one meant."""
    return {c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}


def _titles(name: Token, head: Token) -> set[str]:
    """Role words attached to a person's name: "Mayor" in "Mayor Jane Doe", "Gov." in "Indiana
    Gov. Mike Pence", "coach" in "the team's coach, John Smith" (whose appositive is the name)."""
    titles = {
        c.lemma_.lower().rstrip(".")
        for c in name.children
        if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not c.ent_type_
    }
    if name is not head:
        titles.add(head.lemma_.lower())
    return titles


def _people_before(place: Token) -> Token | None:
    """The people a place or body follows ("farmers in Ohio", "Democrats on Capitol Hill"),
    wherever the parser hung the preposition: "who" after the place refers to them."""
    prep = place.head
    before = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else prep.doc[max(0, prep.i - 1)]
    people = before.tag_ in ("NNS", "NNPS") or before.ent_type_ in ("PERSON", "NORP")
    return before if people and before.i < place.i else None


def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for: "who" in "the aide, who said" is the aide (and
    in "farmers in Ohio, who said", the farmers), and in a cleft, "It was a wine merchant who
    told me", the merchant."""
    if head.tag_ not in ("WP", "WDT"):
        return None
    clause = head.head
    if clause.dep_ == "relcl":
        noun = clause.head
        if (
            head.lower_ in ("who", "whom")
            and noun.ent_type_ in _PLACE_OR_BODY
            and noun.dep_ == "pobj"
        ):
            noun = _people_before(noun) or noun  # "Democrats on Capitol Hill, who"
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "McConnell, now the Senate majority leader, who": McConnell
        if (
            noun.pos_ in ("NOUN", "PROPN") or noun.lower_ in INDEFINITE_PRONOUNS
        ) and noun.i != head.i:
            return noun  # "an aide, who", "those who"
    if clause.dep_ == "ccomp" and clause.head.lemma_ == "be":
        return next((c for c in clause.head.children if c.dep_ == "attr"), None)
    before = head.doc[head.i - 2] if head.i >= 2 and head.doc[head.i - 1].text == "," else None
    if before is not None and before.ent_type_ in ("PERSON", "ORG") and head.lower_ == "who":
        return before  # "Kiptoo, who won silver ..., denied": the parser made "who" the subject
    return None


def build_analysis(
    doc: Doc,
    extraction: Extraction,
    lexicon: Lexicon,
    matches: Matches,
    model: str = "",
    settings: Settings | None = None,
) -> Analysis:
    """Resolve sources and assemble statements, the other attributions, no-comment events,
    hedges and the summary."""
    text = extraction.text
    resolver = _Resolver(doc, text, lexicon, matches, settings or Settings())
    found: list[Statement] = []
    resolved: dict[int, tuple[str | None, tuple[str, ...], tuple[str, ...], str]] = {}
    for cand in extraction.candidates:
        if cand.continues is not None and cand.continues in resolved:
            source_id, co, via, cls = resolved[cand.continues]
        else:
            after = cand.source.end if cand.source else 0  # "When Meghan arrived, she said, ..."
            resolver.claim = tuple(
                (s, e) for s, e in cand.pieces if s >= after and text[s] not in _QUOTE_MARKS
            )
            via_sources = [resolver.resolve(m)[0] for m in reversed(cand.relays)]
            # "AnandTech reported that ...", not "Tesla reported a drop in sales" (no claim)
            reporting = cand.cls == "report" and _subject_of_cue(cand)  # not the one it cites
            heads = resolver.resolve(cand.source, reporting) if cand.source else []
            source_id = heads[0].id if heads else None
            co = tuple(s.id for s in heads[1:])
            via = tuple(s.id for s in reversed(via_sources))
            told = resolver.outlet(cand.addressee) if cand.addressee else None
            if told is not None and told.id != source_id:  # "Y told Reuters": via Reuters
                via = (told.id, *via)
            cls = cand.cls
        resolved[cand.uid] = (source_id, co, via, cls)
        pieces = tuple(TextSpan.of(text, s, e) for s, e in cand.pieces)
        kind = statement_kind(pieces)
        typed = resolver.typed(source_id)
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
                cls=final_class(lexicon, cls, kind, typed, cand.body_cls),
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
    resolver.authors_named()
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


def final_class(
    lexicon: Lexicon, cls: str, kind: Kind, source: Typed | None, body_cls: str | None = None
) -> str:
    """The class of an attribution, from its cue's class refined by what it is: a document as
    source makes it a document statement ("the study found"), an outlet's finding is its
    report ("ProPublica found that ..."), a body's finding its statement ("the court found
    that ...", cue_frames.tsv), and a quotation is speech ('"We will fight," she vowed')."""
    info = lexicon.classes[cls]
    if source is not None and source.entity == "document" and info.of_document:
        return "document"
    if source is not None and source.type == "outlet" and cls == "belief":
        return "report"
    if source is not None and source.entity == "organization" and cls == "belief" and body_cls:
        return body_cls  # "The court found that ..."
    if kind == "direct" and not info.statement and cls not in ("unasserted", "author"):
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
