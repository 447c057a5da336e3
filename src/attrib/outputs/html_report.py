"""A self-contained HTML report: each article with its sourcing highlighted.

``render_html(items, model, generated)`` returns one HTML document with inline
CSS and one small inline script, and nothing else: no external scripts, fonts,
images or requests of any kind (a Content-Security-Policy meta tag forbids
them, and allows only the report's own script by its hash). Every piece of
article text is escaped with ``html.escape``, so an article containing
``<script>`` or ``</mark>`` renders as text.

For each article: its title and figures, the text (paragraphs kept) with each
statement's content in a ``<mark>`` whose class names the source type (colour,
an underline style per type and a type letter badge, so colour is never the
only cue), focusable with a tooltip on hover and focus and an
``aria-describedby`` description; a side panel with the share of statements by
source type (CSS bars with labels) and the list of sources — activating one
highlights exactly the statements it speaks or relays (``data-speakers``,
``data-via``); unattributed or
hedged claims are marked apart. Several articles give one report with a
corpus-level breakdown and a table of contents at the top.
"""

from __future__ import annotations

import base64
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from ..results import SOURCE_TYPES, Analysis, Source, Statement, Summary
from .show import index, relays, source_name, speakers, statement_type
from .table import TYPE_MEANING, verdict

BADGES = {"named": "N", "unnamed": "U", "outlet": "O", "none": "?"}
TYPE_TITLES = {"named": "Named", "unnamed": "Unnamed", "outlet": "Outlet"}
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", re.S)


def _e(value: object) -> str:
    """Escape for text and for double- or single-quoted attributes."""
    return escape(str(value), quote=True)


# --------------------------------------------------------------------------- nesting


@dataclass(slots=True)
class _Node:
    """An element over text[start:end]; children are disjoint and sorted."""

    start: int
    end: int
    rank: int  # insertion order: paragraphs, then statements, mentions, cues, hedges
    open: str
    close: str
    part: int = 0  # > 0 for the second and later fragments of a split element
    children: list[_Node] = field(default_factory=list)

    def split(self, at: int) -> tuple[_Node, _Node]:
        left = _Node(self.start, at, self.rank, self.open, self.close, self.part)
        right = _Node(at, self.end, self.rank, self.open, self.close, self.part + 1)
        return left, right


def _insert(children: list[_Node], node: _Node) -> None:
    """Place node in the tree, cutting it where it crosses an element placed before it."""
    if node.start >= node.end:
        return
    # children are sorted and disjoint: those overlapping node are children[lo:hi]
    lo = bisect_right(children, node.start, key=_start)
    if lo and children[lo - 1].end > node.start:
        lo -= 1
    hi = bisect_left(children, node.end, key=_start)
    if lo < hi:
        first, last = children[lo], children[hi - 1]
        if first.start <= node.start and node.end <= first.end:
            _insert(first.children, node)  # inside one element
            return
        if first.start < node.start:  # crosses out of `first`: cut at its end
            left, right = node.split(first.end)
            _insert(first.children, left)
            _insert(children, right)
            return
        if last.end > node.end:  # crosses into `last`: cut at its start
            left, right = node.split(last.start)
            _insert(children, left)
            _insert(children, right)
            return
    node.children = children[lo:hi]
    children[lo:hi] = [node]


def _start(node: _Node) -> int:
    return node.start


def _emit(text: str, nodes: list[_Node], start: int, end: int, out: list[str]) -> None:
    here = start
    for node in nodes:
        out.append(_e(text[here : node.start]))
        out.append(node.open if node.part == 0 else _continued(node.open))
        _emit(text, node.children, node.start, node.end, out)
        out.append(node.close)
        here = node.end
    out.append(_e(text[here:end]))


def _continued(open_tag: str) -> str:
    """A later fragment of a split element: not focusable, no badge, no description."""
    tag = open_tag.replace(' tabindex="0"', "").replace(" first", "")
    return re.sub(r' (?:aria-describedby|id)="[^"]*"', "", tag)


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


