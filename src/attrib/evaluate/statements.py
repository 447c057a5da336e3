"""Statement-level scores: is each statement right as a reader sees it, and are sources typed
right.

A predicted statement is *right* when its content overlaps a gold statement's (one to one,
largest overlap first) and its source is the gold one: its mention (or a mention of the source
it was resolved to) overlaps the gold mention, and, where the gold names whom the mention refers
to, the resolved source's name shares a word with that name (titles and function words aside),
so "he" resolved to the wrong person is wrong. Typing is scored on the matched statements whose
gold gives a ``source_type``; the unnamed share of each article is compared with the gold's.
No-comment events match by overlapping cues.

A quotation that goes on after its attribution may be one statement of several pieces or
several statements (the guide allows both): a prediction that overlaps a matched gold statement
and has the same source as the prediction matched to it is part of that statement, not one more,
and likewise a gold statement inside a matched prediction; neither is counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..results import SOURCE_TYPES, Analysis, Statement, TextSpan
from .gold import GoldArticle, GoldAttribution
from .scoring import PRF, add_fields, chars, shared

_WORD = re.compile(r"[^\W_]+")
# Words that do not identify a source: function words, titles and honorifics.
_NOT_NAMES = frozenset(
    {
        *("a", "an", "the", "of", "for", "to", "in", "at", "on", "and", "or", "by", "from"),
        *("with", "his", "her", "its", "their", "our", "my", "your", "s", "former", "new"),
        *("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lady", "lord", "dame"),
        *("president", "vice", "prince", "princess", "king", "queen", "duke", "duchess"),
        *("sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge"),
        *("justice", "gen", "general", "secretary", "minister", "chief", "officer"),
        *("spokesperson", "spokesman", "spokeswoman"),
    }
)


def name_words(name: str) -> set[str]:
    """The identifying words of a source's name, lower case, plural -s dropped."""
    words = {w.lower() for w in _WORD.findall(name)} - _NOT_NAMES
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words}


