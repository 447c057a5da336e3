"""Shared fixtures: the spaCy pipeline is loaded once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import attrib
from attrib.results import Analysis

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


def run_attrib(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI as a user would: a separate process, real streams and exit status."""
    return subprocess.run(
        [sys.executable, "-m", "attrib", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
