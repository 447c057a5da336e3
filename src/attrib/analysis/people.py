"""The people an article names: who is who across "Michael R. Bloomberg", "Bloomberg" and "Mr.
Bloomberg", with the titles and the gender the text gives them, and where each is mentioned.

Pronouns and descriptions are resolved against this model of the text rather than against the
sources found so far, so "When Meghan joined the family, she said ..." finds Meghan though she
was not yet a source, and "she" never lands on a man. A name's gender comes only from the
article itself: titles and role nouns attached to it ("Prince Harry", "Meghan, Duchess of
Sussex", "his wife, Jane") and the pronouns used for it where it is the only person in the
sentence ("Jane Miller said she ...").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

_TITLE_WEIGHT = 5
_MISLABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_MASCULINE = frozenset({"he", "him", "his", "himself"})


def pronoun_gender(word: str) -> str | None:
    lower = word.lower()
    return "f" if lower in _FEMININE else "m" if lower in _MASCULINE else None


@dataclass
class Person:
    """One person the text names, however often and however spelled."""

    name: str
    """The fullest form of the name, without titles ("Michael R. Bloomberg")."""
    words: tuple[str, ...]
    """The name's words, lower case: a lone given name or surname refers to this person."""
    mentions: list[int] = field(default_factory=list)
    """Token index of the head of every mention, in text order."""
    subjects: set[int] = field(default_factory=set)
    """The mentions that are the subject of their clause."""
    titles: set[str] = field(default_factory=set)
    """Role nouns attached to the name ("mayor", "duchess", "coach"), lemmas."""
    votes: Counter[str] = field(default_factory=Counter)
    """Evidence for the gender: "f" and "m" counts."""

    @property
    def gender(self) -> str | None:
        f, m = self.votes["f"], self.votes["m"]
        return "f" if f > m else "m" if m > f else None

    def agrees(self, gender: str | None) -> bool:
        return gender is None or self.gender in (None, gender)


