"""Shared fixtures: the spaCy pipeline is loaded once per test run, for the tests and the CLI."""

from __future__ import annotations

import contextlib
import inspect
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

import attrib
from attrib.cli import main
from attrib.results import Analysis

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLE_PATH = ROOT.parent / "shared" / "examples" / "peace-plan.txt"
NO_EXAMPLE = (
    f"{EXAMPLE_PATH} is absent: the example article is read from ../shared, never copied here"
)


def read_example() -> str:
    """The example article's text; skips the test (or fixture) when ../shared is absent."""
    if not EXAMPLE_PATH.exists():
        pytest.skip(NO_EXAMPLE)
    return EXAMPLE_PATH.read_text(encoding="utf-8")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without ../shared, skip every test that names the example article's path."""
    if EXAMPLE_PATH.exists():
        return
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and "EXAMPLE_PATH" in inspect.getsource(function):
            item.add_marker(pytest.mark.skip(reason=NO_EXAMPLE))


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pipeline ``attrib.analyze`` and the CLI share: warmed here, loaded once."""
    return attrib._shared_pipeline(None)


@pytest.fixture(scope="session")
def analyze(nlp: Language):  # type: ignore[no-untyped-def]
    """analyze(text) -> Analysis with the shared pipeline."""

    def run(text: str) -> Analysis:
        return attrib.analyze(text, nlp=nlp)

    return run


@pytest.fixture(scope="session")
def example(analyze) -> Analysis:  # type: ignore[no-untyped-def]
    return analyze(read_example())


@dataclass(frozen=True)
class Run:
    """What a user sees of one command: its exit status and the bytes of its two streams."""

    returncode: int
    stdout: bytes
    stderr: bytes


def run_attrib(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """Run the CLI in this process through its entry point ``attrib.cli.main``, with the session's
    pipeline: the same exit status and streams as a separate process, without loading spaCy."""
    runner = CliRunner()
    with (
        contextlib.chdir(cwd) if cwd else contextlib.nullcontext(),
        runner.isolation(input=stdin, env=env) as (out, err, _),
    ):
        try:
            main(list(args))
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


def run_attrib_process(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m attrib`` as a separate process: for what only a real process shows
    (the console entry point, pipes, signals, worker processes)."""
    return subprocess.run(
        [sys.executable, "-m", "attrib", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
