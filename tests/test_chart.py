"""The corpus chart (attrib summarize --format html): one self-contained page, sortable."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib.cli import app
from attrib.outputs.html import render_chart
from attrib.results import Analysis, InputInfo, PageMeta, Summary

from .test_html_report import parse

runner = CliRunner()


def summary(named: int, unnamed: int, outlet: int = 0) -> Summary:
    by_type = {"named": named, "unnamed": unnamed, "outlet": outlet, "unresolved": 0}
    return Summary(named + unnamed + outlet, by_type, dict(by_type), 0, 1)


ROWS = [
    ("The <Harbour> Ledger", 3, summary(6, 2)),
    ("Wexmoor Gazette", 2, summary(1, 3, 4)),
    ("Quiet Weekly", 1, summary(0, 0)),
]


@pytest.fixture(scope="module")
def chart() -> str:
    return render_chart(ROWS, "Sitename", "statements", "2026-11-30")


def test_is_one_balanced_self_contained_document(chart: str) -> None:
    tree = parse(chart)
    (script,) = tree.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in chart
    for tag, attrs in tree.elements:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        assert not attrs.get("src") and not attrs.get("href")
    assert not re.search(r"https?://", chart)
    assert "The &lt;Harbour&gt; Ledger" in chart  # escaped, never markup


def test_a_bar_per_group_described_in_words(chart: str) -> None:
    tree = parse(chart)
    bars = [a["aria-label"] for tag, a in tree.elements if a.get("role") == "img"]
    assert bars == [
        "named 75%, unnamed 25%, outlet 0%",
        "named 12%, unnamed 38%, outlet 50%",
        "no attributed statements",
        "named 44%, unnamed 31%, outlet 25%",  # the total: 7, 5 and 4 of 16
    ]
    rows = [a for tag, a in tree.elements if tag == "tr" and a.get("data-order")]
    assert [r["data-unnamed"] for r in rows] == ["0.25", "0.375", "-1"]


def _saved(tmp_path: Path) -> Path:
    docs = []
    for ident, site, date in [
        ("a", "Ledger", "2026-01-05"),
        ("b", "Ledger", "2026-01-20"),
        ("c", "Gazette", "2026-02-01"),
    ]:
        page = InputInfo(f"/long/path/{ident}.html", "html", PageMeta(sitename=site, date=date))
        docs.append(json.dumps(Analysis((), (), ()).with_input(page).to_dict()))
    saved = tmp_path / "results.jsonl"
    saved.write_text("\n".join(docs) + "\n", encoding="utf-8")
    return saved


def test_summarize_by_date_groups_months_and_writes_a_chart(tmp_path: Path) -> None:
    saved = _saved(tmp_path)
    table = runner.invoke(app, ["summarize", str(saved), "--by", "date"])
    assert table.exit_code == 0, table.output
    months = [line.split()[:1] for line in table.output.splitlines() if line.strip()]
    assert ["2026-01"] in months and ["2026-02"] in months and ["Month"] in months
    out = tmp_path / "trend.html"
    result = runner.invoke(
        app, ["summarize", str(saved), "--by", "date", "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0 and result.output == ""
    text = "".join(parse(out.read_text(encoding="utf-8")).text)
    assert "Sourcing by month" in text
    assert text.index("2026-01") < text.index("2026-02")