class People:
    """The people of one Doc; built once, read by the resolver."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.honorifics = lexicon.honorifics
        self.roles = lexicon.person_nouns
        self.people: list[Person] = []
        self._at: dict[int, Person] = {}  # token index -> person mentioned there
        first = next(iter(doc.sents), None)
        self.first_sentence_end = first.end if first is not None else 0
        self.headline_end = self.first_sentence_end if first and _title_case(first) else 0
        """Where a title-case headline ends: there a name may take in a verb ("Black Lawmakers
        Rip Donald Trump")."""
        genders = lexicon.genders
        labels: dict[str, set[str]] = {}  # every label the tagger gave each name's text
        for ent in doc.ents:
            labels.setdefault(ent.text, set()).add(ent.label_)
        plural_surnames: list[Span] = []  # "Banks", tagged a person, read as a plural noun
        for ent in doc.ents:
            if ent.label_ != "PERSON" or _an_outlet(ent, lexicon) or lexicon.company_name(ent):
                continue
            plural_ok = labels[ent.text] == {"PERSON"} and not _role_plural(ent.root, lexicon)
            if ent.end <= self.headline_end and len(ent) > 1 and _headline_cue(ent[-1], lexicon):
                ent = ent[:-1]  # "Obama Says Museum Will Tell ...": the name, then its cue
            if not _looks_like_a_name(ent, plural_ok=plural_ok):
                if len(ent) == 1 and ent.root.text[:1].isupper():
                    plural_surnames.append(ent)
                continue
            words = _name_words(ent, lexicon)
            if not words:
                continue
            person = self._person(words, ent)
            self._name_at(person, ent)
            titles = _titles(ent, lexicon)
            person.titles.update(titles)
            for title in titles:  # a title outweighs any count of pronouns
                if title in genders:
                    person.votes[genders[title]] += _TITLE_WEIGHT
        self._lone_names()
        self._mislabelled_names(lexicon)
        self._full_names_mislabelled(plural_surnames, lexicon)
        self._titled_names_mislabelled(lexicon)
        for person in self.people:
            person.mentions.sort()
        self._pronoun_votes()

    def _person(self, words: tuple[str, ...], ent: Span) -> Person:
        """The person this name refers to, new or already seen: same words, or a lone given
        name or surname of exactly one person with a longer name."""
        same = [p for p in self.people if p.words == words]
        if same:
            return same[0]
        if len(words) == 1:
            fuller = [p for p in self.people if words[0] in (p.words[0], p.words[-1])]
            if len(fuller) == 1:
                return fuller[0]
        else:
            longer = [
                p
                for p in self.people
                if len(p.words) > len(words) and p.words[-len(words) :] == words
            ]
            if len(longer) == 1:  # "Donald Trump" after a headline's "Rip Donald Trump"
                if all(i < self.headline_end for i in longer[0].mentions):
                    longer[0].words, longer[0].name = words, self._shown(ent)
                return longer[0]
            shorter = [
                p for p in self.people if len(p.words) == 1 and p.words[0] in (words[0], words[-1])
            ]
            for p in shorter:  # "Bloomberg" seen first, "Michael Bloomberg" now: one person
                if len(shorter) == 1:
                    p.words, p.name = words, self._shown(ent)
                    return p
        person = Person(self._shown(ent), words)
        self.people.append(person)
        return person

    def _shown(self, name: Span) -> str:
        """How a name is shown: without a title or a role noun the tagger took in."""
        return _display(name, self.honorifics, self.roles)

    def _name_at(self, person: Person, name: Span) -> None:
        """Record that ``name`` names ``person``: each of its tokens, and one mention."""
        for tok in name:
            self._at[tok.i] = person
        self._mention(person, name.root)

    def _mention(self, person: Person, head: Token) -> None:
        person.mentions.append(head.i)
        if head.dep_ in ("nsubj", "nsubjpass"):
            person.subjects.add(head.i)

    def _lone_names(self) -> None:
        """A proper noun that is a known person's given name or surname but that the tagger
        left out of any entity ("Agerblad said" after "Gustav Lloyd Agerblad") is that person."""
        by_word: dict[str, list[Person]] = {}
        for p in self.people:
            for word in {p.words[0], p.words[-1]}:
                by_word.setdefault(word, []).append(p)
        for tok in self.doc:
            if tok.i in self._at or not tok.text[:1].isupper() or not _alone(tok):
                continue
            found = by_word.get(tok.lower_, [])
            if len(found) == 1 and found[0].mentions and min(found[0].mentions) < tok.i:
                self._at[tok.i] = found[0]
                self._mention(found[0], tok)

    def _mislabelled_names(self, lexicon: Lexicon) -> None:
        """A known person's surname or full name that the tagger labelled an organization or a
        place ("Montoya-Lewis" after "Raquel Montoya-Lewis", or in the first sentence before
        it: "Ford says ..." then "Premier Doug Ford") is that person, unless it is the name of
        a news outlet ("Bloomberg" after "Michael Bloomberg")."""
        for ent in self._mislabelled(lexicon):
            words = _name_words(ent, lexicon)
            n = len(words)
            found = [p for p in self.people if n and p.words[-n:] == words]
            if len(found) != 1 or not found[0].mentions:
                continue
            later = min(found[0].mentions) > ent.start  # a headline may give the surname first
            if later and (ent.start >= self.first_sentence_end or len(found[0].words) < 2):
                continue
            self._name_at(found[0], ent)

    def _full_names_mislabelled(self, surnames: list[Span], lexicon: Lexicon) -> None:
        """A person the tagger missed at the full name but caught at the surname: "Tyrone
        Banks coaches the team. Banks said ..." ("Tyrone Banks" an organization, "Banks" a
        person read as a plural), or "Lucas Pelletier played ... Pelletier said": the full name
        of two or three capitalized words before, ending in that surname, is the person."""
        singles = {p.words[0]: p for p in self.people if len(p.words) == 1}
        pending = {s.root.lower_: s for s in surnames if s.root.lower_ not in singles}
        if not singles and not pending:
            return
        for ent in self._mislabelled(lexicon):
            if not 2 <= len(ent) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in ent):
                continue
            last = ent[-1].lower_
            person = singles.get(last)
            if person is not None and min(person.mentions) > ent.start:
                person.words, person.name = (
                    _name_words(ent, lexicon),
                    self._shown(ent),
                )
            elif last in pending and pending[last].start > ent.start:
                person = self._person(_name_words(ent, lexicon), ent)
                self._name_at(person, pending[last])
            else:
                continue
            self._name_at(person, ent)

    def _titled_names_mislabelled(self, lexicon: Lexicon) -> None:
        """A name of two or three capitalized words that the tagger labelled an organization
        but that follows a role noun of persons ("Carolina coach Rod Brind'Amour", "Tech
        billionaire Marcus Vale") or takes one in ("MPP Gerald Post") is a person's."""
        roles = lexicon.person_nouns | lexicon.unnamed_person | lexicon.person_descriptors
        roles |= set(lexicon.genders)
        for ent in list(self._mislabelled(lexicon)):
            inside = len(ent) > 2 and ent[0].lower_.rstrip(".") in roles
            name = ent[1:] if inside else ent
            if not 2 <= len(name) <= 3 or not all(t.text[:1].isupper() for t in name):
                continue
            title = ent.doc[ent.start - 1] if ent.start else None
            before = (
                title is not None
                and title.is_lower
                and title.lemma_.lower() in roles
                and ent.start <= title.head.i < ent.end
            )
            if not (inside or before):
                continue
            person = self._person(_name_words(name, lexicon), name)
            self._name_at(person, name)
            person.titles.update(_titles(name, lexicon))

    def _mislabelled(self, lexicon: Lexicon) -> Iterator[Span]:
        """The entities labelled an organization or a place that may be a person's name: not
        yet anyone's, and not a news outlet's ("Bloomberg", the outlet)."""
        for ent in self.doc.ents:
            if ent.label_ not in _MISLABELS or any(t.i in self._at for t in ent):
                continue
            if lexicon.canonical_outlet(ent.text) is None:
                yield ent

    def _pronoun_votes(self) -> None:
        """Pronouns after a person who is the only one named in the sentence, up to the first
        pronoun of the next sentence, on the same side of any quotation mark, tell that
        person's gender."""
        for sent in self.doc.sents:
            here = [(i, p) for i in range(sent.start, sent.end) if (p := self._at.get(i))]
            if len({id(p) for _, p in here}) != 1:
                continue
            first, person = here[0]
            for tok in _pronouns_after(self.doc, first, sent):
                gender = pronoun_gender(tok.text)
                # not across a quotation mark: in '"Ellie is a leader and we'll miss her," he
                # said', "he" is the speaker, not Ellie
                across = any(t.is_quote for t in self.doc[first : tok.i])
                if gender is not None and not across:
                    person.votes[gender] += 1

    def with_title(self, title: str) -> list[Person]:
        return [p for p in self.people if title in p.titles]

    def ambiguous(self, person: Person) -> bool:
        """A lone name that two people named in full share ("Casey" beside "Bob Casey" and
        "Terese Casey")."""
        if len(person.words) != 1:
            return False
        word = person.words[0]
        return sum(1 for p in self.people if len(p.words) > 1 and word in p.words) > 1

    def at(self, tok: Token) -> Person | None:
        """The person a token names, if any."""
        return self._at.get(tok.i)

    def named(self, name: str) -> Person | None:
        """The person a name (full, given or surname) refers to, when only one fits."""
        words = tuple(w.lower() for w in name.split())
        if not words:
            return None
        exact = [p for p in self.people if p.words == words or p.name.lower() == name.lower()]
        if exact:
            return exact[0]
        fits = [p for p in self.people if words[-1] in (p.words[0], p.words[-1])]
        return fits[0] if len(fits) == 1 else None

    def surname(self, word: str) -> Person | None:
        """The one person named in full whose surname this is (none when two share it)."""
        fits = [p for p in self.people if len(p.words) > 1 and p.words[-1] == word]
        return fits[0] if len(fits) == 1 else None

    def before(self, tok: Token, gender: str | None = None) -> Iterator[Person]:
        """People mentioned before ``tok`` who agree with ``gender``, nearest sentence first;
        within a sentence, subjects before other mentions, later ones first."""
        seen: set[int] = set()
        sent = tok.sent
        while True:
            in_sentence = [
                (i in p.subjects, i, p)
                for p in self.people
                for i in p.mentions
                if sent.start <= i < min(sent.end, tok.i) and p.agrees(gender)
            ]
            for _, _, person in sorted(in_sentence, key=lambda c: (c[0], c[1]), reverse=True):
                if id(person) not in seen:
                    seen.add(id(person))
                    yield person
            if sent.start == 0:
                return
            sent = self.doc[sent.start - 1].sent


