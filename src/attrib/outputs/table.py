"""The terminal tables: one article's sources and breakdown, and a row per article of a corpus.

Every name, cue and snippet comes from someone else's text, and goes through
:func:`terminal_safe` before it reaches a terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..results import SOURCE_TYPES, Analysis, NoComment, Source, Summary, display_names

TYPE_STYLES = {"named": "green", "unnamed": "yellow", "outlet": "cyan", "unresolved": "bold"}
TYPE_MEANING = {
    "named": "on the record",
    "unnamed": "anonymous people and groups",
    "outlet": "other news media",
    "unresolved": "the text does not say who",
}
ENTITY_LABELS = {"person": "person", "organization": "org", "group": "group", "document": "doc"}

# C0 controls but tab and newline, DEL and C1 (0x9B alone starts a sequence on some terminals).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with each control character a terminal would obey shown as U+FFFD, one for one
    (offsets still hold): an ESC starts a sequence that can recolour, retitle or clear the
    screen, or rewrite what the clipboard holds, and only the ESC makes it one."""
    return _CONTROL_RE.sub("\ufffd", text)


def _cues(analysis: Analysis, source: Source) -> str:
    counts = Counter(
        st.cue.text.lower()
        for st in analysis.statements
        if st.cue and source.id in (st.source_id, *st.co_source_ids)
    )
    return terminal_safe(", ".join(cue for cue, _ in counts.most_common(3)))


def _via(analysis: Analysis, source: Source, names: Mapping[str, str]) -> str:
    relays: dict[str, None] = {}
    for st in analysis.statements:
        if source.id in (st.source_id, *st.co_source_ids):
            relays.update((names[vid], None) for vid in st.via if vid in names)
    return terminal_safe(", ".join(relays))


def sources_table(analysis: Analysis) -> Table:
    """One row per source that speaks in at least one statement, or relays one."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("Source", overflow="fold", ratio=3, min_width=14)
    table.add_column("Type", no_wrap=True)
    table.add_column("Entity", no_wrap=True)
    table.add_column("Stmts", justify="right", no_wrap=True)
    table.add_column("Relays", justify="right", no_wrap=True)
    table.add_column("Cues", overflow="fold", ratio=2)
    table.add_column("Via", overflow="fold", ratio=2)
    names = display_names(analysis.sources)
    for src in analysis.sources:
        said = sum(1 for st in analysis.statements if src.id in (st.source_id, *st.co_source_ids))
        relayed = sum(1 for st in analysis.statements if src.id in st.via)
        name = names[src.id]
        table.add_row(
            terminal_safe(f"{name} (publisher)" if src.publisher else name),
            Text(src.type, style=TYPE_STYLES[src.type]),
            ENTITY_LABELS[src.entity],
            str(said),
            str(relayed),
            _cues(analysis, src),
            _via(analysis, src, names),
        )
    return table


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 statement', '2 statements' (or the ``many`` form given)."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def declined_source(analysis: Analysis, event: NoComment) -> str:
    """Who declined to comment, by the source's display name, else as the text names them."""
    if event.source_id is not None and analysis.source(event.source_id) is not None:
        return display_names(analysis.sources)[event.source_id]
    return event.source_span.text if event.source_span else "a source"


def declined(analysis: Analysis) -> list[str]:
    """The sources that declined or failed to comment, each once, as the text names them."""
    names = {e.source_id or e.id: declined_source(analysis, e) for e in analysis.no_comment}
    return list(names.values())


def notes(analysis: Analysis) -> list[str]:
    """What else a reader should know of the article's sourcing, one line each, where it applies:
    own reporting, unresolved sources, documents, sources that declined to comment, and the
    attributions that are not statements."""
    summary = analysis.summary
    found = summary.statements_by_type.get("unresolved", 0)
    lines = []
    if summary.own_reporting:
        verb = "is" if summary.own_reporting == 1 else "are"
        own = plural(summary.own_reporting, "statement")
        lines.append(f"{own} {verb} the publisher's own reporting")
    if found:
        whose = "whose source the text does not settle"
        lines.append(f"{plural(found, 'statement')} {whose} (left out of the shares)")
    if summary.documents:
        verb = "rests" if summary.documents == 1 else "rest"
        lines.append(f"{plural(summary.documents, 'statement')} {verb} on documents")
    if summary.no_comment:
        names = declined(analysis)
        lines.append(f"{plural(len(names), 'source')} declined to comment: {', '.join(names)}")
    if summary.others:
        what = "attribution" if summary.others == 1 else "attributions"
        lines.append(f"{summary.others} other {what} (beliefs, intentions, ...) not counted")
    return lines


