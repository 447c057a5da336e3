"""Word lists that drive the rules, read from plain files under ``data/lexicons``, and their
multi-word entries as spaCy matchers.

Keeping cues, outlets, anonymity markers and hedges as data lets reviewers change coverage
without touching code, and lets users bring their own lists (``Lexicon.load(directory)``, or
``initialize(lexicon_dir=...)`` on the ``attribution`` component, which saves them with the
pipeline). Single words are looked up in sets; names and phrases ("The New York Times",
"familiar with", "prosecutor's office") are matched on real token boundaries with
:class:`~spacy.matcher.PhraseMatcher`, built from the same files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..datafiles import lexicon_directory, lines

FILES = (
    "anonymity.txt",
    "classes.tsv",
    "cue_frames.tsv",
    "cue_nouns.txt",
    "cue_objects.txt",
    "cue_verbs.tsv",
    "document_nouns.txt",
    "gender.tsv",
    "hedges.txt",
    "institutions.txt",
    "label_words.txt",
    "no_comment.jsonl",
    "outlet_nouns.txt",
    "outlets.txt",
    "outlets_us_local.tsv",
    "person_nouns.txt",
    "unasserted.txt",
)
"""The files a lexicon directory holds; all are read, and saved with a pipeline."""


def _sections(text: str) -> dict[str, frozenset[str]]:
    """Read a file of ``[section]`` headings followed by one entry a line."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in lines(text):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, set())
        else:
            sections.setdefault(current, set()).add(line.lower())
    return {name: frozenset(words) for name, words in sections.items()}


def _same_role(entries: frozenset[str]) -> dict[str, frozenset[str]]:
    """Each word of a ``[same-role]`` line -> the words of every line it is on."""
    roles: dict[str, frozenset[str]] = {}
    for entry in entries:
        words = frozenset(entry.split())
        for word in words:
            roles[word] = roles.get(word, frozenset()) | words
    return roles


def _word_set(text: str) -> frozenset[str]:
    return frozenset(line.lower() for line in lines(text))


def regular_forms(lemma: str) -> set[str]:
    """The -s, -ed and -ing forms of a regular English verb."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma + "s", lemma + "ed", lemma + "ing"}


def _cue_verbs(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Map lemma -> class and inflected form -> lemma."""
    classes: dict[str, str] = {}
    forms: dict[str, str] = {}
    for line in lines(text):
        lemma, cls, *rest = line.split("\t")
        classes[lemma] = cls
        if " " in lemma:  # "make clear": the verb's forms are the verb's own
            continue
        listed = set(rest[0].split()) if rest else regular_forms(lemma)
        for form in listed | {lemma}:
            forms.setdefault(form, lemma)
    return classes, forms


@dataclass(frozen=True)
class AttributionClass:
    """One line of classes.tsv: whether the class counts as a statement, and whether a document
    as its source makes it a ``document`` statement."""

    name: str
    statement: bool
    of_document: bool


def _classes(text: str) -> dict[str, AttributionClass]:
    classes = {}
    for line in lines(text):
        name, statement, of_document, *_ = line.split("\t")
        classes[name] = AttributionClass(name, statement == "yes", of_document == "yes")
    return classes


def _frames(text: str) -> dict[tuple[str, str], str]:
    """(lemma or "*", frame) -> class, from cue_frames.tsv."""
    frames = {}
    for line in lines(text):
        lemma, frame, cls = line.split("\t")
        frames[(lemma, frame)] = cls
    return frames


