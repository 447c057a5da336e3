"""``attrib show``: the article itself, with its sourcing highlighted in the terminal.

Every statement's content pieces are coloured by the type of their resolved
source (named green, unnamed yellow, outlet cyan, as in the tables), the cue is
bold and underlined, unattributed or hedged claims are magenta, and after each
statement's last piece a label names the source and its relay chain:
``[unnamed: senior Trump administration official, via NBC News, UNN]``.

A statement inside another's content (a quote within a quote, "he said she
told him that …") is drawn in reverse video and its label starts with ``↳`` and
names the statement it sits in, so the nesting reads at a glance. A source that
declined to comment has its cue in red, labelled ``[no comment: Acme Corp.]``;
a statement whose source the text does not settle says so in its label.

Without colour (output piped, ``NO_COLOR`` set, or ``color=False``) the same
text reads as plain text: content is delimited with ``⟦ ⟧``, cues with ``‹ ›``,
unattributed claims with ``⟪ ⟫`` followed by ``[unattributed: allegedly]``,
no-comment cues with ``⁅ ⁆``, and the source labels are bracketed as above. No
escape codes are written. The legend is wrapped to the console's width.

Spans may overlap (a cue inside a quote, a hedged sentence around a statement):
the text is cut at every span boundary (``segments``, shared with the HTML
report) and each stretch takes the styles of all the spans covering it, so
overlaps never garble the output.

Paging: attrib does not start a pager itself. Articles are short and the output
is ordinary text, so the user's pager is the right tool: ``attrib show FILE |
less`` (plain) or ``FORCE_COLOR=1 attrib show FILE | less -R`` (coloured; rich
honours ``FORCE_COLOR``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..results import TYPES, Analysis, Source, Statement, display_names
from .segments import segments
from .table import TYPE_MEANING, TYPE_STYLES, declined_source

HEDGE_STYLE = "magenta"
CUE_STYLE = "bold underline"
NO_COMMENT_STYLE = "red"
NESTED_STYLE = "reverse"
UNRESOLVED_STYLE = "bold"
PLAIN_CONTENT = ("⟦", "⟧")
PLAIN_CUE = ("‹", "›")
PLAIN_HEDGE = ("⟪", "⟫")
PLAIN_NO_COMMENT = ("⁅", "⁆")


Sources = Analysis | Mapping[str, Source]


def index(sources: Sources) -> Mapping[str, Source]:
    """Sources by id, each named with its display name (``display_names``: no two alike): build
    it once and pass it to the helpers below in loops."""
    if not isinstance(sources, Analysis):
        return sources
    names = display_names(sources.sources)
    return {s.id: replace(s, name=names[s.id]) for s in sources.sources}


def statement_type(sources: Sources, st: Statement) -> str | None:
    """The type of the statement's resolved source, or None when it has none."""
    src = index(sources).get(st.source_id or "")
    return src.type if src else None


def speakers(sources: Sources, st: Statement) -> str:
    """The resolved speaker, and any co-speakers joined with '&'."""
    by_id = index(sources)
    names = []
    for sid in (st.source_id, *st.co_source_ids):
        src = by_id.get(sid or "")
        if src is not None:
            names.append(src.name)
    return " & ".join(names)


def relays(sources: Sources, st: Statement) -> list[str]:
    """The relaying sources' names, the one nearest the original speaker first."""
    by_id = index(sources)
    return [src.name for vid in st.via if (src := by_id.get(vid)) is not None]


def source_label(sources: Sources, st: Statement) -> str:
    """'unnamed: senior official, via NBC News, UNN' (without brackets)."""
    by_id = index(sources)
    kind = statement_type(by_id, st)
    chain = relays(by_id, st)
    via = f", via {', '.join(chain)}" if chain else ""
    if kind is None:
        return f"source not resolved{via}"
    if kind == "unresolved":
        return f"unresolved: “{speakers(by_id, st)}”, the text does not say who{via}"
    return f"{kind}: {speakers(by_id, st)}{via}"


