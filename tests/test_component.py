"""The spaCy component used on its own, as a spaCy user would."""

from __future__ import annotations

import importlib.metadata

import spacy

import attrib.analysis.component  # noqa: F401  (registers the factories)
from attrib.analysis.pipeline import default_model


def test_add_pipe_to_own_pipeline() -> None:
    nlp = spacy.load(default_model())
    nlp.add_pipe("attrib_paragraphs", before="parser")
    nlp.add_pipe("attribution")
    doc = nlp("Headline here\n\nThe vote was delayed, the ministry said.")
    data = doc._.attribution
    assert data["statements"][0]["content"]["text"] == "The vote was delayed"
    assert [s.text for s in doc.spans["attrib_content"]] == ["The vote was delayed"]
    assert [s.label_ for s in doc.spans["attrib_sources"]] == ["named"]
    assert [s.text for s in doc.spans["attrib_cues"]] == ["said"]


def test_docs_survive_serialization(nlp) -> None:
    doc = nlp('"It is over," the coach said.')
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.attribution == doc._.attribution


def test_entry_points_declare_factories() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}
    assert {"attribution", "attrib_paragraphs"} <= names
