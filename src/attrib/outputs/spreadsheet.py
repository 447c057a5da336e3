"""CSV output: one row per statement, for spreadsheets."""

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


def csv_rows(analysis: Analysis) -> list[tuple[str, ...]]:
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
    return rows
