"""The evaluation figures as a terminal table."""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table

from ..results import KINDS
from .scoring import LEVELS, MODES, Report


def render_report(report: Report, title: str) -> RenderableType:
    """Evaluation figures: P/R/F1 over all kinds, and F1 by kind."""
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
