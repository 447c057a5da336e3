"""A self-contained HTML report: each article with its sourcing highlighted.

``render_html(items, model, generated)`` returns one HTML document with inline
CSS and one small inline script (``report.css``, ``report.js`` next to this
module), and nothing else: no external scripts, fonts, images or requests of
any kind (a Content-Security-Policy meta tag forbids them, and allows only the
report's own script by its hash). The document is the Jinja2 template
``templates/report.html`` with autoescaping on, so an article containing
``<script>`` or ``</mark>`` renders as text; only the CSS and the script, which
are ours, are inlined unescaped.

For each article: its title and figures, the text (paragraphs kept) with each
statement's content in a ``<mark>`` whose class names the source type (colour,
an underline style per type and a type letter badge, so colour is never the
only cue), focusable with a tooltip on hover and focus and an
``aria-describedby`` description; a side panel with the share of statements by
source type (CSS bars with labels) and the list of sources — activating one
highlights exactly the statements it speaks or relays (``data-speakers``,
``data-via``); unattributed or hedged claims are marked apart. Several articles
give one report with a corpus-level breakdown and a table of contents at the top.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ...results import (
    SOURCE_TYPES,
    TYPES,
    Analysis,
    NoComment,
    Source,
    Statement,
    Summary,
    Unattributed,
)
from ..show import index, relays, speakers, statement_type
from ..table import TYPE_MEANING, declined_source, notes, verdict
from .highlight import Element, Node, highlight

BADGES = {"named": "N", "unnamed": "U", "outlet": "O", "unresolved": "?", "none": "?"}
TYPE_TITLES = {
    "named": "Named",
    "unnamed": "Unnamed",
    "outlet": "Outlet",
    "unresolved": "Unresolved",
}
_PACKAGE = __name__.rpartition(".")[0]  # templates and assets live beside this module
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.S)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source in the side panel, with what it says and relays."""

    id: str
    name: str
    type: str
    entity: str
    said: int
    relayed: int

    @property
    def counts(self) -> str:
        """'3 statements · relays 1', or a dash for a source that does neither."""
        counts = []
        if self.said:
            counts.append(f"{self.said} statement{'' if self.said == 1 else 's'}")
        if self.relayed:
            counts.append(f"relays {self.relayed}")
        return " · ".join(counts) or "—"


@dataclass(frozen=True, slots=True)
class HedgeRow:
    """An unattributed or hedged claim in the side panel, linking to its highlight."""

    anchor: str  # the id of the highlight's first fragment
    key: str  # data-hedge, shared by the highlight and the panel entry
    marker: str
    snippet: str


@dataclass(frozen=True, slots=True)
class NoCommentRow:
    """A source that declined to comment, linking to the cue in the text."""

    anchor: str
    who: str
    cue: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What the template needs to draw one article."""

    id: str
    title: str
    name: str  # the input's full path or URL, under the title
    verdict: str
    summary: Summary
    notes: list[str]  # documents, unresolved sources, declined to comment, other attributions
    sources: list[SourceRow]
    hedges: list[HedgeRow]
    no_comment: list[NoCommentRow]
    body: list[Node]
    descriptions: list[tuple[str, str]]  # (id, text) for aria-describedby


# --------------------------------------------------------------------------- article


def _statement_tip(by_id: Mapping[str, Source], st: Statement) -> str:
    kind = statement_type(by_id, st)
    chain = relays(by_id, st)
    who = f"{TYPE_TITLES[kind]} source: {speakers(by_id, st)}" if kind else "Source not resolved"
    parts = [who]
    if chain:
        parts.append("relayed by " + " → ".join(chain))
    if st.cue is not None:
        parts.append(f"cue “{st.cue.text}”")
    parts.append(f"{st.kind} statement")
    return " · ".join(parts)


def _statement_elements(aid: str, by_id: Mapping[str, Source], st: Statement) -> Iterator[Element]:
    """Its content pieces as marks, then its source mention and cue."""
    kind = statement_type(by_id, st) or "none"
    sid = f"{aid}-{st.id}"
    shared = {
        "data-statement": sid,
        "data-source": f"{aid}-{st.source_id}" if st.source_id else "",
        "data-speakers": " ".join(f"{aid}-{s}" for s in (st.source_id, *st.co_source_ids) if s),
        "data-via": " ".join(f"{aid}-{v}" for v in st.via),
        "data-badge": BADGES[kind],
        "data-tip": _statement_tip(by_id, st),
    }
    for n, piece in enumerate(st.pieces):
        attrs = {"class": f"st {kind}", **shared, "data-piece": f"{sid}-p{n}"}
        lead = {"aria-describedby": f"d-{sid}"}
        if n == 0:  # the statement's one badge and tab stop
            lead |= {"class": f"st {kind} first", "tabindex": "0"}
        yield Element(piece.start, piece.end, "mark", attrs, lead)
    for role, span in (("who", st.source_span), ("cue", st.cue)):
        if span is not None:
            attrs = {"class": f"{role} {kind}", "data-statement": sid}
            yield Element(span.start, span.end, "span", attrs)


def _hedge_element(hedge: HedgeRow, u: Unattributed) -> Element:
    tip = f"Unattributed or hedged claim · “{u.marker}” · no source given"
    attrs = {"class": "hedge", "data-hedge": hedge.key, "data-tip": tip}
    lead = {
        "class": "hedge first",
        "tabindex": "0",
        "id": hedge.anchor,
        "aria-describedby": f"d-{hedge.key}",
    }
    return Element(u.start, u.end, "span", attrs, lead)


def _no_comment_element(row: NoCommentRow, event: NoComment) -> Element:
    tip = f"No comment · {row.who} · “{row.cue}”"
    attrs = {"class": "nocomment", "data-tip": tip}
    lead = {"id": row.anchor, "tabindex": "0", "aria-describedby": f"d-{row.anchor}"}
    return Element(event.cue.start, event.cue.end, "span", attrs, lead)


def _elements(
    aid: str, text: str, analysis: Analysis, hedges: list[HedgeRow], declined: list[NoCommentRow]
) -> list[Element]:
    """Paragraphs, then each statement's elements, then hedges and no-comment cues."""
    elements = [Element(m.start(), m.end(), "p", {}, block=True) for m in _PARAGRAPH.finditer(text)]
    by_id = index(analysis)
    for st in analysis.statements:
        elements.extend(_statement_elements(aid, by_id, st))
    for hedge, u in zip(hedges, analysis.unattributed, strict=True):
        elements.append(_hedge_element(hedge, u))
    for row, event in zip(declined, analysis.no_comment, strict=True):
        elements.append(_no_comment_element(row, event))
    return elements