def _article_body(aid: str, text: str, analysis: Analysis) -> tuple[str, str]:
    """The article's paragraphs with highlights, and the hidden descriptions they refer to."""
    roots: list[_Node] = []
    for m in _PARAGRAPH.finditer(text):
        _insert(roots, _Node(m.start(), m.end(), 0, "<p>", "</p>"))
    descriptions: list[str] = []
    size = len(text)
    by_id = index(analysis)

    def clip(start: int, end: int) -> tuple[int, int]:
        return max(0, min(start, size)), max(0, min(end, size))

    for st in analysis.statements:
        kind = statement_type(by_id, st) or "none"
        sid = f"{aid}-{st.id}"
        src = f"{aid}-{st.source_id}" if st.source_id else ""
        who = " ".join(f"{aid}-{s}" for s in (st.source_id, *st.co_source_ids) if s)
        via = " ".join(f"{aid}-{v}" for v in st.via)
        tip = _statement_tip(by_id, st)
        descriptions.append(f'<span id="d-{sid}">{_e(tip)}</span>')
        for n, piece in enumerate(st.pieces):
            first = " first" if n == 0 else ""
            focus = ' tabindex="0"' if n == 0 else ""
            attrs = (
                f'class="st {kind}{first}"{focus} data-statement="{sid}" data-piece="{sid}-p{n}"'
                f' data-source="{src}" data-speakers="{who}" data-via="{via}"'
                f' data-badge="{BADGES[kind]}" data-tip="{_e(tip)}" aria-describedby="d-{sid}"'
            )
            _insert(roots, _Node(*clip(piece.start, piece.end), 1, f"<mark {attrs}>", "</mark>"))
        if st.source_span is not None:
            span = st.source_span
            tag = f'<span class="who {kind}" data-statement="{sid}">'
            _insert(roots, _Node(*clip(span.start, span.end), 2, tag, "</span>"))
        if st.cue is not None:
            tag = f'<span class="cue {kind}" data-statement="{sid}">'
            _insert(roots, _Node(*clip(st.cue.start, st.cue.end), 3, tag, "</span>"))
    for n, u in enumerate(analysis.unattributed):
        hid = f"{aid}-u{n + 1}"
        tip = f"Unattributed or hedged claim · “{u.marker}” · no source given"
        descriptions.append(f'<span id="d-{hid}">{_e(tip)}</span>')
        attrs = (
            f'class="hedge first" tabindex="0" id="{aid}-hedge-{n + 1}" data-hedge="{hid}"'
            f' data-tip="{_e(tip)}" aria-describedby="d-{hid}"'
        )
        _insert(roots, _Node(*clip(u.start, u.end), 4, f"<span {attrs}>", "</span>"))
    out: list[str] = []
    _emit(text, roots, 0, size, out)
    body = "".join(out).strip()
    return body, "".join(descriptions)


def _bars(summary: Summary) -> str:
    """Share of attributed statements by source type: one stacked bar and one row per type."""
    total = summary.attributed
    stack = []
    rows = []
    for kind in SOURCE_TYPES:
        n = summary.statements_by_type.get(kind, 0)
        share = summary.share(kind)
        pct = f"{share:.0%}"
        if n:
            stack.append(
                f'<span class="seg {kind}" style="width:{share * 100:.2f}%"'
                f' title="{kind}: {n} ({pct})"></span>'
            )
        rows.append(
            f'<div class="row"><span class="sw {kind}" aria-hidden="true">{BADGES[kind]}</span>'
            f'<span class="k">{TYPE_TITLES[kind]}</span>'
            f'<span class="track" aria-hidden="true"><span class="fill {kind}"'
            f' style="width:{share * 100:.2f}%"></span></span>'
            f'<span class="n">{pct}</span>'
            f'<span class="c">{n} stmt{"" if n == 1 else "s"}</span></div>'
        )
    label = ", ".join(f"{kind} {summary.share(kind):.0%}" for kind in SOURCE_TYPES if total) or (
        "no attributed statements"
    )
    bar = (
        f'<div class="stack" role="img" aria-label="Share of statements by source type: {label}">'
        f"{''.join(stack)}</div>"
    )
    return f'<div class="chart">{bar}{"".join(rows)}</div>'


