"""The evaluation figures as terminal tables."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..results import KINDS
from .evaluation import Evaluation
from .scoring import LEVELS, MODES, Report
from .statements import StatementScores


def render_report(report: Report, title: str) -> RenderableType:
    """Span figures: P/R/F1 over all kinds, and F1 by kind."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("Level", "Match", "P", "R", "F1", *(f"F1 {k}" for k in KINDS)):
        table.add_column(name, justify="left" if name in ("Level", "Match") else "right")
    for level in LEVELS:
        for mode in MODES:
            overall = report.prf(level, mode)
            by_kind = (f"{report.prf(level, mode, kind).f1:.1%}" for kind in KINDS)
            table.add_row(
                level,
                mode,
                f"{overall.precision:.1%}",
                f"{overall.recall:.1%}",
                f"{overall.f1:.1%}",
                *by_kind,
            )
    return table


def render_statements(scores: StatementScores) -> Text:
    """Statement figures, and typing and no-comment figures where the gold has them."""
    out = Text()
    out.append("Statements", style="bold")
    figures = scores.figures
    out.append(
        f" (content overlaps, source right): P {figures.precision:.1%}  R {figures.recall:.1%}"
        f"  F1 {figures.f1:.1%}  ({scores.right} right of {scores.n_pred} predicted,"
        f" {scores.n_gold} in the gold)\n"
    )
    if scores.typed:
        out.append("Source types", style="bold")
        out.append(
            f" on {scores.typed} matched statements: accuracy {scores.type_accuracy:.1%};"
            f" precision unnamed {scores.type_precision('unnamed'):.1%},"
            f" outlet {scores.type_precision('outlet'):.1%};"
            f" unnamed share off by {scores.share_error:.1f} points per article"
            f" ({len(scores.share_errors)} articles)\n"
        )
    if scores.events_gold or scores.events_pred:
        out.append("No-comment events", style="bold")
        out.append(
            f": {scores.events_matched} found of {scores.events_gold} in the gold,"
            f" {scores.events_pred} predicted\n"
        )
    return out


def render_confusion(scores: StatementScores) -> Table:
    """Gold types in rows, predicted types in columns."""
    types = sorted({t for pair in scores.types for t in pair})
    table = Table(title="Types (gold rows, predicted columns)", box=box.SIMPLE_HEAD)
    table.add_column("gold")
    for t in types:
        table.add_column(t, justify="right")
    for gold in types:
        table.add_row(gold, *(str(scores.types.get((gold, pred), 0)) for pred in types))
    return table


def render_evaluation(evaluation: Evaluation, title: str) -> RenderableType:
    parts: list[RenderableType] = [
        render_report(evaluation.spans, f"{title} (scope: {evaluation.scope})"),
        render_statements(evaluation.statements),
    ]
    if evaluation.statements.typed:
        parts.append(render_confusion(evaluation.statements))
    return Group(*parts)
