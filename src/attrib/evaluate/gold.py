"""Gold attribution files (PolNeAR-style JSON Lines): read and validated, span by span."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

from ..inputs.jsonlines import read_json_lines
from ..results import KINDS, Kind, TextSpan


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; ``pieces`` in text order, the leftmost is ``content``."""

    id: str
    pieces: tuple[TextSpan, ...]
    source: TextSpan | None
    cue: TextSpan | None
    kind: Kind

    @property
    def content(self) -> TextSpan:
        return self.pieces[0]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One line of a gold JSONL file."""

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)


def _span(text: str, data: Any, what: str) -> TextSpan:
    """Parse a span and insist it matches the text, so offset drift fails loudly."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{what}: expected an object with start, end, text")
    try:
        start, end, span_text = data["start"], data["end"], data["text"]
    except KeyError as exc:
        raise ValueError(f"{what}: missing {exc.args[0]!r}") from None
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(span_text, str)):
        raise ValueError(f"{what}: start/end must be integers and text a string")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"{what}: offsets {start}:{end} outside the text or empty")
    if text[start:end] != span_text:
        raise ValueError(
            f"{what}: text[{start}:{end}] is {text[start:end]!r}, span text is {span_text!r}"
        )
    return TextSpan(start, end, span_text)


def _optional_span(text: str, data: Any, what: str) -> TextSpan | None:
    return None if data is None else _span(text, data, what)


def _parse_attribution(text: str, data: Any, index: int) -> GoldAttribution:
    if not isinstance(data, Mapping):
        raise ValueError(f"attribution {index}: expected an object")
    aid = str(data.get("id", index))
    what = f"attribution {aid}"
    if "content" not in data:
        raise ValueError(f"{what}: missing 'content'")
    content = _span(text, data["content"], f"{what} content")
    raw_pieces = data["content"].get("pieces") or [data["content"]]
    if not isinstance(raw_pieces, list):
        raise ValueError(f"{what}: content pieces must be a list")
    pieces = tuple(
        sorted(
            (_span(text, p, f"{what} piece {i}") for i, p in enumerate(raw_pieces)),
            key=lambda s: (s.start, s.end),
        )
    )
    if pieces[0] != content:
        raise ValueError(f"{what}: content is not the leftmost piece")
    kind = data.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{what}: kind {kind!r} is not one of {', '.join(KINDS)}")
    return GoldAttribution(
        id=aid,
        pieces=pieces,
        source=_optional_span(text, data.get("source"), f"{what} source"),
        cue=_optional_span(text, data.get("cue"), f"{what} cue"),
        kind=cast(Kind, kind),
    )


def parse_gold_article(data: Any) -> GoldArticle:
    """Build a :class:`GoldArticle` from one decoded JSON line, validating every span."""
    if not isinstance(data, Mapping):
        raise ValueError("expected a JSON object")
    text, article_id = data.get("text"), data.get("id")
    if not isinstance(text, str) or not isinstance(article_id, str):
        raise ValueError("'id' and 'text' must be strings")
    raw = data.get("attributions", [])
    if not isinstance(raw, list):
        raise ValueError("'attributions' must be a list")
    meta = data.get("meta") or {}
    if not isinstance(meta, Mapping):
        raise ValueError("'meta' must be an object")
    attributions = tuple(_parse_attribution(text, a, i) for i, a in enumerate(raw))
    return GoldArticle(article_id, text, attributions, dict(meta))


def read_gold(path: Path | str) -> Iterator[GoldArticle]:
    """Yield the articles of a gold JSONL file; blank lines are skipped.

    Raises ValueError naming ``path:line`` on malformed JSON, a bad structure, a
    span whose text differs from ``text[start:end]``, or a repeated article id,
    because silently skipping such lines would change the reported figures.
    """
    seen: set[str] = set()
    for where, record in read_json_lines(str(path), _raise):
        try:
            article = parse_gold_article(record)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from exc
        if article.id in seen:
            raise ValueError(f"{where}: duplicate article id {article.id!r}")
        seen.add(article.id)
        yield article


def _raise(message: str) -> NoReturn:
    raise ValueError(message)
