"""The people a text names: one person however the name is written. The entities are set by
hand, so these tests pin the rules whatever the tagger makes of a sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from attrib.analysis.people import People


def people(
    nlp: Language,
    text: str,
    names: list[tuple[int, int]],
    sentences: list[int],
    others: tuple[tuple[int, int, str], ...] = (),
) -> list[tuple[str, list[int]]]:
    """The names and mentions of the people of a Doc of the words of ``text``, whose PERSON
    entities are ``names`` (token ranges), whose other entities are ``others`` (with their
    labels) and whose sentences start at ``sentences``."""
    words = text.split(" ")
    doc = nlp(Doc(nlp.vocab, words=words, sent_starts=[i in sentences for i in range(len(words))]))
    ents = [(start, end, "PERSON") for start, end in names] + list(others)
    doc.ents = [Span(doc, start, end, label) for start, end, label in sorted(ents)]
    return [(p.name, p.mentions) for p in People(doc, nlp.get_pipe("attribution").lexicon).people]


def test_a_headline_name_with_a_stray_word_is_the_name_written_after(nlp: Language) -> None:
    text = "Senators Rip Jane Roe Over Taxes . Jane Roe spoke . Roe left ."
    found = people(nlp, text, [(1, 4), (7, 9), (11, 12)], [0, 7, 11])
    assert found == [("Jane Roe", [1, 8, 11])]


def test_the_tail_of_a_longer_name_is_that_person(nlp: Language) -> None:
    text = "Ana Ruiz Vega came to talk about trade . Ruiz Vega spoke ."
    found = people(nlp, text, [(0, 3), (9, 11)], [0, 9])
    assert found == [("Ana Ruiz Vega", [2, 10])]


def test_an_article_taken_into_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = "They saw a Mitt Romney in him ."
    assert people(nlp, text, [(2, 5)], [0]) == [("Mitt Romney", [4])]


def test_a_plural_name_the_tagger_also_labels_otherwise_is_no_person(nlp: Language) -> None:
    text = "Indigenous Peoples own the land . Indigenous Peoples manage it ."
    assert people(nlp, text, [(0, 2)], [0, 6], others=((6, 8, "ORG"),)) == []
    assert people(nlp, "Janet Mills signed the bill .", [(0, 2)], [0]) == [("Janet Mills", [1])]
