"""attrib show: the article with its sourcing highlighted in the terminal."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from rich.console import Console

from attrib.outputs.show import print_article, render_article, source_label, statement_labels
from attrib.results import Analysis, Statement, TextSpan, Unattributed

from .conftest import read_example

ANSI = re.compile(r"\x1b\[")
SPLIT = '"The talks failed," Jane Miller said, "and nobody knows what comes next."\n'
RELAY = (
    "The ceasefire will start on Monday, NBC News reported, citing an unnamed senior "
    "official, UNN reports.\n\nThe army allegedly moved two brigades overnight.\n"
)


def _body(rendered: str) -> str:
    """The rendering without its legend (its lines and the blank line after it)."""
    return rendered.split("\n\n", 1)[1]


def _unmark(rendered: str, analysis: Analysis) -> str:
    """Plain rendering with markers and labels removed: must give the article back."""
    body = _body(rendered)
    for label in statement_labels(analysis).values():
        body = body.replace(f" [{label}]", "")
    for u in analysis.unattributed:
        body = body.replace(f" [unattributed: {u.marker}]", "")
    return re.sub("[⟦⟧‹›⟪⟫]", "", body)


@pytest.fixture(scope="module")
def example_text() -> str:
    return read_example()


def test_plain_mode_has_no_escapes_and_gives_the_text_back(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    out = render_article(example_text, analysis, color=False)
    assert not out.spans, "plain mode carries no styles"
    assert not ANSI.search(out.plain)
    assert _unmark(out.plain, analysis) == example_text


def test_every_piece_is_wrapped(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    plain = render_article(example_text, analysis, color=False).plain
    assert analysis.statements
    for st in analysis.statements:
        for piece in st.pieces:
            assert f"⟦{piece.text}⟧" in plain
        if st.cue is not None:
            assert f"‹{st.cue.text}›" in plain


def test_label_follows_the_last_piece_with_the_chain(analyze) -> None:
    analysis = analyze(RELAY)
    plain = _body(render_article(RELAY, analysis, color=False).plain)
    (st,) = analysis.statements
    label = source_label(analysis, st)
    assert label.startswith("unnamed: ")
    assert "official" in label
    assert ", via NBC News" in label
    assert f"{st.pieces[-1].text}⟧ [{label}]" in plain
    assert "⟪The army allegedly moved two brigades overnight⟫ [unattributed: allegedly]." in plain


def test_relay_chain_nearest_first(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    plain = render_article(example_text, analysis, color=False).plain
    label = "[unnamed: senior Trump administration official, via NBC News, UNN]"
    assert f"Ukrainian officials⟧ {label}. This was ‹reported› by NBC News" in plain


def test_split_quote_gets_one_label_after_its_last_piece(analyze) -> None:
    analysis = analyze(SPLIT)
    plain = _body(render_article(SPLIT, analysis, color=False).plain)
    (st,) = analysis.statements
    assert len(st.pieces) == 2
    assert plain.count("[named: Jane Miller]") == 1
    assert plain.index("[named: Jane Miller]") > plain.index("nobody knows")
    assert plain.startswith('⟦"The talks failed,"⟧ Jane Miller ‹said›, ⟦"and nobody')


def test_color_mode_styles_by_source_type(analyze) -> None:
    analysis = analyze(SPLIT)
    out = render_article(SPLIT, analysis, color=True)
    styles = {out.plain[s.start : s.end]: str(s.style) for s in out.spans}
    assert "green" in styles['"The talks failed,"']
    assert "bold" in styles["said"] and "underline" in styles["said"]
    assert "⟦" not in out.plain
    assert "[named: Jane Miller]" in out.plain
    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=100)
    console.print(out)
    assert ANSI.search(console.file.getvalue())  # type: ignore[attr-defined]


def test_print_article_is_plain_when_piped(analyze) -> None:
    analysis = analyze(SPLIT)
    buffer = io.StringIO()
    print_article(Console(file=buffer), SPLIT, analysis)
    assert not ANSI.search(buffer.getvalue())
    assert "⟦" in buffer.getvalue()


def test_overlapping_spans_do_not_break_rendering() -> None:
    text = "Officials said the army allegedly crossed the river at dawn."
    content = TextSpan.of(text, 15, 59)
    cue = TextSpan.of(text, 10, 20)  # crosses into the content
    hedge = Unattributed(0, 40, text[0:40], "allegedly")  # crosses out of the content
    st = Statement("s1", "indirect", (content,), cue, TextSpan.of(text, 0, 9), None)
    analysis = Analysis((st,), (), (hedge,))
    plain = render_article(text, analysis, color=False).plain
    assert _unmark(plain, analysis) == text + "\n"
    assert "[source not resolved]" in plain
    colored = render_article(text, analysis, color=True)
    assert colored.plain.count(text[20:40]) == 1
    assert "[source not resolved]" in colored.plain


def test_markup_in_the_article_is_literal(analyze) -> None:
    text = 'The [bold]mayor[/bold] said: "[red]no[/red] <b>comment</b>."\n'
    analysis = analyze(text)
    buffer = io.StringIO()
    Console(file=buffer, width=200).print(render_article(text, analysis, color=True))
    assert "[bold]mayor[/bold]" in buffer.getvalue()
    assert "[red]no[/red]" in buffer.getvalue()


def test_empty_analysis() -> None:
    out = render_article("", Analysis((), (), ()), color=False)
    assert out.plain.startswith("Legend:")


spans = hs.tuples(hs.integers(0, 30), hs.integers(0, 30)).map(sorted)


@settings(max_examples=200, deadline=None)
@given(
    text=hs.text(alphabet="ab [].\n", min_size=1, max_size=30),
    pieces=hs.lists(spans, min_size=1, max_size=4),
    hedges=hs.lists(spans, max_size=2),
)
def test_any_overlap_gives_the_text_back(
    text: str, pieces: list[list[int]], hedges: list[list[int]]
) -> None:
    size = len(text)
    statements = tuple(
        Statement(
            f"s{n}",
            "direct",
            (TextSpan.of(text, min(a, size), min(b, size)),),
            TextSpan.of(text, min(b, size), min(b + 2, size)),
            None,
            None,
        )
        for n, (a, b) in enumerate(pieces)
    )
    unattributed = tuple(
        Unattributed(min(a, size), min(b, size), text[min(a, size) : min(b, size)], "x")
        for a, b in hedges
    )
    analysis = Analysis(statements, (), unattributed)
    plain = render_article(text, analysis, color=False).plain
    assert _unmark(plain, analysis).rstrip("\n") == text.rstrip("\n")
    colored = render_article(text, analysis, color=True).plain
    assert len(re.findall(r"\[(?:↳ )?source not resolved", colored)) == len(statements)


NESTED = 'Jane Miller said that Bob Ray told her "the bridge is safe" on Monday.'


def _nested_analysis() -> Analysis:
    from attrib.results import Source

    text = NESTED
    quote = text.index('"'), text.rindex('"') + 1
    outer = Statement(
        "s1",
        "mixed",
        (TextSpan.of(text, 22, quote[1]),),
        TextSpan.of(text, 12, 16),
        TextSpan.of(text, 0, 11),
        "src1",
    )
    inner = Statement(
        "s2",
        "direct",
        (TextSpan.of(text, *quote),),
        TextSpan.of(text, 30, 34),
        TextSpan.of(text, 22, 29),
        "src2",
    )
    sources = (
        Source("src1", "Jane Miller", "named", "person", (TextSpan.of(text, 0, 11),)),
        Source("src2", "Bob Ray", "named", "person", (TextSpan.of(text, 22, 29),)),
    )
    return Analysis((outer, inner), sources, ())


def test_a_nested_statement_is_labelled_inside_its_holder() -> None:
    analysis = _nested_analysis()
    plain = _body(render_article(NESTED, analysis, color=False).plain)
    label = "[↳ named: Bob Ray, inside the statement of Jane Miller]"
    assert f'her ⟦"the bridge is safe"⟧⟧ {label} [named: Jane Miller] on Monday' in plain
    colored = render_article(NESTED, analysis, color=True)
    styles = {colored.plain[s.start : s.end]: str(s.style) for s in colored.spans}
    assert "reverse" in styles['"the bridge is safe"']
    assert "reverse" not in styles["Bob Ray "]


@pytest.mark.parametrize("width", [40, 60, 100])
def test_legend_wraps_between_items_to_the_width(width: int) -> None:
    for color in (False, True):
        legend = render_article("", Analysis((), (), ()), color=color, width=width).plain
        lines = legend.split("\n\n")[0].splitlines()
        assert len(lines) > 1
        assert all(len(line) <= width for line in lines)
        assert "unresolved (the text does not say who)" in legend  # never cut inside an item


def test_statement_list_has_a_line_per_statement() -> None:
    from attrib.outputs.show import statement_list

    buffer = io.StringIO()
    Console(file=buffer, width=80).print(statement_list(_nested_analysis()))
    lines = [line.split() for line in buffer.getvalue().splitlines() if line.strip()]
    assert lines[0] == ["#", "Source", "Type", "Cue", "Content"]
    assert lines[2][:5] == ["s1", "Jane", "Miller", "named", "said"]
    assert lines[3][:6] == ["s2", "Bob", "Ray", "named", "told", "↳"]
    assert max(len(line) for line in buffer.getvalue().splitlines()) <= 80
