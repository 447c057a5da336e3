"""Expand what the user named into a stream of articles: files, folders, globs, stdin, JSONL.

Errors are reported through a callback and the stream goes on, so one bad file
in a corpus never stops the run. Everything is lazy: a corpus of any size is
read one article at a time.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .reading import InputError, read_input

DEFAULT_GLOBS = ("*.txt",)


@dataclass(frozen=True)
class Article:
    """One text to analyze, its name in the output, and fields carried through."""

    name: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def expand(
    names: Iterable[str],
    patterns: Iterable[str] = DEFAULT_GLOBS,
    on_error: Callable[[str], None] = lambda _: None,
) -> Iterator[str]:
    """Paths in order: a folder gives its matching files (recursively, sorted), a glob its matches.

    Names that are neither are passed on unchanged, so reading them reports the
    problem ("no such file").
    """
    patterns = tuple(patterns)
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = {p for pattern in patterns for p in path.rglob(pattern) if p.is_file()}
            if not found:
                on_error(f"{name}: no files matching {' or '.join(patterns)}")
            yield from (str(p) for p in sorted(found))
        elif name != "-" and not path.exists() and glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                on_error(f"{name}: no files match this pattern")
            yield from matches
        else:
            yield name


def read_files(names: Iterable[str], on_error: Callable[[str], None]) -> Iterator[Article]:
    """Articles from paths (or '-'); unreadable ones go to ``on_error``."""
    for name in names:
        try:
            yield Article(name, read_input(name))
        except InputError as err:
            on_error(str(err))


def read_jsonl(
    name: str, on_error: Callable[[str], None], stdin: BinaryIO | None = None
) -> Iterator[Article]:
    """Articles from JSON Lines ``{"id": ..., "text": ..., ...}``, read a line at a time.

    JSON Lines is UTF-8 by definition; fields other than ``id`` and ``text``
    become the article's ``meta`` and are carried into the output.
    """
    try:
        stream = (stdin or sys.stdin.buffer) if name == "-" else Path(name).open("rb")  # noqa: SIM115
    except OSError as err:
        on_error(f"{name}: {err.strerror.lower() if err.strerror else err}")
        return
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
                text = record["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                on_error(f"{name}:{number}: not a JSON object with a string 'text'")
                continue
            ident = str(record.get("id", f"{name}:{number}"))
            meta = {k: v for k, v in record.items() if k not in ("id", "text")}
            yield Article(ident, text, meta)  # as given: offsets must match the caller's text
