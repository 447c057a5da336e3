"""One evaluation run: span scores and statement scores, in a scope, over a corpus."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..results import Analysis, Scope
from .gold import GoldArticle, GoldAttribution
from .scoring import Report, score_article
from .statements import StatementScores, score_statements


@dataclass(frozen=True)
class Evaluation:
    """The figures of one run: PolNeAR's span scores and attrib's statement scores."""

    scope: Scope
    spans: Report
    statements: StatementScores

    def to_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, **self.spans.to_dict(), **self.statements.to_dict()}


def in_scope(
    article: GoldArticle, scope: Scope, statement_classes: Collection[str]
) -> tuple[GoldAttribution, ...]:
    """The gold attributions a scope counts: all, or those of a statement class (and those the
    gold gives no class, which are taken as statements)."""
    if scope == "all":
        return article.attributions
    return tuple(a for a in article.attributions if a.cls is None or a.cls in statement_classes)


def evaluate_corpus(
    pairs: Iterable[tuple[GoldArticle, Analysis]],
    scope: Scope,
    statement_classes: Collection[str],
) -> Evaluation:
    """Score each (gold, prediction) pair in ``scope`` and add the counts up."""
    span_scores = []
    statements = StatementScores()
    for gold, analysis in pairs:
        predicted = analysis.scoped(scope)
        attributions = in_scope(gold, scope, statement_classes)
        span_scores.append(score_article(replace(gold, attributions=attributions), predicted))
        statements = statements + score_statements(gold, predicted, attributions)
    return Evaluation(scope, Report.of(span_scores), statements)