def containers(statements: Sequence[Statement]) -> dict[str, Statement]:
    """For each statement lying inside another's content, the innermost one holding it."""
    found: dict[str, Statement] = {}
    for inner in statements:
        holders = [
            outer
            for outer in statements
            if outer is not inner
            and any(
                o.start <= p.start < p.end <= o.end and o.end - o.start > p.end - p.start
                for p in inner.pieces
                for o in outer.pieces
            )
        ]
        if holders:
            found[inner.id] = min(holders, key=lambda o: sum(p.end - p.start for p in o.pieces))
    return found


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    style: str
    open: str
    close: str


def _spans(analysis: Analysis, text: str) -> list[_Span]:
    """Hedges first, then content (nested statements after the ones holding them), then cues:
    later styles win where they overlap."""
    spans: list[_Span] = []
    by_id = index(analysis)
    nested = containers(analysis.statements)
    for u in analysis.unattributed:
        spans.append(_Span(u.start, u.end, HEDGE_STYLE, *PLAIN_HEDGE))
    for st in sorted(analysis.statements, key=lambda st: st.id in nested):
        kind = statement_type(by_id, st)
        style = TYPE_STYLES[kind] if kind else UNRESOLVED_STYLE
        style = f"{style} {NESTED_STYLE}" if st.id in nested else style
        for piece in st.pieces:
            spans.append(_Span(piece.start, piece.end, style, *PLAIN_CONTENT))
    for st in analysis.statements:
        if st.cue is not None:
            spans.append(_Span(st.cue.start, st.cue.end, CUE_STYLE, *PLAIN_CUE))
    for event in analysis.no_comment:
        spans.append(_Span(event.cue.start, event.cue.end, NO_COMMENT_STYLE, *PLAIN_NO_COMMENT))
    size = len(text)
    return [
        _Span(max(0, s.start), min(size, s.end), s.style, s.open, s.close)
        for s in spans
        if 0 <= s.start < s.end and s.start < size
    ]


def _labels(analysis: Analysis, text: str) -> dict[int, list[tuple[str, str]]]:
    """Labels to insert, by offset: after each statement's last piece, after each hedge."""
    labels: dict[int, list[tuple[str, str]]] = defaultdict(list)
    by_id = index(analysis)
    size = len(text)
    said = statement_labels(analysis)
    nested = containers(analysis.statements)
    for st in sorted(analysis.statements, key=lambda st: st.id not in nested):  # inner first
        kind = statement_type(by_id, st)
        end = min(size, max(p.end for p in st.pieces))
        style = f"{TYPE_STYLES[kind]} italic" if kind else "italic"
        labels[end].append((f" [{said[st.id]}]", style))
    for u in analysis.unattributed:
        labels[min(size, u.end)].append((f" [unattributed: {u.marker}]", f"{HEDGE_STYLE} italic"))
    for event in analysis.no_comment:
        who = declined_source(analysis, event)
        labels[min(size, event.cue.end)].append(
            (f" [no comment: {who}]", f"{NO_COMMENT_STYLE} italic")
        )
    return labels


def statement_labels(analysis: Analysis) -> dict[str, str]:
    """Each statement's label by id: its source, and for a statement inside another's content
    an arrow and whose statement holds it ("↳ named: Jane Miller, inside Bob Ray's")."""
    by_id = index(analysis)
    nested = containers(analysis.statements)
    labels = {}
    for st in analysis.statements:
        label = source_label(by_id, st)
        if st.id in nested:
            holder = speakers(by_id, nested[st.id])
            label = f"↳ {label}, inside {f'the statement of {holder}' if holder else 'another'}"
        labels[st.id] = label
    return labels


def _legend_items(color: bool) -> list[Text]:
    """What the colours (or, in plain text, the brackets) mean, one item each."""
    types = [
        Text.assemble((kind, TYPE_STYLES[kind] if color else ""), f" ({TYPE_MEANING[kind]})")
        for kind in TYPES
    ]
    if not color:
        marks = [
            "⟦statement⟧ [type: source, via relays]",
            "‹cue›",
            "⟪unattributed or hedged⟫",
            "⁅no comment⁆",
            "[↳ …] a statement inside another",
        ]
        return [Text(m) for m in marks] + [Text("types:"), *types]
    return [
        *types,
        Text("unattributed or hedged", style=HEDGE_STYLE),
        Text("cue", style=CUE_STYLE),
        Text("no comment", style=NO_COMMENT_STYLE),
        Text.assemble(("nested", NESTED_STYLE), " (a statement inside another)"),
        Text("[source, via relays]", style="italic"),
    ]


