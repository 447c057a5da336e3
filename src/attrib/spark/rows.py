"""The flat rows attrib writes for Spark: one schema, built from :class:`attrib.results.Analysis`.

Every article gives one ``article`` row (its counts, or the error that stopped it), one
``statement`` row per statement, one ``other`` row per attribution that is no statement (a
belief, an intention), one ``no_comment`` row per source that declined to comment and one
``unattributed`` row per hedged claim. Rows of every kind share one schema, so a corpus is one
table that SQL filters by ``row_kind``; a field that does not apply to a row kind is null there.
A new result field is one more :class:`Field` and one more key in the builder below.

Pure Python: the Python workers build rows without Spark's help, and tests read them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..results import (
    PAGE_FIELDS,
    SOURCE_TYPES,
    TYPES,
    Analysis,
    InputInfo,
    NoComment,
    Source,
    Statement,
    TextSpan,
)

ARTICLE, STATEMENT, OTHER, NO_COMMENT, UNATTRIBUTED = (
    "article",
    "statement",
    "other",
    "no_comment",
    "unattributed",
)
ROW_KINDS = (ARTICLE, STATEMENT, OTHER, NO_COMMENT, UNATTRIBUTED)

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Field:
    """One column: its name, its Spark SQL type and what it holds (printed in the README)."""

    name: str
    type: str
    doc: str


_SPAN = "array<struct<start:int,end:int,text:string>>"

FIELDS: tuple[Field, ...] = (
    Field("article_id", "string", "the article: `input.name` (path, URL, `id`)"),
    Field("row_kind", "string", "`article`, `statement`, `other`, `no_comment`, `unattributed`"),
    Field("index", "int", "1-based position among the article's rows of this kind (s3 → 3)"),
    Field("input_format", "string", "`text`, or `html` for text extracted from a page"),
    Field("page_title", "string", "a web page's title (`input.page.title`)"),
    Field("page_author", "string", "a web page's author"),
    Field("page_date", "string", "a web page's date, `YYYY-MM-DD`"),
    Field("page_sitename", "string", "a web page's outlet"),
    Field("page_url", "string", "a web page's (canonical) URL"),
    Field("page_hostname", "string", "a web page's host name"),
    Field("meta", "string", "the fields carried with the article, as a JSON object (`meta`)"),
    Field("model", "string", "the spaCy pipeline used"),
    Field("statement_id", "string", "statement or other: its id in the JSON document (`s1`, `a1`)"),
    Field("class", "string", "… its class: `speech`, `report`, `document`, `belief`, …"),
    Field("kind", "string", "… `direct`, `indirect` or `mixed`"),
    Field("content_start", "int", "statement or unattributed: offset where the content starts"),
    Field("content_end", "int", "… and where it ends (the last piece's end)"),
    Field("content_text", "string", "the content; the pieces of a split quote joined by ` … `"),
    Field("content_pieces", _SPAN, "statement: every piece of the content, in text order"),
    Field("cue_start", "int", "statement, other, no_comment: the cue (`said`), or null"),
    Field("cue_end", "int", "… its end"),
    Field("cue_text", "string", "… its words"),
    Field("mention_start", "int", "… the source's mention there (`he`)"),
    Field("mention_end", "int", "… its end"),
    Field("mention_text", "string", "… its words"),
    Field("source_id", "string", "… the resolved source (`src1`), or null"),
    Field("source_name", "string", "… its name"),
    Field("source_type", "string", "… its type: `named`, `unnamed`, `outlet` or `unresolved`"),
    Field("source_entity", "string", "… `person`, `organization`, `group` or `document`"),
    Field("source_publisher", "boolean", "… true when it is the publishing outlet itself"),
    Field("co_sources", "array<string>", "names of further speakers of a coordinated source"),
    Field("via", "array<string>", "names of the relaying sources, nearest the speaker first"),
    Field("marker", "string", "unattributed: the hedge or agentless-report words"),
    Field("statements", "int", "article: statements found (`summary.statements`)"),
    *(
        Field(f"statements_{t}", "int", f"article: statements resting on {t} sources")
        for t in TYPES
    ),
    *(Field(f"sources_{t}", "int", f"article: distinct {t} sources") for t in SOURCE_TYPES),
    Field("relayed", "int", "article: statements relayed by another source"),
    Field("unattributed", "int", "article: hedged or unattributed claims"),
    Field("own_reporting", "int", "article: statements whose source is the publisher"),
    Field("documents", "int", "article: statements resting on a document"),
    Field("no_comment", "int", "article: no-comment events"),
    Field("declined", "int", "article: distinct sources that declined to comment"),
    Field("others", "int", "article: attributions that are not statements"),
    Field("error", "string", "article: why it could not be analyzed (the CLI's one-line message)"),
    Field("document", "string", "article: the `attrib analyze --json` document, when asked for"),
)

NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)


def ddl() -> str:
    """The schema as Spark SQL DDL (``"article_id string, row_kind string, ..."``)."""
    return ", ".join(f"`{f.name}` {f.type}" for f in FIELDS)


def _span(prefix: str, span: TextSpan | None) -> Row:
    return {
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
        f"{prefix}_text": span.text if span else None,
    }


def _input(info: InputInfo, meta: str | None, model: str | None) -> Row:
    """The columns every row of an article repeats, so statements need no join."""
    page = info.page.to_dict() if info.page else {}
    return {
        "article_id": info.name,
        "input_format": info.format,
        **{f"page_{k}": page.get(k) for k in PAGE_FIELDS},
        "meta": meta,
        "model": model,
    }


def _statement(analysis: Analysis, st: Statement, index: int, row_kind: str) -> Row:
    source = analysis.source(st.source_id)

    def names(ids: tuple[str, ...]) -> list[str]:
        return [s.name for i in ids if (s := analysis.source(i)) is not None]

    return {
        "row_kind": row_kind,
        "index": index,
        "statement_id": st.id,
        "class": st.cls,
        "kind": st.kind,
        "content_start": st.pieces[0].start,
        "content_end": st.pieces[-1].end,
        "content_text": " … ".join(p.text for p in st.pieces),
        "content_pieces": [p.to_dict() for p in st.pieces],
        **_span("cue", st.cue),
        **_span("mention", st.source_span),
        **_source(source),
        "co_sources": names(st.co_source_ids),
        "via": names(st.via),
    }


def _no_comment(analysis: Analysis, event: NoComment, index: int) -> Row:
    return {
        "row_kind": NO_COMMENT,
        "index": index,
        **_span("cue", event.cue),
        **_span("mention", event.source_span),
        **_source(analysis.source(event.source_id)),
    }


def _source(source: Source | None) -> Row:
    return {
        "source_id": source.id if source else None,
        "source_name": source.name if source else None,
        "source_type": source.type if source else None,
        "source_entity": source.entity if source else None,
        "source_publisher": source.publisher if source else None,
    }


def _counts(analysis: Analysis) -> Row:
    summary = analysis.summary
    return {
        "statements": summary.statements,
        **{f"statements_{t}": summary.statements_by_type.get(t, 0) for t in TYPES},
        **{f"sources_{t}": summary.sources_by_type.get(t, 0) for t in SOURCE_TYPES},
        "relayed": summary.relayed,
        "unattributed": summary.unattributed,
        "own_reporting": summary.own_reporting,
        "documents": summary.documents,
        "no_comment": summary.no_comment,
        "declined": summary.declined,
        "others": summary.others,
    }


def _complete(row: Row) -> Row:
    """Every field present, in schema order: absent ones are null."""
    return {name: row.get(name) for name in NAMES}


def analysis_rows(analysis: Analysis, meta: str | None, document: str | None = None) -> list[Row]:
    """The article row, then a row per statement, other attribution, no-comment event and
    unattributed claim.

    ``meta`` is the carried fields as a JSON object (null when none); ``document`` the
    ``--json`` document, kept on the article row when asked for.
    """
    common = _input(analysis.input, meta, analysis.model)
    rows = [{**common, "row_kind": ARTICLE, **_counts(analysis), "document": document}]
    rows += [
        {**common, **_statement(analysis, st, i, STATEMENT)}
        for i, st in enumerate(analysis.statements, 1)
    ]
    rows += [
        {**common, **_statement(analysis, st, i, OTHER)} for i, st in enumerate(analysis.others, 1)
    ]
    rows += [
        {**common, **_no_comment(analysis, e, i)} for i, e in enumerate(analysis.no_comment, 1)
    ]
    rows += [
        {
            **common,
            "row_kind": UNATTRIBUTED,
            "index": i,
            **_span("content", TextSpan(u.start, u.end, u.text)),
            "marker": u.marker,
        }
        for i, u in enumerate(analysis.unattributed, 1)
    ]
    return [_complete(row) for row in rows]


def error_row(info: InputInfo, meta: str | None, message: str) -> Row:
    """The article row of an article that could not be read or analyzed."""
    return _complete({**_input(info, meta, None), "row_kind": ARTICLE, "error": message})
