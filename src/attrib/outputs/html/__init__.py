"""The HTML views: ``render_html(items, model, generated)`` returns the whole report of one or
more articles, ``render_chart(rows, label, scope, generated)`` the chart of a corpus."""

from .chart import render_chart
from .report import render_html

__all__ = ["render_chart", "render_html"]