def _pronouns_after(doc: Doc, first: int, sent: Span) -> Iterator[Token]:
    """The pronouns after a person's first mention in a sentence, and the one opening the next
    sentence as its subject when no name comes before it."""
    yield from (t for t in doc[first + 1 : sent.end] if t.pos_ == "PRON")
    if sent.end < len(doc):
        nxt = doc[sent.end].sent
        for tok in nxt:
            if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
                return
            if tok.pos_ == "PRON":
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    yield tok
                return


def _looks_like_a_name(ent: Span, plural_ok: bool = False) -> bool:
    """One person's name: proper nouns, not a phrase the tagger took for a name ("Taking
    Archie"), nor one of a kind ("a senior Conservative"), nor a plural ("Indigenous
    Peoples"), unless ``plural_ok``: a full name the tagger never labels otherwise in the text
    ("Janet Mills", where "Indigenous Peoples" is also a place or an organization)."""
    root = ent.root
    titled = root.text[:1].isupper() and root.lower_ not in _FEMININE | _MASCULINE
    plural = root.tag_ in ("NNS", "NNPS") and not (plural_ok and len(ent) > 1)
    # "a senior Conservative": one of a party, not a name
    one_of = len(ent) == 1 and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in root.children
    )
    return titled and not plural and not one_of and ent[0].tag_ != "VBG"