def _figures(summary: Summary) -> str:
    figures = [
        (summary.statements, "statements"),
        (summary.relayed, "relayed"),
        (summary.unattributed, "unattributed"),
    ]
    cells = "".join(
        f'<div class="fig"><b>{n}</b><span>{label}</span></div>' for n, label in figures
    )
    return f'<div class="figures">{cells}</div>'


def _source_list(aid: str, analysis: Analysis) -> str:
    items = []
    said_by: Counter[str] = Counter()
    relayed_by: Counter[str] = Counter()
    for st in analysis.statements:
        said_by.update({s for s in (st.source_id, *st.co_source_ids) if s})
        relayed_by.update(set(st.via))
    for src in analysis.sources:
        said, relayed = said_by[src.id], relayed_by[src.id]
        counts = []
        if said:
            counts.append(f"{said} statement{'' if said == 1 else 's'}")
        if relayed:
            counts.append(f"relays {relayed}")
        name = source_name(src.name, src.type)
        items.append(
            f'<li><button type="button" class="src {src.type}" data-source="{aid}-{src.id}"'
            f' data-article="{aid}" aria-pressed="false">'
            f'<span class="sw {src.type}" aria-hidden="true">{BADGES[src.type]}</span>'
            f'<span class="name">{_e(name)}</span>'
            f'<span class="meta">{src.type} · {src.entity} · {" · ".join(counts) or "—"}'
            f"</span></button></li>"
        )
    if not items:
        return '<p class="empty">No sources found.</p>'
    return f'<ul class="sources">{"".join(items)}</ul>'


def _hedge_list(aid: str, analysis: Analysis) -> str:
    if not analysis.unattributed:
        return ""
    items = "".join(
        f'<li><a href="#{aid}-hedge-{n + 1}" data-hedge="{aid}-u{n + 1}">'
        f'<span class="marker">{_e(u.marker)}</span> {_e(_snippet(u.text))}</a></li>'
        for n, u in enumerate(analysis.unattributed)
    )
    return f'<h4>Unattributed or hedged</h4><ul class="hedges">{items}</ul>'


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _article(n: int, title: str, text: str, analysis: Analysis) -> str:
    aid = f"a{n}"
    body, descriptions = _article_body(aid, text, analysis)
    summary = analysis.summary
    return f"""
<article class="item" id="{aid}" aria-labelledby="{aid}-title">
  <header class="item-head">
    <h2 id="{aid}-title">{_e(title)}</h2>
    <p class="verdict">{_e(verdict(analysis))}</p>
  </header>
  <aside class="panel" aria-label="Sourcing of {_e(title)}">
    <h3>Sourcing</h3>
    {_figures(summary)}
    {_bars(summary)}
    <h4>Sources <span class="hint">select to highlight</span></h4>
    {_source_list(aid, analysis)}
    {_hedge_list(aid, analysis)}
  </aside>
  <div class="text" data-article="{aid}">{body}</div>
  <div class="sr-only" hidden>{descriptions}</div>
</article>"""


def _corpus(items: list[tuple[str, str, Analysis]]) -> str:
    total = Summary.combine(a.summary for _, _, a in items)
    rows = []
    for n, (title, _, analysis) in enumerate(items, 1):
        s = analysis.summary
        shares = "".join(
            f'<td class="num {k}">{s.share(k):.0%}</td>'
            if s.attributed
            else '<td class="num">–</td>'
            for k in SOURCE_TYPES
        )
        rows.append(
            f'<tr><th scope="row"><a href="#a{n}">{_e(title)}</a></th>'
            f'<td class="num">{s.statements}</td>{shares}<td class="num">{s.unattributed}</td></tr>'
        )
    heads = "".join(f'<th scope="col" class="num">{TYPE_TITLES[k]}</th>' for k in SOURCE_TYPES)
    return f"""
<section class="corpus" aria-labelledby="corpus-title">
  <h2 id="corpus-title">All {len(items)} articles</h2>
  <div class="corpus-grid">
    <div>{_figures(total)}{_bars(total)}</div>
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Article</th><th scope="col" class="num">Stmts</th>{heads}
      <th scope="col" class="num">Unattr.</th></tr></thead>
      <tbody>{"".join(rows)}</tbody>
    </table></div>
  </div>
</section>"""


