"""The HTML report: one self-contained, inert document."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from attrib.outputs.html import render_html
from attrib.outputs.html.highlight import Element, Fragment, Node, highlight
from attrib.results import Analysis, Statement, TextSpan, Unattributed

from .conftest import read_example

HOSTILE = (
    'The mayor said: "<script>alert(1)</script> is not a plan."\n\n'
    'An aide of the "mayor" said that </mark><img src=x onerror=alert(2)> \'" was a test.\n\n'
    "The vote was allegedly rigged <b>twice</b>.\n"
)
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr", "col", "area", "base"}


class Tree(HTMLParser):
    """Collects elements with their attributes and the text inside each <mark> and <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        name, attrs, parts = self.stack.pop()
        inner = "".join(parts)
        if name == "mark":
            self.marks.append((attrs, inner))
        if name == "script":
            self.scripts.append(inner)
        if self.stack:
            self.stack[-1][2].append(inner)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack:
            self.stack[-1][2].append(data)


def parse(document: str) -> Tree:
    tree = Tree()
    tree.feed(document)
    tree.close()
    assert not tree.stack, f"unclosed: {[t for t, _, _ in tree.stack]}"
    return tree


def pieces_by_id(tree: Tree, article: str = "a1") -> dict[str, str]:
    """The text of each content piece, its fragments joined (data-piece ids)."""
    joined: dict[str, str] = {}
    for attrs, inner in tree.marks:
        piece = attrs.get("data-piece") or ""
        if piece.startswith(f"{article}-"):
            joined[piece] = joined.get(piece, "") + inner
    return joined


@pytest.fixture(scope="module")
def example_text() -> str:
    return read_example()


@pytest.fixture(scope="module")
def example_html(analyze, example_text: str) -> str:
    return render_html([("Peace plan", example_text, analyze(example_text))], "sm", "2026-11-25")


def test_is_one_balanced_self_contained_document(example_html: str) -> None:
    tree = parse(example_html)
    assert example_html.startswith("<!doctype html>")
    assert len(tree.scripts) == 1
    assert sum(1 for tag, _ in tree.elements if tag == "style") == 1
    for tag, attrs in tree.elements:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        for name in ("src", "href", "action"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), (tag, name, value)
    assert not re.search(r"https?://", example_html)
    assert "@import" not in example_html and "url(" not in example_html


