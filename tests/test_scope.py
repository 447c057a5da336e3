"""Statements only, or every attribution: --scope in the views, and what the breakdown adds
(sources that declined to comment, documents, unresolved sources)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib.cli import app
from attrib.outputs.html import render_html
from attrib.outputs.show import render_article
from attrib.outputs.table import breakdown, notes, sources_table
from attrib.results import Analysis

from .test_html_report import parse

TEXT = (
    "Acme Corp. declined to comment on Friday. The mayor's office did not respond to a "
    "request for comment.\n\n"
    '"We are leaving," he said.\n\n'
    "A new report says the river is rising, and Jane Miller said the town would flood. "
    "She thinks it will rain.\n"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def analysis(analyze) -> Analysis:  # type: ignore[no-untyped-def]
    return analyze(TEXT)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scope") / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_the_fixture_has_what_the_views_show(analysis: Analysis) -> None:
    summary = analysis.summary
    assert summary.statements_by_type["unresolved"] == 1
    assert (summary.documents, summary.no_comment, summary.declined, summary.others) == (1, 2, 2, 1)


def test_breakdown_says_who_declined_and_what_rests_on_documents(analysis: Analysis) -> None:
    assert notes(analysis) == [
        "1 statement whose source the text does not settle (left out of the shares)",
        "1 statement rests on documents",
        "2 sources declined to comment: Acme Corp., mayor's office",
        "1 other attribution (beliefs, intentions, ...) not counted",
    ]
    assert "2 sources declined to comment" in breakdown(analysis).plain
    assert notes(analysis.scoped("all"))[-1].startswith("2 sources declined")


def test_source_table_shows_an_unresolved_source(analysis: Analysis) -> None:
    buffer = io.StringIO()
    from rich.console import Console

    Console(file=buffer, width=80).print(sources_table(analysis))
    assert any(line.split()[:2] == ["he", "unresolved"] for line in buffer.getvalue().splitlines())


def test_show_marks_no_comment_and_unresolved(analysis: Analysis) -> None:
    plain = render_article(TEXT, analysis, color=False).plain
    assert "⁅declined to comment⁆ [no comment: Acme Corp.]" in plain
    assert "⁅did not respond⁆ [no comment: mayor's office]" in plain
    assert '⟦"We are leaving,"⟧ [unresolved: “he”, the text does not say who]' in plain
    assert "⟦it will rain⟧" not in plain  # a belief: not a statement
    everything = render_article(TEXT, analysis.scoped("all"), color=False).plain
    assert "⟦it will rain⟧ [named: Jane Miller]" in everything
    colored = render_article(TEXT, analysis, color=True)
    styles = {colored.plain[s.start : s.end]: str(s.style) for s in colored.spans}
    assert styles["declined to comment"] == "red"


def test_html_lists_no_comment_events_and_styles_unresolved(analysis: Analysis) -> None:
    tree = parse(render_html([("Scope", TEXT, analysis)], "m", "today"))
    classes = [attrs.get("class") or "" for _, attrs in tree.elements]
    assert "nocomment" in classes
    marks = {inner: attrs for attrs, inner in tree.marks}
    assert "unresolved" in (marks['"We are leaving,"'].get("class") or "").split()
    text = "".join(tree.text)
    assert "Declined to comment" in text and "2 sources declined to comment" in text
    links = [a.get("href") for tag, a in tree.elements if tag == "a"]
    assert "#a1-n1" in links and "#a1-n2" in links


@pytest.mark.usefixtures("nlp")
def test_analyze_scope_changes_table_and_csv_but_not_json(article: Path) -> None:
    table = {
        scope: runner.invoke(app, ["analyze", str(article), "--scope", scope]).output
        for scope in ("statements", "all")
    }
    assert table["statements"].startswith(str(article))
    assert "3 statements" in table["statements"] and "4 statements" in table["all"]
    docs = [
        json.loads(runner.invoke(app, ["analyze", str(article), "--json", "--scope", s]).output)
        for s in ("statements", "all")
    ]
    assert docs[0] == docs[1]
    assert len(docs[0]["statements"]) == 3 and len(docs[0]["other_attributions"]) == 1
    rows = list(
        csv.DictReader(
            io.StringIO(
                runner.invoke(app, ["analyze", str(article), "-f", "csv", "--scope", "all"]).output
            )
        )
    )
    assert list(rows[0])[2:4] == ["kind", "class"]
    assert [(r["statement"], r["class"]) for r in rows] == [
        ("s1", "speech"),
        ("s2", "document"),
        ("s3", "speech"),
        ("a1", "belief"),
    ]


@pytest.mark.usefixtures("nlp")
def test_summarize_scope_all_rebuilds_from_the_arrays(article: Path, tmp_path: Path) -> None:
    saved = tmp_path / "results.jsonl"
    saved.write_text(runner.invoke(app, ["analyze", str(article), "--json"]).output)
    rows = {
        scope: [
            line.split()
            for line in runner.invoke(
                app, ["summarize", str(saved), "--scope", scope]
            ).output.splitlines()
            if line.strip()
        ]
        for scope in ("statements", "all")
    }
    assert ["article.txt", "3", "50%", "50%", "0%", "0"] in rows["statements"]
    assert ["article.txt", "4", "67%", "33%", "0%", "0"] in rows["all"]


@pytest.mark.usefixtures("nlp")
def test_show_scope_all_shows_other_attributions(article: Path) -> None:
    result = runner.invoke(app, ["show", str(article), "--scope", "all"])
    assert result.exit_code == 0
    assert "⟦it will rain⟧" in result.output