def _legend() -> str:
    kinds = "".join(
        f'<li><mark class="st {k} first" data-badge="{BADGES[k]}">{k}</mark>'
        f" {_e(TYPE_MEANING[k])}</li>"
        for k in SOURCE_TYPES
    )
    return (
        f'<ul class="legend" aria-label="Legend">{kinds}'
        '<li><span class="hedge">unattributed</span> hedged, no source</li>'
        '<li><span class="cue none">cue</span> said, according to…</li></ul>'
    )


# --------------------------------------------------------------------------- document


def render_html(items: list[tuple[str, str, Analysis]], model: str, generated: str) -> str:
    """One self-contained HTML document for (title, text, analysis) items."""
    articles = "".join(_article(n, t, x, a) for n, (t, x, a) in enumerate(items, 1))
    heading = "Sourcing report"
    if len(items) == 1:
        title = f"{_e(items[0][0])} — sourcing report"
        corpus = ""
    else:
        title = f"Sourcing report: {len(items)} articles"
        corpus = _corpus(items)
    count = "" if len(items) == 1 else f" · {len(items)} articles"
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{script_hash}'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="attrib">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<header class="top">
  <p class="brand">attrib · who is actually saying this?</p>
  <h1>{heading}</h1>
  <p class="run">Analyzed {_e(generated)} with <code>{_e(model)}</code>{count}</p>
  {_legend()}
