"""JSON Lines output: one versioned JSON document per article, a line each."""

from __future__ import annotations

import json

from ..results import Analysis


def render_json(analysis: Analysis, text: str | None = None) -> str:
    """One line of JSON in the documented, versioned schema; with the text when given."""
    return json.dumps(analysis.to_dict(text), ensure_ascii=False)