def _overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class StatementScores:
    """Counts behind the statement figures; ``+`` accumulates over articles."""

    n_pred: int = 0
    n_gold: int = 0
    matched: int = 0
    right: int = 0
    types: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold type, predicted type) over matched statements whose gold gives a type."""
    share_errors: tuple[float, ...] = ()
    """Per article: |predicted - gold| share of unnamed sourcing, in points."""
    events_pred: int = 0
    events_gold: int = 0
    events_matched: int = 0

    def __add__(self, other: StatementScores) -> StatementScores:
        return add_fields(self, other)

    @property
    def figures(self) -> PRF:
        """Precision, recall and F1 of statements right (content and source)."""
        return PRF(self.right, self.n_pred, self.right, self.n_gold)

    @property
    def typed(self) -> int:
        return sum(self.types.values())

    @property
    def type_accuracy(self) -> float:
        right = sum(n for (gold, pred), n in self.types.items() if gold == pred)
        return right / self.typed if self.typed else 0.0

    def type_precision(self, source_type: str) -> float:
        """Of matched statements typed so, the share the gold types so too."""
        said = sum(n for (_, pred), n in self.types.items() if pred == source_type)
        right = self.types.get((source_type, source_type), 0)
        return right / said if said else 0.0

    def type_recall(self, source_type: str) -> float:
        gold = sum(n for (g, _), n in self.types.items() if g == source_type)
        right = self.types.get((source_type, source_type), 0)
        return right / gold if gold else 0.0

    @property
    def share_error(self) -> float:
        """Mean per-article error of the unnamed share, in points."""
        return sum(self.share_errors) / len(self.share_errors) if self.share_errors else 0.0

    def to_dict(self) -> dict[str, object]:
        types = sorted({t for pair in self.types for t in pair})
        return {
            "statements": {
                "precision": _pct(self.figures.precision),
                "recall": _pct(self.figures.recall),
                "f1": _pct(self.figures.f1),
                "right": self.right,
                "matched": self.matched,
                "n_pred": self.n_pred,
                "n_gold": self.n_gold,
            },
            "types": {
                "accuracy": _pct(self.type_accuracy),
                "typed": self.typed,
                "precision": {t: _pct(self.type_precision(t)) for t in types},
                "recall": {t: _pct(self.type_recall(t)) for t in types},
                "confusion": [
                    {"gold": g, "predicted": p, "n": n} for (g, p), n in sorted(self.types.items())
                ],
                "unnamed_share_error": round(self.share_error, 1),
                "articles": len(self.share_errors),
            },
            "no_comment": {
                "n_pred": self.events_pred,
                "n_gold": self.events_gold,
                "matched": self.events_matched,
            },
        }


def _pct(x: float) -> float:
    return round(100 * x, 1)


def _pairs(gold: Sequence[GoldAttribution], pred: Sequence[Statement]) -> list[tuple[int, int]]:
    """One-to-one content matching, largest shared stretch first, ties in text order."""
    g_chars = [chars((p.start, p.end) for p in g.pieces) for g in gold]
    p_chars = [chars((p.start, p.end) for p in st.pieces) for st in pred]
    weighted = sorted(
        (-w, gi, pi)
        for gi, gc in enumerate(g_chars)
        for pi, pc in enumerate(p_chars)
        if (w := shared(gc, pc)) > 0
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in weighted:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def source_right(gold: GoldAttribution, st: Statement, analysis: Analysis) -> bool:
    """The predicted source is the gold one (see the module docstring)."""
    src = analysis.source(st.source_id)
    if gold.source is None:
        return src is None
    spans = [s for s in (st.source_span, *(src.mentions if src else ())) if s is not None]
    if not any(_overlaps(gold.source, s) for s in spans):
        return False
    if gold.source_name and src is not None:
        return bool(name_words(gold.source_name) & name_words(src.name))
    return True


def predicted_type(st: Statement, analysis: Analysis) -> str:
    src = analysis.source(st.source_id)
    return src.type if src is not None else "none"


def _unnamed_share(types: Iterable[str]) -> float | None:
    counts = Counter(t for t in types if t in SOURCE_TYPES)
    total = sum(counts.values())
    return 100 * counts["unnamed"] / total if total else None


def score_statements(
    gold: GoldArticle, analysis: Analysis, attributions: Sequence[GoldAttribution]
) -> StatementScores:
    """Statement, typing and no-comment counts for one article; ``attributions`` are the gold
    attributions in scope, ``analysis`` the prediction in the same scope."""
    pred = analysis.statements
    pairs = _pairs(attributions, pred)
    right = sum(1 for gi, pi in pairs if source_right(attributions[gi], pred[pi], analysis))
    parts_pred, parts_gold = _parts(attributions, pred, pairs)
    types: Counter[tuple[str, str]] = Counter(
        (attributions[gi].source_type or "", predicted_type(pred[pi], analysis))
        for gi, pi in pairs
        if attributions[gi].source_type
    )
    gold_share = _unnamed_share(a.source_type or "" for a in attributions)
    errors: tuple[float, ...] = ()
    if gold_share is not None:
        summary = analysis.summary
        pred_share = 100 * summary.share("unnamed")
        errors = (abs(pred_share - gold_share),)
    scores = StatementScores(
        len(pred) - parts_pred, len(attributions) - parts_gold, len(pairs), right, types, errors
    )
    if gold.no_comment is None:
        return scores
    matched = _events_matched(
        [e.cue for e in gold.no_comment], [e.cue for e in analysis.no_comment]
    )
    return StatementScores(
        scores.n_pred,
        scores.n_gold,
        scores.matched,
        scores.right,
        scores.types,
        scores.share_errors,
        len(analysis.no_comment),
        len(gold.no_comment),
        matched,
    )


def _parts(
    gold: Sequence[GoldAttribution], pred: Sequence[Statement], pairs: list[tuple[int, int]]
) -> tuple[int, int]:
    """How many unmatched predictions, and unmatched gold statements, are pieces of a matched
    statement: they overlap it and share the source of its match."""
    match_of_gold = dict(pairs)
    match_of_pred = {pi: gi for gi, pi in pairs}
    extra_pred = sum(
        1
        for pi, st in enumerate(pred)
        if pi not in match_of_pred
        and any(
            pred[qi].source_id == st.source_id and _content_overlaps(gold[gi].pieces, st.pieces)
            for gi, qi in pairs
        )
    )
    extra_gold = sum(
        1
        for gi, g in enumerate(gold)
        if gi not in match_of_gold
        and any(
            gold[hi].source_name == g.source_name
            and gold[hi].source_type == g.source_type
            and _content_overlaps(g.pieces, pred[pi].pieces)
            for hi, pi in pairs
        )
    )
    return extra_pred, extra_gold


def _content_overlaps(a: Sequence[TextSpan], b: Sequence[TextSpan]) -> bool:
    return any(_overlaps(x, y) for x in a for y in b)


def _events_matched(gold: Sequence[TextSpan], pred: Sequence[TextSpan]) -> int:
    free = list(pred)
    matched = 0
    for g in gold:
        hit = next((p for p in free if _overlaps(g, p)), None)
        if hit is not None:
            free.remove(hit)
            matched += 1
    return matched
