"""A self-contained HTML chart of a corpus: ``attrib summarize --format html``.

One row per group (an outlet, a month, an article…) with the share of attributed statements
resting on named, unnamed and outlet sources as a stacked bar, so a researcher sees at a glance
which outlets lean on anonymous sources and whether that is rising. Like the report it is one
document with inline CSS and one inline script (``chart.js``, allowed by its hash in the
Content-Security-Policy), no external requests, autoescaped. The rows are a real table whose
column headers sort it (``aria-sort`` says how); each bar is labelled with its shares in words
and its segments carry a pattern and a letter, so colour is never the only cue.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from markupsafe import Markup

from ...results import SOURCE_TYPES, Summary
from .report import asset, environment


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group of the chart: its name, how many articles it holds, and their breakdown."""

    name: str
    articles: int
    summary: Summary

    @property
    def description(self) -> str:
        """The bar in words, for screen readers and the tooltip."""
        s = self.summary
        if not s.attributed:
            return "no attributed statements"
        return ", ".join(f"{t} {s.share(t):.0%}" for t in SOURCE_TYPES)


def render_chart(
    rows: list[tuple[str, int, Summary]], label: str, scope: str, generated: str
) -> str:
    """One HTML document charting ``(group, articles, summary)`` rows grouped by ``label``."""
    script = asset("chart.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    groups = [GroupRow(name, n, summary) for name, n, summary in rows]
    return (
        environment()
        .get_template("chart.html")
        .render(
            groups=groups,
            total=GroupRow(
                "Total", sum(g.articles for g in groups), Summary.combine(g.summary for g in groups)
            ),
            label=label,
            scope=scope,
            generated=generated,
            script_hash=script_hash,
            style=Markup(asset("report.css") + asset("chart.css")),
            script=Markup(script),
        )
    )