def _title_case(sentence: Span) -> bool:
    """Written as a headline often is, most longer words capitalised."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.is_title for t in words) > 0.6 * len(words)


def _role_plural(root: Token, lexicon: Lexicon) -> bool:
    """A plural of a role ("Tory MPs", "Senate Democrats' aides"), no surname."""
    words = {root.lemma_.lower(), root.lower_}
    lists = (lexicon.person_nouns, lexicon.unnamed_person, lexicon.unnamed_group)
    return root.text[:-1].isupper() or any(words & known for known in lists)


def _an_outlet(ent: Span, lexicon: Lexicon) -> bool:
    """A listed outlet of several words the tagger took for a person ("The Herald Sun"; a
    one-word one may be a surname too: "Bloomberg"), or a name right after a noun of news media
    ("the German magazine Der Blick")."""
    name = ent[1:] if ent[0].lower_ == "the" else ent
    before = ent.doc[ent.start - 1] if ent.start else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in lexicon.outlet_nouns:
        return True
    return len(name) > 1 and lexicon.canonical_outlet(name.text) is not None


def _alone(tok: Token) -> bool:
    """Not part of a longer entity: "Bloomberg" alone, not the "Bloomberg" of "Bloomberg News"."""
    if not tok.ent_type_:
        return True
    doc = tok.doc
    before = tok.ent_iob_ == "I"
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
    return not before and not after


def _name_words(ent: Span, lexicon: Lexicon) -> tuple[str, ...]:
    """The words of a name without titles, initials and a possessive, a hyphenated name one
    word: "Prince Harry's" -> ("harry",), "Raquel Montoya-Lewis" -> ("raquel", "montoya-lewis")."""
    words = [w.strip(",") for w in _written_name(ent).lower().split()]
    words = [w for w in words if w[:1].isalpha() and not (len(w) == 2 and w.endswith("."))]
    genders, honorifics = lexicon.genders, lexicon.honorifics
    while len(words) > 1 and (words[0] in genders or words[0].rstrip(".") in honorifics):
        words.pop(0)
    if len(words) > 2 and words[0] in lexicon.person_nouns:  # "Striker Leo Brandt"
        words.pop(0)
    return tuple(words)


def _headline_cue(tok: Token, lexicon: Lexicon) -> bool:
    """A headline's cue in the present ("Says", "Warns"), which the tagger may take into the
    name before it."""
    return (
        tok.lower_.endswith("s") and lexicon.cue_lemma(tok.lemma_.lower(), tok.lower_) is not None
    )


def _display(ent: Span, honorifics: frozenset[str], roles: frozenset[str]) -> str:
    """The name without a title or a role noun the tagger took in ("Striker Leo Brandt")."""
    name = _written_name(ent)
    first, _, rest = name.partition(" ")
    if len(name.split()) > 2 and first.lower() in roles:
        name = rest
    return without_honorific(name, honorifics)


def _written_name(ent: Span) -> str:
    """The name as written, without a possessive, an article or a dash the tagger took in ("a
    Mitt Romney", "― Jane Roe")."""
    text = ent.text.removesuffix("'s").removesuffix("’s")
    while text[:1].islower() or (text and not text[0].isalnum()):
        text = text.partition(" ")[2]
    return text


def without_honorific(name: str, honorifics: frozenset[str]) -> str:
    """A name without the title before it: "Dr. Jane Roe" -> "Jane Roe"."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower().rstrip(".") in honorifics else name


def _titles(ent: Span, lexicon: Lexicon) -> set[str]:
    """Role nouns attached to a name: the words just before it ("Mayor Jane Doe", "Prince
    Harry", "Indiana Gov. Mike Pence"), the noun it is an appositive of ("the team's coach, John
    Smith"), and its own appositive right after it ("Meghan, Duchess of Sussex", "Jane Roe, a
    State Department official")."""
    doc = ent.doc
    words: list[Token] = []
    for t in reversed(doc[max(0, ent.start - 2) : ent.start]):  # nearest first
        # in the name's phrase: not "judge" of "The judge said Lang had ..."
        if ent.start <= t.head.i < ent.end or t.head in words:
            words.append(t)
    words = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    words += list(ent[:-1])  # before the surname (the parser may make a title the root)
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        words.append(doc[ent.end + 1])
        words += [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end]
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        words.append(ent.root.head)
    known = lexicon.person_nouns | lexicon.unnamed_person | set(lexicon.genders)
    return {t.lower_.rstrip(".") for t in words} & (known | set(lexicon.same_role))