def _descriptions(elements: list[Element]) -> list[tuple[str, str]]:
    """The hidden descriptions the highlights point to (aria-describedby), each once."""
    described = (e for e in elements if "aria-describedby" in e.lead)
    return list(dict.fromkeys((e.lead["aria-describedby"], e.attrs["data-tip"]) for e in described))


def _source_rows(aid: str, analysis: Analysis) -> list[SourceRow]:
    said_by: Counter[str] = Counter()
    relayed_by: Counter[str] = Counter()
    for st in analysis.statements:
        said_by.update({s for s in (st.source_id, *st.co_source_ids) if s})
        relayed_by.update(set(st.via))
    return [
        SourceRow(
            f"{aid}-{src.id}",
            src.name,
            src.type,
            src.entity,
            said_by[src.id],
            relayed_by[src.id],
        )
        for src in index(analysis).values()
    ]


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _article(n: int, title: str, text: str, analysis: Analysis) -> ArticleView:
    aid = f"a{n}"
    hedges = [
        HedgeRow(f"{aid}-hedge-{k}", f"{aid}-u{k}", u.marker, _snippet(u.text))
        for k, u in enumerate(analysis.unattributed, 1)
    ]
    declined = [
        NoCommentRow(f"{aid}-{event.id}", declined_source(analysis, event), event.cue.text)
        for event in analysis.no_comment
    ]
    elements = _elements(aid, text, analysis, hedges, declined)
    return ArticleView(
        aid,
        title,
        analysis.input.name or "",
        verdict(analysis),
        analysis.summary,
        notes(analysis),
        _source_rows(aid, analysis),
        hedges,
        declined,
        highlight(text, elements),
        _descriptions(elements),
    )


# --------------------------------------------------------------------------- document


def asset(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader(_PACKAGE, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda share: f"{share:.0%}"
    env.filters["width"] = lambda share: f"{share * 100:.2f}%"
    env.globals |= {
        "SOURCE_TYPES": SOURCE_TYPES,
        "TYPES": TYPES,
        "BADGES": BADGES,
        "TYPE_TITLES": TYPE_TITLES,
        "TYPE_MEANING": TYPE_MEANING,
    }
    return env


def render_html(items: list[tuple[str, str, Analysis]], model: str, generated: str) -> str:
    """One self-contained HTML document for (title, text, analysis) items."""
    script = asset("report.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    articles = [_article(n, t, x, a) for n, (t, x, a) in enumerate(items, 1)]
    template = environment().get_template("report.html")
    return template.render(
        articles=articles,
        total=Summary.combine(a.summary for a in articles),
        model=model,
        generated=generated,
        script_hash=script_hash,
        # Ours, not the article's: inlined as they are (escaping would break them).
        style=Markup(asset("report.css")),
        script=Markup(script),
    )
