"""Score attrib's output against gold attribution annotations (PolNeAR-style JSONL).

Pure scoring, no spaCy: the caller runs the pipeline on each ``GoldArticle.text``
and hands the resulting :class:`~attrib.model.Analysis` objects in.

The rules follow ``data/README.md`` ("How it is scored"):

- *content*: content spans; *source*: distinct source spans; *pair*: (source,
  content) for attributions that have a source, both parts must match.
- *exact*: same start and end of the leftmost piece (for a pair: of the source
  and of the content's leftmost piece). *overlap*: at least one shared character,
  a content's characters being the union of its pieces (a pair needs both parts
  to overlap).
- Matching is one-to-one, assigned greedily, largest overlap first (for a pair,
  the source and content overlaps summed); ties go to the candidate with less
  unshared material, then to an identical span, then to text order, so results
  never depend on input order.
- Identical items within an article count once, on each side, before matching.
  A content's identity is all of its pieces, so two contents sharing only their
  leftmost piece stay distinct; both can still be exact candidates of the same
  gold, but only one of them matches it.
- Precision = matched / predicted, recall = matched / gold, micro-averaged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar, cast

from ..results import KINDS, Analysis, TextSpan
from .gold import GoldArticle

Level = Literal["content", "source", "pair"]
Mode = Literal["exact", "overlap"]
Group = Literal["all", "direct", "indirect", "mixed"]

LEVELS: tuple[Level, ...] = ("content", "source", "pair")
MODES: tuple[Mode, ...] = ("exact", "overlap")
GROUPS: tuple[Group, ...] = ("all", *KINDS)

# ---------------------------------------------------------------------------
# Counts


_Counts = TypeVar("_Counts")


def add_fields(a: _Counts, b: _Counts) -> _Counts:
    """Two records of counts of one dataclass, added field by field (a micro-average's sum)."""
    return type(a)(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(cast(Any, a))))


@dataclass(frozen=True, slots=True)
class PRF:
    """Raw counts behind one precision/recall/F1 figure; ``+`` accumulates (micro-average).

    Matched predictions (``tp_p``) and matched gold items (``tp_r``) are kept
    apart because the by-kind breakdown counts them by different kinds. Figures
    are fractions in [0, 1]; an empty denominator gives 0.0 (the counts tell
    "undefined" from "zero" where that matters).
    """

    tp_p: int = 0
    n_pred: int = 0
    tp_r: int = 0
    n_gold: int = 0

    def __add__(self, other: PRF) -> PRF:
        return add_fields(self, other)

    @property
    def precision(self) -> float:
        return self.tp_p / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_r / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(100 * self.precision, 1),
            "recall": round(100 * self.recall, 1),
            "f1": round(100 * self.f1, 1),
            "tp_p": self.tp_p,
            "n_pred": self.n_pred,
            "tp_r": self.tp_r,
            "n_gold": self.n_gold,
        }


Cell = tuple[Level, Mode, Group]


def _empty_cells() -> dict[Cell, PRF]:
    return {(lv, m, g): PRF() for lv in LEVELS for m in MODES for g in GROUPS}


@dataclass(frozen=True)
class Scores:
    """A full table: one :class:`PRF` per level x mode x group ("all" or a kind).

    By kind, gold items count by their gold kind (recall) and predicted items by
    their predicted kind (precision), over the one matching made for all kinds:
    so a correct span with the wrong kind costs that kind's precision and the
    gold kind's recall, but nothing overall. An item carrying several kinds
    (mainly one source span shared by a direct and an indirect attribution)
    counts under each, so the kinds may sum to more than "all".
    """

    cells: Mapping[Cell, PRF] = field(default_factory=_empty_cells)

    def __add__(self, other: Scores) -> Scores:
        return Scores({key: prf + other.cells[key] for key, prf in self.cells.items()})

    def prf(self, level: Level, mode: Mode, group: Group = "all") -> PRF:
        return self.cells[(level, mode, group)]

    def to_dict(self) -> dict[str, Any]:
        return {
            lv: {m: {g: self.prf(lv, m, g).to_dict() for g in GROUPS} for m in MODES}
            for lv in LEVELS
        }


@dataclass(frozen=True)
class ArticleScore:
    """The counts for one article, kept so callers can list the worst articles."""

    id: str
    scores: Scores

    def prf(self, level: Level, mode: Mode, group: Group = "all") -> PRF:
        return self.scores.prf(level, mode, group)


@dataclass(frozen=True)
class Report:
    """Corpus totals (micro-averaged) plus the per-article counts they sum."""

    scores: Scores
    articles: tuple[ArticleScore, ...]

    @classmethod
    def of(cls, articles: Iterable[ArticleScore]) -> Report:
        """The corpus report of these articles: their counts added up (micro-average)."""
        articles = tuple(articles)
        total = Scores()
        for article in articles:
            total = total + article.scores
        return cls(total, articles)

    def prf(self, level: Level, mode: Mode, group: Group = "all") -> PRF:
        return self.scores.prf(level, mode, group)

    def to_dict(self, *, per_article: bool = False) -> dict[str, Any]:
        """Plain nested dicts for ``--json``: percentages to 1 decimal plus raw counts."""
        out: dict[str, Any] = {"articles": len(self.articles), **self.scores.to_dict()}
        if per_article:
            out["per_article"] = {a.id: a.scores.to_dict() for a in self.articles}
        return out


# ---------------------------------------------------------------------------
# Matching

Interval = tuple[int, int]
Chars = tuple[Interval, ...]  # sorted, disjoint, non-empty intervals