def _patterns(text: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """(label, token pattern) pairs from a JSON Lines file of spaCy Matcher patterns."""
    out = []
    for line in lines(text):
        entry = json.loads(line)
        out.append((str(entry["label"]), list(entry["pattern"])))
    return out


def _outlets(text: str, local: str) -> dict[str, tuple[str, ...]]:
    """Each outlet's canonical name with every way of writing it (the name first): those of
    ``outlets.txt``, then the local papers of ``outlets_us_local.tsv`` (``NAME<TAB>DOMAIN``)
    that it lacks, with and without a leading "The".

    Case-sensitive: "The Paper" is an outlet, "the paper" refers back to one."""
    outlets: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    names = [line.split("\t")[0] for line in lines(local)]
    for line in [*lines(text), *(f"{n} | {n.removeprefix('The ')}" for n in names)]:
        variants = [" ".join(v.split()) for v in line.split(" | ") if v.strip()]
        fresh = tuple(v for v in variants if v not in seen)
        seen.update(fresh)
        if fresh:
            outlets.setdefault(variants[0], ())
            outlets[variants[0]] += fresh
    return outlets


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All word lists, as sets for O(1) look-ups in the hot path, and the files they came from
    (what a saved pipeline writes)."""

    files: Mapping[str, str] = field(repr=False)
    classes: dict[str, AttributionClass]
    cue_classes: dict[str, str]
    """Cue verb lemma -> its class."""
    cue_forms: dict[str, str]
    cue_frames: dict[tuple[str, str], str]
    """(lemma or "*", frame) -> the class of the cue in that construction."""
    outlets: dict[str, tuple[str, ...]]
    """Canonical outlet name -> every spelling of it."""
    outlet_nouns: frozenset[str]
    unnamed_person: frozenset[str]
    unnamed_group: frozenset[str]
    anonymity_modifiers: frozenset[str]
    office_words: frozenset[str]
    """Words that make an anonymity head one office ("the chief executive")."""
    past_office_words: frozenset[str]
    """Words that make an anonymity head one who held an office ("the former adviser")."""
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    institutions: frozenset[str]
    company_words: frozenset[str]
    """Last words of company names ("Electronics", "Corp."): such a name is an organization's."""
    organization_nouns: frozenset[str]
    """Descriptions of an organization ("the retailer", "the bloc"), which refer back to the
    one named before."""
    document_nouns: frozenset[str]
    law_nouns: frozenset[str]
    """Acts of a legislature or government ("the regulations"): on the record, whoever issued
    them."""
    document_acts: frozenset[str]
    """Documents named by the act of issuing them, which an of-object makes the act ("the
    release of prisoners"): no source to cite."""
    document_portions: frozenset[str]
    """Part or a copy of a document ("details", "a draft"): the document's issuer's."""
    obtaining_verbs: frozenset[str]
    """Verbs of getting hold of a document ("seen by Reuters"): their agent is no issuer."""
    issuing_verbs: frozenset[str]
    """Verbs whose subject issued their object ("The CBO released a report")."""
    authoring_verbs: frozenset[str]
    """Verbs whose agent wrote a study ("The report was written by X")."""
    figure_ranks: frozenset[str]
    """Adjectives that make "figures" people ("senior Labour figures")."""
    document_places: frozenset[str]
    """Where a document is posted ("website", "page"): its owner issued it."""
    study_nouns: frozenset[str]
    """Documents of research ("study", "report"), whose authors "the researchers" are."""
    document_kinds: tuple[frozenset[str], ...]
    """Nouns one document may be called by in turn ("a survey" ... "the study")."""
    study_authors: frozenset[str]
    """Nouns for a study's authors ("researchers", "scientists")."""
    research_staff: frozenset[str]
    """Staff whose word is their employer's research ("analysts at JPMorgan")."""
    body_members: frozenset[str]
    """Members who, all of them ("the members of the Security Council"), speak as their body."""
    person_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    question_verbs: frozenset[str]
    """Verbs of asking, whose object is the person asked ("asked the mayor")."""
    reply_verbs: frozenset[str]
    """Verbs of replying, whose pronoun subject is the person asked last."""
    manner_nouns: frozenset[str]
    """Nouns that, bare after "according to", say how, not who ("according to plan")."""
    cue_nouns: dict[str, str]
    """Cue noun lemma -> its class."""
    support_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    label_words: frozenset[str]
    no_comment: list[tuple[str, list[dict[str, Any]]]]
    """spaCy Matcher patterns of no-comment events ("declined to comment"), with labels."""
    negative_subjects: frozenset[str]
    modals: frozenset[str]
    retrospective: frozenset[str]
    narrative_heads: frozenset[str]
    withholding_heads: frozenset[str]
    """Verbs under which a gerund cue is speech held back: "denied saying", "avoided saying"."""
    conditionals: frozenset[str]
    """Markers of a clause of hypothetical speech: "if she said so"."""
    genders: dict[str, str]
    """Titles and role nouns that tell a gender ("duchess" -> "f")."""
    pair_nouns: frozenset[str]
    """Nouns for two people together ("the pair", "the couple")."""
    representatives: frozenset[str]
    """Nouns of people who speak for an organization ("spokesperson")."""
    counsel: frozenset[str]
    """Nouns of people who speak for a person ("lawyer"), on the record when the person is named."""
    honorifics: frozenset[str]
    """Titles before a name, without their full stop ("dr", "mrs")."""
    same_role: dict[str, frozenset[str]]
    """Role noun or title -> every word for that role ("judge" -> "judge", "justice")."""
    relations: frozenset[str]
    """Kin ("wife", "father"): one identifiable person when whose kin is said ("his wife")."""
    document_voices: frozenset[str]
    """Nouns of the voice a document speaks in ("narrator"): the document's words."""
    plain_people: frozenset[str]
    """People described only as such ("the man", "the teenager"): whoever was described so
    before, named or not."""
    time_nouns: frozenset[str]
    """Nouns of time, never a speaker ("the first time she saw him")."""
    person_descriptors: frozenset[str]
    """Nouns for people by what they are, no office ("billionaire"): before a name, a person's."""
    outlet_words: frozenset[str]
    """Last words of newspaper and broadcaster names ("Courier", "Tribune")."""
    outlet_first_words: frozenset[str]
    """First words of outlet names ("Daily", "Radio")."""
    news_pieces: frozenset[str]
    """What news media publish ("story", "editorial"): the media's unless an issuer is named."""
    news_reports: frozenset[str]
    """Accounts that are the media's with "news" or "media" before them ("news reports")."""

    def company_name(self, name: Span) -> bool:
        """A name of two or more words whose last names a company ("Hanbit Electronics")."""
        return len(name) > 1 and name[-1].lower_ in self.company_words

    def cue_lemma(self, lemma: str, form: str) -> str | None:
        """The cue lemma for a token, trusting its lemma first and its form second."""
        if lemma in self.cue_classes:
            return lemma
        return self.cue_forms.get(form)

    @cached_property
    def texts(self) -> frozenset[str]:
        """Every noun of a document, of any kind ("report", "figures", "data")."""
        return frozenset().union(self.document_nouns, *self.document_kinds)

    @cached_property
    def offices(self) -> frozenset[str]:
        """Words that, with "the", make an anonymity head one office-holder, present or past
        ("the chief executive", "the former adviser")."""
        return self.office_words | self.past_office_words

    @cached_property
    def speaker_nouns(self) -> frozenset[str]:
        """Common nouns for someone who can speak, a body, the media or a text ("the ministry",
        "critics", "a physician's lawyer", "a new study", "the paper")."""
        return frozenset().union(
            self.person_nouns,
            self.relations,
            self.representatives,
            self.counsel,
            self.document_voices,
            self.unnamed_person,
            self.unnamed_group,
            self.institutions,
            self.organization_nouns,
            self.document_nouns,
            self.outlet_nouns,
            self.news_pieces,
            self.news_reports,
        )

    @cached_property
    def phrase_verbs(self) -> frozenset[str]:
        """Verbs that are cues only with a word of theirs: "make" of "made clear that"."""
        return frozenset(lemma.split()[0] for lemma in self.cue_classes if " " in lemma)

    def cue_class(self, lemma: str, frame: str | None = None) -> str:
        """The class of a cue verb, in a construction when ``frame`` names one."""
        if frame is not None:
            for key in ((lemma, frame), ("*", frame)):
                if key in self.cue_frames:
                    return self.cue_frames[key]
        return self.cue_classes[lemma]

    def is_statement(self, cls: str) -> bool:
        return self.classes[cls].statement

    def canonical_outlet(self, name: str) -> str | None:
        """The canonical name of an outlet written as ``name`` ("NYT"), if it is one."""
        return self._outlet_names.get(" ".join(name.split()))

    @cached_property
    def _outlet_names(self) -> dict[str, str]:
        return {v: name for name, variants in self.outlets.items() for v in variants}

    @classmethod
    def from_files(cls, files: Mapping[str, str]) -> Lexicon:
        """Parse the lexicon files' texts, by file name."""
        missing = [name for name in FILES if name not in files]
        if missing:
            raise ValueError(f"lexicon lacks {', '.join(missing)}")
        classes = _classes(files["classes.tsv"])
        cue_classes, forms = _cue_verbs(files["cue_verbs.tsv"])
        frames = _frames(files["cue_frames.tsv"])
        anonymity = _sections(files["anonymity.txt"])
        objects = _sections(files["cue_objects.txt"])
        hedges = _sections(files["hedges.txt"])
        nouns = _sections(files["cue_nouns.txt"])
        unasserted = _sections(files["unasserted.txt"])
        people = _sections(files["person_nouns.txt"])
        media = _sections(files["outlet_nouns.txt"])
        documents = _sections(files["document_nouns.txt"])
        bodies = _sections(files["institutions.txt"])
        support_verbs = nouns.pop("support-verb")
        cue_nouns = {noun: name for name, words in nouns.items() for noun in words}
        used = {*cue_classes.values(), *frames.values(), *cue_nouns.values()}
        unknown = sorted(used - set(classes))
        if unknown:
            raise ValueError(f"lexicon uses classes not in classes.tsv: {', '.join(unknown)}")
        return cls(
            files=dict(files),
            classes=classes,
            cue_classes=cue_classes,
            cue_forms=forms,
            cue_frames=frames,
            outlets=_outlets(files["outlets.txt"], files["outlets_us_local.tsv"]),
            outlet_nouns=media["noun"],
            unnamed_person=anonymity["person"],
            unnamed_group=anonymity["group"],
            anonymity_modifiers=anonymity["modifier"],
            office_words=anonymity["office"],
            past_office_words=anonymity["past-office"],
            hedge_adverbs=hedges["adverb"],
            hedge_passives=hedges["passive"],
            institutions=bodies[""],
            organization_nouns=bodies["description"],
            company_words=bodies["company-word"],
            document_nouns=documents[""]
            | documents["study"]
            | documents["law"]
            | documents["portion"],
            law_nouns=documents["law"],
            document_acts=documents["act"],
            document_portions=documents["portion"],
            obtaining_verbs=documents["obtained"],
            issuing_verbs=documents["issued"],
            authoring_verbs=documents["authored"],
            document_places=documents["place"],
            figure_ranks=documents["people-figures"],
            study_nouns=documents["study"],
            document_kinds=(documents["study"], documents["figures"]),
            study_authors=people["study-author"],
            research_staff=people["study-author"] | people["research-staff"],
            body_members=people["members"],
            person_nouns=people["role"],
            addressee_verbs=objects["addressee"],
            topic_prepositions=objects["preposition"],
            question_verbs=objects["question"],
            reply_verbs=objects["reply"],
            manner_nouns=objects["manner"],
            cue_nouns=cue_nouns,
            support_verbs=support_verbs,
            label_words=_word_set(files["label_words.txt"]),
            no_comment=_patterns(files["no_comment.jsonl"]),
            negative_subjects=unasserted["negative-subject"],
            modals=unasserted["modal"],
            retrospective=unasserted["retrospective"],
            narrative_heads=unasserted["narrative-head"],
            withholding_heads=unasserted["withholding-head"],
            conditionals=unasserted["conditional"],
            genders=dict(line.split("\t") for line in lines(files["gender.tsv"])),
            pair_nouns=people["pair"],
            representatives=people["representative"],
            counsel=people["counsel"],
            relations=people["relation"],
            document_voices=people["voice"],
            plain_people=people["plain"],
            person_descriptors=people["descriptor"],
            time_nouns=people["time"],
            same_role=_same_role(people["same-role"]),
            honorifics=people["honorific"],
            outlet_words=media["name-word"],
            outlet_first_words=media["name-first-word"],
            news_pieces=media["piece"],
            news_reports=media["report"],
        )

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        """Read a lexicon directory (default: the shipped lists)."""
        d = directory or lexicon_directory()
        try:
            return cls.from_files({name: (d / name).read_text("utf-8") for name in FILES})
        except FileNotFoundError as err:
            raise ValueError(f"{d}: not a lexicon directory ({err.filename} is missing)") from err


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return Lexicon.load()


# -- matching on a Doc --------------------------------------------------------------------------

TokenRange = tuple[int, int]
"""Token offsets [start, end)."""


@dataclass(frozen=True)
class Matches:
    """Where the lexicon's names and phrases occur in one Doc, as token ranges."""

    outlets: tuple[tuple[int, int, str], ...] = ()
    """(start, end, canonical name) of every outlet name."""
    anonymity: tuple[TokenRange, ...] = ()
    """Every anonymity marker ("unnamed", "familiar with", "asked not to be named")."""
    institutions: tuple[tuple[int, int, str], ...] = ()
    """(start, end, entry) of every institution ("the White House", "prosecutor's office")."""
    no_comment: tuple[TokenRange, ...] = ()
    """Every no-comment phrase ("declined to comment", "could not be reached"), longest first
    where they overlap."""
    unknown_nouns: frozenset[int] = frozenset()
    """Capitalised words tagged as common nouns that the pipeline's lemmatizer knows as no
    English noun ("Eskom", "Barclays"): names the tagger missed."""

    def outlet(self, tokens: Sequence[Token], head: Token) -> tuple[str, str] | None:
        """The outlet whose name lies within ``tokens`` and covers the head, the leftmost, then
        the longest: its canonical name and the name as written ("UNN", "Argus Leader")."""
        within = {t.i for t in tokens}
        found = [
            (start, start - end, name)
            for start, end, name in self.outlets
            if start <= head.i < end and all(i in within for i in range(start, end))
        ]
        if not found:
            return None
        start, length, name = min(found)
        return name, head.doc[start : start - length].text

    def anonymous(self, tokens: Collection[int]) -> bool:
        """Does an anonymity marker lie within these token indices?"""
        return any(all(i in tokens for i in range(s, e)) for s, e in self.anonymity)

    def anonymity_phrase(self, start: int, end: int) -> bool:
        """Does a marker of several words start at ``start`` and end by ``end``?"""
        return any(s == start and e <= end and e - s > 1 for s, e in self.anonymity)

    def institution(self, tokens: Sequence[Token], skip: Collection[str]) -> str | None:
        """The longest institution that ends the tokens, over tokens not in ``skip``."""
        kept = [t.i for t in tokens if t.lower_ not in skip]
        if not kept:
            return None
        last, within = kept[-1], set(kept)
        found = [
            (start - end, entry)
            for start, end, entry in self.institutions
            if end - 1 == last and all(i in within for i in range(start, end))
        ]
        return min(found)[1] if found else None


class LexiconMatcher:
    """The lexicon's multi-word entries as PhraseMatchers over one vocabulary: outlet names
    case-sensitive (``ORTH``: "The Paper" is an outlet, "the paper" refers back to one), markers
    and institutions case-insensitive (``LOWER``)."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, make_doc: Callable[[str], Doc]) -> None:
        self.outlets = _OutletMatcher(vocab, lexicon, make_doc)
        self.anonymity = PhraseMatcher(vocab, attr="LOWER")
        self.anonymity.add("anonymity", _docs(lexicon.anonymity_modifiers, make_doc))
        self.institutions = PhraseMatcher(vocab, attr="LOWER")
        for entry in sorted(lexicon.institutions):
            self.institutions.add(entry, [make_doc(entry)])
        self.no_comment = Matcher(vocab)
        for label, pattern in lexicon.no_comment:
            self.no_comment.add(label, [pattern])
        self.vocab = vocab

    def __call__(self, doc: Doc, nouns: frozenset[str] = frozenset()) -> Matches:
        """The matches in ``doc``; with ``nouns``, the English nouns a lemmatizer knows, also the
        capitalised words tagged as nouns that are none of them."""
        strings = self.vocab.strings
        unknown = frozenset(  # none at all without a lemmatizer's nouns to tell them by
            t.i
            for t in (doc if nouns else ())
            if t.is_title and t.tag_ in ("NN", "NNS") and t.lemma_.lower() not in nouns
        )
        return Matches(
            unknown_nouns=unknown,
            outlets=self.outlets(doc),
            anonymity=tuple((s, e) for _, s, e in self.anonymity(doc)),
            institutions=tuple((s, e, strings[m]) for m, s, e in self.institutions(doc)),
            no_comment=tuple(
                (span.start, span.end) for span in filter_spans(self.no_comment(doc, as_spans=True))
            ),
        )


class _OutletMatcher:
    """The outlets' names in a Doc, as (start, end, canonical name). A name's pattern is made
    the first time a text holds its first word: making all 11,000 at start-up (and a
    vocabulary entry for each new word in them) took a third of a second."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, make_doc: Callable[[str], Doc]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.pending: dict[str, list[str]] = {}
        for variants in lexicon.outlets.values():
            for variant in variants:
                self.pending.setdefault(_first_word(variant), []).append(variant)
        self.lexicon = lexicon
        self.make_doc = make_doc

    def __call__(self, doc: Doc) -> tuple[tuple[int, int, str], ...]:
        strings = doc.vocab.strings  # the distinct words, without a Token object a word
        words = {_first_word(strings[o]) for o in set(doc.to_array("ORTH").tolist())}
        words &= self.pending.keys()
        if words:
            names = [name for word in words for name in self.pending.pop(word)]
            self.matcher.add("outlet", [self.make_doc(name) for name in names])
        return tuple(
            (start, end, name)
            for _, start, end in self.matcher(doc)
            if (name := self.lexicon.canonical_outlet(doc[start:end].text)) is not None
        )


def _first_word(text: str) -> str:
    """What an outlet's name and a token that may start it share: the first run of word
    characters ("St" of "St. Louis" and of the token "St."), else the first character."""
    word = _WORD.match(text)
    return word.group() if word else text[:1]


_WORD = re.compile(r"\w+")


def _docs(phrases: Iterable[str], make_doc: Callable[[str], Doc]) -> list[Doc]:
    return [make_doc(p) for p in sorted(phrases)]