def legend(color: bool, width: int = 80) -> Text:
    """The legend, its items packed into lines of at most ``width`` cells (an item is never
    broken, so a narrow terminal wraps between items, not inside them)."""
    out = Text("Legend:")
    column, gap = len(out), " "  # after "Legend:" one space, between items two
    for item in _legend_items(color):
        if column + len(gap) + len(item) > width:
            out.append("\n")
            column, gap = 0, "  "  # a continued line is indented like a gap
        out.append(gap)
        out.append_text(item)
        column += len(gap) + len(item)
        gap = "  "
    return out


def render_article(text: str, analysis: Analysis, color: bool, width: int = 80) -> Text:
    """The article with its sourcing highlighted, preceded by a legend ``width`` cells wide.

    ``analysis`` must come from ``text`` (its offsets index into it). With
    ``color`` False the result carries no styles at all, only plain markers.
    """
    labels = _labels(analysis, text)
    out = legend(color, width)
    out.append("\n\n")
    before: tuple[_Span, ...] = ()
    for segment in segments(len(text), _spans(analysis, text), labels):
        _boundary(out, before, segment.spans, labels.get(segment.start, []), color)
        chunk = text[segment.start : segment.end]
        if color and segment.spans:  # later spans win where styles overlap
            out.append(chunk, style=Style.combine(Style.parse(s.style) for s in segment.spans))
        else:
            out.append(chunk)
        before = segment.spans
    _boundary(out, before, (), labels.get(len(text), []), color)
    if not out.plain.endswith("\n"):
        out.append("\n")
    return out


def _boundary(
    out: Text,
    before: tuple[_Span, ...],
    after: tuple[_Span, ...],
    labels: list[tuple[str, str]],
    color: bool,
) -> None:
    """Between two segments: close what ends (inner first), the labels, open what starts."""
    if not color:
        ending = sorted((s for s in before if s not in after), key=lambda s: -s.start)
        out.append("".join(s.close for s in ending))
    for label, style in labels:
        out.append(label, style=style if color else None)
    if not color:
        starting = sorted((s for s in after if s not in before), key=lambda s: -s.end)
        out.append("".join(s.open for s in starting))


def print_article(console: Console, text: str, analysis: Analysis) -> None:
    """Print with colour when the console is a terminal and NO_COLOR is not set."""
    color = console.is_terminal and not console.no_color
    rendered = render_article(text, analysis, color, console.width)
    console.print(rendered, soft_wrap=not console.is_terminal)


def statement_list(analysis: Analysis) -> Table:
    """One line per statement, to check the figures without reading the whole article: its id,
    source (and relays), source type, cue and the start of its content; a statement inside
    another's content starts with ``↳``."""
    by_id = index(analysis)
    nested = containers(analysis.statements)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    ids = max((len(st.id) for st in analysis.statements), default=1)
    table.add_column("#", no_wrap=True, min_width=ids)
    table.add_column("Source", no_wrap=True, overflow="ellipsis", ratio=2, min_width=12)
    table.add_column("Type", no_wrap=True, min_width=len("unresolved"))
    table.add_column("Cue", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("Content", no_wrap=True, overflow="ellipsis", ratio=3, min_width=16)
    for st in analysis.statements:
        kind = statement_type(by_id, st)
        chain = relays(by_id, st)
        who = speakers(by_id, st) or "—"
        content = " … ".join(" ".join(p.text.split()) for p in st.pieces)
        table.add_row(
            st.id,
            f"{who}, via {', '.join(chain)}" if chain else who,
            Text(kind or "none", style=TYPE_STYLES[kind] if kind else UNRESOLVED_STYLE),
            " ".join(st.cue.text.split()) if st.cue else "—",
            f"↳ {content}" if st.id in nested else content,
        )
    return table
