"""The spaCy components used on their own, as a spaCy user would: add, configure, save, load."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example

import attrib.analysis.component  # noqa: F401  (registers the factories)
from attrib.analysis.extract import Settings
from attrib.analysis.lexicon import FILES
from attrib.analysis.pipeline import default_model
from attrib.datafiles import lexicon_directory

from .conftest import SHARED_DATA, read_example

TEXT = "Headline here\n\nThe vote was delayed, the ministry said."


@pytest.fixture(scope="module")
def own_nlp() -> Language:
    nlp = spacy.load(default_model())
    nlp.add_pipe("attrib_paragraphs", before="parser")
    nlp.add_pipe("attribution")
    return nlp


def test_add_pipe_to_own_pipeline(own_nlp: Language) -> None:
    doc = own_nlp(TEXT)
    data = doc._.attribution
    assert data["statements"][0]["content"]["text"] == "The vote was delayed"
    assert [s.text for s in doc.spans["attrib_content"]] == ["The vote was delayed"]
    assert [s.label_ for s in doc.spans["attrib_sources"]] == ["named"]
    assert [s.text for s in doc.spans["attrib_cues"]] == ["said"]


def test_docs_survive_serialization(nlp: Language) -> None:
    doc = nlp('"It is over," the coach said.')
    restored = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.attribution == doc._.attribution


def test_entry_points_declare_factories() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}
    assert {"attribution", "attrib_paragraphs"} <= names


def test_config_documents_every_setting(own_nlp: Language) -> None:
    config = own_nlp.config["components"]["attribution"]
    assert config["content_key"] == "attrib_content"
    assert config["max_cue_gap_tokens"] == 12
    assert config["scorer"] == {"@scorers": "attrib.spans_scorer.v1"}
    meta = own_nlp.get_pipe_meta("attribution")
    assert "doc.spans" in meta.assigns and "doc._.attribution" in meta.assigns


@contextmanager
def instead(nlp: Language, config: dict[str, object]) -> Iterator[None]:
    """Run the pipeline with another ``attribution`` component, configured so, in its place."""
    nlp.add_pipe("attribution", name="configured", config=config)
    try:
        with nlp.select_pipes(disable=["attribution"]):
            yield
    finally:
        nlp.remove_pipe("configured")


def test_span_keys_are_configurable(own_nlp: Language) -> None:
    with instead(own_nlp, {"content_key": "claims", "sources_key": "speakers"}):
        doc = own_nlp(TEXT)
    assert [s.text for s in doc.spans["claims"]] == ["The vote was delayed"]
    assert [s.text for s in doc.spans["speakers"]] == ["the ministry"]
    assert "attrib_content" not in doc.spans


def test_a_setting_bounds_its_rule(own_nlp: Language) -> None:
    """A quote-only paragraph continues the last speaker only within continuation_reach_chars."""
    text = '"We will win," the coach said.\n\n"Nobody believes in us, but we do."'
    with instead(own_nlp, {"continuation_reach_chars": 1}):
        assert len(own_nlp(text)._.attribution["statements"]) == 1
    assert len(own_nlp(text)._.attribution["statements"]) == 2


def _texts() -> list[str]:
    texts = [read_example(), TEXT]
    dev = SHARED_DATA / "polnear-dev.jsonl"
    if dev.exists():
        with dev.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for _, line in zip(range(4), lines, strict=False)]
    return texts


def test_saved_pipeline_gives_the_same_results_anywhere(own_nlp: Language, tmp_path: Path) -> None:
    """Own word lists set by initialize() are written by to_disk and read by spacy.load, so the
    pipeline keeps working after the lexicon folder it came from is gone."""
    lexicons = tmp_path / "my-lexicons"
    shutil.copytree(lexicon_directory(), lexicons)
    outlets = lexicons / "outlets.txt"
    outlets.write_text(outlets.read_text("utf-8") + "\nThe Harbour Lantern\n", "utf-8")
    own_nlp.get_pipe("attribution").initialize(lexicon_dir=str(lexicons))
    try:
        text = "The Harbour Lantern said that the bridge would close."
        assert own_nlp(text)._.attribution["sources"][0]["type"] == "outlet"
        before = [own_nlp(t)._.attribution for t in _texts()]
        own_nlp.to_disk(tmp_path / "pipeline")
        shutil.rmtree(lexicons)
        assert sorted(
            p.name for p in (tmp_path / "pipeline" / "attribution" / "lexicons").iterdir()
        ) == sorted(FILES)
        loaded = spacy.load(tmp_path / "pipeline")
        assert loaded(text)._.attribution["sources"][0]["type"] == "outlet"
        assert [loaded(t)._.attribution for t in _texts()] == before
        data = own_nlp.get_pipe("attribution").to_bytes()
        own_nlp.get_pipe("attribution").initialize()
        assert own_nlp(text)._.attribution["sources"][0]["type"] != "outlet"
        own_nlp.get_pipe("attribution").from_bytes(data)
        assert own_nlp(text)._.attribution["sources"][0]["type"] == "outlet"
    finally:
        own_nlp.get_pipe("attribution").initialize()
    assert own_nlp(text)._.attribution["sources"][0]["type"] != "outlet"


def test_a_folder_without_the_lexicon_files_is_refused(own_nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a lexicon directory"):
        own_nlp.get_pipe("attribution").initialize(lexicon_dir=str(tmp_path))


def test_score_compares_span_groups(own_nlp: Language) -> None:
    predicted = own_nlp(TEXT)
    reference = own_nlp(TEXT)
    exact = own_nlp.get_pipe("attribution").score([Example(predicted, reference)])
    assert exact["spans_attrib_content_f"] == 1.0
    assert exact["spans_attrib_sources_p"] == 1.0
    reference.spans["attrib_content"] = []
    missed = own_nlp.get_pipe("attribution").score([Example(own_nlp(TEXT), reference)])
    assert missed["spans_attrib_content_p"] == 0.0


def test_no_sentence_runs_past_the_cap(nlp: Language) -> None:
    """Text with no full stop is cut into sentences of at most max_sentence_tokens (200), so the
    work per sentence is bounded; text with full stops is left to the parser."""
    chain = "".join(f"{name} said that " for name in ("Anna", "Ben", "Carla", "Dev") * 300)
    doc = nlp(chain + "it rained.")
    assert max(len(s) for s in doc.sents) <= 200
    assert len(doc._.attribution["statements"]) > 100
    prose = "The official said that the talks, which began in May, would go on. " * 40
    with nlp.select_pipes(disable=["attrib_paragraphs"]):
        parsed = [len(s) for s in nlp(prose).sents]
    assert [len(s) for s in nlp(prose).sents] == parsed


def test_the_readme_documents_every_setting_of_the_factory() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith("| `")]
    documented = {name for line in table for name in line.split("|")[1].split("`")[1::2]}
    assert {f.name for f in fields(Settings)} <= documented
