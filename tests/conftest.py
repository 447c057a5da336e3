"""Shared fixtures: the spaCy pipeline is loaded once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import attrib
from attrib.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "peace-plan.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return attrib.load_pipeline()


@pytest.fixture(scope="session")
def analyze(nlp: Language):  # type: ignore[no-untyped-def]
    """analyze(text) -> Analysis with the shared pipeline."""

    def run(text: str) -> Analysis:
        return attrib.analyze(text, nlp=nlp)

    return run


@pytest.fixture(scope="session")
def example(analyze) -> Analysis:  # type: ignore[no-untyped-def]
    return analyze(EXAMPLE.read_text(encoding="utf-8"))
