"""Word lists that drive the rules, read once from plain files under ``data/lexicons``.

Keeping cues, outlets, anonymity markers and hedges as data lets reviewers
change coverage without touching code, and lets users point attrib at their own
lists (``Lexicon.load(directory)``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

_REPO_LEXICONS = Path(__file__).resolve().parents[3] / "data" / "lexicons"


def default_directory() -> Path:
    """The installed copy (wheel) or, in a source checkout, ``data/lexicons``."""
    packaged = Path(str(resources.files("attrib") / "lexicons"))
    return packaged if packaged.is_dir() else _REPO_LEXICONS


def _lines(path: Path) -> Iterator[str]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            yield line


def _sections(path: Path) -> dict[str, frozenset[str]]:
    """Read a file of ``[section]`` headings followed by one entry a line."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in _lines(path):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, set())
        else:
            sections.setdefault(current, set()).add(line.lower())
    return {name: frozenset(words) for name, words in sections.items()}


def _word_set(path: Path) -> frozenset[str]:
    return frozenset(line.lower() for line in _lines(path))


def regular_forms(lemma: str) -> set[str]:
    """The -s, -ed and -ing forms of a regular English verb."""
    if lemma.endswith("e"):
        return {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma + "s", lemma + "ed", lemma + "ing"}


def _cue_verbs(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Map lemma -> category and inflected form -> lemma."""
    categories: dict[str, str] = {}
    forms: dict[str, str] = {}
    for line in _lines(path):
        lemma, category, *rest = line.split("\t")
        categories[lemma] = category
        listed = set(rest[0].split()) if rest else regular_forms(lemma)
        for form in listed | {lemma}:
            forms.setdefault(form, lemma)
    return categories, forms


def _outlets(path: Path) -> dict[tuple[str, ...], str]:
    """Map each outlet name or alias, as a tuple of words, to its canonical name.

    Case-sensitive: "The Paper" is an outlet, "the paper" refers back to one."""
    names: dict[tuple[str, ...], str] = {}
    for line in _lines(path):
        variants = [v.strip() for v in line.split(" | ") if v.strip()]
        for variant in variants:
            names.setdefault(tuple(_words(variant)), variants[0])
    return names


def _words(text: str) -> list[str]:
    """Split a lexicon entry the way spaCy's English tokenizer splits simple names."""
    out: list[str] = []
    for word in text.split():
        if word.endswith(("'s", "’s")) and len(word) > 2:
            out.extend([word[:-2], word[-2:]])
        else:
            out.append(word)
    return out


@dataclass(frozen=True)
class Lexicon:
    """All word lists, as sets for O(1) look-ups in the hot path."""

    cue_categories: dict[str, str]
    cue_forms: dict[str, str]
    outlets: dict[tuple[str, ...], str]
    outlet_nouns: frozenset[str]
    unnamed_person: frozenset[str]
    unnamed_group: frozenset[str]
    anonymity_modifiers: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    institutions: frozenset[str]
    document_nouns: frozenset[str]
    person_nouns: frozenset[str]
    addressee_verbs: frozenset[str]
    cue_nouns: frozenset[str]
    support_verbs: frozenset[str]
    topic_prepositions: frozenset[str]
    label_words: frozenset[str]

    @cached_property
    def longest_outlet(self) -> int:
        """Words in the longest outlet name: bounds the look-up window."""
        return max((len(k) for k in self.outlets), default=0)

    def cue_lemma(self, lemma: str, form: str) -> str | None:
        """The cue lemma for a token, trusting its lemma first and its form second."""
        if lemma in self.cue_categories:
            return lemma
        return self.cue_forms.get(form)

    @classmethod
    def load(cls, directory: Path | None = None) -> Lexicon:
        d = directory or default_directory()
        categories, forms = _cue_verbs(d / "cue_verbs.tsv")
        anonymity = _sections(d / "anonymity.txt")
        objects = _sections(d / "cue_objects.txt")
        hedges = _sections(d / "hedges.txt")
        nouns = _sections(d / "cue_nouns.txt")
        return cls(
            cue_categories=categories,
            cue_forms=forms,
            outlets=_outlets(d / "outlets.txt"),
            outlet_nouns=_word_set(d / "outlet_nouns.txt"),
            unnamed_person=anonymity["person"],
            unnamed_group=anonymity["group"],
            anonymity_modifiers=anonymity["modifier"],
            hedge_adverbs=hedges["adverb"],
            hedge_passives=hedges["passive"],
            institutions=_word_set(d / "institutions.txt"),
            document_nouns=_word_set(d / "document_nouns.txt"),
            person_nouns=_word_set(d / "person_nouns.txt"),
            addressee_verbs=objects["addressee"],
            topic_prepositions=objects["preposition"],
            cue_nouns=nouns["noun"],
            support_verbs=nouns["support-verb"],
            label_words=_word_set(d / "label_words.txt"),
        )


@cache
def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    return Lexicon.load()
