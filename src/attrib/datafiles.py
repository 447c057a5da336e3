"""Where the word lists are: the copy installed with the package, or ``data/lexicons`` in a
source checkout. Kept apart from the analysis so that reading web pages, which uses two of the
lists, never imports spaCy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO_LEXICONS = Path(__file__).resolve().parents[2] / "data" / "lexicons"


def lexicon_directory() -> Path:
    """The installed copy (wheel) or, in a source checkout, ``data/lexicons``."""
    packaged = Path(str(resources.files("attrib") / "lexicons"))
    return packaged if packaged.is_dir() else _REPO_LEXICONS


def lines(text: str) -> list[str]:
    """The entries of a list file: stripped lines, without blank lines and ``#`` comments."""
    return [line for raw in text.splitlines() if (line := raw.strip()) and not line.startswith("#")]


def table(name: str) -> list[tuple[str, str]]:
    """The rows of a two-column list (``KEY<TAB>VALUE``) of the lexicon directory."""
    text = (lexicon_directory() / name).read_text(encoding="utf-8")
    return [
        (key.strip(), value.strip()) for key, _, value in (ln.partition("\t") for ln in lines(text))
    ]