def breakdown(analysis: Analysis) -> Text:
    """Statements and distinct sources by type, and what the article rests on."""
    summary = analysis.summary
    out = Text()
    out.append(f"{summary.statements} statements", style="bold")
    out.append(f" ({summary.attributed} attributed, {summary.relayed} relayed by another source);")
    out.append(f" {summary.unattributed} unattributed or hedged claims\n")
    for kind in SOURCE_TYPES:
        n = summary.statements_by_type[kind]
        out.append(f"  {kind:<8}", style=TYPE_STYLES[kind])
        out.append(f"{n:>3} statements {summary.share(kind):>4.0%}")
        out.append(f"  {summary.sources_by_type[kind]:>2} sources  {TYPE_MEANING[kind]}\n")
    for line in notes(analysis):
        out.append(f"  {line}\n")
    out.append(verdict(analysis), style="bold")
    return out


def verdict(analysis: Analysis) -> str:
    """One sentence a reader can act on."""
    summary = analysis.summary
    if summary.statements == 0:
        return "No attributed statements found."
    if not summary.attributed:
        return "No statement rests on a source outside the article's own reporting."
    if summary.statements_by_type["named"] == 0:
        return "Every attributed statement rests on unnamed sources or other outlets."
    share = 1 - summary.share("named")
    return f"{share:.0%} of attributed statements rest on unnamed sources or other outlets."


def render_table(analysis: Analysis, title: str | None = None) -> RenderableType:
    parts: list[RenderableType] = []
    if title:
        parts.append(Text(terminal_safe(title), style="bold underline"))
    if analysis.sources:
        parts.append(sources_table(analysis))
    parts.append(breakdown(analysis))
    if analysis.unattributed:
        hedges = Text("Unattributed:\n", style="bold")
        for u in analysis.unattributed:
            snippet = u.text if len(u.text) <= 100 else u.text[:97] + "..."
            hedges.append(f"  [{terminal_safe(u.marker)}] ", style="magenta")
            hedges.append(terminal_safe(snippet) + "\n")
        parts.append(hedges)
    return Group(*parts)


def print_table(console: Console, analysis: Analysis, title: str | None = None) -> None:
    console.print(render_table(analysis, title))


NAME_CELLS = 32
"""The widest name in the corpus table that still lets it fit 80 columns."""


def fit(name: str, cells: int = NAME_CELLS) -> str:
    """The name shortened in the middle ("abc13.com-Cop…ld.html") to at most ``cells`` terminal
    cells, so both its start and its distinguishing end stay readable."""
    if cell_len(name) <= cells:
        return name
    head, tail = name[: cells // 2], name[-(cells - cells // 2 - 1) :]
    while cell_len(head) + 1 + cell_len(tail) > cells:  # wide characters take two cells
        head, tail = (head[:-1], tail) if cell_len(head) > cell_len(tail) else (head, tail[1:])
    return f"{head}…{tail}"


def group_label(by: str | None) -> str:
    """The heading of the group column of ``attrib summarize --by``: dates group by month."""
    return "Month" if by == "date" else by.capitalize() if by else "Article"


def corpus_table(rows: list[tuple[str, int, Summary]], label: str = "Article") -> Table:
    """One row per article (or group) and a total row: statements, shares, hedges. Names are
    shortened in the middle to fit 80 columns (never wrapped inside a word)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_footer=len(rows) > 1)
    total = Summary.combine(s for _, _, s in rows)
    articles = sum(n for _, n, _ in rows)
    table.add_column(label, no_wrap=True, overflow="ellipsis", footer=f"Total ({articles})")
    table.add_column("Stmts", justify="right", footer=str(total.statements))
    for kind in SOURCE_TYPES:
        table.add_column(
            kind.capitalize(),
            justify="right",
            style=TYPE_STYLES[kind],
            footer=f"{total.share(kind):.0%}",
        )
    table.add_column("Unattr.", justify="right", footer=str(total.unattributed))
    for name, _, summary in rows:
        shares = (
            f"{summary.share(kind):.0%}" if summary.attributed else "-" for kind in SOURCE_TYPES
        )
        table.add_row(
            fit(terminal_safe(name)), str(summary.statements), *shares, str(summary.unattributed)
        )
    return table
