"""The HTML report: ``render_html(items, model, generated)`` returns the whole document."""

from .report import render_html

__all__ = ["render_html"]
