"""The data model: plain dataclasses for statements, sources and the analysis.

Everything here is independent of spaCy so that renderers, the evaluator and
other tools can work from a saved JSON document without loading a model.
``to_dict``/``from_dict`` define the JSON schema (see README, "JSON output").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any, Literal, cast

SCHEMA_VERSION = "3.0"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document ``Analysis.to_dict`` writes, for tools
    that validate attrib's output; shipped as ``attrib/schema.json``."""
    from importlib import resources

    return cast(
        dict[str, Any],
        json.loads(resources.files("attrib").joinpath("schema.json").read_text("utf-8")),
    )


Kind = Literal["direct", "indirect", "mixed"]
SourceType = Literal["named", "unnamed", "outlet", "unresolved"]
Entity = Literal["person", "organization", "group", "document"]
InputFormat = Literal["text", "html"]
Scope = Literal["statements", "all"]

KINDS: tuple[Kind, ...] = ("direct", "indirect", "mixed")
SOURCE_TYPES: tuple[SourceType, ...] = ("named", "unnamed", "outlet")
"""The types whose shares make the sourcing breakdown."""
TYPES: tuple[SourceType, ...] = (*SOURCE_TYPES, "unresolved")
"""Every source type: ``unresolved`` when the text does not settle who a pronoun or description
refers to; such statements are shown and counted, but left out of the three shares."""
SCOPES: tuple[Scope, ...] = ("statements", "all")


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the input: ``text[start:end] == span.text`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> TextSpan:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextSpan:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


def _span_or_none(data: Mapping[str, Any] | None) -> TextSpan | None:
    return None if data is None else TextSpan.from_dict(data)


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed claim.

    ``pieces`` holds every fragment of the content in text order (two or more
    for a split quote); the leftmost one is ``content``, as in the gold format.
    ``source_span`` is the local mention ("he", "the publication"); the
    resolved speaker is ``source_id``. ``via`` lists relaying sources, the one
    nearest the original speaker first. ``co_source_ids`` holds further
    speakers of a coordinated source ("a diplomat and an official said").
    ``cls`` (``class`` in JSON) says what the attribution is, from its cue and source:
    ``speech``, ``report`` and ``document`` are statements; ``belief``, ``intention``,
    ``attitude``, ``question`` and ``unasserted`` are kept apart (``Analysis.others``).
    It is None in documents written before schema 3.0.
    """

    id: str
    kind: Kind
    pieces: tuple[TextSpan, ...]
    cue: TextSpan | None
    source_span: TextSpan | None
    source_id: str | None
    via: tuple[str, ...] = ()
    co_source_ids: tuple[str, ...] = ()
    cls: str | None = None

    @property
    def content(self) -> TextSpan:
        return self.pieces[0]

    def to_dict(self) -> dict[str, Any]:
        content = self.content.to_dict()
        if len(self.pieces) > 1:
            content["pieces"] = [p.to_dict() for p in self.pieces]
        return {
            "id": self.id,
            "kind": self.kind,
            "class": self.cls,
            "content": content,
            "cue": self.cue.to_dict() if self.cue else None,
            "source_span": self.source_span.to_dict() if self.source_span else None,
            "source_id": self.source_id,
            "co_source_ids": list(self.co_source_ids),
            "via": list(self.via),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statement:
        content = data["content"]
        pieces = content.get("pieces") or [content]
        return cls(
            id=str(data["id"]),
            kind=cast(Kind, data["kind"]),
            pieces=tuple(TextSpan.from_dict(p) for p in pieces),
            cue=_span_or_none(data.get("cue")),
            source_span=_span_or_none(data.get("source_span")),
            source_id=data.get("source_id"),
            via=tuple(data.get("via", ())),
            co_source_ids=tuple(data.get("co_source_ids", ())),
            cls=data.get("class"),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """A speaker resolved across its mentions, typed for the sourcing breakdown."""

    id: str
    name: str
    type: SourceType
    entity: Entity
    mentions: tuple[TextSpan, ...]
    publisher: bool = False  # the outlet that published the article citing itself

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "entity": self.entity,
            "publisher": self.publisher,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            type=cast(SourceType, data["type"]),
            entity=cast(Entity, data["entity"]),
            mentions=tuple(TextSpan.from_dict(m) for m in data["mentions"]),
            publisher=bool(data.get("publisher", False)),
        )


@dataclass(frozen=True, slots=True)
class Unattributed:
    """A claim hedged or reported without any source ("allegedly", "it is said")."""

    start: int
    end: int
    text: str
    marker: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "marker": self.marker}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Unattributed:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), str(data["marker"]))


@dataclass(frozen=True, slots=True)
class NoComment:
    """A source that declined or failed to comment ("declined to comment", "could not be
    reached"): a fact a reader weighs, not a statement."""

    id: str
    cue: TextSpan
    source_span: TextSpan | None
    source_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cue": self.cue.to_dict(),
            "source_span": self.source_span.to_dict() if self.source_span else None,
            "source_id": self.source_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NoComment:
        return cls(
            id=str(data["id"]),
            cue=TextSpan.from_dict(data["cue"]),
            source_span=_span_or_none(data.get("source_span")),
            source_id=data.get("source_id"),
        )


def display_names(sources: Iterable[Source]) -> dict[str, str]:
    """A name for each source (by id) that no other source of the article shares: an unnamed
    source loses its redundant "unnamed " ("unnamed: senior official"), and where names still
    coincide ("man" named, "man" unnamed) the type is added, then a number."""
    sources = list(sources)
    base = {
        s.id: s.name[len("unnamed ") :]
        if s.type == "unnamed" and s.name.lower().startswith("unnamed ")
        else s.name
        for s in sources
    }
    names = dict(base)
    for step in ("type", "number"):
        groups: dict[str, list[Source]] = {}
        for s in sources:
            groups.setdefault(names[s.id].casefold(), []).append(s)
        for group in (g for g in groups.values() if len(g) > 1):
            if step == "type" and len({s.type for s in group}) == 1:
                continue  # the same type: a number tells them apart
            for n, s in enumerate(group, 1):
                names[s.id] = f"{names[s.id]} ({s.type if step == 'type' else n})"
    return names


def _by_type(counts: Mapping[str, Any] | None = None) -> dict[str, int]:
    counts = counts or {}
    return {t: int(counts.get(t, 0)) for t in TYPES}


@dataclass(frozen=True, slots=True)
class Summary:
    """The sourcing breakdown; derived from statements and sources, never stored apart.

    ``statements_by_type`` counts statements by the type of their source (the publisher's own
    reporting left out); the shares are of the named, unnamed and outlet ones only.
    """

    statements: int
    statements_by_type: dict[str, int]
    sources_by_type: dict[str, int]
    relayed: int
    unattributed: int
    own_reporting: int = 0  # statements whose source is the publishing outlet itself
    documents: int = 0  # statements resting on a document ("the report says")
    no_comment: int = 0  # no-comment events
    declined: int = 0  # distinct sources that declined or failed to comment
    others: int = 0  # attributions that are not statements (beliefs, intentions, ...)

    @property
    def attributed(self) -> int:
        """Statements resting on a named, unnamed or outlet source: the shares' base."""
        return sum(self.statements_by_type.get(t, 0) for t in SOURCE_TYPES)

    def share(self, source_type: str) -> float:
        """Share of attributed statements resting on a source of this type."""
        return (
            self.statements_by_type.get(source_type, 0) / self.attributed
            if self.attributed
            else 0.0
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "statements": self.statements,
            "statements_by_type": dict(self.statements_by_type),
            "sources_by_type": dict(self.sources_by_type),
            "share_by_type": {t: round(self.share(t), 4) for t in SOURCE_TYPES},
            "relayed": self.relayed,
            "unattributed": self.unattributed,
            "own_reporting": self.own_reporting,
            "documents": self.documents,
            "no_comment": self.no_comment,
            "declined": self.declined,
            "other_attributions": self.others,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Summary:
        return cls(
            statements=int(data["statements"]),
            statements_by_type=_by_type(data["statements_by_type"]),
            sources_by_type=_by_type(data["sources_by_type"]),
            relayed=int(data["relayed"]),
            unattributed=int(data["unattributed"]),
            own_reporting=int(data.get("own_reporting", 0)),
            documents=int(data.get("documents", 0)),
            no_comment=int(data.get("no_comment", 0)),
            declined=int(data.get("declined", 0)),
            others=int(data.get("other_attributions", 0)),
        )

    @classmethod
    def combine(cls, summaries: Iterable[Summary]) -> Summary:
        """Totals over several articles (distinct sources are counted per article)."""
        total = cls(0, _by_type(), _by_type(), 0, 0)
        for s in summaries:
            total = cls(
                total.statements + s.statements,
                {t: total.statements_by_type[t] + s.statements_by_type.get(t, 0) for t in TYPES},
                {t: total.sources_by_type[t] + s.sources_by_type.get(t, 0) for t in TYPES},
                total.relayed + s.relayed,
                total.unattributed + s.unattributed,
                total.own_reporting + s.own_reporting,
                total.documents + s.documents,
                total.no_comment + s.no_comment,
                total.declined + s.declined,
                total.others + s.others,
            )
        return total

    @classmethod
    def build(
        cls,
        statements: Iterable[Statement],
        sources: Iterable[Source],
        unattributed: int,
        no_comment: Iterable[NoComment] = (),
        others: int = 0,
    ) -> Summary:
        by_id = {s.id: s for s in sources}
        statements = list(statements)
        no_comment = list(no_comment)
        by_type = _by_type()
        own = documents = 0
        for st in statements:
            src = by_id.get(st.source_id or "")
            if src is not None and src.publisher:
                own += 1  # the article's own reporting is not an outside outlet
            elif src is not None:
                by_type[src.type] += 1
            if src is not None and src.entity == "document":
                documents += 1
        speakers = {sid for st in statements for sid in (st.source_id, *st.co_source_ids, *st.via)}
        src_by_type = _by_type()
        for src in by_id.values():
            if not src.publisher and src.id in speakers:
                src_by_type[src.type] += 1
        return cls(
            statements=len(statements),
            statements_by_type=by_type,
            sources_by_type=src_by_type,
            relayed=sum(1 for st in statements if st.via),
            unattributed=unattributed,
            own_reporting=own,
            documents=documents,
            no_comment=len(no_comment),
            declined=len({e.source_id or e.id for e in no_comment}),
            others=others,
        )


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a web page says about itself; every field is None when the page does not say."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    """Publication date as ISO ``YYYY-MM-DD``."""
    sitename: str | None = None
    """The outlet's own name ("The Harbour Ledger"), to recognize self-attribution."""
    url: str | None = None
    """Canonical URL from the page (``<link rel=canonical>``, og:url), else the fetched one."""
    hostname: str | None = None
    """Host name of ``url``, lower case, without a leading ``www.`` ("harbourledger.example")."""

    def to_dict(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in PAGE_FIELDS}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PageMeta:
        return cls(**{k: None if data.get(k) is None else str(data[k]) for k in PAGE_FIELDS})


PAGE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PageMeta))


@dataclass(frozen=True, slots=True)
class InputInfo:
    """Where the analyzed text came from, so offsets can be used and pages cited.

    ``format`` is ``"html"`` when the text is the main text extracted from a web page: all
    offsets then refer to that extracted text, not to the page's bytes. ``page`` holds the
    metadata of a web page or URL (a URL serving plain text has ``url`` and ``hostname``).
    """

    name: str | None = None
    format: InputFormat = "text"
    page: PageMeta | None = None

    @property
    def label(self) -> str:
        """A short name for views (the full name stays in the JSON): the page's title, else the
        last part of the file's path or URL ("story.html"), else the name as it is."""
        title = self.page.title if self.page else None
        if title:
            return title
        name = self.name or ""
        return re.split(r"[/\\]", name.rstrip("/\\"))[-1] or name

    @property
    def offsets(self) -> str:
        """What every offset in the document refers to, stated in the JSON."""
        return "extracted_text" if self.format == "html" else "input_text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format,
            "offsets": self.offsets,
            "page": self.page.to_dict() if self.page else None,
        }

    @classmethod
    def from_dict(cls, data: Any, meta: Mapping[str, Any] | None = None) -> InputInfo:
        """From a 2.x ``input`` object, or from a 1.x document's ``input`` string and ``meta``."""
        if isinstance(data, Mapping):
            page = data.get("page")
            fmt: InputFormat = "html" if data.get("format") == "html" else "text"
            return cls(data.get("name"), fmt, PageMeta.from_dict(page) if page else None)
        meta = meta or {}
        page_fields = {k: meta[k] for k in PAGE_FIELDS if k in meta}
        return cls(
            None if data is None else str(data),
            "html" if meta.get("extracted") else "text",
            PageMeta.from_dict(page_fields) if page_fields else None,
        )


def carried_meta(data: Mapping[str, Any]) -> dict[str, Any]:
    """A document's ``meta`` without the page fields schema 1.x kept there."""
    meta = dict(data.get("meta") or {})
    if not isinstance(data.get("input"), Mapping) and meta.get("extracted"):
        return {k: v for k, v in meta.items() if k not in (*PAGE_FIELDS, "extracted")}
    return meta


def document_field(data: Mapping[str, Any], name: str | None) -> Any:
    """A saved document's value of a field, for grouping: ``input`` (its name), a page field, or
    a carried field; 1.x documents are read too.
    """
    info = InputInfo.from_dict(data.get("input"), data.get("meta"))
    if name in (None, "input"):
        return info.name
    value = getattr(info.page, name, None) if info.page and name in PAGE_FIELDS else None
    return value if value is not None else carried_meta(data).get(str(name))


_SUMMARIZED = ("schema_version", "input", "meta", "summary")


def summarizable(data: Any) -> dict[str, Any]:
    """What ``attrib summarize`` reads of a saved document (its version, input, meta and
    summary), checked against the shipped JSON Schema. Older documents are read as 3.0 first:
    a 1.x document's page fields move into ``input`` and ``own_reporting`` is 0; 1.x and 2.x
    summaries count 0 documents, no-comment events and other attributions, and no unresolved
    source (they counted every attribution as a statement). Raises ValueError saying what is
    wrong, with the field's path."""
    if (
        isinstance(data, Mapping)
        and str(data.get("schema_version")).startswith(("1.", "2."))
        and isinstance(data.get("meta") or {}, Mapping)
        and isinstance(data.get("summary"), Mapping)
    ):
        data = {
            "schema_version": SCHEMA_VERSION,
            "input": InputInfo.from_dict(data.get("input"), data.get("meta")).to_dict(),
            "meta": carried_meta(data),
            "summary": _upgraded_summary(data["summary"]),
        }
    view = {k: data[k] for k in _SUMMARIZED if k in data} if isinstance(data, Mapping) else data
    error = _best_error(view)
    if error:
        raise ValueError(error)
    return cast(dict[str, Any], view)


def _upgraded_summary(summary: Mapping[str, Any]) -> dict[str, Any]:
    """A 1.x or 2.x summary with the fields 3.0 added, as zeros."""
    added = {"own_reporting": 0, "documents": 0, "no_comment": 0, "declined": 0}
    out = {**added, "other_attributions": 0, **summary}
    for counts in ("statements_by_type", "sources_by_type"):
        if isinstance(out.get(counts), Mapping):
            out[counts] = {"unresolved": 0, **out[counts]}
    return out


def _best_error(view: Any) -> str | None:
    from jsonschema.exceptions import best_match

    error = best_match(_summary_validator().iter_errors(view))
    if error is None:
        return None
    where = ".".join(str(part) for part in error.absolute_path)
    return f"{where}: {error.message}" if where else error.message


@cache
def _summary_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator({**json_schema(), "required": list(_SUMMARIZED)})


@dataclass(frozen=True, slots=True)
class Analysis:
    """What attrib found in one text: the Python face of the JSON document.

    ``statements`` are what sources said, wrote, reported, or what documents say; the other
    attributions a broad reading finds (beliefs, intentions, attitudes, questions, negated or
    hypothetical speech) are kept apart in ``others``, so no count mistakes them for statements.
    """

    statements: tuple[Statement, ...]
    sources: tuple[Source, ...]
    unattributed: tuple[Unattributed, ...]
    model: str = ""
    input: InputInfo = field(default_factory=InputInfo)
    meta: Mapping[str, Any] = field(default_factory=dict)
    """Fields carried through from a ``--jsonl-in`` record, as given."""
    others: tuple[Statement, ...] = ()
    no_comment: tuple[NoComment, ...] = ()
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        summary = Summary.build(
            self.statements,
            self.sources,
            len(self.unattributed),
            self.no_comment,
            len(self.others),
        )
        object.__setattr__(self, "summary", summary)

    def source(self, source_id: str | None) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def with_input(
        self, source: InputInfo | str, meta: Mapping[str, Any] | None = None
    ) -> Analysis:
        """The same analysis labelled with its input (or its name) and fields carried with it."""
        info = InputInfo(source) if isinstance(source, str) else source
        return replace(self, input=info, meta=dict(meta or {}))

    def scoped(self, scope: Scope) -> Analysis:
        """The analysis as a breakdown of this scope: ``statements`` (itself), or ``all``, where
        every attribution counts as a statement, in text order."""
        if scope == "statements" or not self.others:
            return self
        merged = sorted((*self.statements, *self.others), key=lambda st: st.content.start)
        return replace(self, statements=tuple(merged), others=())

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """The JSON document; ``text``, the analyzed text, goes in as ``input.text`` when given."""
        source = self.input.to_dict()
        if text is not None:
            source["text"] = text
        return {
            "schema_version": SCHEMA_VERSION,
            "input": source,
            "meta": dict(self.meta),
            "model": self.model,
            "statements": [s.to_dict() for s in self.statements],
            "other_attributions": [s.to_dict() for s in self.others],
            "no_comment": [e.to_dict() for e in self.no_comment],
            "sources": [s.to_dict() for s in self.sources],
            "unattributed": [u.to_dict() for u in self.unattributed],
            "summary": self.summary.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        """From a document of any schema version (1.x and 2.x have no ``other_attributions``:
        their ``statements`` hold every attribution, with no class)."""
        return cls(
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            unattributed=tuple(Unattributed.from_dict(u) for u in data.get("unattributed", ())),
            model=str(data.get("model", "")),
            input=InputInfo.from_dict(data.get("input"), data.get("meta")),
            meta=carried_meta(data),
            others=tuple(Statement.from_dict(s) for s in data.get("other_attributions", ())),
            no_comment=tuple(NoComment.from_dict(e) for e in data.get("no_comment", ())),
        )