def chars(intervals: Iterable[Interval]) -> Chars:
    """The character set covered by some intervals, as merged disjoint intervals."""
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def shared(a: Chars, b: Chars) -> int:
    """Number of characters in both sets (linear merge of two sorted interval lists)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo < hi:
            total += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _size(covered: Chars) -> int:
    return sum(e - s for s, e in covered)


@dataclass(slots=True)
class _Item:
    """A deduplicated unit to match: ``parts`` is (content,), (source,) or (source, content)."""

    key: Any
    exact: tuple[Interval, ...]
    parts: tuple[Chars, ...]
    kinds: set[str]
    lo: int = 0
    hi: int = 0
    size: int = 0

    def __post_init__(self) -> None:
        starts = [c[0][0] for c in self.parts if c]
        ends = [c[-1][1] for c in self.parts if c]
        self.lo, self.hi = (min(starts), max(ends)) if starts else (0, 0)
        self.size = sum(_size(c) for c in self.parts)


def _add(
    items: dict[Any, _Item],
    key: Any,
    exact: tuple[Interval, ...],
    parts: tuple[Chars, ...],
    kind: str,
) -> None:
    if key in items:
        items[key].kinds.add(kind)
    else:
        items[key] = _Item(key, exact, parts, {kind})


def _weight(g: _Item, p: _Item, mode: Mode) -> int | None:
    """Match weight (total shared characters), or None when the two cannot match."""
    if mode == "exact":
        if g.exact != p.exact:
            return None
    elif g.hi <= p.lo or p.hi <= g.lo:
        return None
    common = [shared(a, b) for a, b in zip(g.parts, p.parts, strict=True)]
    if mode == "overlap" and not all(common):
        return None
    return sum(common)


def _match(gold: list[_Item], pred: list[_Item], mode: Mode) -> tuple[set[int], set[int]]:
    """Greedy one-to-one matching, largest weight first; returns matched gold and pred indices."""
    candidates: list[tuple[int, int, bool, int, int]] = []
    if mode == "exact":
        by_key: dict[tuple[Interval, ...], list[int]] = {}
        for pi, p in enumerate(pred):
            by_key.setdefault(p.exact, []).append(pi)
        pairs: Iterable[tuple[int, int]] = (
            (gi, pi) for gi, g in enumerate(gold) for pi in by_key.get(g.exact, ())
        )
    else:
        pairs = ((gi, pi) for gi in range(len(gold)) for pi in range(len(pred)))
    for gi, pi in pairs:
        w = _weight(gold[gi], pred[pi], mode)
        if w is not None:
            unshared = gold[gi].size + pred[pi].size - 2 * w
            candidates.append((-w, unshared, gold[gi].key != pred[pi].key, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for *_, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return used_g, used_p


def _counts(items: list[_Item], matched: set[int], group: Group) -> tuple[int, int]:
    """(matched, total) among ``items`` in ``group``."""
    idx = [i for i, it in enumerate(items) if group == "all" or group in it.kinds]
    return sum(1 for i in idx if i in matched), len(idx)


Triple = tuple[TextSpan | None, tuple[TextSpan, ...], str]


def _items(triples: Iterable[Triple]) -> dict[Level, list[_Item]]:
    """Deduplicated content, source and pair items from (source, pieces, kind) triples."""
    content: dict[Any, _Item] = {}
    source: dict[Any, _Item] = {}
    pair: dict[Any, _Item] = {}
    for src, pieces, kind in triples:
        ordered = sorted(pieces, key=lambda s: (s.start, s.end))
        key = tuple((s.start, s.end) for s in ordered)
        covered = chars(key)
        _add(content, key, (key[0],), (covered,), kind)
        if src is not None:
            s = (src.start, src.end)
            schars = chars([s])
            _add(source, s, (s,), (schars,), kind)
            _add(pair, (s, key), (s, key[0]), (schars, covered), kind)
    # Sort by key so tie-breaks (and thus results) do not depend on input order.
    return {
        "content": [content[k] for k in sorted(content)],
        "source": [source[k] for k in sorted(source)],
        "pair": [pair[k] for k in sorted(pair)],
    }


def _check_prediction(gold: GoldArticle, predicted: Analysis) -> None:
    """Refuse spans that do not match the gold text: misaligned offsets would score as noise."""
    for st in predicted.statements:
        if not st.pieces:
            raise ValueError(f"article {gold.id}: statement {st.id} has no content")
        for span in (*st.pieces, st.source_span):
            if span is not None and gold.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"article {gold.id}: statement {st.id} span {span.start}:{span.end} "
                    f"{span.text!r} does not match the gold text"
                )


def score_article(gold: GoldArticle, predicted: Analysis) -> ArticleScore:
    """Match one article's predictions against its gold attributions.

    ``predicted`` must come from ``gold.text`` unchanged (same code-point offsets);
    a span whose text differs from the gold text raises ValueError.
    """
    _check_prediction(gold, predicted)
    g_items = _items((a.source, a.pieces, a.kind) for a in gold.attributions)
    p_items = _items((s.source_span, s.pieces, s.kind) for s in predicted.statements)
    cells: dict[Cell, PRF] = {}
    for level in LEVELS:
        gl, pl = g_items[level], p_items[level]
        for mode in MODES:
            mg, mp = _match(gl, pl, mode)
            for group in GROUPS:
                tp_r, n_gold = _counts(gl, mg, group)
                tp_p, n_pred = _counts(pl, mp, group)
                cells[(level, mode, group)] = PRF(tp_p, n_pred, tp_r, n_gold)
    return ArticleScore(gold.id, Scores(cells))


def score_corpus(pairs: Iterable[tuple[GoldArticle, Analysis]]) -> Report:
    """Score every (gold, prediction) pair and micro-average the counts."""
    return Report.of(score_article(gold, pred) for gold, pred in pairs)
