"""CSV output: one row per statement, for spreadsheets.

Article text, source names and input names are written by others, and a spreadsheet runs a
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
(CSV injection). As OWASP recommends, such a cell is written with a ``'`` in front, which
spreadsheets show as text; ``raw=True`` writes the cells as found.
"""

from __future__ import annotations

from ..results import Analysis

CSV_HEADER = (
    "article",
    "statement",
    "kind",
    "class",
    "source",
    "type",
    "entity",
    "via",
    "cue",
    "content",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(analysis: Analysis, *, raw: bool = False) -> list[tuple[str, ...]]:
    """One row per statement (per attribution in scope ``all``), for spreadsheets; ``class``
    says which kind of attribution it is; split contents are joined with " … "."""
    rows: list[tuple[str, ...]] = []
    for st in analysis.statements:
        src = analysis.source(st.source_id)
        via = " < ".join(s.name for v in st.via if (s := analysis.source(v)) is not None)
        rows.append(
            (
                analysis.input.name or "",
                st.id,
                st.kind,
                st.cls or "",
                src.name if src else "",
                src.type if src else "",
                src.entity if src else "",
                via,
                st.cue.text if st.cue else "",
                " … ".join(p.text for p in st.pieces),
            )
        )
    return rows if raw else [tuple(map(_inert, row)) for row in rows]


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
