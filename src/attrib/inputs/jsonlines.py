"""The one JSON Lines reader: ``--jsonl-in`` articles, saved results and gold files.

Every problem is one line naming the place, ``FILE:LINE: why``, and goes to a callback, so
each caller decides whether a bad record is skipped (analysis) or stops the work (figures
that would silently change). A line is read with a limit, so a file without newlines
(``/dev/zero``) is refused instead of filling memory. Records are strict JSON (no ``NaN``
or ``Infinity``) and valid Unicode (no lone surrogates from ``\\ud800`` escapes, which no
UTF-8 output could hold).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from typing import Any, NoReturn

from .decoding import (
    MAX_BYTES,
    SURROGATE_RE,
    InputError,
    display_name,
    os_error,
    size_label,
    stdin_bytes,
)

MAX_LINE_BYTES = MAX_BYTES
"""A record holds one article at most, so a line may be as long as the largest input."""


class _RecordError(ValueError):
    """Why one line is not a usable JSON record."""


def read_json_lines(name: str, on_error: Callable[[str], None]) -> Iterator[tuple[str, Any]]:
    """``("FILE:LINE", value)`` for every non-blank line of ``name`` (``-`` is stdin).

    A line that is not strict JSON goes to ``on_error`` and reading goes on; a file that
    cannot be read, or a line over :data:`MAX_LINE_BYTES`, goes to ``on_error`` and ends it.
    A UTF-8 byte-order mark before the first record is allowed.
    """
    label = display_name(name)
    try:
        stream = stdin_bytes() if name == "-" else open(name, "rb")  # noqa: SIM115
    except InputError as err:
        on_error(str(err))
        return
    except OSError as err:
        on_error(str(os_error(label, err)))
        return
    with stream:
        number = 0
        while True:
            number += 1
            try:
                line = stream.readline(MAX_LINE_BYTES + 1)
            except OSError as err:
                on_error(str(os_error(f"{label}:{number}", err)))
                return
            if not line:
                return
            if len(line) > MAX_LINE_BYTES:
                on_error(f"{label}:{number}: line longer than {size_label(MAX_LINE_BYTES)}")
                return
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            try:
                yield f"{label}:{number}", _decode(line)
            except _RecordError as err:
                on_error(f"{label}:{number}: {err}")


def _decode(line: bytes) -> Any:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise _RecordError("not UTF-8") from None
    try:
        value = json.loads(text, parse_constant=_not_json, parse_float=_finite)
    except json.JSONDecodeError as err:
        raise _RecordError(f"invalid JSON ({err.msg}, column {err.colno})") from None
    if "\\u" in text and _has_surrogate(value):  # only \u escapes can make one
        raise _RecordError("invalid Unicode (a lone surrogate)")
    return value


def _not_json(constant: str) -> NoReturn:
    raise _RecordError(f"invalid JSON ({constant} is not a JSON number)")


def _finite(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _RecordError(f"invalid JSON ({literal} is out of range)")
    return value


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return SURROGATE_RE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False