def test_the_policy_allows_exactly_the_inlined_script(example_html: str) -> None:
    tree = parse(example_html)
    (script,) = tree.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    (policy,) = [
        attrs["content"]
        for tag, attrs in tree.elements
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert f"script-src 'sha256-{digest}'" in (policy or "")
    assert "function" in script and "querySelectorAll" in script


def test_shows_title_date_model_and_breakdown(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    document = render_html([("Peace <plan>", example_text, analysis)], "my-model", "2026-11-25")
    text = "".join(parse(document).text)
    assert "Peace <plan>" in text and "Peace &lt;plan&gt;" in document
    assert "2026-11-25" in text and "my-model" in text
    for kind in ("Named", "Unnamed", "Outlet"):
        assert kind in text
    assert f"{analysis.summary.share('unnamed'):.0%}" in text
    for src in analysis.sources:
        assert f'data-source="a1-{src.id}"' in document


def test_every_piece_is_one_highlight_with_its_source(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    tree = parse(render_html([("Peace plan", example_text, analysis)], "sm", "now"))
    found = pieces_by_id(tree)
    expected = {
        f"a1-{st.id}-p{n}": piece.text
        for st in analysis.statements
        for n, piece in enumerate(st.pieces)
    }
    assert found == expected
    for attrs, _ in tree.marks:
        if not attrs.get("data-piece"):
            continue  # the legend
        st = next(s for s in analysis.statements if attrs["data-statement"] == f"a1-{s.id}")
        src = analysis.source(st.source_id)
        assert src is not None
        assert src.type in (attrs.get("class") or "").split()
        assert attrs["data-source"] == f"a1-{src.id}"
        assert attrs.get("aria-describedby") == f"d-a1-{st.id}"
        assert src.name.removeprefix("unnamed ") in (attrs.get("data-tip") or "")
    focusable = [a for a, _ in tree.marks if a.get("tabindex") == "0"]
    assert len(focusable) == len(analysis.statements)
    ids = {a.get("id") for _, a in tree.elements if a.get("id")}
    for attrs in focusable:
        assert attrs["aria-describedby"] in ids


def test_relay_chain_and_hedges_are_shown(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    document = render_html([("Peace plan", example_text, analysis)], "sm", "now")
    assert "relayed by NBC News → UNN" in document
    tree = parse(document)
    hedges = [a for t, a in tree.elements if t == "span" and "hedge" in (a.get("class") or "")]
    assert len([h for h in hedges if h.get("data-hedge")]) >= len(analysis.unattributed) >= 1


def test_paragraphs_are_kept(analyze, example_text: str) -> None:
    analysis = analyze(example_text)
    tree = parse(render_html([("Peace plan", example_text, analysis)], "sm", "now"))
    paragraphs = [p for p in example_text.split("\n\n") if p.strip()]
    assert sum(1 for tag, _ in tree.elements if tag == "p") >= len(paragraphs)


def test_hostile_article_stays_inert(analyze) -> None:
    analysis = analyze(HOSTILE)
    assert analysis.statements
    document = render_html([("<script>alert(3)</script>", HOSTILE, analysis)], "m", "d")
    tree = parse(document)
    assert len(tree.scripts) == 1
    assert "alert" not in tree.scripts[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in document
    assert "<script>alert" not in document
    assert not [attrs for tag, attrs in tree.elements if tag == "img" or "onerror" in attrs]
    assert "".join(pieces_by_id(tree).values()) == "".join(
        p.text for st in analysis.statements for p in st.pieces
    )
    assert "<script>alert(1)</script>" in "".join(tree.text)


def test_crossing_spans_are_nested_properly() -> None:
    text = "Officials said the army allegedly crossed the river at dawn."
    st = Statement(
        "s1",
        "indirect",
        (TextSpan.of(text, 15, 59),),
        TextSpan.of(text, 10, 20),  # crosses into the content
        None,
        None,
    )
    hedge = Unattributed(0, 40, text[0:40], "allegedly")
    analysis = Analysis((st,), (), (hedge,))
    tree = parse(render_html([("t", text, analysis)], "m", "d"))
    assert pieces_by_id(tree) == {"a1-s1-p0": text[15:59]}
    focusable = [a for a, _ in tree.marks if a.get("tabindex") == "0"]
    assert len(focusable) == 1
    assert "".join(tree.text).count("crossed the river") == 1


def shape(nodes: list[Node]) -> list[object]:
    """The tree as plain data: strings, and (tag, attrs, continued, children) per fragment."""
    return [
        n if isinstance(n, str) else (n.tag, n.attrs, n.continued, shape(n.children)) for n in nodes
    ]


def test_an_element_crossing_an_outer_one_is_continued_without_its_lead() -> None:
    text = "ab cd ef"
    paragraph = Element(0, 8, "p", {}, block=True)
    hedge = Element(0, 5, "span", {"class": "hedge"}, {"class": "hedge first", "id": "h1"})
    mark = Element(3, 8, "mark", {"class": "st"}, {"class": "st first", "tabindex": "0"})
    assert shape(highlight(text, [paragraph, mark, hedge])) == [
        (
            "p",
            {},
            False,
            [
                (
                    "span",
                    {"class": "hedge first", "id": "h1"},
                    False,
                    ["ab ", ("mark", {"class": "st first", "tabindex": "0"}, False, ["cd"])],
                ),
                ("mark", {"class": "st"}, True, [" ef"]),
            ],
        )
    ]


def test_paragraphs_stay_outermost_and_outer_white_space_goes() -> None:
    text = "  ab\n\ncd \n"
    mark = Element(3, 7, "mark", {"class": "st"})
    paragraphs = [Element(2, 4, "p", {}, block=True), Element(6, 8, "p", {}, block=True)]
    tree = highlight(text, [mark, *paragraphs])
    assert shape(tree) == [
        ("p", {}, False, ["a", ("mark", {"class": "st"}, False, ["b"])]),
        ("mark", {"class": "st"}, True, ["\n\n"]),
        ("p", {}, False, [("mark", {"class": "st"}, True, ["c"]), "d"]),
    ]
    assert all(isinstance(n, Fragment) for n in tree)


def test_several_articles_give_one_report(analyze, example_text: str) -> None:
    first = analyze(example_text)
    second = analyze(HOSTILE)
    document = render_html(
        [("Peace plan", example_text, first), ("Mayor", HOSTILE, second)], "sm", "now"
    )
    tree = parse(document)
    assert len(tree.scripts) == 1
    articles = [a.get("id") for t, a in tree.elements if t == "article"]
    assert articles == ["a1", "a2"]
    assert 'href="#a1"' in document and 'href="#a2"' in document
    assert "All 2 articles" in "".join(tree.text)
    assert pieces_by_id(tree, "a2")
    ids = [a["id"] for _, a in tree.elements if a.get("id")]
    assert len(ids) == len(set(ids))


def test_empty_input() -> None:
    document = render_html([("Empty", "", Analysis((), (), ()))], "m", "d")
    tree = parse(document)
    assert "No sources found." in "".join(tree.text)


spans = hs.tuples(hs.integers(0, 40), hs.integers(0, 40)).map(sorted)


@settings(max_examples=200, deadline=None)
@given(
    text=hs.text(alphabet='ab <>&"\n', min_size=1, max_size=40),
    pieces=hs.lists(spans, min_size=1, max_size=4),
    cues=hs.lists(spans, max_size=3),
    hedges=hs.lists(spans, max_size=2),
)
def test_any_overlap_renders_balanced_and_whole(
    text: str, pieces: list[list[int]], cues: list[list[int]], hedges: list[list[int]]
) -> None:
    size = len(text)
    statements = tuple(
        Statement(
            f"s{n}",
            "direct",
            (TextSpan.of(text, min(a, size), min(b, size)),),
            TextSpan.of(text, min(c[0], size), min(c[1], size)) if c else None,
            None,
            None,
        )
        for n, ((a, b), c) in enumerate(zip(pieces, [*cues, *([None] * len(pieces))], strict=False))
    )
    unattributed = tuple(
        Unattributed(min(a, size), min(b, size), text[min(a, size) : min(b, size)], "x")
        for a, b in hedges
    )
    analysis = Analysis(statements, (), unattributed)
    tree = parse(render_html([("t", text, analysis)], "m", "d"))
    found = pieces_by_id(tree)
    for s in statements:
        if s.content.start < s.content.end:
            assert found[f"a1-{s.id}-p0"] == s.content.text
    body = "".join(tree.text)
    assert "".join(text.split()) in "".join(body.split())
