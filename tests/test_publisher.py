"""Self-attribution: a page that cites its own outlet is not relying on an outside outlet."""

from __future__ import annotations

import pytest

from attrib.analysis.publisher import mark_publisher
from attrib.outputs.table import breakdown
from attrib.results import InputInfo, PageMeta

TEXT = "The port will close next week, UNN reports. Reuters said the talks had failed."


@pytest.mark.parametrize(
    "meta",
    [
        {"hostname": "unn.ua"},
        {"hostname": "www.unn.ua"},
        {"sitename": "UNN"},
        {"sitename": "Ukrainian National News"},  # the lexicon's canonical name for UNN
    ],
)
def test_publisher_is_recognised_from_page_metadata(analyze, meta) -> None:
    page = InputInfo("page.html", "html", PageMeta(**meta))
    analysis = mark_publisher(analyze(TEXT).with_input(page))
    flags = {s.name: s.publisher for s in analysis.sources}
    assert flags == {"UNN": True, "Reuters": False}
    summary = analysis.summary
    assert summary.own_reporting == 1
    assert summary.statements_by_type["outlet"] == 1  # only Reuters is an outside outlet
    assert summary.sources_by_type["outlet"] == 1
    assert "1 statement is the publisher's own reporting" in breakdown(analysis).plain


@pytest.mark.parametrize("meta", [{}, {"hostname": "example.org"}, {"sitename": "Daily Bugle"}])
def test_other_pages_leave_outlets_alone(analyze, meta) -> None:
    page = InputInfo("page.html", "html", PageMeta(**meta))
    analysis = mark_publisher(analyze(TEXT).with_input(page))
    assert not any(s.publisher for s in analysis.sources)
    assert analysis.summary.own_reporting == 0
    assert analysis.summary.statements_by_type["outlet"] == 2


def test_jsonl_fields_name_the_publisher_when_there_is_no_page(analyze) -> None:
    analysis = mark_publisher(analyze(TEXT).with_input("n1", {"sitename": "UNN", "lang": "en"}))
    assert {s.name: s.publisher for s in analysis.sources} == {"UNN": True, "Reuters": False}
