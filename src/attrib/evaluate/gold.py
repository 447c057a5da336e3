"""Gold attribution files (PolNeAR-style JSON Lines): read and validated, span by span.

Beyond PolNeAR's spans, an attribution may carry labels (``class``, ``source_type``,
``source_entity``, ``source_name``, ``via``) and an article its ``no_comment`` events, as in
attrib's own gold (``benchmarks/gold/ANNOTATION.md``); labels kept apart from the texts (a TSV
keyed by article and attribution id) are merged with :func:`with_labels`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn, cast

from ..inputs.jsonlines import read_json_lines
from ..results import KINDS, Kind, TextSpan


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution; ``pieces`` in text order, the leftmost is ``content``.

    The labels are None where the gold does not give them: ``cls`` is the attribution's class
    (``speech``, ``belief``, ...), ``source_type`` the type of whom the source refers to.
    """

    id: str
    pieces: tuple[TextSpan, ...]
    source: TextSpan | None
    cue: TextSpan | None
    kind: Kind
    cls: str | None = None
    source_type: str | None = None
    source_entity: str | None = None
    source_name: str | None = None

    @property
    def content(self) -> TextSpan:
        return self.pieces[0]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A no-comment event: its cue and who declined."""

    cue: TextSpan
    source: TextSpan | None
    source_type: str | None = None
    source_name: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One line of a gold JSONL file."""

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)
    no_comment: tuple[GoldEvent, ...] | None = None
    """None when the gold does not annotate no-comment events."""


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
        cls=_label(data, "class", what),
        source_type=_label(data, "source_type", what),
        source_entity=_label(data, "source_entity", what),
        source_name=_label(data, "source_name", what),
    )


def _label(data: Mapping[str, Any], name: str, what: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{what}: {name} must be a string")
    return value


def _parse_event(text: str, data: Any, index: int) -> GoldEvent:
    what = f"no_comment {index}"
    if not isinstance(data, Mapping) or "cue" not in data:
        raise ValueError(f"{what}: expected an object with a 'cue'")
    return GoldEvent(
        cue=_span(text, data["cue"], f"{what} cue"),
        source=_optional_span(text, data.get("source"), f"{what} source"),
        source_type=_label(data, "source_type", what),
        source_name=_label(data, "source_name", what),
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
    events = data.get("no_comment")
    if events is not None and not isinstance(events, list):
        raise ValueError("'no_comment' must be a list")
    no_comment = (
        None if events is None else tuple(_parse_event(text, e, i) for i, e in enumerate(events))
    )
    return GoldArticle(article_id, text, attributions, dict(meta), no_comment)


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


Labels = dict[tuple[str, str], tuple[str, str, str]]
"""(article id, attribution id) -> (class, source_type, source_entity)."""


def read_labels(path: Path | str) -> Labels:
    """A TSV of labels kept apart from the gold texts: article id, attribution id, class,
    source type, source entity (``none`` where the attribution has no source); ``#`` comments."""
    path = Path(path)
    labels: Labels = {}
    with path.open(encoding="utf-8") as lines:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5:
                raise ValueError(f"{path}:{lineno}: expected 5 tab-separated fields")
            article, attribution, cls, source_type, entity = fields
            labels[(article, attribution)] = (cls, source_type, entity)
    return labels


def with_labels(article: GoldArticle, labels: Labels) -> GoldArticle:
    """The article with each attribution's class and source type from ``labels``."""
    attributions = []
    for a in article.attributions:
        found = labels.get((article.id, a.id))
        if found is None:
            attributions.append(a)
            continue
        cls, source_type, entity = found
        attributions.append(
            replace(
                a,
                cls=cls,
                source_type=None if source_type == "none" else source_type,
                source_entity=None if entity == "none" else entity,
            )
        )
    return replace(article, attributions=tuple(attributions))