</header>
<main>{corpus}{articles}
</main>
<footer>Highlights show what each statement says and who it rests on; attrib is automatic
and can be wrong — check the text before you quote it.</footer>
<div id="tip" role="tooltip" hidden></div>
<script>{SCRIPT}</script>
</body>
</html>
"""


STYLE = """
:root{--ink:#1d1f23;--muted:#5b616b;--line:#e3e5e8;--bg:#fbfbf9;--card:#fff;
--named:#1e7b3c;--named-bg:#dcf3e2;--unnamed:#9a5b00;--unnamed-bg:#fdefc8;
--outlet:#0b6d86;--outlet-bg:#d6f0f6;--hedge:#a0228f;--hedge-bg:#f8e3f4;--none:#555;--none-bg:#ececec;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 var(--sans)}
.top,main,footer{max-width:1180px;margin:0 auto;padding:0 24px}
.top{padding-top:28px;padding-bottom:12px}
.brand{margin:0;font-size:.8rem;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
h1{font-size:1.9rem;line-height:1.2;margin:.25rem 0 .35rem;letter-spacing:-.01em}
.run{margin:0 0 .8rem;color:var(--muted);font-size:.92rem}
code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f0ec;
padding:.05em .35em;border-radius:4px}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:0;
font-size:.85rem;color:var(--muted)}
.item,.corpus{background:var(--card);border:1px solid var(--line);border-radius:12px;
margin:20px 0;padding:24px 28px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.item{display:grid;grid-template-columns:minmax(0,1fr) 300px;
grid-template-areas:"head panel" "text panel";gap:4px 36px}
.item-head{grid-area:head}.panel{grid-area:panel}.text{grid-area:text}
h2{font-size:1.45rem;line-height:1.25;margin:0 0 .3rem}
.verdict{margin:0 0 1rem;color:var(--muted);font-size:.95rem}
.text{font:1.09rem/1.72 var(--serif);max-width:42em}
.text p{margin:0 0 1.05em;white-space:pre-line}
.panel{align-self:start;position:sticky;top:16px;font-size:.9rem;border-left:1px solid var(--line);
padding-left:24px}
.panel h3{font-size:.78rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);
margin:0 0 .6rem}
.panel h4{font-size:.9rem;margin:1.2rem 0 .5rem}
.hint{font-weight:400;color:var(--muted);font-size:.8rem}
.figures{display:flex;gap:18px;margin-bottom:.8rem}
.fig b{display:block;font-size:1.5rem;line-height:1.1}
.fig span{color:var(--muted);font-size:.8rem}
.stack{display:flex;height:12px;border-radius:6px;overflow:hidden;background:var(--line);
margin-bottom:.6rem}
.seg{display:block;height:100%}
.row{display:grid;grid-template-columns:20px 4.6em 1fr 2.8em 4.2em;align-items:center;gap:6px;
margin:.2rem 0;font-size:.85rem}
.row .n{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.row .c{color:var(--muted);font-size:.78rem;text-align:right}
.track{height:8px;background:#f0f0ec;border-radius:4px;overflow:hidden}
.fill{display:block;height:100%}
.sw{display:inline-grid;place-items:center;width:18px;height:18px;border-radius:4px;
font:700 .68rem/1 var(--sans);color:#fff}
.named.seg,.named.fill,.sw.named{background:var(--named)}
.unnamed.seg,.unnamed.fill,.sw.unnamed{background:var(--unnamed)}
.outlet.seg,.outlet.fill,.sw.outlet{background:var(--outlet)}
.unnamed.seg,.unnamed.fill{background-image:repeating-linear-gradient(45deg,
rgba(255,255,255,.25) 0 3px,transparent 3px 6px)}
.outlet.seg,.outlet.fill{background-size:4px 4px;
background-image:radial-gradient(rgba(255,255,255,.35) 1px,transparent 1.5px)}
.sources,.hedges{list-style:none;margin:0;padding:0}
.src{display:grid;grid-template-columns:18px 1fr;gap:2px 8px;width:100%;text-align:left;
font:inherit;color:inherit;background:none;border:1px solid transparent;border-radius:8px;
padding:6px 8px;cursor:pointer;margin:0 -8px}
.src .sw{grid-row:span 2;margin-top:2px}
.src .name{font-weight:600;line-height:1.3}
.src .meta{color:var(--muted);font-size:.78rem}
.src:hover{background:#f4f4f1}
.src[aria-pressed="true"]{border-color:currentColor;background:#f4f4f1}
.src.named[aria-pressed="true"]{color:var(--named)}
.src.unnamed[aria-pressed="true"]{color:var(--unnamed)}
.src.outlet[aria-pressed="true"]{color:var(--outlet)}
.hedges a{display:block;color:inherit;text-decoration:none;padding:4px 0;font-size:.84rem;
border-top:1px solid var(--line)}
.hedges a:hover{color:var(--hedge)}
.marker{font-weight:700;color:var(--hedge)}
mark.st{color:inherit;border-radius:3px;padding:.05em .1em;text-decoration-line:underline;
text-decoration-thickness:2px;text-underline-offset:.22em;box-decoration-break:clone;
-webkit-box-decoration-break:clone;transition:background-color .15s,opacity .15s}
mark.named{background:var(--named-bg);text-decoration-color:var(--named);text-decoration-style:solid}
mark.unnamed{background:var(--unnamed-bg);text-decoration-color:var(--unnamed);
text-decoration-style:dashed}
mark.outlet{background:var(--outlet-bg);text-decoration-color:var(--outlet);
text-decoration-style:dotted}
mark.none{background:var(--none-bg);text-decoration-color:var(--none);text-decoration-style:double}
mark.st.first::before{content:attr(data-badge);display:inline-block;font:700 .62rem/1 var(--sans);
color:#fff;border-radius:3px;padding:.2em .32em;margin-right:.3em;vertical-align:.18em}
mark.named.first::before{background:var(--named)}
mark.unnamed.first::before{background:var(--unnamed)}
mark.outlet.first::before{background:var(--outlet)}
mark.none.first::before{background:var(--none)}
.cue{font-weight:700;text-decoration:underline 2px;text-underline-offset:.22em}
.cue.named{text-decoration-color:var(--named)}.cue.unnamed{text-decoration-color:var(--unnamed)}
.cue.outlet{text-decoration-color:var(--outlet)}.cue.none{text-decoration-color:var(--none)}
.who.named{color:var(--named)}.who.unnamed{color:var(--unnamed)}.who.outlet{color:var(--outlet)}
.who{font-weight:600}
.hedge{background:repeating-linear-gradient(135deg,var(--hedge-bg) 0 6px,#fdf3fb 6px 12px);
text-decoration:underline wavy var(--hedge) 1.5px;text-underline-offset:.25em;border-radius:3px;
box-decoration-break:clone;-webkit-box-decoration-break:clone}
.hedge.first::before{content:"?";display:inline-block;font:700 .62rem/1 var(--sans);color:#fff;
background:var(--hedge);border-radius:3px;padding:.2em .38em;margin-right:.3em;vertical-align:.18em}
.legend .hedge.first::before{display:none}
[tabindex="0"]:focus-visible,.src:focus-visible,a:focus-visible{outline:3px solid #2563eb;
outline-offset:2px}
mark.hover{filter:saturate(1.6) brightness(.96)}
.filtering mark.st:not(.active){background:transparent;text-decoration-color:#c9ccd1;opacity:.55}
.filtering mark.st:not(.active)::before{opacity:.4}
mark.st.active{text-decoration-thickness:3px}
mark.named.active{background:#b4e6c1}mark.unnamed.active{background:#fbdc87}
mark.outlet.active{background:#a9def0}mark.none.active{background:#d4d4d4}
#tip{position:absolute;z-index:10;max-width:min(360px,90vw);background:#1d1f23;color:#fff;
font:.82rem/1.4 var(--sans);padding:7px 10px;border-radius:6px;pointer-events:none;
box-shadow:0 4px 14px rgba(0,0,0,.18)}
.corpus h2{margin-bottom:.8rem}
.corpus-grid{display:grid;grid-template-columns:300px minmax(0,1fr);gap:32px;align-items:start}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.named{color:var(--named)}td.unnamed{color:var(--unnamed)}td.outlet{color:var(--outlet)}
tbody th a{color:inherit}
footer{color:var(--muted);font-size:.82rem;padding-bottom:32px}
.empty{color:var(--muted)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:860px){
.item{grid-template-columns:minmax(0,1fr);grid-template-areas:"head" "panel" "text";padding:18px}
.panel{position:static;border-left:0;padding-left:0;border-bottom:1px solid var(--line);
padding-bottom:14px;margin-bottom:14px}
.corpus-grid{grid-template-columns:minmax(0,1fr)}
.top,main,footer{padding-left:12px;padding-right:12px}
h1{font-size:1.5rem}}
@media print{.panel{position:static}#tip{display:none}body{background:#fff}}
"""

SCRIPT = """
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function marks(root, attr, value) {
    return Array.prototype.filter.call(
      root.querySelectorAll("mark.st"),
      function (m) { return (m.getAttribute(attr) || "").split(" ").indexOf(value) >= 0; });
  }
  function show(el) {
    var text = el.getAttribute("data-tip");
    if (!text) { return; }
    tip.textContent = text;
    tip.hidden = false;
    var r = el.getClientRects()[0] || el.getBoundingClientRect();
    var w = tip.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - w - 8));
    var top = r.top + window.scrollY - tip.offsetHeight - 8;
    if (top < window.scrollY + 4) { top = r.bottom + window.scrollY + 8; }
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }
  function hide() { tip.hidden = true; }
  function group(el, on) {
    var id = el.getAttribute("data-statement");
    if (!id) { return; }
    marks(document, "data-statement", id).forEach(function (m) {
      m.classList.toggle("hover", on);
    });
  }
  document.querySelectorAll("[data-tip]").forEach(function (el) {
    el.addEventListener("mouseenter", function () { show(el); group(el, true); });
    el.addEventListener("mouseleave", function () { hide(); group(el, false); });
    el.addEventListener("focus", function () { show(el); group(el, true); });
    el.addEventListener("blur", function () { hide(); group(el, false); });
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  document.querySelectorAll("button.src").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var aid = btn.getAttribute("data-article");
      var article = document.getElementById(aid);
      var text = article.querySelector(".text");
      var on = btn.getAttribute("aria-pressed") !== "true";
      article.querySelectorAll("button.src").forEach(function (b) {
        b.setAttribute("aria-pressed", "false");
      });
      text.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
      text.classList.toggle("filtering", on);
      if (!on) { return; }
      btn.setAttribute("aria-pressed", "true");
      var id = btn.getAttribute("data-source");
      var hits = marks(text, "data-speakers", id).concat(marks(text, "data-via", id));
      hits.forEach(function (m) { m.classList.add("active"); });
      if (hits.length) {
        var r = hits[0].getBoundingClientRect();
        if (r.bottom < 0 || r.top > window.innerHeight) {
          hits[0].scrollIntoView({block: "center", behavior: "smooth"});
        }
      }
    });
  });
})();
"""
